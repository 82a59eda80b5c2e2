import type { OrgDatabase } from './org-database';
import { DOMAIN_CODE_COLUMN, DOMAIN_NAME_COLUMN } from './schema';
import { type Catalog, type CatalogEntry, DOMAINS, type EntityKind, PIVOTS } from './types';

function entitySql(): string {
  const domains = DOMAINS.map(
    (
      domain,
    ) => `SELECT '${domain}' AS kind, ${DOMAIN_CODE_COLUMN[domain]} AS id, mode(${DOMAIN_NAME_COLUMN[domain]}) AS name,
      CAST(count(*) AS INTEGER) AS cases FROM cases WHERE ${DOMAIN_CODE_COLUMN[domain]} IS NOT NULL GROUP BY 2`,
  );
  const pivots = PIVOTS.map(
    (
      pivot,
    ) => `SELECT '${pivot}' AS kind, ${pivot} AS id, ${pivot} AS name, CAST(count(*) AS INTEGER) AS cases
      FROM cases WHERE ${pivot} IS NOT NULL GROUP BY 2`,
  );
  return `${[...domains, ...pivots].join('\nUNION ALL\n')}\nORDER BY kind, cases DESC, id`;
}

export async function loadCatalog(database: OrgDatabase): Promise<Catalog> {
  const [totals] = await database.query(
    `SELECT CAST(count(*) AS INTEGER) AS cases, strftime(min(admit_date), '%Y-%m-%d') AS first_admit,
       strftime(max(admit_date), '%Y-%m-%d') AS last_admit FROM cases`,
  );
  const entities = Object.fromEntries(
    [...DOMAINS, ...PIVOTS].map((kind) => [kind, [] as CatalogEntry[]]),
  ) as Record<EntityKind, CatalogEntry[]>;
  for (const row of await database.query(entitySql())) {
    const kind = row.kind as EntityKind;
    entities[kind].push({
      kind,
      id: String(row.id),
      name: row.name === null ? String(row.id) : String(row.name),
      cases: Number(row.cases),
    });
  }
  return {
    cases: Number(totals?.cases ?? 0),
    firstAdmit: (totals?.first_admit as string | null) ?? null,
    lastAdmit: (totals?.last_admit as string | null) ?? null,
    entities,
  };
}

/** Catalogs are computed once per organization and dropped whenever its data changes. */
export class CatalogCache<T = Catalog> {
  private readonly catalogs = new Map<string, Promise<T>>();

  get(orgId: string, load: () => Promise<T>): Promise<T> {
    let catalog = this.catalogs.get(orgId);
    if (!catalog) {
      catalog = load();
      this.catalogs.set(orgId, catalog);
      catalog.catch(() => this.catalogs.delete(orgId));
    }
    return catalog;
  }

  invalidate(orgId: string): void {
    this.catalogs.delete(orgId);
  }
}
