import { memo } from 'react';
export const SuggestionChips = memo(function SuggestionChips({
  questions,
  label = 'Suggested follow-ups',
  onAsk,
  isDisabled = false,
}: {
  questions: string[];
  label?: string;
  onAsk: (question: string) => void;
  isDisabled?: boolean;
}) {
  if (!questions.length) return null;
  return (
    <ul className="suggestions" aria-label={label}>
      {questions.map((question) => (
        <li key={question}>
          <button type="button" className="chip" disabled={isDisabled} onClick={() => onAsk(question)}>
            {question}
          </button>
        </li>
      ))}
    </ul>
  );
});
