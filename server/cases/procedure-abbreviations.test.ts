import { describe, expect, it } from 'vitest';
import { demoCatalog } from './demo-catalog';
import { findAbbreviations, PROCEDURE_ABBREVIATIONS } from './procedure-abbreviations';
import { closestNames, resolveText } from './resolver';

// What each abbreviation is in the demo organization, written by hand from the demo's procedure table: every
// abbreviation not listed here names a procedure the demo does not do and must resolve to nothing.
const DEMO_EXPECTED: Record<string, string[]> = {
  tka: ['27447'],
  tha: ['27130'],
  tsa: ['23472'],
  imn: ['27245'],
  apm: ['29881'],
  rcr: ['29827'],
  ctr: ['64721'],
  chevron: ['28296'],
  acdf: ['22551'],
  plf: ['22612'],
  tlif: ['22633'],
  lami: ['63047'],
  cabg: ['33533'],
  opcab: ['33533'],
  pci: ['92928'],
  lhc: ['93458'],
  tavr: ['33361'],
  savr: ['33405'],
  ppm: ['33208'],
  cea: ['35301'],
  'lap chole': ['47562'],
  'lap appy': ['44970'],
  'open appy': ['44950'],
  appy: ['44970', '44950'],
  ihr: ['49505', '49650'],
  'lap ihr': ['49650'],
  'open ihr': ['49505'],
  'lap colectomy': ['44204'],
  'partial colectomy': ['44204'],
  rygb: ['43644'],
  lsg: ['43775'],
  'simple mastectomy': ['19303'],
  egd: ['43239'],
  colo: ['45378'],
  vats: ['32663'],
  lobectomy: ['32663'],
  'c/s': ['59510'],
  svd: ['59400'],
  tah: ['58150'],
  tlh: ['58571'],
  hyst: ['58571', '58150'],
  turp: ['52601'],
  eswl: ['50590'],
  ralp: ['55866'],
  phaco: ['66984'],
  crani: ['61510'],
  'mech vent': ['5A1955Z'],
  lvp: ['0W9G3ZZ'],
};

const catalog = demoCatalog();
const rows = PROCEDURE_ABBREVIATIONS.map(
  (entry) => [entry.forms[0]!, entry.forms, DEMO_EXPECTED[entry.forms[0]!] ?? []] as const,
);

/** The procedures a resolution settles on: the best and every alternative scoring as well. */
function settledOn(text: string): string[] {
  const resolution = resolveText(catalog, text);
  if (!resolution.best) return [];
  const top = resolution.best.score;
  return [resolution.best, ...resolution.alternatives.filter((candidate) => candidate.score === top)]
    .map((candidate) => candidate.id)
    .sort();
}

