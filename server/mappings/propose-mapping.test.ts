import { describe, expect, it } from 'vitest';
import { proposeFormat, proposeMapping } from './propose-mapping';

describe('proposeMapping', () => {
  it('prefers exact names, then synonyms, then similar names, each file column used once', () => {
    const proposal = proposeMapping([
      'case_id',
      'service_date',
      'discharge',
      'total_charges',
      'LOS',
      'cpt',
      'payer',
      'pat_age',
    ]);
    expect(proposal.columns).toMatchObject({
      case_id: { source: 'case_id' },
      admit_date: { source: 'service_date' },
      revenue: { source: 'total_charges' },
      los_days: { source: 'LOS' },
      procedure_code: { source: 'cpt' },
      payor: { source: 'payer' },
    });
    expect(proposal.matched_by.case_id).toBe('exact');
    expect(proposal.matched_by.admit_date).toBe('synonym');
    expect(proposal.columns.discharge_date?.source).toBe('discharge');
    expect(proposal.matched_by.discharge_date).toBe('similar');
    expect(proposal.missing).toEqual([]);
  });

  it('leaves a column unmapped rather than guessing from a weak resemblance', () => {
    const proposal = proposeMapping(['id', 'notes', 'zzz']);
    expect(proposal.columns.admit_date).toBeUndefined();
    expect(proposal.missing).toContain('admit_date');
  });
});

describe('proposeFormat', () => {
  it('proposes the date format most samples read in, US before day-first on a tie', () => {
    expect(proposeFormat('admit_date', ['03/05/2024', '3/6/2024', '2024-04-03'])).toBe('MM/DD/YYYY');
    expect(proposeFormat('admit_date', ['25/12/2024', '01/02/2024'])).toBe('DD/MM/YYYY');
    expect(proposeFormat('admit_date', ['05.03.2024'])).toBe('DD.MM.YYYY');
    expect(proposeFormat('admit_date', ['3/5/24'])).toBe('M/D/YY');
    expect(proposeFormat('admit_date', ['soon'])).toBeUndefined();
  });

  it('proposes yes/no flags, currency and gender words from the samples', () => {
    expect(proposeFormat('readmitted_30', ['0', '1'])).toBe('0_1');
    expect(proposeFormat('readmitted_30', ['Y', 'N'])).toBe('yes_no');
    expect(proposeFormat('revenue', ['$1,234.50'])).toBe('currency');
    expect(proposeFormat('revenue', ['1234.5'])).toBe('plain');
    expect(proposeFormat('gender', ['Male'])).toBe('words');
  });
});
