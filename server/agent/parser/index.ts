export { describePlan } from './describe';
export { parseQuestion } from './parse-question';
export type { ParseContext, ParsedQuery, ParseOutcome, QueryOutcome, Resolve } from './types';