describe('the procedure abbreviation list', () => {
  it('is broad: at least 150 abbreviations, each with a meaning and codes or words to match', () => {
    expect(PROCEDURE_ABBREVIATIONS.length).toBeGreaterThanOrEqual(150);
    for (const entry of PROCEDURE_ABBREVIATIONS) {
      expect(entry.meaning.length, entry.forms[0]).toBeGreaterThan(3);
      expect(entry.codes.length + entry.words.length, entry.forms[0]).toBeGreaterThan(0);
    }
  });

  it('gives every form one meaning', () => {
    const seen = new Map<string, string>();
    for (const entry of PROCEDURE_ABBREVIATIONS) {
      for (const form of entry.forms) {
        expect(seen.get(form), `${form} in ${entry.meaning}`).toBeUndefined();
        seen.set(form, entry.meaning);
      }
    }
  });

  it('knows the demo entries it expects', () => {
    const firstForms = new Set(PROCEDURE_ABBREVIATIONS.map((entry) => entry.forms[0]));
    for (const key of Object.keys(DEMO_EXPECTED)) expect(firstForms.has(key), key).toBe(true);
  });

  it.each(rows)('%s: every form resolves to its demo procedure, or to nothing', (_key, forms, expected) => {
    for (const form of forms) {
      expect(settledOn(form), form).toEqual([...expected].sort());
      const upper = resolveText(catalog, `the ${form.toUpperCase()} cases`);
      if (expected.length) expect(expected, form).toContain(upper.best?.id);
      else expect(upper.best, form).toBeNull();
    }
  });

  it('reads separators loosely and keeps "I\'d" from being I&D', () => {
    expect(settledOn('TAH/BSO')).toEqual(['58150']);
    expect(settledOn('tah bso')).toEqual(['58150']);
    expect(settledOn('c / s')).toEqual(['59510']);
    expect(findAbbreviations('I and D of the knee')[0]?.entry.meaning).toBe('Incision and drainage');
    expect(findAbbreviations("I'd like the cost")).toEqual([]);
    expect(findAbbreviations('cabg x3 cases')[0]?.text).toBe('cabg x3 cases');
  });

  it('never matches a look-alike: TURBT is not TURP, AAA repair is not a hernia repair', () => {
    for (const text of [
      'TURBT',
      'AAA repair',
      'lap band',
      'ex lap',
      'hip scope',
      'ORIF',
      'TKA revision',
      'BSO',
      'D&C',
    ]) {
      expect(resolveText(catalog, text).best, text).toBeNull();
    }
  });

  it('matches a catalog with other codes by the words of its names, ruling out revisions', () => {
    const other = demoCatalog({
      procedure: [
        {
          kind: 'procedure',
          id: '0SRC0J9',
          name: 'Replacement of right knee joint with synthetic substitute, open approach',
          cases: 40,
        },
        { kind: 'procedure', id: 'K1', name: 'Revision of total knee arthroplasty', cases: 9 },
        { kind: 'procedure', id: 'B1', name: 'Transurethral resection of bladder tumor, large', cases: 12 },
        { kind: 'procedure', id: 'P1', name: 'Transurethral resection of prostate', cases: 12 },
      ],
    });
    expect(resolveText(other, 'TKA').best?.id).toBe('0SRC0J9');
    expect(resolveText(other, 'revision TKA').best?.id).toBe('K1');
    expect(resolveText(other, 'TURBT').best?.id).toBe('B1');
    expect(resolveText(other, 'TURP').best?.id).toBe('P1');
    expect(resolveText(other, 'THA').best).toBeNull();
    const spelled = demoCatalog({
      procedure: [
        { kind: 'procedure', id: 'X1', name: 'TKA', cases: 40 },
        { kind: 'procedure', id: 'X2', name: 'Lap chole w/ IOC', cases: 30 },
        { kind: 'procedure', id: 'X3', name: 'TKA revision', cases: 3 },
      ],
    });
    expect(resolveText(spelled, 'total knee arthroplasty').best?.id).toBe('X1');
    expect(resolveText(spelled, 'TKR').best?.id).toBe('X1');
    expect(resolveText(spelled, 'lap chole', ['procedure']).best?.id).toBe('X2');
    expect(resolveText(spelled, 'revision TKA').best?.id).toBe('X3');
  });

  it('leaves a surgeon or payor named next to the abbreviation to the other kinds', () => {
    const withNames = demoCatalog({ payor: [{ kind: 'payor', id: 'Aetna', name: 'Aetna', cases: 5 }] });
    const resolution = resolveText(withNames, 'TURBT at Aetna');
    expect(resolution.best).toMatchObject({ kind: 'payor', id: 'Aetna' });
    expect(resolveText(withNames, 'Aetna', ['payor']).best?.id).toBe('Aetna');
  });
});

describe('closest names for words that matched nothing', () => {
  it('offers near spellings, and nothing for shorthand the organization lacks', () => {
    const withNames = demoCatalog({
      surgeon: [
        { kind: 'surgeon', id: 'Dr. Ana Ruiz', name: 'Dr. Ana Ruiz', cases: 4 },
        { kind: 'surgeon', id: 'Dr. Tom Berg', name: 'Dr. Tom Berg', cases: 4 },
      ],
    });
    expect(closestNames(withNames, 'TURBT', ['procedure'])).toEqual([]);
    expect(closestNames(withNames, 'AAA repair', ['procedure', 'condition'])).toEqual([]);
    expect(closestNames(withNames, 'Dr. Ruis', ['surgeon'])[0]?.name).toBe('Dr. Ana Ruiz');
    expect(closestNames(withNames, 'laparoscopic cholecystecomy', ['procedure'])[0]?.id).toBe('47562');
  });
});
