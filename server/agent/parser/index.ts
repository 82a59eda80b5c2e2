export { describeQuery } from './describe';
export { parseQuestion } from './parse-question';
export type { ParseContext, ParsedQuery, ParseOutcome, Resolve } from './types';
