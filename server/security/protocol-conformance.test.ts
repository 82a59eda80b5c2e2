import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTION_MAX_LENGTH } from '../../src/contract/agent';
import { createApp } from '../app';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';

// What the OpenAPI document says is what the server does: methods it does not list answer 405, query
// parameters it does not list are refused, lengths are counted as sent; a file that is not there is a 404.

let t: TestApp;
let user: Record<string, string>;
let spaDir = '';

beforeAll(async () => {
  t = makeTestApp();
  const { email } = await addOrgWithUser(t, 'Conform');
  user = { Authorization: (await signIn(t, email)).authorization };
  spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-spa-'));
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><title>x</title>');
  fs.mkdirSync(path.join(spaDir, 'assets'));
  fs.writeFileSync(path.join(spaDir, 'assets', 'app-1234.js'), 'export {};');
});
afterAll(async () => {
  fs.rmSync(spaDir, { recursive: true, force: true });
  await t.close();
});

const request = (method: string, url: string, init: RequestInit = {}) =>
  t.app.request(url, { method, ...init, headers: { ...user, ...(init.headers as object) } });

describe('methods', () => {
  it('answers TRACE with 405 anywhere, on a real socket (fetch cannot send it)', async () => {
    const app = createApp(t.deps, { spaDir });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const trace = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const sent = http.request({ host: '127.0.0.1', port, path: url, method: 'TRACE' }, (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        sent.on('error', reject);
        sent.end();
      });
    try {
      for (const url of ['/api/v1/files/', '/api/v1/auth/login/', '/', '/api/v1/nowhere/']) {
        const response = await trace(url);
        expect(response.status, url).toBe(405);
        expect(JSON.parse(response.body).error).toBe('method_not_allowed');
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers a documented path with an undocumented method with 405 and Allow', async () => {
    const put = await request('PUT', '/api/v1/files/');
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const get = await request('GET', '/api/v1/auth/logout/');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    const patch = await request('PATCH', '/api/v1/files/fil_x/');
    expect(patch.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
  });
});

describe('query parameters', () => {
  it('refuses one the operation does not document, naming it', async () => {
    const extra = await request('GET', '/api/v1/files/?limit=5&colour=red');
    expect(extra.status).toBe(400);
    const body = await extra.json();
    expect(body.message).toBe('Unknown query parameter "colour". It accepts: limit, cursor.');
    expect(body.fields).toEqual({ colour: 'not a parameter of this endpoint' });
    expect((await request('GET', '/api/v1/health/?x=1')).status).toBe(400);
    expect((await request('GET', '/api/v1/files/?limit=5')).status).toBe(200);
    expect((await request('GET', '/api/v1/agent/conversations/?limit=5')).status).toBe(200);
  });
});

describe('the question', () => {
  it('counts its maximum length as sent, before trimming', async () => {
    const ask = (question: string) =>
      request('POST', '/api/v1/agent/query/', {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question }),
      });
    const padded = await ask(`${'a'.repeat(QUESTION_MAX_LENGTH - 10)}${' '.repeat(20)}`);
    expect(padded.status).toBe(400);
    expect((await padded.json()).fields).toHaveProperty('question');
  });
});

describe('files the page does not have', () => {
  it('are 404, while client routes get the page and real files are served', async () => {
    const app = createApp(t.deps, { spaDir });
    for (const missing of ['/robots.txt', '/favicon.ico', '/assets/gone-0000.js', '/analysis/x.png']) {
      const response = await app.request(missing);
      expect(response.status, missing).toBe(404);
      expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    }
    expect((await app.request('/analysis')).status).toBe(200);
    expect((await app.request('/settings/keys')).status).toBe(200);
    expect((await app.request('/assets/app-1234.js')).status).toBe(200);
  });
});
