import { expect, it } from 'vitest';
import { CASE_DATA_COLUMNS, normalizeHeader } from './files';
import { MAX_UPLOAD_BYTES } from './upload';

it('reads a header name in any letter case, with spaces or hyphens for underscores', () => {
  expect(['Admit Date', ' admit-date ', 'ADMIT_DATE', 'admit  -  date'].map(normalizeHeader)).toEqual(
    Array(4).fill('admit_date'),
  );
  // Other punctuation is kept, so "admit.date" is not mistaken for a case column.
  expect(normalizeHeader('admit.date')).toBe('admit.date');
  for (const column of CASE_DATA_COLUMNS) expect(normalizeHeader(column)).toBe(column);
});

it('signs files up to 20 GiB unless the server is set lower', () => {
  expect(MAX_UPLOAD_BYTES).toBe(21_474_836_480);
});
