import { describe, expect, it } from 'vitest';
import { reaskWith } from './clarify';

describe('reaskWith', () => {
  it('puts the chosen name where the ambiguous words were', () => {
    expect(reaskWith('average cost for smith last year', 'smith', 'Dr. Jane Smith')).toBe(
      'average cost for Dr. Jane Smith last year',
    );
  });

  it('names a surgeon once when the question already had the title', () => {
    expect(reaskWith('cost per case for Dr. Patel', 'Patel', 'Dr. Anil Patel')).toBe(
      'cost per case for Dr. Anil Patel',
    );
    expect(reaskWith('cost per case for dr patel in 2025', 'patel', 'Dr. Anil Patel')).toBe(
      'cost per case for Dr. Anil Patel in 2025',
    );
  });

  it('adds the name when the words cannot be found', () => {
    expect(reaskWith('knee cost', 'tkr', 'Total knee arthroplasty')).toBe(
      'knee cost (Total knee arthroplasty)',
    );
  });

  it('treats the words literally, not as a pattern', () => {
    expect(reaskWith('cost of (lap) chole', '(lap) chole', 'Laparoscopic cholecystectomy')).toBe(
      'cost of Laparoscopic cholecystectomy',
    );
  });
});
