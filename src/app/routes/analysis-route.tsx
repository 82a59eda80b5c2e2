import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { AnalysisPage, type AnswerActionsProps } from '../../features/analysis/components/analysis-page';
import { PinButton } from '../../features/dashboard/components/pin-button';

const pinAction = ({ question, plan }: AnswerActionsProps) => <PinButton question={question} plan={plan} />;

/** The conversation gets the height: no page header, only its heading for screen readers and the outline. */
export default function AnalysisRoute() {
  // `?ask=` (a dashboard card's "Open in Analysis") starts a new conversation with that question.
  const [params, setParams] = useSearchParams();
  const ask = params.get('ask');
  const onAsked = useCallback(
    () =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete('ask');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return (
    <section className="analysis-route" aria-labelledby="analysis-heading">
      <h1 id="analysis-heading" className="visually-hidden">
        Analysis
      </h1>
      <AnalysisPage askOnOpen={ask} onAskedOnOpen={onAsked} answerActions={pinAction} />
    </section>
  );
}
