import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const MESSAGES: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copying is blocked in this browser: select the text and copy it.',
};

/** Copies exactly the text it is given, which is exactly the text shown beside it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2_500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button subtle copy-button" aria-label={`Copy ${label}`} onClick={copy}>
        Copy
      </button>
      <span role="status" className={`copy-status copy-${state}`}>
        {MESSAGES[state]}
      </span>
    </span>
  );
}
