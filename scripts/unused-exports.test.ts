import { describe, expect, it } from 'vitest';
import { type FileFacts, factsOf, unusedExports } from './unused-exports';

// Specifiers resolve to 'x.ts' for './x', as the real resolver does for an existing file.
const resolve = (specifier: string) => (specifier.startsWith('.') ? `${specifier.slice(2)}.ts` : null);
const facts = (files: Record<string, string>) =>
  new Map<string, FileFacts>(Object.entries(files).map(([file, text]) => [file, factsOf(text, resolve)]));
const unused = (files: Record<string, string>, entries: string[] = ['main.ts']) =>
  Object.fromEntries(unusedExports(facts(files), (file) => entries.includes(file)));

describe('unused exports', () => {
  it('finds what each file exports, in every declaration form', () => {
    const found = factsOf(
      [
        'export const a = 1;',
        'export async function b() {}',
        'export function* c() {}',
        'export class D {}',
        'export abstract class E {}',
        'export interface F {}',
        'export type G = string;',
        'export enum H {}',
        'export default function () {}',
        'const i = 1, j = 2;',
        'export { i, j as k };',
        "export { l, m as n } from './other';",
        "export * as o from './other';",
        '  export const notAtLineStart = 1;',
        "const text = 'export const inAString = 1';",
      ].join('\n'),
      resolve,
    );
    expect([...found.exports].sort()).toEqual(
      ['D', 'E', 'F', 'G', 'H', 'a', 'b', 'c', 'default', 'i', 'k', 'l', 'n', 'o'].sort(),
    );
    expect([...found.uses.get('other.ts')!].sort()).toEqual(['*', 'l', 'm']);
  });

  it('counts named, default, namespace members and dynamic imports as uses; packages are not files', () => {
    expect(
      unused({
        'main.ts': [
          "import Default, { a, type B, c as renamed } from './x';",
          "import * as y from './y';",
          "import * as z from 'zod/mini';",
          'y.used(y.Other);',
          "const later = () => import('./w');",
        ].join('\n'),
        'x.ts':
          'export const a = 1;\nexport type B = 1;\nexport const c = 1;\nexport const d = 1;\nexport default 1;',
        'y.ts': 'export const used = 1;\nexport const Other = 1;\nexport const notUsed = 1;',
        'w.ts': 'export const anything = 1;',
      }),
    ).toEqual({ 'x.ts': ['d'], 'y.ts': ['notUsed'] });
  });

  it('reads imports that span lines', () => {
    expect(
      unused({
        'main.ts': "import {\n  a,\n  type b,\n} from './x';",
        'x.ts': 'export const a = 1;\nexport type b = 1;\nexport const c = 1;',
      }),
    ).toEqual({ 'x.ts': ['c'] });
  });

  it('follows re-exports, and reports a barrel’s export nobody imports', () => {
    expect(
      unused({
        'main.ts': "import { a, b } from './barrel';",
        'barrel.ts': "export { a, unused } from './x';\nexport * from './y';",
        'x.ts': 'export const a = 1;\nexport const unused = 1;\nexport const never = 1;',
        'y.ts': 'export const b = 1;\nexport const c = 1;',
      }),
    ).toEqual({ 'barrel.ts': ['unused'], 'x.ts': ['never'], 'y.ts': ['c'] });
  });

  it('reports an export used only inside its own file, and none of an entry file', () => {
    expect(
      unused({
        'main.ts': 'export const api = 1;',
        'x.ts': 'export const helper = 1;\nexport const user = helper + 1;',
      }),
    ).toEqual({ 'x.ts': ['helper', 'user'] });
  });
});
