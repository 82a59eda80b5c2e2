import { type ReactNode, useEffect, useState } from 'react';

/** Copies text and says so for a moment; `label` names what is copied when the visible text does not. */
export function CopyButton({
  text,
  label,
  children = 'Copy',
}: {
  text: () => string;
  label?: string;
  children?: ReactNode;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" className="button subtle small" onClick={copy} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
    </button>
  );
}
