import type { Measure, PredictionPlan } from '../../src/contract/query-plan';
import { hospitalOnlyReason, measureAllowed } from './semantic-model';
import { EngineRefusal, type OrgType } from './types';

/** Hospital revenue exists only for hospitals and providers; a payor never sees it. */
export function refuseHospitalOnly(orgType: OrgType, metric: Measure | PredictionPlan['target']): void {
  const measure: Measure = metric === 'price' ? 'revenue' : metric;
  if (!measureAllowed(orgType, measure)) {
    throw new EngineRefusal('hospital_only_metric', hospitalOnlyReason(measure));
  }
}

export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
