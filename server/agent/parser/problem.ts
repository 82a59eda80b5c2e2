import type { MatchCandidate } from '../../cases/types';
import type { Clarification, Refusal } from './types';

/**
 * Raised anywhere in the parser when the question cannot become a query; the entry point turns it
 * into its outcome, so each rule can stop the parse where it notices the problem.
 */
export class ParseProblem extends Error {
  constructor(readonly outcome: Refusal | Clarification) {
    super(outcome.message);
    this.name = 'ParseProblem';
  }
}

export function refuse(message: string, examples: string[]): never {
  throw new ParseProblem({ kind: 'refuse', message, examples });
}

export function clarify(message: string, text: string, options: MatchCandidate[]): never {
  throw new ParseProblem({ kind: 'clarify', message, text, options });
}
