import {
  type FormEvent,
  type KeyboardEvent,
  type Ref,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { QUESTION_MAX_LENGTH } from '../../../contract/agent';

/** The question box's id, for the "Ask a question" skip link. */
const QUESTION_BOX_ID = 'question';

export interface ComposerHandle {
  focus(): void;
  /** Replaces the text (to edit an earlier question) and puts the cursor at its end. */
  setDraft(text: string): void;
}

interface Props {
  isStreaming: boolean;
  isStopping?: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
  ref?: Ref<ComposerHandle>;
}

/** Enter sends, Shift+Enter breaks the line, and nothing is sent while an input method is composing. */
export function Composer({ isStreaming, isStopping = false, onSend, onStop, ref }: Props) {
  const [text, setText] = useState('');
  const hintId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => box.current?.focus(),
      setDraft: (draft: string) => {
        setText(draft);
        const element = box.current;
        if (!element) return;
        element.focus();
        requestAnimationFrame(() => element.setSelectionRange(draft.length, draft.length));
      },
    }),
    [],
  );
  const send = () => {
    const question = text.trim();
    if (!question || isStreaming || isStopping) return;
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
      <label htmlFor={QUESTION_BOX_ID} className="visually-hidden">
        Your question
      </label>
      <textarea
        ref={box}
        id={QUESTION_BOX_ID}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
        maxLength={QUESTION_MAX_LENGTH}
        placeholder="Ask a question about your cases"
        aria-describedby={hintId}
        aria-keyshortcuts="/"
      />
      <p id={hintId} className="visually-hidden">
        Enter sends; Shift and Enter starts a new line; Escape stops an answer; slash comes back here.
      </p>
      {isStreaming || isStopping ? (
        <button type="button" className="button danger" onClick={onStop} disabled={isStopping}>
          {isStopping ? 'Stopping…' : 'Stop'}
        </button>
      ) : (
        <button type="submit" className="button primary" disabled={!text.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
