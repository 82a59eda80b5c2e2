import { memo } from 'react';
import type { Clarify } from '../../../contract/agent';
import { reaskWith } from '../lib/clarify';

const KIND_WORDS: Record<string, string> = {
  procedure: 'procedure',
  condition: 'condition',
  drg: 'DRG',
  surgeon: 'surgeon',
  payor: 'payor',
  provider: 'provider',
  client: 'client',
  gender: 'gender',
  age_band: 'age band',
};

/** Several close matches for the same words: each is a button that asks the question again with that one. */
export const ClarifyOptions = memo(function ClarifyOptions({
  clarify,
  question,
  onAsk,
  isDisabled,
}: {
  clarify: Clarify;
  question: string | null;
  onAsk: (question: string) => void;
  isDisabled: boolean;
}) {
  return (
    <fieldset className="clarify">
      <legend className="clarify-question">{clarify.question}</legend>
      <ul className="clarify-options">
        {clarify.options.map((option) => (
          <li key={`${option.kind}-${option.id}`}>
            <button
              type="button"
              className="button clarify-option"
              disabled={isDisabled}
              onClick={() => onAsk(reaskWith(question ?? clarify.text, clarify.text, option.name))}
            >
              <span className="clarify-name">{option.name}</span>
              <span className="clarify-meta">
                {KIND_WORDS[option.kind] ?? option.kind} · {option.cases.toLocaleString('en-US')}{' '}
                {option.cases === 1 ? 'case' : 'cases'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
});
