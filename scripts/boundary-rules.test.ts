import { describe, expect, it } from 'vitest';
import {
  checkBarrels,
  checkBoundaries,
  checkFetch,
  checkImports,
  findCycles,
  formatProblem,
  isBarrel,
  isTestCode,
} from './boundary-rules';

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
const rulesBroken = (edges: Record<string, string[]>) => checkImports(graphOf(edges)).map((p) => p.rule);

describe('SPA rules', () => {
  it('lets a feature use its own files, shared code and the contract', () => {
    expect(
      rulesBroken({
        'src/features/upload/components/panel.tsx': [
          'src/features/upload/api/list-files.ts',
          'src/lib/api-client.ts',
          'src/components/page-header.tsx',
          'src/contract/files.ts',
        ],
        'src/app/routes/upload.tsx': [
          'src/features/upload/components/upload-panel.tsx',
          'src/features/auth/session-store.ts',
        ],
      }),
    ).toEqual([]);
  });

  it('stops a feature importing another feature or the app', () => {
    expect(
      rulesBroken({
        'src/features/upload/panel.tsx': ['src/features/auth/session-store.ts', 'src/app/router.tsx'],
      }),
    ).toEqual(['features-stay-apart', 'features-stay-apart']);
  });

  it('stops shared code importing a feature or the app', () => {
    expect(
      rulesBroken({
        'src/lib/api-client.ts': ['src/features/auth/session-store.ts', 'src/app/notice-store.ts'],
      }),
    ).toEqual(['shared-imports-no-feature', 'shared-imports-no-feature']);
  });

  it('keeps the contract to itself and the server to the contract', () => {
    expect(
      rulesBroken({
        'src/contract/files.ts': ['src/contract/errors.ts', 'src/lib/api-error.ts'],
        'server/files/routes.ts': ['src/contract/files.ts', 'src/lib/api-error.ts'],
        'src/lib/api-client.ts': ['server/http/errors.ts'],
      }),
    ).toEqual([
      'contract-stands-alone',
      'spa-and-server-share-only-the-contract',
      'spa-and-server-share-only-the-contract',
    ]);
  });

  it('lets only the API client call fetch, tests aside', () => {
    const problems = checkFetch(
      new Map([
        ['src/lib/api-client.ts', 'return fetch(url)'],
        ['src/lib/sse.test.ts', 'globalThis.fetch = vi.fn(); fetch(url)'],
        ['src/features/upload/uppy/s3-signing.ts', 'await fetch(url)'],
        ['src/features/upload/uppy/prefetch.ts', 'const prefetch(url) = 1'],
        ['server/storage/s3-client.ts', 'await fetch(url)'],
      ]),
    );
    expect(problems.map((p) => [p.rule, p.file])).toEqual([
      ['only-api-client-fetches', 'src/features/upload/uppy/s3-signing.ts'],
    ]);
  });
});

