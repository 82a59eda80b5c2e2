import type { Piece } from './pieces';
import type { Remainder } from './remainder';

// Code shapes: MS-DRG (with its keyword), CPT (5 characters), ICD-10-PCS (7), ICD-10-CM (letter, 2 digits).
// Each becomes a piece led by a keyword the entity step reads as "resolve only against this kind".
const CODE_SHAPES: [RegExp, string][] = [
  [/\b(?:ms-)?drg\s*#?\s*(\d{3})\b/, 'drg'],
  [/\b(?:cpt\s*#?\s*)?(\d{4}[0-9a-z])\b/, 'cpt'],
  [/\b(?:icd-10-pcs\s+|pcs\s+)?((?=[0-9a-hj-np-z]*\d)(?=[0-9a-hj-np-z]*[a-z])[0-9a-hj-np-z]{7})\b/, 'pcs'],
  [/\b(?:icd(?:-?10)?(?:-cm)?\s+)?([a-tv-z]\d{2}(?:\.[0-9a-z]{1,4})?)(?![\w.])/, 'icd'],
];

export function takeCodes(remainder: Remainder): Piece[] {
  const pieces: Piece[] = [];
  for (const [shape, keyword] of CODE_SHAPES) {
    for (const match of remainder.takeAll(shape)) {
      pieces.push({ lead: 'code', text: `${keyword} ${(match[1] ?? '').toUpperCase()}` });
    }
  }
  return pieces;
}
