import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../cases/demo-catalog';
import { resolveText } from '../../cases/resolver';
import type { EntityKind } from '../../cases/types';
import { type CodeLookup, readCodeLookup, takeCodes } from './codes';
import { Remainder } from './remainder';

// The phrasing table's code rows: a code as analysts write it, the piece it is read as, and the demo
// organization's entity it resolves to.
const catalog = demoCatalog();

const CODES: [question: string, piece: string, kind: EntityKind, id: string][] = [
  ['cost of procedure 27130', 'cpt 27130', 'procedure', '27130'],
  ['revenue for CPT 27447', 'cpt 27447', 'procedure', '27447'],
  ['CPT code 47562 volume', 'cpt 47562', 'procedure', '47562'],
  ['cpt #44970 cases', 'cpt 44970', 'procedure', '44970'],
  ['proc code 59510 by payor', 'cpt 59510', 'procedure', '59510'],
  ['procedure code 66984 cost', 'cpt 66984', 'procedure', '66984'],
  ['average cost of 27447 by surgeon', 'cpt 27447', 'procedure', '27447'],
  ['margin for 33533 last year', 'cpt 33533', 'procedure', '33533'],
  ['HCPCS 45378 volume', 'cpt 45378', 'procedure', '45378'],
  ['px 43239 cost', 'cpt 43239', 'procedure', '43239'],
  ['DRG 470 revenue', 'drg 470', 'drg', '470'],
  ['MS-DRG 470 cost', 'drg 470', 'drg', '470'],
  ['msdrg 236 cases', 'drg 236', 'drg', '236'],
  ['drg470 margin', 'drg 470', 'drg', '470'],
  ['DRG code 788 volume', 'drg 788', 'drg', '788'],
  ['DRG #807 by payor', 'drg 807', 'drg', '807'],
  ['cost for DRG 039', 'drg 039', 'drg', '039'],
  ['dx M17.11 cases', 'icd M17.11', 'condition', 'M17.11'],
  ['diagnosis K80.20 cost', 'icd K80.20', 'condition', 'K80.20'],
  ['ICD-10 I21.4 revenue', 'icd I21.4', 'condition', 'I21.4'],
  ['icd10 N20.0 cases', 'icd N20.0', 'condition', 'N20.0'],
  ['ICD-10-CM C61 margin', 'icd C61', 'condition', 'C61'],
  ['cases with m16.11', 'icd M16.11', 'condition', 'M16.11'],
  ['0W9G3ZZ cost', 'pcs 0W9G3ZZ', 'procedure', '0W9G3ZZ'],
  ['ICD-10-PCS 5A1955Z length of stay', 'pcs 5A1955Z', 'procedure', '5A1955Z'],
  ['pcs 5a1955z revenue', 'pcs 5A1955Z', 'procedure', '5A1955Z'],
];

describe('codes in questions', () => {
  it.each(CODES)('"%s" → %s → %s %s', (question, piece, kind, id) => {
    const pieces = takeCodes(new Remainder(question));
    expect(pieces).toEqual([{ lead: 'code', text: piece }]);
    const [keyword = '', code = ''] = piece.split(' ');
    const kinds: EntityKind[] =
      keyword === 'drg' ? ['drg'] : keyword === 'icd' ? ['condition'] : ['procedure'];
    expect(resolveText(catalog, code, kinds).best).toMatchObject({ kind, id });
  });

  it.each([
    'cases costing over 50000',
    'cases with cost > 25000',
    'cost >= 30000',
    'cases above $20000',
    'surgeons with average revenue under 12000',
    'top 10 surgeons in 2025',
    'revenue 2023 through 2025',
  ])('reads no code in "%s" (amounts, counts and years are not codes)', (question) => {
    expect(takeCodes(new Remainder(question))).toEqual([]);
  });
});

