import { describe, expect, it } from 'vitest';
import { toCsv, toTsv } from './csv';
import { compareCells, formatCell } from './format-cell';
import { splitMarkdownBlocks } from './markdown-blocks';

describe('splitMarkdownBlocks', () => {
  it('splits at blank lines and rejoins to the same blocks', () => {
    const text = 'I read this as **x**.\n\nOn average: $1.\n\n- a\n- b\n';
    expect(splitMarkdownBlocks(text)).toEqual(['I read this as **x**.\n', 'On average: $1.\n', '- a\n- b\n']);
  });

  it('keeps a fenced block whole, blank lines included, and an unfinished last block as it is', () => {
    const text = 'Intro\n\n```sql\nSELECT 1;\n\nSELECT 2;\n```\n\nLast par';
    expect(splitMarkdownBlocks(text)).toEqual([
      'Intro\n',
      '```sql\nSELECT 1;\n\nSELECT 2;\n```\n',
      'Last par',
    ]);
  });

  it('yields blocks whose earlier members never change as text is appended', () => {
    const full = 'One.\n\nTwo **bold**.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nEnd.';
    let previous: string[] = [];
    for (let end = 1; end <= full.length; end += 1) {
      const blocks = splitMarkdownBlocks(full.slice(0, end));
      expect(blocks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
      previous = blocks;
    }
  });
});

describe('formatCell', () => {
  it('formats by type and unit', () => {
    expect(formatCell(12345.6, { type: 'currency', unit: 'USD' })).toBe('$12,346');
    expect(formatCell(12.345, { type: 'percent', unit: '%' })).toBe('12.3%');
    expect(formatCell(1204, { type: 'integer' })).toBe('1,204');
    expect(formatCell(3.456, { type: 'number', unit: 'days' })).toBe('3.46 days');
    expect(formatCell(null, { type: 'number' })).toBe('—');
    expect(formatCell('<img src=x>', { type: 'string' })).toBe('<img src=x>');
  });

  it('sorts numbers by value, text naturally and empty cells last', () => {
    expect([10, null, 2, 33].sort(compareCells)).toEqual([2, 10, 33, null]);
    expect(['Dr. B 10', 'Dr. B 9'].sort(compareCells)).toEqual(['Dr. B 9', 'Dr. B 10']);
  });
});

describe('CSV and clipboard text', () => {
  const columns = [
    { key: 'name', label: 'Surgeon', type: 'string' as const },
    { key: 'cost', label: 'Cost', type: 'currency' as const, unit: 'USD' },
  ];

  it('quotes what needs quoting, keeps raw numbers and defuses formulas', () => {
    const csv = toCsv(columns, [
      { name: 'Chen, Wei', cost: 1234.5 },
      { name: '=HYPERLINK("x")', cost: null },
    ]);
    expect(csv).toBe('Surgeon,Cost (USD)\r\n"Chen, Wei",1234.5\r\n"\'=HYPERLINK(""x"")",\r\n');
  });

  it('copies as tab-separated rows', () => {
    expect(toTsv(columns, [{ name: 'A\tB', cost: 1 }])).toBe('Surgeon\tCost\nA B\t1');
  });

  const formulas = [
    '=DDE("cmd";"/C calc";"!A0")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)',
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","y")',
    '\t=1+1',
    '\r=1+1',
  ];

  it.each(formulas)('defuses the formula %j in the CSV and on the clipboard', (formula) => {
    const rows = [{ name: formula, cost: -12.5 }];
    const tsvCell = toTsv(columns, rows).split('\n')[1]!.split('\t')[0]!;
    expect(tsvCell.startsWith("'")).toBe(true);
    expect(tsvCell.slice(1)).toBe(formula.replace(/[\t\r]/g, ' '));
    const csvLine = toCsv(columns, rows).split('\r\n')[1]!;
    expect(csvLine.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('keeps negative numbers numbers, as numbers and as numeric text', () => {
    expect(toTsv(columns, [{ name: 'Net', cost: -12.5 }])).toBe('Surgeon\tCost\nNet\t-12.5');
    expect(toTsv(columns, [{ name: '-3', cost: '-12.5' }])).toBe('Surgeon\tCost\n-3\t-12.5');
    expect(toCsv(columns, [{ name: '+4', cost: -0.25 }])).toBe('Surgeon,Cost (USD)\r\n+4,-0.25\r\n');
    expect(toTsv(columns, [{ name: '-', cost: '1e5' }])).toBe("Surgeon\tCost\n'-\t1e5");
  });
});
