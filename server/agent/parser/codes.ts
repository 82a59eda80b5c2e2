import type { Piece } from './pieces';
import type { Remainder } from './remainder';

// Code shapes: MS-DRG (with its keyword), CPT (5 characters), ICD-10-PCS (7), ICD-10-CM (letter, 2 digits), each
// with the words analysts put before them ("procedure 27130", "CPT code 47562", "DRG 470", "dx M17.11").
// Each becomes a piece led by a keyword the entity step reads as "resolve only against this kind".

/** A bare five-digit number after a comparison or a currency sign is an amount, not a CPT code. */
const NOT_AN_AMOUNT =
  '(?<![$€£\\d.,])(?<!(?:\\b(?:over|under|above|below|than|exceeding|least|most)|[<>=])\\s*)';

const CODE_SHAPES: [RegExp, string][] = [
  [/\b(?:ms-?)?drg\s*(?:code\s*)?(?:#|no\.?|number)?\s*(\d{3})\b/, 'drg'],
  [/\b(?:cpt|hcpcs|procedure|proc|px)\s*(?:code\s*)?(?:#|no\.?|number)?\s*(\d{4}[0-9a-z])\b/, 'cpt'],
  [new RegExp(`${NOT_AN_AMOUNT}\\b(\\d{4}[0-9a-z])\\b`), 'cpt'],
  [
    /\b(?:(?:icd-?10-?pcs|pcs)\s*(?:code\s*)?)?((?=[0-9a-hj-np-z]*\d)(?=[0-9a-hj-np-z]*[a-z])[0-9a-hj-np-z]{7})\b/,
    'pcs',
  ],
  [
    /\b(?:(?:icd(?:-?10)?(?:-?cm)?|dx|diagnosis|diag)\s*(?:code\s*)?(?:#\s*)?)?([a-tv-z]\d{2}(?:\.[0-9a-z]{1,4})?)(?![\w.])/,
    'icd',
  ],
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

type LookupKind = 'procedure' | 'condition' | 'drg';

export interface CodeLookup {
  /** The code, upper case, or the name whose code is asked for. */
  text: string;
  /** The kinds to look among (the question's keyword, else the code's shape; all clinical kinds for a name). */
  kinds: LookupKind[];
}

const CODE =
  '((?:ms-?)?drg\\s*\\d{3}|\\d{3}|\\d{4}[0-9a-z]|(?=[0-9a-hj-np-z]*\\d)[0-9a-hj-np-z]{7}|[a-tv-z]\\d{2}(?:\\.[0-9a-z]{1,4})?)';
const KIND_WORD =
  '(cpt|hcpcs|procedures?|surgery|surgeries|operations?|icd-?10-?pcs|pcs|icd(?:-?10)?(?:-?cm)?|diagnos[ie]s|conditions?|dx|(?:ms-?)?drgs?)';
const ASK =
  "(?:what(?:'s| is| are| does| was)?|whats|which|tell me|give me|show me|find|look ?up|lookup|define|explain|identify|name)";

function kindOfWord(word: string | undefined): LookupKind | undefined {
  if (!word) return undefined;
  if (/drg/.test(word)) return 'drg';
  if (/^(?:icd(?:-?10)?(?:-?cm)?|diagnos[ie]s|conditions?|dx)$/.test(word)) return 'condition';
  return 'procedure';
}

function kindOfCode(code: string): LookupKind {
  if (/drg/.test(code) || /^\d{3}$/.test(code)) return 'drg';
  if (/^[a-z]\d{2}/.test(code) && code.length !== 7) return 'condition';
  return 'procedure';
}

const CODE_TO_NAME: RegExp[] = [
  // "which procedure is 47562", "what DRG is 470", "which code is 27130"
  new RegExp(
    `^${ASK}?\\s*(?:the\\s+)?${KIND_WORD}?\\s*(?:codes?\\s+)?(?:is|are|was|has|for)\\s+(?:the\\s+)?(?:code\\s+)?${KIND_WORD}?\\s*(?:code\\s+)?${CODE}$`,
  ),
  // "what is 47562", "what does CPT 27447 mean", "look up DRG 470", "name of procedure 27130"
  new RegExp(
    `^${ASK}\\s+(?:is\\s+|of\\s+|for\\s+)?(?:the\\s+)?(?:name\\s+(?:of|for)\\s+)?${KIND_WORD}?\\s*(?:codes?\\s+)?(?:#\\s*)?${CODE}(?:\\s+(?:mean|means|stand for|stands for|refer to|code|called|named))?$`,
  ),
  // "47562 is what", "27447 = ?"
  new RegExp(`^${KIND_WORD}?\\s*(?:code\\s+)?${CODE}\\s+(?:is what|means what|meaning|stands for what)$`),
];

/** Each with the index of its name group. */
const NAME_TO_CODE: [RegExp, number][] = [
  // "code for total knee arthroplasty", "what's the CPT code for lap chole", "DRG for hip replacement"
  [
    new RegExp(
      `^(?:${ASK}\\s+)?(?:is\\s+|are\\s+)?(?:the\\s+)?${KIND_WORD}?\\s*(?:codes?|number)?\\s*(?:for|of)\\s+(?:an?\\s+|the\\s+)?(.+)$`,
    ),
    2,
  ],
  // "which DRG does knee replacement fall under", "what code is lap chole"
  [
    new RegExp(
      `^(?:what|which)\\s+${KIND_WORD}?\\s*(?:codes?\\s+)?(?:is|does|do)\\s+(?:an?\\s+|the\\s+)?(.+?)(?:\\s+(?:fall under|fall into|map to|group to|code to|use|have|get|coded as))?$`,
    ),
    2,
  ],
  // "lap chole CPT code", "total hip arthroplasty code"
  [new RegExp(`^(?:${ASK}\\s+)?(?:the\\s+)?(.+?)\\s+${KIND_WORD}?\\s*codes?$`), 1],
];

/**
 * A question that only asks what a code is ("which procedure is 47562", "what is DRG 470") or which code a
 * procedure has ("code for total knee arthroplasty"): the entity_resolver workflow's lookup. Null for anything
 * else, so analytics questions that merely mention a code are left to the analytics reader.
 */
export function readCodeLookup(question: string): CodeLookup | null {
  const text = question
    .toLowerCase()
    .replace(/[?!.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const pattern of CODE_TO_NAME) {
    const match = pattern.exec(text);
    if (!match) continue;
    const code = match[match.length - 1]!.replace(/^(?:ms-?)?drg\s*/, (keyword) => (keyword ? 'drg' : ''));
    const bare = code.replace(/^drg/, '');
    const words = match.slice(1, -1).filter(Boolean);
    const kind = kindOfWord(words.find((word) => kindOfWord(word))) ?? kindOfCode(code);
    return { text: bare.toUpperCase(), kinds: [kind] };
  }
  if (!/\bcodes?\b|\bcpt\b|\bdrgs?\b|\bicd|\bhcpcs\b/.test(text)) return null;
  for (const [pattern, nameGroup] of NAME_TO_CODE) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = (match[nameGroup] ?? '').trim();
    if (
      !name ||
      new RegExp(`^${CODE}$`).test(name) ||
      /\b(?:average|mean|median|cost|costs|revenue|margin|profit|by|cases|volume)\b/.test(name)
    )
      continue;
    const kind = kindOfWord(match.find((group, index) => index > 0 && index !== nameGroup && group));
    return { text: name, kinds: kind ? [kind] : ['procedure', 'condition', 'drg'] };
  }
  return null;
}
