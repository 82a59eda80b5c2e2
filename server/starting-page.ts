import { randomBytes } from 'node:crypto';

// What the API port answers while the server prepares demo data on its first start: a page in the app's look
// that shows the progress and opens sign-in by itself when the app is ready, and the same progress as JSON for
// the page (and for any client) on the API paths.

interface StartupStep {
  label: string;
  state: 'waiting' | 'running' | 'done';
}

export interface StartupProgress {
  steps: StartupStep[];
  startedAt: number;
}

function startupSnapshot(progress: StartupProgress, now = Date.now()) {
  const done = progress.steps.filter((step) => step.state === 'done').length;
  const running = progress.steps.some((step) => step.state === 'running');
  return {
    status: 'starting' as const,
    message: running
      ? 'Preparing demo organizations and their cases. This happens once, on the first start.'
      : 'Starting. The dashboard opens when it is ready.',
    steps: progress.steps,
    done,
    total: progress.steps.length,
    elapsed_s: Math.round((now - progress.startedAt) / 1000),
  };
}

/** Polled by the page: 200 with the progress while starting; once the app answers it instead, sign-in opens. */
const PROGRESS_PATH = '/starting-progress';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

function page(nonce: string, snapshot: ReturnType<typeof startupSnapshot>) {
  const items = snapshot.steps
    .map((step) => `<li data-state="${step.state}">${escapeHtml(step.label)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Starting · Healthproximate</title>
<style nonce="${nonce}">
:root { --bg:#f6f7f9; --surface:#fff; --text:#17202a; --muted:#4b5563; --border:#d5dae1; --accent:#0b6464;
  --accent-text:#fff; --accent-soft:#e0f0ef; --ok:#146c2e; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg:#0f1419; --surface:#171d24; --text:#e6eaef; --muted:#a7b0bc;
  --border:#313b47; --accent:#5cc8c3; --accent-text:#06201f; --accent-soft:#12302f; --ok:#6fd08c; } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:grid; place-items:center; padding:1rem; background:var(--bg);
  color:var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width:min(30rem,100%); background:var(--surface); border:1px solid var(--border); border-radius:8px;
  padding:1.75rem; box-shadow:0 1px 2px rgb(0 0 0 / 6%), 0 2px 8px rgb(0 0 0 / 5%); }
.brand { display:flex; align-items:center; gap:.6rem; font-weight:700; margin-bottom:1.25rem; }
.logo { display:grid; place-items:center; width:28px; height:28px; border-radius:6px; background:var(--accent);
  color:var(--accent-text); font-weight:800; }
h1 { font-size:1.25rem; margin:0 0 .35rem; }
p { margin:0 0 1rem; color:var(--muted); }
.bar { height:.6rem; border-radius:1rem; background:var(--accent-soft); overflow:hidden; margin:1rem 0; }
.fill { height:100%; width:0; background:var(--accent); border-radius:1rem; transition:width .4s ease; }
ol { list-style:none; padding:0; margin:0; }
li { display:flex; align-items:center; gap:.6rem; padding:.2rem 0; color:var(--muted); }
li::before { content:""; flex:none; width:.7rem; height:.7rem; border-radius:50%; border:2px solid var(--border); }
li[data-state="running"] { color:var(--text); font-weight:600; }
li[data-state="running"]::before { border-color:var(--accent); border-right-color:transparent; animation:spin .8s linear infinite; }
li[data-state="done"]::before { background:var(--ok); border-color:var(--ok); }
.elapsed { font-size:.875rem; margin:1rem 0 0; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { li::before { animation:none !important; } .fill { transition:none; } }
</style>
</head>
<body>
<main>
  <div class="brand"><span class="logo" aria-hidden="true">H</span>Healthproximate</div>
  <h1>Getting the dashboard ready</h1>
  <p id="message" role="status">${escapeHtml(snapshot.message)}</p>
  <div class="bar" role="progressbar" aria-label="Preparing demo data" aria-valuemin="0" aria-valuemax="${snapshot.total}" aria-valuenow="${snapshot.done}" id="bar"><div class="fill" id="fill"></div></div>
  <ol id="steps">${items}</ol>
  <p class="elapsed" id="elapsed">Sign-in opens by itself when it is ready.</p>
</main>
<script nonce="${nonce}">
(() => {
  const show = (state) => {
    const share = state.total ? (state.done + (state.steps.some((s) => s.state === 'running') ? 0.5 : 0)) / state.total : 0;
    document.getElementById('fill').style.width = Math.round(share * 100) + '%';
    const bar = document.getElementById('bar');
    bar.setAttribute('aria-valuenow', String(state.done));
    const message = document.getElementById('message');
    if (message.textContent !== state.message) message.textContent = state.message;
    const list = document.getElementById('steps');
    list.replaceChildren(...state.steps.map((step) => {
      const item = document.createElement('li');
      item.dataset.state = step.state;
      item.textContent = step.label;
      return item;
    }));
    document.getElementById('elapsed').textContent =
      'Step ' + Math.min(state.done + 1, state.total) + ' of ' + state.total + ', ' + state.elapsed_s + ' s so far. Sign-in opens by itself when it is ready.';
  };
  const poll = async () => {
    try {
      const response = await fetch('${PROGRESS_PATH}', { cache: 'no-store', headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => null);
      if (body && body.status === 'starting') show(body);
      else return location.replace('/sign-in');
    } catch {}
    setTimeout(poll, 1000);
  };
  show(${JSON.stringify(snapshot).replace(/</g, '\\u003c')});
  setTimeout(poll, 1000);
})();
</script>
</body>
</html>`;
}

/** The answer to any request while starting: JSON on API paths, the progress page otherwise; always 503. */
export function startingResponse(request: Request, progress: StartupProgress): Response {
  const snapshot = startupSnapshot(progress);
  const headers = { 'Retry-After': '2', 'Cache-Control': 'no-store' };
  const { pathname } = new URL(request.url);
  if (pathname === PROGRESS_PATH)
    return Response.json(snapshot, { headers: { 'Cache-Control': 'no-store' } });
  if (pathname.startsWith('/api/') || !request.headers.get('accept')?.includes('text/html')) {
    return Response.json(snapshot, { status: 503, headers });
  }
  const nonce = randomBytes(16).toString('base64');
  return new Response(request.method === 'HEAD' ? null : page(nonce, snapshot), {
    status: 503,
    headers: {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/** The same progress for the terminal: one line when a step starts and one when it ends. */
export function startupLogger(progress: StartupProgress, log: (line: string) => void) {
  const timers = new Map<number, number>();
  return {
    begin(index: number) {
      const step = progress.steps[index];
      if (!step) return;
      step.state = 'running';
      timers.set(index, performance.now());
      log(`  [${index + 1}/${progress.steps.length}] ${step.label}…`);
    },
    end(index: number) {
      const step = progress.steps[index];
      if (!step) return;
      step.state = 'done';
      const seconds = ((performance.now() - (timers.get(index) ?? performance.now())) / 1000).toFixed(1);
      log(`  [${index + 1}/${progress.steps.length}] done in ${seconds} s`);
    },
  };
}
