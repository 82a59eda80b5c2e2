export { describeQuery, isCountReading, isLowestFirstReading, METRIC_LABELS } from './describe';
export { parseQuestion } from './parse-question';
export type { ParseContext, ParsedQuery, ParseOutcome, Resolve } from './types';
