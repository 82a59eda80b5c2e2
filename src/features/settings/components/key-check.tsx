import { type FormEvent, useId, useRef, useState } from 'react';
import { useKeyCheck } from '../api/check-api-key';

/**
 * The key is read from an uncontrolled field at submit and the field is emptied at once, so it never sits
 * in React state, the query cache or the DOM after the check.
 */
export function KeyCheck() {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [isShown, setIsShown] = useState(false);
  const [isMissing, setIsMissing] = useState(false);
  const { state, check } = useKeyCheck();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = input.current;
    const key = field?.value.trim() ?? '';
    setIsMissing(key === '');
    if (!field || key === '') return;
    field.value = '';
    setIsShown(false);
    void check(key);
  };

  return (
    <section className="settings-section" aria-labelledby="check-title">
      <h2 id="check-title">Check a key</h2>
      <p className="muted" id={hintId}>
        Paste a key to see which organization it belongs to and what it may do. The key goes only to the API's{' '}
        <code>/auth/me/</code> endpoint; it is not stored, logged or kept on this page.
      </p>
      <form className="key-check" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>API key</label>
          <div className="key-input">
            <input
              ref={input}
              id={inputId}
              name="api-key-check"
              type={isShown ? 'text' : 'password'}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              placeholder="hpx_…"
              aria-describedby={hintId}
              aria-invalid={isMissing || undefined}
            />
            <button
              type="button"
              className="button subtle"
              aria-pressed={isShown}
              onClick={() => setIsShown((shown) => !shown)}
            >
              {isShown ? 'Hide key' : 'Show key'}
            </button>
          </div>
          {isMissing && <p className="field-error">Paste a key first.</p>}
        </div>
        <button type="submit" className="button primary" disabled={state.status === 'checking'}>
          {state.status === 'checking' ? 'Checking…' : 'Check the key'}
        </button>
      </form>
      <div aria-live="polite" className="key-check-result">
        {state.status === 'valid' && (
          <div className="info">
            <p>
              <strong>This key works.</strong>
            </p>
            <dl className="key-identity">
              <dt>Organization</dt>
              <dd>
                {state.identity.organization.name} ({state.identity.organization.type})
              </dd>
              <dt>Key</dt>
              <dd>
                {state.identity.api_key.name} (<code>{state.identity.api_key.prefix}…</code>)
              </dd>
              <dt>Scopes</dt>
              <dd>{state.identity.api_key.scopes.join(', ') || 'none'}</dd>
            </dl>
          </div>
        )}
        {state.status === 'invalid' && (
          <p className="form-error">
            <strong>This key was refused.</strong> {state.message}
          </p>
        )}
      </div>
    </section>
  );
}
