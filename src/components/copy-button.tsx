import { type ReactNode, useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const MESSAGES: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copying is blocked in this browser: select the text and copy it.',
};

/** How long "Copied" stays; a failure stays until the next try, as it says what to do instead. */
export const COPIED_FOR_MS = 2_500;

interface Props {
  /** The text, or a function that gives it at the moment of copying (a table in the order shown then). */
  text: string | (() => string);
  /** The button's accessible name, when its visible text does not say what is copied ('Copy SQL'). */
  label?: string;
  children?: ReactNode;
}

/**
 * Copies exactly the text it is given. The outcome is said in a live region that is always in the page, so a
 * screen reader announces "Copied" (or how to copy by hand) while focus stays on the button.
 */
export function CopyButton({ text, label, children = 'Copy' }: Props) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button subtle small" aria-label={label} onClick={copy}>
        {children}
      </button>
      <span role="status" className={`copy-status copy-${state}`}>
        {MESSAGES[state]}
      </span>
    </span>
  );
}
