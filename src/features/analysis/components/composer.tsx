import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { QUESTION_MAX_LENGTH } from '../../../contract/agent';

interface Props {
  isStreaming: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
}

/** Enter sends, Shift+Enter breaks the line, and nothing is sent while an input method is composing. */
export function Composer({ isStreaming, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const hintId = useId();
  const send = () => {
    const question = text.trim();
    if (!question || isStreaming) return;
    onSend(question);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229 covers Safari, which ends composition before the keydown that confirms it.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229)
      return;
    event.preventDefault();
    send();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={`${hintId}-question`} className="visually-hidden">
        Your question
      </label>
      <textarea
        id={`${hintId}-question`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
        maxLength={QUESTION_MAX_LENGTH}
        placeholder="Ask a question about your cases"
        aria-describedby={hintId}
      />
      <p id={hintId} className="visually-hidden">
        Enter sends; Shift and Enter starts a new line.
      </p>
      {isStreaming ? (
        <button type="button" className="button danger" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="button primary" disabled={!text.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
