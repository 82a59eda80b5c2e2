// Test support: a small catalog and an honest word-overlap matcher standing in for the real resolver
// (server/cases), so the parser's tests exercise real resolution results, ambiguity included.

import type { DimensionFilter, QueryPlan } from '../../../src/contract/query-plan';
import type { EntityKind, MatchCandidate, Resolution } from '../../cases/types';
import type { ParseContext, ParsedQuery } from './types';

interface Entry {
  kind: EntityKind;
  id: string;
  name: string;
  aliases?: string[];
}

const CATALOG: Entry[] = [
  { kind: 'procedure', id: '27447', name: 'Total knee arthroplasty', aliases: ['knee replacement', 'tka'] },
  { kind: 'procedure', id: '27130', name: 'Total hip arthroplasty', aliases: ['hip replacement', 'tha'] },
  { kind: 'procedure', id: '29881', name: 'Knee arthroscopy with meniscectomy', aliases: ['knee scope'] },
  {
    kind: 'procedure',
    id: '0SRC0J9',
    name: 'Replacement of right knee joint with synthetic substitute, open approach',
  },
  { kind: 'procedure', id: '33533', name: 'Coronary artery bypass', aliases: ['cabg', 'heart bypass'] },
  { kind: 'procedure', id: '47562', name: 'Laparoscopic cholecystectomy', aliases: ['gallbladder removal'] },
  {
    kind: 'condition',
    id: 'E11.9',
    name: 'Type 2 diabetes mellitus without complications',
    aliases: ['diabetes'],
  },
  {
    kind: 'condition',
    id: 'I10',
    name: 'Essential hypertension',
    aliases: ['hypertension', 'high blood pressure'],
  },
  { kind: 'condition', id: 'E66.9', name: 'Obesity', aliases: ['obese'] },
  {
    kind: 'condition',
    id: 'M17.11',
    name: 'Unilateral primary osteoarthritis, right knee',
    aliases: ['knee osteoarthritis'],
  },
  { kind: 'condition', id: 'I50.9', name: 'Heart failure', aliases: ['chf'] },
  { kind: 'drg', id: '470', name: 'Major hip and knee joint replacement without MCC' },
  { kind: 'drg', id: '469', name: 'Major hip and knee joint replacement with MCC' },
  { kind: 'surgeon', id: 'Wei Chen', name: 'Wei Chen' },
  { kind: 'surgeon', id: 'Linda Chen', name: 'Linda Chen' },
  { kind: 'surgeon', id: 'Anil Patel', name: 'Anil Patel' },
  { kind: 'payor', id: 'Aetna', name: 'Aetna' },
  { kind: 'payor', id: 'Cigna', name: 'Cigna' },
  { kind: 'payor', id: 'Medicare', name: 'Medicare' },
  { kind: 'payor', id: 'Blue Cross Blue Shield', name: 'Blue Cross Blue Shield', aliases: ['bcbs'] },
  { kind: 'provider', id: 'Mercy North', name: 'Mercy North' },
  { kind: 'provider', id: 'Mercy South', name: 'Mercy South' },
  { kind: 'provider', id: "St. Luke's", name: "St. Luke's", aliases: ['st lukes', 'saint lukes'] },
  { kind: 'client', id: 'Acme Health', name: 'Acme Health' },
  { kind: 'client', id: 'Northwind', name: 'Northwind' },
];

