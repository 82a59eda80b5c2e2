export { parseQuestion } from './parse-question';
export type { ParseContext, ParsedQuery, ParseOutcome, QueryOutcome } from './types';