describe('barrel files', () => {
  it('knows a barrel by its name or by holding nothing but re-exports', () => {
    expect(isBarrel('src/features/upload/index.ts', 'export { A } from "./a";')).toBe(true);
    expect(isBarrel('src/features/auth/index.tsx', undefined)).toBe(true);
    const reExports = "// The feature's face.\nexport { A, type B } from './a';\nexport * from './c';\n";
    expect(isBarrel('src/features/auth/public.ts', reExports)).toBe(true);
    expect(
      isBarrel('src/lib/api-client.ts', "export { ApiError } from './api-error';\nexport const api = {};"),
    ).toBe(false);
    expect(isBarrel('src/lib/empty.ts', '// nothing yet\n')).toBe(false);
    expect(isBarrel('server/agent/parser/index.ts', "export * from './parse';")).toBe(false);
  });

  it('names each barrel and each import of one, so routes import the file that holds the thing', () => {
    const graph = graphOf({
      'src/features/upload/index.ts': ['src/features/upload/components/upload-panel.tsx'],
      'src/features/upload/components/upload-panel.tsx': [],
      'src/app/routes/upload-route.tsx': [
        'src/features/upload/index.ts',
        'src/features/auth/session-store.ts',
      ],
      'src/app/routes/settings-route.tsx': ['src/features/settings/index.ts'],
    });
    const sources = new Map([
      ['src/features/upload/index.ts', "export { UploadPanel } from './components/upload-panel';"],
      ['src/features/upload/components/upload-panel.tsx', 'export function UploadPanel() {}'],
    ]);
    expect(checkBarrels(graph, sources).map((p) => [p.rule, p.file])).toEqual([
      ['no-barrel-files', 'src/features/upload/index.ts'],
      ['no-barrel-files', 'src/app/routes/upload-route.tsx'],
      ['no-barrel-files', 'src/app/routes/settings-route.tsx'],
    ]);
  });

  it('still lets routes compose features and stops features importing each other without barrels', () => {
    expect(
      rulesBroken({
        'src/app/routes/analysis-route.tsx': [
          'src/features/analysis/components/analysis-page.tsx',
          'src/features/dashboard/components/pin-button.tsx',
        ],
        'src/features/analysis/components/analysis-page.tsx': [
          'src/features/dashboard/components/pin-button.tsx',
        ],
      }),
    ).toEqual(['features-stay-apart']);
  });
});

describe('server rules', () => {
  it('lets domains use the infrastructure, the contract and each other', () => {
    expect(
      rulesBroken({
        'server/agent/routes.ts': ['server/deps.ts', 'server/cases/types.ts', 'server/http/validate.ts'],
        'server/files/files-service.ts': ['server/storage/create-storage.ts', 'src/contract/files.ts'],
        'server/http/on-error.ts': ['server/app-env.ts', 'server/http/errors.ts', 'src/contract/errors.ts'],
        'server/db/open-database.ts': ['server/config.ts', 'server/lib/ids.ts'],
        'server/storage/create-storage.ts': ['server/storage/xml.ts', 'server/lib/ids.ts'],
        'server/deps.ts': ['server/storage/create-storage.ts', 'server/agent/agent-service.ts'],
      }),
    ).toEqual([]);
  });

  it('stops cases importing the agent, but not the agent importing cases', () => {
    const problems = checkImports(
      graphOf({
        'server/cases/create-case-store.ts': ['server/agent/parser/types.ts'],
        'server/agent/case-analyst.ts': ['server/cases/types.ts'],
      }),
    );
    expect(problems).toEqual([
      {
        rule: 'cases-never-imports-agent',
        file: 'server/cases/create-case-store.ts',
        detail: "server/cases imports server/agent ('server/agent/parser/types.ts')",
      },
    ]);
  });

  it('stops http, db and lib importing a domain or the composition root', () => {
    expect(
      rulesBroken({
        'server/http/validate.ts': ['server/auth/authenticate.ts'],
        'server/db/open-database.ts': ['server/deps.ts'],
        'server/lib/ids.ts': ['server/files/file-records.ts'],
      }),
    ).toEqual([
      'infrastructure-imports-no-domain',
      'infrastructure-imports-no-domain',
      'infrastructure-imports-no-domain',
    ]);
  });

  it('stops storage importing any other part of the server', () => {
    expect(
      rulesBroken({
        'server/storage/create-storage.ts': [
          'server/files/object-store.ts',
          'server/config.ts',
          'server/deps.ts',
        ],
      }),
    ).toEqual(['storage-imports-no-domain', 'storage-imports-no-domain', 'storage-imports-no-domain']);
  });
});

