import { describe, expect, it } from 'vitest';
import { MAX_FILENAME_BYTES, sanitizeFilename } from './sanitize-filename';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('sanitizeFilename', () => {
  it.each([
    ['plain name', 'cases 2026.csv', 'cases 2026.csv'],
    ['parent traversal', '../../etc/passwd.csv', 'passwd.csv'],
    ['Windows path', 'C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['NUL byte', 'ca\u0000ses.csv', 'cases.csv'],
    ['control characters', 'a\tb\r\nc\u0007\u007f\u0085.csv', 'a b c.csv'],
    ['RTL override (fake extension)', 'invoice\u202Efdp.csv', 'invoicefdp.csv'],
    ['other bidi controls', '\u2066x\u2069\u200F\u061C.csv', 'x.csv'],
    ['byte order mark', '\uFEFFdata.tsv', 'data.tsv'],
    ['leading dots', '...hidden.csv', 'hidden.csv'],
    ['leading dot file', '.csv', 'untitled.csv'],
    ['empty', '', 'untitled'],
    ['only controls and separators', '/\u0000\u202E/.json', 'untitled.json'],
    ['trailing dots and spaces of the stem', 'report. . .csv', 'report.csv'],
    ['emoji are kept', '📊 results 👩‍⚕️.xlsx', '📊 results 👩‍⚕️.xlsx'],
    ['emoji with a skin tone keep their joiner', '👩🏽‍⚕️.csv', '👩🏽‍⚕️.csv'],
    ['zero-width characters', 'ca\u200Bse\u200Cs\u2060\u00AD\u200D.csv', 'cases.csv'],
    ['a joiner between letters', 'a\u200Db.csv', 'ab.csv'],
    ['fullwidth and other look-alike slashes', '..／..／etc＼passwd∕x⁄y.csv', 'etcpasswdxy.csv'],
    ['upper-case extension keeps its case', 'SCAN.JPG', 'SCAN.JPG'],
    ['lone surrogate', 'bad\uD800name.csv', 'badname.csv'],
  ])('%s', (_, raw, expected) => {
    expect(sanitizeFilename(raw).filename).toBe(expected);
  });

  it('normalizes to NFC', () => {
    const decomposed = 'Cafe\u0301.csv';
    expect(sanitizeFilename(decomposed).filename).toBe('Café.csv');
    expect(sanitizeFilename(decomposed).filename).toHaveLength(8);
  });

  it('cuts a 300-byte name to at most 200 bytes, keeping the extension', () => {
    const { filename } = sanitizeFilename(`${'a'.repeat(296)}.csv`);
    expect(bytes(filename)).toBe(MAX_FILENAME_BYTES);
    expect(filename.endsWith('.csv')).toBe(true);
  });

  it('never cuts a multi-byte character or an emoji sequence in half', () => {
    // 3-byte characters: 200 - 4 bytes of ".csv" leaves 196, which is not a multiple of 3.
    const cjk = sanitizeFilename(`${'漢'.repeat(100)}.csv`).filename;
    expect(bytes(cjk)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(cjk).toBe(`${'漢'.repeat(65)}.csv`);
    const family = '👨‍👩‍👧'; // 18 bytes, one grapheme
    const emoji = sanitizeFilename(`${family.repeat(20)}.csv`).filename;
    expect(emoji).toBe(`${family.repeat(10)}.csv`);
    expect(emoji.replace('.csv', '').replaceAll(family, '')).toBe('');
  });

  it('reports the allowed extension, or null', () => {
    expect(sanitizeFilename('a.Parquet').extension).toBe('.parquet');
    expect(sanitizeFilename('a.exe').extension).toBeNull();
    expect(sanitizeFilename('a.csv.exe').extension).toBeNull();
    expect(sanitizeFilename('csv').extension).toBeNull();
    expect(sanitizeFilename('payload.pdf\u202Eexe.csv').filename).toBe('payload.pdfexe.csv');
  });
});
