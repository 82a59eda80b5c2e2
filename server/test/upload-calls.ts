import type { TestAppWithStorage } from './with-storage';

export type Credentials = Record<string, string>;

/** A JSON call to the API as a signed-in user or an API key. */
export async function call(
  t: TestAppWithStorage,
  credentials: Credentials,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await t.app.request(`/api/v1${path}`, {
    method,
    headers: { ...credentials, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, json, headers: response.headers };
}

export const sign = (t: TestAppWithStorage, credentials: Credentials, body: Record<string, unknown>) =>
  call(t, credentials, 'POST', '/upload/sign/', body);

/** Sends a signed request to the store the way a browser would: the URL plus exactly the signed headers. */
export function sendSigned(signed: Record<string, unknown>, body?: BodyInit) {
  return fetch(String(signed.url), {
    method: String(signed.method),
    headers: signed.headers as Record<string, string>,
    body,
  });
}

/** Uploads `body` with a single presigned PUT and completes it; returns the completed file. */
export async function uploadSmall(
  t: TestAppWithStorage,
  credentials: Credentials,
  filename: string,
  body: string,
) {
  const presigned = await call(t, credentials, 'POST', '/upload/presigned-url/', { filename });
  if (presigned.status !== 201) throw new Error(`presign failed: ${JSON.stringify(presigned.json)}`);
  const put = await fetch(String(presigned.json.url), {
    method: 'PUT',
    headers: presigned.json.headers as Record<string, string>,
    body,
  });
  if (put.status !== 200) throw new Error(`PUT failed: ${put.status} ${await put.text()}`);
  const completed = await call(t, credentials, 'POST', '/upload/complete/', { key: presigned.json.key });
  if (completed.status !== 200) throw new Error(`complete failed: ${JSON.stringify(completed.json)}`);
  return completed.json;
}
