import { describe, expect, it } from 'vitest';
import { checkHeader, readHeaderCheck, splitLine } from './case-columns';

describe('checkHeader', () => {
  it('accepts the contract columns in any case and spelling', () => {
    const check = checkHeader('Case ID,admit-date,DISCHARGE_DATE,revenue\n1,2026-01-01,2026-01-02,5', ',');
    expect(check).toEqual({
      columns: ['Case ID', 'admit-date', 'DISCHARGE_DATE', 'revenue'],
      missing: [],
      unknown: [],
      samples: [['1', '2026-01-01', '2026-01-02', '5']],
    });
  });

  it('names missing required columns and unknown ones', () => {
    const check = checkHeader('\uFEFFcase_id\tnotes\r\nA\tx', '\t');
    expect(check.missing).toEqual(['admit_date', 'discharge_date']);
    expect(check.unknown).toEqual(['notes']);
  });

  it('splits quoted cells', () => {
    expect(splitLine('"a,b","say ""hi""",c', ',')).toEqual(['a,b', 'say "hi"', 'c']);
  });

  it('reads only .csv and .tsv files', async () => {
    expect(await readHeaderCheck(new Blob(['case_id']), 'x.json')).toBeNull();
    expect(
      (await readHeaderCheck(new Blob(['case_id,admit_date,discharge_date\n']), 'x.CSV'))?.missing,
    ).toEqual([]);
  });
});
