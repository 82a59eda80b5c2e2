// Test support: the demo organization's catalog built from the generator's reference table, so vocabulary tests
// run against the demo's real procedure, condition and DRG names without a database.
import { DEMO_PROCEDURES } from './demo-procedures';
import type { Catalog, CatalogEntry, EntityKind } from './types';

/** The demo organization's catalog, built from the generator's reference table (no database needed). */
export function demoCatalog(extra: Partial<Record<EntityKind, CatalogEntry[]>> = {}): Catalog {
  const conditions = new Map<string, CatalogEntry>();
  const drgs = new Map<string, CatalogEntry>();
  for (const procedure of DEMO_PROCEDURES) {
    for (const [id, name] of procedure.conditions)
      conditions.set(id, { kind: 'condition', id, name, cases: 10 });
    if (procedure.drg) {
      const [id, name] = procedure.drg;
      drgs.set(id, { kind: 'drg', id, name, cases: 10 });
    }
  }
  return {
    cases: 1000,
    firstAdmit: '2023-12-01',
    lastAdmit: '2026-11-28',
    entities: {
      procedure: DEMO_PROCEDURES.map((procedure) => ({
        kind: 'procedure' as const,
        id: procedure.code,
        name: procedure.name,
        cases: Math.round(procedure.weight * 100),
      })),
      condition: [...conditions.values()],
      drg: [...drgs.values()],
      surgeon: [],
      payor: [],
      provider: [],
      client: [],
      ...extra,
    },
  };
}
