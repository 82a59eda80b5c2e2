import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJSONSchema } from 'zod';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';

// `npm run check:api`, and part of `npm test`: property-based requests generated from the served OpenAPI
// document (GET /api/v1/openapi.json), valid and hostile alike, each answered without a server error and
// with a body the document describes for its status. Bounded (a fixed seed and a few dozen runs per
// operation) so it stays a few seconds in CI; raise HP_FUZZ_RUNS to search longer.

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
};

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  security: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const RUNS = Number(process.env.HP_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.HP_FUZZ_SEED ?? 20261129);

let t: TestApp;
let document: Document;
let bearer = '';
let otherBearer = '';

beforeAll(async () => {
  t = makeTestApp();
  const { email } = await addOrgWithUser(t, 'Fuzz');
  bearer = (await signIn(t, email)).authorization;
  otherBearer = (await signIn(t, (await addOrgWithUser(t, 'Other Fuzz')).email)).authorization;
  document = (await (await t.app.request('/api/v1/openapi.json')).json()) as Document;
});
afterAll(() => t.close());

const resolve = (schema: Schema): Schema =>
  schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema;

/** Values the schema allows, with its boundaries; kept small so a run stays fast. */
function valid(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map(valid));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (typeof s.pattern === 'string' && s.format !== 'email')
        return fc.stringMatching(new RegExp(s.pattern), { maxLength: 40 });
      if (s.format === 'email') return fc.emailAddress();
      const min = Number(s.minLength ?? 0);
      const max = Number(s.maxLength ?? 64);
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }),
        fc.constantFrom(min, max).map((length) => 'x'.repeat(length)),
      );
    }
    case 'integer': {
      const min = Math.max(Number(s.minimum ?? -1e6), -1e9);
      const max = Math.min(Number(s.maximum ?? 1e6), 1e12);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1e6) }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(s.items ?? {}), { maxLength: 4 });
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([name, property]) => [name, valid(property)]),
      );
      return fc.record(properties, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid object with one string one character past its maximum, padded with spaces a trim would remove. */
function stretched(schema: Schema): fc.Arbitrary<unknown> | null {
  const s = resolve(schema);
  const limited = Object.entries(s.properties ?? {}).filter(
    ([, property]) => resolve(property).type === 'string' && resolve(property).maxLength !== undefined,
  );
  if (limited.length === 0) return null;
  return fc.tuple(valid(s), fc.constantFrom(...limited)).map(([value, [name, property]]) => ({
    ...(value as object),
    [name]: ` ${'x'.repeat(Number(resolve(property).maxLength))}`,
  }));
}

/** Anything a hostile client could send instead: wrong types, odd strings, extra keys, lengths past a limit. */
const hostile = (schema: Schema) => {
  const pastLimit = stretched(schema);
  return fc.oneof(
    { weight: 4, arbitrary: valid(schema) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc.record({ extra: fc.string(), nested: fc.jsonValue({ maxDepth: 2 }) }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    ...(pastLimit ? [{ weight: 1, arbitrary: pastLimit }] : []),
  );
};

const paramValue = (schema: Schema) =>
  fc.oneof(
    { weight: 3, arbitrary: valid(schema).map(String) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '..', '%', '%E0%A4%A', 'a'.repeat(300), '\u202Eevil') },
  );

/** Null four times in five, else a value: for the rarer kinds of hostile request. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

function requestOf(method: string, path: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const pathValues = fc.record(
    Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, paramValue(p.schema)]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const queryValues = fc.record(
    Object.fromEntries(
      parameters.filter((p) => p.in === 'query').map((p) => [p.name, paramValue(p.schema)]),
    ) as Record<string, fc.Arbitrary<string>>,
    { requiredKeys: [] },
  );
  const schema = operation.requestBody?.content['application/json'].schema;
  const credentials = operation.security.map((scheme) => Object.keys(scheme)[0] ?? 'none');
  const own: Record<string, string> = credentials.includes('bearer') ? { Authorization: bearer } : {};
  const auth = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Record<string, string>>(own) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({ Authorization: otherBearer }) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({ 'X-API-Key': 'hp_live_not_a_real_key' }) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({ Cookie: 'hp_refresh=not-a-token' }) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({ Authorization: 'Bearer not.a.jwt' }) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({}) },
  );
  return fc
    .record({
      pathValues,
      queryValues,
      extraQuery: rarely(fc.string({ minLength: 1, maxLength: 8 })),
      body: schema ? hostile(schema) : fc.constant(undefined),
      bodyAsText: rarely(fc.constantFrom('{"unterminated', '', 'null', '[]')),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain'),
      auth,
      origin: fc.constantFrom<Record<string, string>>({}, {}, { Origin: 'http://evil.example' }),
    })
    .map((generated) => {
      let url = `${path}`;
      for (const [name, value] of Object.entries(generated.pathValues))
        url = url.replace(`{${name}}`, encodeURIComponent(value));
      const query = new URLSearchParams(generated.queryValues as Record<string, string>);
      if (generated.extraQuery !== null) query.set(`x_${generated.extraQuery}`, '1');
      const search = query.toString();
      const hasBody = method === 'post' && schema !== undefined;
      // Whether the document allows this request at all; one it does not must never succeed.
      const isBodyAllowed =
        !hasBody ||
        (generated.bodyAsText === null &&
          generated.contentType === 'application/json' &&
          validatorFor(schema).safeParse(generated.body).success);
      return {
        isAllowed: isBodyAllowed && generated.extraQuery === null,
        method: method.toUpperCase(),
        url: search ? `${url}?${search}` : url,
        headers: {
          ...generated.auth,
          ...generated.origin,
          ...(hasBody ? { 'Content-Type': generated.contentType } : {}),
        },
        body: hasBody ? (generated.bodyAsText ?? JSON.stringify(generated.body)) : undefined,
      };
    });
}

const validators = new Map<string, ReturnType<typeof fromJSONSchema>>();
function validatorFor(schema: Schema) {
  const key = JSON.stringify(schema);
  let validator = validators.get(key);
  if (!validator) {
    validator = fromJSONSchema(resolve(schema) as never);
    validators.set(key, validator);
  }
  return validator;
}

/** The answer must be one the document describes: its status's schema, or the error body by default. */
async function checkAnswer(operation: Operation, response: Response, label: string) {
  expect(response.status, `${label}: a server error`).toBeLessThan(500);
  const documented = operation.responses[String(response.status)] ?? operation.responses.default!;
  const content = documented.content;
  if (!content) {
    expect(await response.text(), `${label}: ${response.status} has no body`).toBe('');
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  if (content['text/event-stream']) {
    if (type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return;
    }
  }
  expect(type, `${label}: JSON`).toMatch(/^application\/json/);
  const schema = (content['application/json'] ?? operation.responses.default!.content!['application/json'])!
    .schema;
  const body: unknown = await response.json();
  const parsed = validatorFor(schema).safeParse(body);
  expect(parsed.success, `${label} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
}

describe('the API against its own OpenAPI document', () => {
  it('refuses every body string one character past its documented maximum, counted as sent', async () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json'].schema;
        if (!schema || path.includes('{')) continue;
        const s = resolve(schema);
        const [base] = fc.sample(valid(s), { seed: SEED, numRuns: 1 });
        for (const [name, property] of Object.entries(s.properties ?? {})) {
          const max = resolve(property).maxLength;
          if (resolve(property).type !== 'string' || max === undefined) continue;
          const response = await t.app.request(path, {
            method: method.toUpperCase(),
            headers: { Authorization: bearer, 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...(base as object), [name]: ` ${'x'.repeat(Number(max))}` }),
          });
          expect(response.status, `${path} ${name}`).toBeGreaterThanOrEqual(400);
          await checkAnswer(operation, response, `${path} ${name}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('is served and names every operation fuzzed here', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(15);
  });

  it('answers generated requests to every operation without a server error, as documented', {
    timeout: 120_000,
  }, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // Each question starts an analysis: fewer of those keep the run short.
        const runs = path.endsWith('/agent/query/') ? Math.ceil(RUNS / 3) : RUNS;
        await fc.assert(
          fc.asyncProperty(requestOf(method, path, operation), async (request) => {
            sent += 1;
            const response = await t.app.request(request.url, {
              method: request.method,
              headers: request.headers,
              body: request.body,
            });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (!request.isAllowed) {
              expect(
                response.status,
                `${request.method} ${request.url}: refused input accepted`,
              ).toBeGreaterThanOrEqual(400);
            }
            await checkAnswer(operation, response, `${request.method} ${request.url}`);
          }),
          { numRuns: runs, seed: SEED, endOnFailure: true },
        );
      }
    }
    await t.deps.agent.close?.();
    expect(sent).toBeGreaterThan(300);
    // Both sides were reached: answers that succeeded and refusals.
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true);
    expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    if (process.env.HP_FUZZ_REPORT) console.log(Object.fromEntries(statuses));
    expect(t.logs.filter((line) => (line as { level?: string }).level === 'error')).toEqual([]);
  });
});
