import type { ChartHint, OrgType, ResultTable } from '../cases/types';
import type { ParsedQuery, ParseOutcome, QueryOutcome } from './parser';

// The run pipeline talks to the question parser and the case engines only through this seam, so the stream
// (order, ids, resume, cancel) can be tested with a small analyst and served with the real one.

export interface AnalystRequest {
  orgId: string;
  orgType: OrgType;
  question: string;
  /** `YYYY-MM-DD`; relative windows ("last 6 months") end here. */
  today: string;
  /** The conversation's last answered plan, for follow-ups. */
  previous?: ParsedQuery;
  /** True when the conversation's last turn was not answered: a follow-up then has nothing to refer to. */
  previousUnanswered?: boolean;
}

export interface Answer {
  tables: ResultTable[];
  chart: ChartHint | null;
  /** Every statement that ran, for provenance. */
  sql: string[];
  /** Markdown: the reading, the case count and the key figures. */
  summary: string;
  suggestions: string[];
}

export interface Analyst {
  /** Parses the question and resolves the names in it. */
  read(request: AnalystRequest, signal: AbortSignal): Promise<ParseOutcome>;
  /** Runs the plan the question was read as and writes the answer. */
  answer(request: AnalystRequest, outcome: QueryOutcome, signal: AbortSignal): Promise<Answer>;
  /** Questions worth asking about this organization's own data. */
  examples(orgId: string, orgType: OrgType, today: string): Promise<string[]>;
}

/** A refusal the analyst decided on after reading (no data, a hospital-only metric): explained, never a number. */
export class AnalystRefusal extends Error {
  constructor(
    message: string,
    readonly examples: string[],
  ) {
    super(message);
    this.name = 'AnalystRefusal';
  }
}
