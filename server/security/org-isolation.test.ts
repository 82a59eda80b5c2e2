import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

// One place that plays organization B (a signed-in user and an API key holding every scope) against every
// resource organization A owns, on every route that takes an id or a key: each answer must be a refusal
// that reveals nothing of A, and A's resources must be untouched afterwards.

const SURGEON = 'Zebulon Quartermaine';
const CASES = [
  'case_id,admit_date,discharge_date,procedure_code,procedure_name,surgeon,payor,revenue,hospital_revenue,cost',
  `A-1,2026-03-02,2026-03-05,27447,Total knee arthroplasty,${SURGEON},Acme Health,41000,38000,21000`,
  `A-2,2026-04-10,2026-04-12,27447,Total knee arthroplasty,${SURGEON},Acme Health,43000,39000,22000`,
].join('\n');

interface Owned {
  orgId: string;
  file: { id: string; key: string; filename: string };
  pending: { key: string; fileId: string };
  multipart: { key: string; uploadId: string; fileId: string };
  conversation: { id: string; title: string };
  runId: string;
  keyId: string;
}

let t: TestAppWithStorage;
let a: Owned;
let userA: Credentials;
let attackers: [string, Credentials][];

async function ask(credentials: Credentials, question: string) {
  const response = await call(t, credentials, 'POST', '/agent/query/', { question });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json as { conversation_id: string; run_id: string; message: { content: string } };
}

beforeAll(async () => {
  t = await makeTestAppWithStorage();
  const alpha = await addOrgWithUser(t, 'Alpha');
  const bravo = await addOrgWithUser(t, 'Bravo');
  userA = { Authorization: (await signIn(t, alpha.email)).authorization };
  const keyOfA = t.deps.keys.create({
    orgId: alpha.org.id,
    name: 'alpha',
    scopes: ['upload'],
    expiresInDays: null,
  });
  const keyOfB = t.deps.keys.create({
    orgId: bravo.org.id,
    name: 'bravo-all',
    scopes: ['upload', 'agent'],
    expiresInDays: null,
  });
  // A second analyst of A: files are shared within the organization, conversations and runs are not.
  const colleague = t.deps.accounts.createUser({
    orgId: alpha.org.id,
    email: 'colleague@alpha.example',
    name: 'Colleague',
    role: 'analyst',
    passwordHash: t.deps.accounts.findLogin(alpha.email)!.passwordHash,
  });
  attackers = [
    ['B signed in', { Authorization: (await signIn(t, bravo.email)).authorization }],
    ['B API key', { 'X-API-Key': keyOfB.secret }],
  ];

  const file = await uploadSmall(t, userA, 'alpha-cases.csv', CASES);
  await t.deps.files.idle();
  const pending = await call(t, userA, 'POST', '/upload/presigned-url/', { filename: 'alpha-pending.csv' });
  const created = await sign(t, userA, { operation: 'create_multipart', filename: 'alpha-big.csv' });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await sendSigned(created.json)).text())![1]!;
  const answer = await ask(userA, `average cost by surgeon for ${SURGEON}`);
  // So the check that B's answer lacks A's surgeon can fail: A's own answer names him.
  expect(JSON.stringify(answer.message)).toContain('Quartermaine');
  const conversation = await call(t, userA, 'GET', `/agent/conversations/${answer.conversation_id}/`);
  a = {
    orgId: alpha.org.id,
    file: { id: String(file.id), key: String(file.key), filename: String(file.filename) },
    pending: { key: String(pending.json.key), fileId: String(pending.json.file_id) },
    multipart: { key: String(created.json.key), uploadId, fileId: String(created.json.file_id) },
    conversation: { id: answer.conversation_id, title: String(conversation.json.title) },
    runId: answer.run_id,
    keyId: keyOfA.key.id,
  };
  attackers.push([
    'A colleague (conversations and runs only)',
    { Authorization: (await signIn(t, colleague.email)).authorization },
  ]);
}, 60_000);
afterAll(() => t.close());

/** Everything of A that must never appear in an answer to someone else. */
const secretsOf = (owned: Owned) => [
  owned.orgId,
  owned.file.key,
  owned.file.filename,
  owned.pending.key,
  owned.multipart.key,
  owned.multipart.uploadId,
  owned.conversation.title,
  SURGEON,
  'alpha@example.com',
];

type Attempt = [label: string, method: string, path: string, body?: Record<string, unknown>];

const fileAttempts = (owned: Owned): Attempt[] => [
  ['file', 'GET', `/files/${owned.file.id}/`],
  ['download URL', 'GET', `/files/${owned.file.id}/download-url/`],
  ['delete file', 'DELETE', `/files/${owned.file.id}/`],
  ['delete pending file', 'DELETE', `/files/${owned.multipart.fileId}/`],
  ['complete', 'POST', '/upload/complete/', { key: owned.file.key }],
  ['complete pending', 'POST', '/upload/complete/', { key: owned.pending.key }],
  ['re-sign PUT', 'POST', '/upload/sign/', { operation: 'put_object', key: owned.pending.key }],
  [
    'sign an invented key under A',
    'POST',
    '/upload/sign/',
    {
      operation: 'put_object',
      key: `${owned.orgId}/fil_guessed/evil.csv`,
    },
  ],
  ...(['upload_part', 'list_parts', 'complete_multipart', 'abort_multipart'] as const).map(
    (operation): Attempt => [
      `sign ${operation}`,
      'POST',
      '/upload/sign/',
      {
        operation,
        key: owned.multipart.key,
        upload_id: owned.multipart.uploadId,
        part_number: 1,
      },
    ],
  ),
];

