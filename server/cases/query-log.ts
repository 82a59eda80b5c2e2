import type { DuckDBValue } from '@duckdb/node-api';
import type { OrgDatabase, QueryRow } from './org-database';
import { describeNumberedStatement, inlineParameters } from './sql-text';

/** Runs an engine's statements and keeps each one, values inlined, for the result's provenance. */
export class QueryLog {
  readonly sql: string[] = [];

  constructor(
    private readonly database: OrgDatabase,
    private readonly signal?: AbortSignal,
  ) {}

  async run(sql: string, params: DuckDBValue[] = []): Promise<QueryRow[]> {
    // Numbered parameters ($1 …) are shown beside the statement; positional ones (?) inlined for reading.
    this.sql.push(
      /\$\d/.test(sql) ? describeNumberedStatement({ sql, params }) : inlineParameters({ sql, params }),
    );
    return this.database.query(sql, params, this.signal);
  }
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
