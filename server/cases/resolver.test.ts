import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phraseSimilarity, trigramSimilarity } from './fuzzy';
import { temporaryStore } from './test-fixture';
import type { CaseStore, EntityKind } from './types';

let store: CaseStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore('2026-06-30'));
  await store.seedDemo('org', 'hospital', { cases: 5000, seed: 3, endDate: '2026-06-30' });
});
afterAll(() => cleanup());

const EXPECTED: [text: string, kind: EntityKind, id: string][] = [
  ['knee replacement', 'procedure', '27447'],
  ['knee replacment', 'procedure', '27447'],
  ['hip replacement', 'procedure', '27130'],
  ['heart bypass', 'procedure', '33533'],
  ['c-section', 'procedure', '59510'],
  ['C section', 'procedure', '59510'],
  ['gallbladder removal', 'procedure', '47562'],
  ['appendix removal', 'procedure', '44970'],
  ['back surgery', 'procedure', '22612'],
  ['spinal fusion', 'procedure', '22612'],
  ['cataract surgery', 'procedure', '66984'],
  ['heart stent', 'procedure', '92928'],
  ['pacemaker', 'procedure', '33208'],
  ['prostate removal', 'procedure', '55866'],
  ['lap hysterectomy', 'procedure', '58571'],
  ['TKR', 'procedure', '27447'],
  ['lap chole', 'procedure', '47562'],
  ['broken hip', 'procedure', '27245'],
  ['shoulder replacement', 'procedure', '23472'],
  ['gastric sleeve', 'procedure', '43775'],
  ['carpal tunnel', 'procedure', '64721'],
  ['laparoscopic cholecystectomy', 'procedure', '47562'],
  ['How much does a knee replacement cost at Mercy General?', 'procedure', '27447'],
  ['27130', 'procedure', '27130'],
  ['DRG 470', 'drg', '470'],
  ['m17.11', 'condition', 'M17.11'],
  ['heart attack', 'condition', 'I21.4'],
  ['kidney stones', 'condition', 'N20.0'],
  ['aetna', 'payor', 'Aetna'],
  ['Aetan', 'payor', 'Aetna'],
  ['Medicar', 'payor', 'Medicare'],
  ['Humanna', 'payor', 'Humana'],
  ['Blue Cros Blue Sheild', 'payor', 'Blue Cross Blue Shield'],
  ['cholecystecomy', 'procedure', '47562'],
  ['carpal tunel release', 'procedure', '64721'],
  ['Riverside Comunity', 'provider', 'Riverside Community Hospital'],
  ['blue cross', 'payor', 'Blue Cross Blue Shield'],
  ['United Healthcare', 'payor', 'UnitedHealthcare'],
  ['mercy', 'provider', 'Mercy General Hospital'],
  ['acme', 'client', 'Acme Manufacturing'],
];

describe('resolve', () => {
  it.each(EXPECTED)('"%s" → %s %s', async (text, kind, id) => {
    const resolution = await store.resolve('org', text);
    expect(resolution.best).toMatchObject({ kind, id });
    expect(resolution.ambiguous).toBe(false);
  });

  it('scores an exact code 1 and lists alternatives below the best', async () => {
    const resolution = await store.resolve('org', 'hip replacement');
    expect(resolution.best?.score).toBe(1);
    expect(resolution.alternatives.length).toBeGreaterThan(0);
    for (const alternative of resolution.alternatives) expect(alternative.score).toBeLessThanOrEqual(1);
    expect(resolution.alternatives.some((alternative) => alternative.id === '27130')).toBe(false);
  });

  it('flags a last name shared by several surgeons as ambiguous', async () => {
    const resolution = await store.resolve('org', 'Dr. Chen', { kinds: ['surgeon'] });
    expect(resolution.ambiguous).toBe(true);
    expect(resolution.alternatives[0]?.name).toMatch(/Chen$/);
  });

  it('asks which one when a word names two procedures the organization does', async () => {
    const resolution = await store.resolve('org', 'hysterectomy');
    expect(resolution.ambiguous).toBe(true);
    expect([resolution.best?.id, resolution.alternatives[0]?.id].sort()).toEqual(['58150', '58571']);
  });

  it('asks which one when a lay term names a family of procedures (bariatric surgery)', async () => {
    for (const text of ['bariatric surgery', 'weight loss surgery']) {
      const resolution = await store.resolve('org', text);
      expect(resolution.ambiguous, text).toBe(true);
      expect([resolution.best?.id, resolution.alternatives[0]?.id].sort(), text).toEqual(['43644', '43775']);
    }
  });

  it('finds nothing for a procedure the organization does not do, and honours kinds', async () => {
    expect((await store.resolve('org', 'TURBT')).best).toBeNull();
    expect((await store.resolve('org', 'AAA repair')).best).toBeNull();
    expect((await store.resolve('org', 'tonsillectomy')).best).toBeNull();
    const conditionOnly = await store.resolve('org', 'knee replacement', { kinds: ['condition'] });
    expect(conditionOnly.best?.kind ?? 'condition').toBe('condition');
  });

  it('builds a catalog with case counts, most cases first, and refreshes it after a change', async () => {
    const catalog = await store.catalog('org');
    expect(catalog.cases).toBe(5000);
    expect(catalog.entities.surgeon).toHaveLength(60);
    expect(catalog.entities.payor).toHaveLength(12);
    expect(catalog.entities.provider).toHaveLength(5);
    expect(catalog.entities.client).toHaveLength(8);
    const counts = catalog.entities.procedure.map((entry) => entry.cases);
    expect(counts).toEqual([...counts].sort((left, right) => right - left));
    expect(catalog.entities.procedure.reduce((sum, entry) => sum + entry.cases, 0)).toBe(5000);
    await store.seedDemo('org', 'hospital', { cases: 100, seed: 3, endDate: '2026-06-30' });
    expect((await store.catalog('org')).cases).toBe(100);
    await store.seedDemo('org', 'hospital', { cases: 5000, seed: 3, endDate: '2026-06-30' });
  });
});

describe('similarity', () => {
  it('ranks closer spellings higher', () => {
    expect(trigramSimilarity('cholecystectomy', 'cholecystectomy')).toBe(1);
    expect(trigramSimilarity('cholecystectomy', 'cholecystecomy')).toBeGreaterThan(
      trigramSimilarity('cholecystectomy', 'colectomy'),
    );
    expect(phraseSimilarity('knee arthroplasty', 'Total knee arthroplasty')).toBeGreaterThan(
      phraseSimilarity('knee arthroplasty', 'Total hip arthroplasty'),
    );
    expect(phraseSimilarity('what does a total knee arthroplasty cost', 'Total knee arthroplasty')).toBe(1);
    expect(phraseSimilarity('Total Knee Arthroplasty', 'total knee arthroplasty')).toBe(1);
  });
});