describe('test code', () => {
  it('is recognised by name or by folder', () => {
    for (const file of [
      'server/keys/api-keys.test.ts',
      'src/features/upload/components/files-table.test.tsx',
      'server/test/agent-app.ts',
      'server/test/upload-calls.ts',
      'server/agent/test-support.ts',
      'server/cases/test-fixture.ts',
      'server/storage/storage-test-harness.ts',
      'server/test/make-app.ts',
      'src/test/setup.ts',
    ])
      expect(isTestCode(file), file).toBe(true);
    for (const file of ['server/agent/routes.ts', 'server/cases/latest-cases.ts', 'src/lib/contest.ts'])
      expect(isTestCode(file), file).toBe(false);
  });

  it('may be imported by tests but not by production files', () => {
    const problems = checkImports(
      graphOf({
        'server/agent/agent-stream.test.ts': ['server/test/agent-app.ts'],
        'server/test/agent-app.ts': ['server/test/make-app.ts', 'server/agent/agent-service.ts'],
        'server/agent/routes.ts': ['server/test/agent-app.ts'],
        'server/upload/upload-service.ts': ['server/upload/upload-test-helpers.ts'],
        'src/lib/sse.ts': ['src/lib/api-client.test.ts'],
      }),
    );
    expect(problems.map((p) => [p.rule, p.file])).toEqual([
      ['production-imports-no-test-code', 'server/agent/routes.ts'],
      ['production-imports-no-test-code', 'server/upload/upload-service.ts'],
      ['production-imports-no-test-code', 'src/lib/sse.ts'],
    ]);
  });
});

describe('import cycles', () => {
  it('finds none in a graph without cycles', () => {
    expect(findCycles(graphOf({ 'server/a.ts': ['server/b.ts'], 'server/b.ts': ['server/c.ts'] }))).toEqual(
      [],
    );
  });

  it('reports the cycle as a path, once per group of files', () => {
    const problems = findCycles(
      graphOf({
        'server/deps.ts': ['server/keys/api-keys.ts', 'server/auth/accounts.ts'],
        'server/keys/api-keys.ts': ['server/deps.ts', 'server/lib/ids.ts'],
        'server/auth/accounts.ts': [],
      }),
    );
    expect(problems.map(formatProblem)).toEqual([
      'server/deps.ts: [no-import-cycles] import cycle: server/deps.ts → server/keys/api-keys.ts → server/deps.ts',
    ]);
  });

  it('names the shortest way round a longer cycle and reports separate cycles separately', () => {
    const problems = findCycles(
      graphOf({
        'src/a.ts': ['src/b.ts'],
        'src/b.ts': ['src/c.ts', 'src/d.ts'],
        'src/c.ts': ['src/d.ts'],
        'src/d.ts': ['src/a.ts'],
        'server/x.ts': ['server/y.ts'],
        'server/y.ts': ['server/x.ts'],
        'server/self.ts': ['server/self.ts'],
      }),
    );
    expect(problems.map((p) => p.detail)).toEqual([
      'import cycle: server/self.ts → server/self.ts',
      'import cycle: server/x.ts → server/y.ts → server/x.ts',
      'import cycle: src/a.ts → src/b.ts → src/d.ts → src/a.ts',
    ]);
  });

  it('walks a long chain without overflowing the stack', () => {
    const edges: Record<string, string[]> = {};
    for (let index = 0; index < 20_000; index++) edges[`src/f${index}.ts`] = [`src/f${index + 1}.ts`];
    edges['src/f20000.ts'] = ['src/f0.ts'];
    const [problem] = findCycles(graphOf(edges));
    expect(problem?.detail.split(' → ')).toHaveLength(20_002);
  });
});

it('checkBoundaries runs every rule and names each problem by its rule', () => {
  const problems = checkBoundaries(
    graphOf({
      'server/deps.ts': ['server/keys/api-keys.ts'],
      'server/keys/api-keys.ts': ['server/deps.ts'],
      'server/http/errors.ts': ['server/keys/api-keys.ts'],
    }),
    new Map([['src/components/health-badge.tsx', 'fetch("/health")']]),
  );
  expect(problems.map((p) => p.rule)).toEqual([
    'infrastructure-imports-no-domain',
    'only-api-client-fetches',
    'no-import-cycles',
  ]);
});
