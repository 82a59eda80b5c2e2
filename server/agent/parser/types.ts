import type { AnalysisPlan, CaseDimension, DimensionValue } from '../../../src/contract/query-plan';
import type { EntityKind, MatchCandidate, OrgType, Resolution } from '../../cases/types';

export type Resolve = (text: string, kinds?: EntityKind[]) => Resolution;

export interface ParseContext {
  /** `YYYY-MM-DD`; every relative window is computed from it. */
  today: string;
  orgType: OrgType;
  /** The organization's latest admit date: the default window ends there (contract: "Defaults"). */
  lastAdmit?: string | null;
  firstAdmit?: string | null;
  /** 1–12, the month the organization's fiscal year starts in ("FY2025", "FYTD"); the model's default otherwise. */
  fiscalYearStartMonth?: number;
  /** The conversation's last answered plan, for follow-ups. */
  previous?: ParsedQuery;
  /** True when the conversation's last turn was not answered (refused, clarified or failed). */
  previousUnanswered?: boolean;
  resolve: Resolve;
  /** The closest names of these kinds to words that matched nothing, for "I didn't find X" (best first). */
  closest?: (text: string, kinds: EntityKind[]) => MatchCandidate[];
  /** Members of a kind with the most cases, for a clarifying question ("one payor" → which one). */
  topMembers?: (kind: EntityKind) => MatchCandidate[];
}

/** What a question was read as: a plan of one workflow (contract: `AnalysisPlan`). */
export type ParsedQuery = AnalysisPlan;

export type ParseOutcome =
  | {
      kind: 'query';
      query: ParsedQuery;
      /** The plan in words, with the window's dates. */
      reading: string;
      /** Admit dates the window covers, when known at reading time. */
      dates: { from: string; to: string } | null;
      resolutions: Resolution[];
      /** Values the question singled out inside a breakdown ("what share … are Medicare"): the answer leads with them. */
      highlight?: DimensionValue[];
    }
  | {
      kind: 'clarify';
      message: string;
      text: string;
      /** The close matches; `cases` is filled in from the catalog before the question is sent back. */
      options: (MatchCandidate & { cases?: number })[];
    }
  | { kind: 'refuse'; message: string; examples: string[] };

export type Refusal = Extract<ParseOutcome, { kind: 'refuse' }>;
export type Clarification = Extract<ParseOutcome, { kind: 'clarify' }>;
export type QueryOutcome = Extract<ParseOutcome, { kind: 'query' }>;

/** A value of a dimension named in the question, with where it stood (word order settles comparisons). */
export interface NamedValue {
  dimension: CaseDimension;
  value: DimensionValue;
  index: number;
  /** Named together with other values by one shorthand ("OA"): they form one filter, not a comparison. */
  grouped?: boolean;
}
