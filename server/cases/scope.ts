import type { DuckDBValue } from '@duckdb/node-api';
import { DOMAIN_CODE_COLUMN } from './schema';
import { placeholders } from './sql-text';
import {
  type DateWindow,
  type DimensionFilter,
  DOMAINS,
  EngineRefusal,
  type EntityRef,
  PIVOTS,
} from './types';

export interface Scope {
  entity?: EntityRef;
  window?: DateWindow | null;
  dimensions?: DimensionFilter[];
  excludeConditions?: string[];
}

/** Conditions on `cases` for a scope, every user value bound as a parameter. */
export function scopeConditions(scope: Scope): { conditions: string[]; params: DuckDBValue[] } {
  const conditions: string[] = [];
  const params: DuckDBValue[] = [];
  if (scope.entity) {
    if (!DOMAINS.includes(scope.entity.domain)) {
      throw new EngineRefusal('invalid_request', `Unknown domain "${scope.entity.domain}".`);
    }
    conditions.push(`${DOMAIN_CODE_COLUMN[scope.entity.domain]} = ?`);
    params.push(scope.entity.code);
  }
  if (scope.window) {
    conditions.push('admit_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)');
    params.push(scope.window.from, scope.window.to);
  }
  for (const filter of scope.dimensions ?? []) {
    if (!PIVOTS.includes(filter.dimension)) {
      throw new EngineRefusal('invalid_request', `Unknown dimension "${filter.dimension}".`);
    }
    if (filter.values.length === 0) continue;
    conditions.push(`${filter.dimension} IN ${placeholders(filter.values.length)}`);
    params.push(...filter.values);
  }
  const excluded = scope.excludeConditions ?? [];
  if (excluded.length > 0) {
    conditions.push(`(condition_code IS NULL OR condition_code NOT IN ${placeholders(excluded.length)})`);
    params.push(...excluded);
  }
  return { conditions, params };
}

export function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : '';
}
