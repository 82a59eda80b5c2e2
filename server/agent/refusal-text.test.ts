import { describe, expect, it } from 'vitest';
import { askAgainWith, clarificationText } from './refusal-text';

describe('clarifying questions', () => {
  it('names each option once, a surgeon without a doubled title', () => {
    const text = clarificationText({
      kind: 'clarify',
      message: '"Dr. Chen" could mean several things. Which one did you mean?',
      text: 'Chen',
      options: [
        { kind: 'surgeon', id: 'Dr. Sarah Chen', name: 'Dr. Sarah Chen', score: 0.8, cases: 120 },
        { kind: 'procedure', id: '27447', name: 'Total knee arthroplasty', score: 0.78, cases: 812 },
      ],
    });
    expect(text).toContain('- Dr. Sarah Chen (surgeon, 120 cases)');
    expect(text).toContain('- Total knee arthroplasty (procedure 27447, 812 cases)');
    expect(text.match(/Sarah Chen/g)?.length).toBe(1);
  });

  it('asks again with the choice in place of the words, keeping one title', () => {
    expect(askAgainWith('average cost for Dr. Chen in 2025', 'Chen', 'Dr. Sarah Chen')).toBe(
      'average cost for Dr. Sarah Chen in 2025',
    );
    expect(askAgainWith('cost of knee surgery', 'knee surgery', 'Total knee arthroplasty')).toBe(
      'cost of Total knee arthroplasty',
    );
    expect(askAgainWith('Chen cost', 'Chen', 'Wei Chen')).toBe('Wei Chen cost');
  });
});
