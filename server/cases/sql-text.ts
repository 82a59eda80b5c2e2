import type { DuckDBValue } from '@duckdb/node-api';

/** A statement with positional `?` parameters and the values bound to them. */
interface Statement {
  sql: string;
  params: DuckDBValue[];
}

function literal(value: DuckDBValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The statement as a person would read it, values inlined. Only for provenance: the engines run the
 * parameterized form. The engines' own SQL never holds a `?` inside a string literal, so a plain scan is exact.
 */
export function inlineParameters({ sql, params }: Statement): string {
  let index = 0;
  const text = sql.replace(/\?/g, () => literal(params[index++] ?? null));
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/**
 * A statement with numbered parameters (`$1` …) as provenance: the SQL exactly as it ran, then the value bound
 * to each parameter, so a reader sees both what ran and that no value was written into the SQL text.
 */
export function describeNumberedStatement({ sql, params }: Statement): string {
  const text = sql
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
  if (params.length === 0) return text;
  const bound = params.map(
    (value, index) => `--   $${index + 1} = ${literal(value).replaceAll('\n', '\\n')}`,
  );
  return `${text}\n-- parameters:\n${bound.join('\n')}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
