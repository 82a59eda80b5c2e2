import { describe, expect, it } from 'vitest';
import { CONDITION_ABBREVIATIONS, findConditionAbbreviations } from './condition-abbreviations';
import { demoCatalog } from './demo-catalog';
import { resolveText } from './resolver';
import type { CatalogEntry } from './types';

const condition = (id: string, name: string): CatalogEntry => ({ kind: 'condition', id, name, cases: 10 });
const drg = (id: string, name: string): CatalogEntry => ({ kind: 'drg', id, name, cases: 10 });

describe('condition shorthand', () => {
  it('holds at least 40 conditions', () => {
    expect(CONDITION_ABBREVIATIONS.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['copd readmissions', 'Chronic obstructive pulmonary disease'],
    ['CHF', 'Heart failure'],
    ['diabetics', 'Diabetes mellitus'],
    ['hip fx cost', 'Hip fracture'],
    ['a-fib', 'Atrial fibrillation or flutter'],
    ['gi bleed', 'Gastrointestinal bleeding'],
  ])('finds %s', (text, meaning) => {
    expect(findConditionAbbreviations(text)[0]?.entry.meaning).toBe(meaning);
  });

  it('leaves procedure names and English look-alikes alone', () => {
    expect(findConditionAbbreviations('cataract surgery')).toEqual([]);
    expect(findConditionAbbreviations('knee pad cap')).toEqual([]);
    expect(findConditionAbbreviations('PAD')[0]?.entry.meaning).toBe('Peripheral artery disease');
  });

  it('matches an uploaded catalog by ICD-10-CM prefix, then by name words, then by DRG', () => {
    const byCode = demoCatalog({
      condition: [
        condition('I50.9', 'Heart failure, unspecified'),
        condition('I50.23', 'Acute on chronic systolic HF'),
      ],
    });
    const coded = resolveText(byCode, 'CHF');
    expect(coded.group?.map((item) => item.id)).toEqual(['I50.9', 'I50.23']);
    const byWords = demoCatalog({ condition: [condition('HF-1', 'Congestive heart failure')] });
    expect(resolveText(byWords, 'chf').best?.id).toBe('HF-1');
    const byDrg = demoCatalog({ condition: [], drg: [drg('291', 'Heart failure and shock with MCC')] });
    expect(resolveText(byDrg, 'chf').best).toMatchObject({ kind: 'drg', id: '291' });
  });

  it('names nothing when the organization has no such condition, never a look-alike', () => {
    const resolution = resolveText(demoCatalog(), 'chf');
    expect(resolution.best).toBeNull();
  });
});