const agentAttempts = (owned: Owned): Attempt[] => [
  ['conversation', 'GET', `/agent/conversations/${owned.conversation.id}/`],
  ['delete conversation', 'DELETE', `/agent/conversations/${owned.conversation.id}/`],
  [
    'follow-up in A’s conversation',
    'POST',
    '/agent/query/',
    {
      question: 'same by payor',
      conversation_id: owned.conversation.id,
    },
  ],
  ['resume run', 'GET', `/agent/runs/${owned.runId}/events/`],
  ['cancel run', 'POST', `/agent/runs/${owned.runId}/cancel/`],
];

describe('organization B against every resource of organization A', () => {
  it.each(['B signed in', 'B API key'])('%s: every file and upload route answers 404', async (who) => {
    const credentials = attackers.find(([label]) => label === who)![1];
    for (const [label, method, path, body] of fileAttempts(a)) {
      const response = await call(t, credentials, method, path, body);
      expect(response.status, `${who}: ${label}`).toBe(404);
      expect(response.json.error, label).toBe('not_found');
      expect(response.json.url, label).toBeUndefined();
      for (const secret of secretsOf(a)) expect(JSON.stringify(response.json), label).not.toContain(secret);
    }
  });

  it.each(['B signed in', 'B API key', 'A colleague (conversations and runs only)'])(
    '%s: every conversation and run route answers 404',
    async (who) => {
      const credentials = attackers.find(([label]) => label === who)![1];
      for (const [label, method, path, body] of agentAttempts(a)) {
        const response = await call(t, credentials, method, path, body);
        expect(response.status, `${who}: ${label}`).toBe(404);
        for (const secret of secretsOf(a)) expect(JSON.stringify(response.json), label).not.toContain(secret);
      }
      // The stream variants refuse before any stream opens.
      for (const path of [`/agent/runs/${a.runId}/events/`]) {
        const response = await t.app.request(`/api/v1${path}`, {
          headers: { ...credentials, Accept: 'text/event-stream', 'Last-Event-ID': '0' },
        });
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      }
    },
  );

  it.each(['B signed in', 'B API key'])('%s: lists, answers and identity show none of A', async (who) => {
    const credentials = attackers.find(([label]) => label === who)![1];
    const files = await call(t, credentials, 'GET', '/files/');
    expect(files.json.results).toEqual([]);
    const conversations = await call(t, credentials, 'GET', '/agent/conversations/');
    expect(conversations.json.results).toEqual([]);
    const me = await call(t, credentials, 'GET', '/auth/me/');
    expect(JSON.stringify(me.json)).not.toContain(a.orgId);
    // B's case data is its own DuckDB file: A's surgeon is unknown there.
    const answer = await ask(credentials, `average cost by surgeon for ${SURGEON}`);
    expect(JSON.stringify(answer)).not.toContain('Quartermaine');
    expect(JSON.stringify(answer)).not.toContain('38000');
  });

  it('lists only B’s own API keys, and never to a key', async () => {
    const [, userB] = attackers[0]!;
    const [, keyB] = attackers[1]!;
    const keys = await call(t, userB, 'GET', '/api-keys/');
    expect(keys.status).toBe(200);
    expect((keys.json.results as { id: string; name: string }[]).map((key) => key.name)).toEqual([
      'bravo-all',
    ]);
    expect(JSON.stringify(keys.json)).not.toContain(a.keyId);
    expect((await call(t, keyB, 'GET', '/api-keys/')).status).toBe(401);
  });

  it('a URL B was signed for cannot be turned onto A’s object at the storage endpoint', async () => {
    const [, keyB] = attackers[1]!;
    const own = await call(t, keyB, 'POST', '/upload/presigned-url/', { filename: 'bravo.csv' });
    const url = new URL(String(own.json.url));
    const ownKeyPath = `/${t.deps.objects.bucket}/${String(own.json.key)}`;
    expect(url.pathname).toBe(ownKeyPath);
    const unsigned = await fetch(`${t.storageUrl}/${t.deps.objects.bucket}/${a.file.key}`);
    expect(unsigned.status).toBe(403);
    url.pathname = `/${t.deps.objects.bucket}/${a.file.key}`;
    for (const method of ['PUT', 'GET', 'DELETE']) {
      const response = await fetch(url, { method, ...(method === 'PUT' ? { body: 'overwritten' } : {}) });
      expect(response.status, method).toBe(403);
      expect(await response.text()).not.toContain(SURGEON);
    }
  });

  it('leaves every resource of A as it was', async () => {
    const file = await call(t, userA, 'GET', `/files/${a.file.id}/`);
    expect(file.json).toMatchObject({ status: 'ingested', ingest: { rows: 2 } });
    expect((await t.deps.objects.head(a.file.key))?.size).toBe(CASES.length);
    const multipart = await call(t, userA, 'GET', `/files/${a.multipart.fileId}/`);
    expect(multipart.json.status).toBe('pending');
    const part = await sign(t, userA, {
      operation: 'upload_part',
      key: a.multipart.key,
      upload_id: a.multipart.uploadId,
      part_number: 1,
    });
    expect((await sendSigned(part.json, 'last part')).status).toBe(200);
    const conversation = await call(t, userA, 'GET', `/agent/conversations/${a.conversation.id}/`);
    expect((conversation.json.messages as unknown[]).length).toBe(2);
    const events = await t.app.request(`/api/v1/agent/runs/${a.runId}/events/`, {
      headers: { ...userA, Accept: 'text/event-stream' },
    });
    expect(await events.text()).toContain('event: run.completed');
  });
});