const LOOKUPS: [question: string, lookup: CodeLookup][] = [
  ['which procedure is 47562', { text: '47562', kinds: ['procedure'] }],
  ['which procedure is 47562?', { text: '47562', kinds: ['procedure'] }],
  ['what is 47562', { text: '47562', kinds: ['procedure'] }],
  ['What is DRG 470?', { text: '470', kinds: ['drg'] }],
  ['what DRG is 470', { text: '470', kinds: ['drg'] }],
  ['what does CPT 27447 mean', { text: '27447', kinds: ['procedure'] }],
  ['what does 27130 stand for', { text: '27130', kinds: ['procedure'] }],
  ['look up DRG 470', { text: '470', kinds: ['drg'] }],
  ['lookup 66984', { text: '66984', kinds: ['procedure'] }],
  ['which code is 27130', { text: '27130', kinds: ['procedure'] }],
  ['name of procedure 27130', { text: '27130', kinds: ['procedure'] }],
  ['what is M17.11', { text: 'M17.11', kinds: ['condition'] }],
  ['which diagnosis is M17.11', { text: 'M17.11', kinds: ['condition'] }],
  ['what is ICD-10 K80.20', { text: 'K80.20', kinds: ['condition'] }],
  ['what is 0SRC0J9', { text: '0SRC0J9', kinds: ['procedure'] }],
  ['47562 is what', { text: '47562', kinds: ['procedure'] }],
  [
    'code for total knee arthroplasty',
    { text: 'total knee arthroplasty', kinds: ['procedure', 'condition', 'drg'] },
  ],
  ["what's the CPT code for lap chole", { text: 'lap chole', kinds: ['procedure'] }],
  ["what's the CPT for TKA", { text: 'tka', kinds: ['procedure'] }],
  ['CPT code for a total hip arthroplasty', { text: 'total hip arthroplasty', kinds: ['procedure'] }],
  ['DRG for hip replacement', { text: 'hip replacement', kinds: ['drg'] }],
  ['which DRG does knee replacement fall under', { text: 'knee replacement', kinds: ['drg'] }],
  ['lap chole CPT code', { text: 'lap chole', kinds: ['procedure'] }],
  [
    'total knee arthroplasty code',
    { text: 'total knee arthroplasty', kinds: ['procedure', 'condition', 'drg'] },
  ],
  ['what is the ICD-10 code for knee arthritis', { text: 'knee arthritis', kinds: ['condition'] }],
  ['diagnosis code for gallstones', { text: 'gallstones', kinds: ['condition'] }],
  [
    'what are the codes for hernia repair',
    { text: 'hernia repair', kinds: ['procedure', 'condition', 'drg'] },
  ],
];

describe('code lookups (the entity_resolver workflow)', () => {
  it.each(LOOKUPS)('"%s"', (question, lookup) => {
    expect(readCodeLookup(question)).toEqual(lookup);
  });

  it.each([
    ['which procedure is 47562', 'procedure', '47562'],
    ['What is DRG 470?', 'drg', '470'],
    ['what is M17.11', 'condition', 'M17.11'],
    ['code for total knee arthroplasty', 'procedure', '27447'],
    ["what's the CPT code for lap chole", 'procedure', '47562'],
    ['CPT code for a total hip arthroplasty', 'procedure', '27130'],
    ['lap chole CPT code', 'procedure', '47562'],
  ] as const)('"%s" finds %s %s in the demo catalog', (question, kind, id) => {
    const lookup = readCodeLookup(question)!;
    expect(resolveText(catalog, lookup.text, lookup.kinds).best).toMatchObject({ kind, id });
  });

  it.each([
    'cost of 27130',
    'average cost of DRG 470 by payor',
    'cost per case for procedure 27130',
    'what is the average cost for 27130',
    'total revenue by DRG code',
    'top procedures by code',
    'cost of code 27130',
    'which surgeons did the most 27447 cases',
  ])('leaves "%s" to the analytics reader', (question) => {
    expect(readCodeLookup(question)).toBeNull();
  });
});
