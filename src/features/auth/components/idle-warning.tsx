import { useEffect, useRef } from 'react';

/** Announced politely once; the countdown itself is not re-announced every second. */
export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => buttonRef.current?.focus(), []);
  return (
    <div
      className="idle-warning"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
    >
      <h2 id="idle-title">Still there?</h2>
      <p id="idle-text">
        For your security you will be signed out <span aria-hidden="true">in {secondsLeft} seconds</span>
        <span className="visually-hidden">in less than a minute</span> without activity.
      </p>
      <button ref={buttonRef} type="button" className="button primary" onClick={onStay}>
        Stay signed in
      </button>
    </div>
  );
}
