import { describe, expect, it } from 'vitest';
import { toCsv, toTsv } from './csv';

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
