import { SUPPORT_EMAIL } from './key-status';

export function SecretHandling() {
  return (
    <section className="settings-section" aria-labelledby="secrets-title">
      <h2 id="secrets-title">Keeping keys secret</h2>
      <ul className="secret-rules">
        <li>
          Keep keys in <strong>environment variables or a secrets manager</strong> (your cloud's secrets
          service, Vault, or your CI's secret store). The examples below read <code>HPX_API_KEY</code> from
          the environment.
        </li>
        <li>
          <strong>Never commit a key to version control</strong>, not even in a private repository or an
          example file. If one was committed, request a rotation at once: deleting the commit does not undo
          the leak.
        </li>
        <li>
          <strong>Never put a key in a support email</strong>, a ticket, a chat or a screenshot. Support at{' '}
          <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a> only needs the key's name and prefix.
        </li>
        <li>
          Give each integration its own key with only the scopes it needs, so one can be rotated without
          stopping the others.
        </li>
        <li>A key is shown once, when it is issued. It cannot be shown again, only revoked and replaced.</li>
      </ul>
    </section>
  );
}