const IGNORED = new Set(['of', 'with', 'and', 'the', 'a']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.\s]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/\.$/, ''))
    .filter((word) => word.length > 0 && !IGNORED.has(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

function overlap(query: string[], name: string[]): number {
  if (query.length === 0 || name.length === 0) return 0;
  const shared = query.filter((word) => name.includes(word)).length;
  return 0.7 * (shared / query.length) + 0.3 * (shared / name.length);
}

function score(text: string, entry: Entry): number {
  if (text.trim().toUpperCase() === entry.id.toUpperCase()) return 1;
  const query = words(text);
  return Math.max(...[entry.name, ...(entry.aliases ?? [])].map((name) => overlap(query, words(name))));
}

function fakeResolve(text: string, kinds?: EntityKind[]): Resolution {
  const ranked: MatchCandidate[] = CATALOG.filter((entry) => !kinds || kinds.includes(entry.kind))
    .map((entry) => ({ kind: entry.kind, id: entry.id, name: entry.name, score: score(text, entry) }))
    .filter((candidate) => candidate.score >= 0.5)
    .sort((left, right) => right.score - left.score);
  const [best = null, ...alternatives] = ranked;
  const runnerUp = alternatives[0];
  return { text, best, alternatives, ambiguous: !!best && !!runnerUp && best.score - runnerUp.score < 0.05 };
}

const TODAY = '2026-11-28';
/** The fixture's latest admit date: the default window ends here, not today. */
const LAST_ADMIT = '2026-10-31';

/** Closest names by shared letters, for "I didn't find X" (the real one is the resolver's fuzzy matcher). */
function fakeClosest(text: string, kinds: EntityKind[]): MatchCandidate[] {
  const letters = new Set(text.toLowerCase().replace(/[^a-z]/g, ''));
  return CATALOG.filter((entry) => kinds.includes(entry.kind))
    .map((entry) => {
      const name = new Set(entry.name.toLowerCase().replace(/[^a-z]/g, ''));
      const shared = [...letters].filter((letter) => name.has(letter)).length;
      return {
        kind: entry.kind,
        id: entry.id,
        name: entry.name,
        score: shared / Math.max(letters.size, name.size, 1),
      };
    })
    .filter((candidate) => candidate.score >= 0.5)
    .sort((left, right) => right.score - left.score);
}

function fakeTopMembers(kind: EntityKind): MatchCandidate[] {
  return CATALOG.filter((entry) => entry.kind === kind).map((entry) => ({
    kind: entry.kind,
    id: entry.id,
    name: entry.name,
    score: 1,
  }));
}

export function contextWith(overrides: Partial<ParseContext> = {}): ParseContext {
  return {
    today: TODAY,
    orgType: 'hospital',
    lastAdmit: LAST_ADMIT,
    resolve: fakeResolve,
    closest: fakeClosest,
    topMembers: fakeTopMembers,
    ...overrides,
  };
}

export const KNEE = { id: '27447', name: 'Total knee arthroplasty' } as const;
export const HIP = { id: '27130', name: 'Total hip arthroplasty' } as const;
export const DEFAULT_WINDOW = { kind: 'data_trailing', months: 12 } as const;

/** With no window named, a time breakdown covers whole periods: 12 months, 8 quarters, every year of the data. */
export const GRAIN_WINDOWS = {
  month: { kind: 'data_trailing', months: 12, grain: 'month' },
  quarter: { kind: 'data_trailing', months: 24, grain: 'quarter' },
  year: { kind: 'data_trailing', months: 120, grain: 'year' },
} as const;

/** An analytics plan: the defaults of a plain question, with what the test names. */
export function analytics(plan: Partial<QueryPlan> = {}): ParsedQuery {
  const grain = plan.group_by?.find((dimension) => dimension in GRAIN_WINDOWS) as
    | keyof typeof GRAIN_WINDOWS
    | undefined;
  return {
    workflow: 'analytics',
    plan: {
      measures: [{ measure: 'cost', aggregation: 'avg' }],
      group_by: [],
      filters: [],
      conditions: [],
      having: [],
      comparison: null,
      order: null,
      limit: null,
      window: grain ? GRAIN_WINDOWS[grain] : DEFAULT_WINDOW,
      ...plan,
    },
  };
}

export const keep = (dimension: DimensionFilter['dimension'], ...values: { id: string; name: string }[]) =>
  ({ dimension, op: 'in', values }) as DimensionFilter;
export const named = (name: string) => ({ id: name, name });
export const year = (value: number) =>
  ({ kind: 'fixed', from: `${value}-01-01`, to: `${value}-12-31`, label: String(value) }) as const;
