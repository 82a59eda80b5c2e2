import type {
  AnalyticsParams,
  DashboardParams,
  EntityKind,
  MatchCandidate,
  OrgType,
  PredictionParams,
  Resolution,
  SimulationParams,
} from '../../cases/types';

export type Resolve = (text: string, kinds?: EntityKind[]) => Resolution;

export interface ParseContext {
  /** `YYYY-MM-DD`; every relative window is computed from it. */
  today: string;
  orgType: OrgType;
  /** The conversation's last successful query, for follow-ups. */
  previous?: ParsedQuery;
  resolve: Resolve;
}

export type ParsedQuery =
  | { workflow: 'dashboard'; params: DashboardParams }
  | { workflow: 'analytics'; params: AnalyticsParams }
  | { workflow: 'predictions'; params: PredictionParams }
  | { workflow: 'simulation'; params: SimulationParams }
  | { workflow: 'entity_resolver'; text: string; kinds?: EntityKind[] };

export type ParseOutcome =
  | { kind: 'query'; query: ParsedQuery; reading: string; resolutions: Resolution[] }
  | { kind: 'clarify'; message: string; text: string; options: MatchCandidate[] }
  | { kind: 'refuse'; message: string; examples: string[] };

export type Refusal = Extract<ParseOutcome, { kind: 'refuse' }>;
export type Clarification = Extract<ParseOutcome, { kind: 'clarify' }>;
