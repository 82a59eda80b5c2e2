import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { AnalysisPage, type AnswerActionsProps } from '../../features/analysis';
import { PinButton } from '../../features/dashboard';

const pinAction = ({ question, plan }: AnswerActionsProps) => <PinButton question={question} plan={plan} />;

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
    <section className="analysis-route">
      <PageHeader title="Analysis">
        <p>
          Ask questions about your cases in plain language and watch the answer build up, with its sources.
        </p>
      </PageHeader>
      <AnalysisPage askOnOpen={ask} onAskedOnOpen={onAsked} answerActions={pinAction} />
    </section>
  );
}
