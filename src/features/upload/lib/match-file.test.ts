import { describe, expect, it } from 'vitest';
import { mismatchReason } from './match-file';

const pending = { filename: 'cases 2026.csv', size: 100, source_last_modified: 1_700_000_000_000 };

describe('mismatchReason', () => {
  it('accepts the same name, size and last-modified time', () => {
    expect(
      mismatchReason({ name: 'cases 2026.csv', size: 100, lastModified: 1_700_000_000_000 }, pending),
    ).toBeNull();
  });

  it('refuses another name, a changed size or a newer file, saying which', () => {
    expect(
      mismatchReason({ name: 'other.csv', size: 100, lastModified: 1_700_000_000_000 }, pending),
    ).toMatch(/not cases 2026.csv/);
    expect(
      mismatchReason({ name: 'cases 2026.csv', size: 99, lastModified: 1_700_000_000_000 }, pending),
    ).toMatch(/has changed/);
    expect(mismatchReason({ name: 'cases 2026.csv', size: 100, lastModified: 1 }, pending)).toMatch(
      /modified after/,
    );
  });
});
