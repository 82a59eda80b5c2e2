import { CodeBlock } from './code-block';

export function CredentialPatterns() {
  return (
    <section className="settings-section" aria-labelledby="credentials-title">
      <h2 id="credentials-title">Two ways to authenticate</h2>
      <div className="credential-grid">
        <article className="credential-card">
          <h3>API key in the X-API-Key header</h3>
          <p>
            For <strong>service integrations</strong>: a scheduled export from your data warehouse, an ETL job
            or a script that uploads files. Keys are issued per organization by the Valiance Health platform
            team, carry scopes (<code>upload</code>, <code>agent</code>) and may expire.
          </p>
          <CodeBlock title="API key header" language="http" code={'X-API-Key: $HPX_API_KEY'} />
        </article>
        <article className="credential-card">
          <h3>Bearer token (JWT) in the Authorization header</h3>
          <p>
            For <strong>applications and agents</strong> acting for a signed-in person, as this dashboard
            does: sign in with <code>POST /api/v1/auth/login/</code>, then send the access token. It lasts 15
            minutes and is renewed with <code>POST /api/v1/auth/refresh/</code>; it is never stored on disk.
          </p>
          <CodeBlock title="Bearer header" language="http" code={'Authorization: Bearer $HPX_ACCESS_TOKEN'} />
        </article>
      </div>
      <p className="muted">
        Every request uses HTTPS, and every answer is limited to your organization's data, whichever
        credential sends it.
      </p>
    </section>
  );
}
