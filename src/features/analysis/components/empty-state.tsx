import { useExamples } from '../api/list-examples';
import { SuggestionChips } from './suggestion-chips';

/** Example questions drawn from the organization's own data, so each one has an answer. */
export function EmptyState({ onAsk }: { onAsk: (question: string) => void }) {
  const examples = useExamples();
  return (
    <div className="empty-state">
      <h2>Ask about your cases</h2>
      <p className="muted">
        Costs, revenue, profit, length of stay and OR time, by procedure, surgeon, payor or provider. Every
        answer says how it read the question and how many cases are behind it.
      </p>
      {examples.data && examples.data.questions.length === 0 && (
        <p className="info">There is no case data yet. Upload a case file, then come back to ask about it.</p>
      )}
      {examples.data && (
        <SuggestionChips questions={examples.data.questions} label="Example questions" onAsk={onAsk} />
      )}
    </div>
  );
}
