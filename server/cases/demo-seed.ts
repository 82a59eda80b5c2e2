import type { DuckDBConnection } from '@duckdb/node-api';
import { DEMO_CLIENTS, DEMO_PAYORS, DEMO_PROVIDERS, DEMO_SURGEONS } from './demo-dimensions';
import { DEMO_PROCEDURES } from './demo-procedures';
import { CASE_COLUMNS } from './schema';
import { quoteString as text } from './sql-text';
import type { OrgType, SeedOptions } from './types';

const DEMO_FILE_ID = 'demo';
const DAYS = 1095;

function values(rows: (string | number | null)[][]): string {
  const literal = (value: string | number | null) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : text(value);
  return rows.map((row) => `(${row.map(literal).join(', ')})`).join(',\n');
}

function list(items: string[]): string {
  return `[${items.map(text).join(', ')}]`;
}

function referenceTables(): string[] {
  const procedures = DEMO_PROCEDURES.map((procedure, index) => {
    const surgeons = DEMO_SURGEONS.map((surgeon, position) => ({ ...surgeon, position })).filter(
      (surgeon) => surgeon.specialty === procedure.specialty,
    );
    return `(${index}, ${text(procedure.code)}, ${text(procedure.name)}, ${procedure.drg ? text(procedure.drg[0]) : 'NULL'},
      ${procedure.drg ? text(procedure.drg[1]) : 'NULL'}, ${list(procedure.conditions.map(([code]) => code))},
      ${list(procedure.conditions.map(([, name]) => name))}, ${procedure.weight}, ${procedure.cost}, ${procedure.los},
      ${procedure.orMinutes}, ${procedure.readmission}, ${procedure.femaleShare}, ${procedure.ageMean},
      ${procedure.specialty === 'obstetrics' ? 1 : 0}, ${surgeons[0]?.position ?? 0}, ${surgeons.length})`;
  });
  return [
    `CREATE OR REPLACE TEMP TABLE demo_procedures (id INTEGER, code VARCHAR, name VARCHAR, drg_code VARCHAR,
      drg_name VARCHAR, condition_codes VARCHAR[], condition_names VARCHAR[], weight DOUBLE, cost DOUBLE, los DOUBLE,
      or_minutes DOUBLE, readmission DOUBLE, female_share DOUBLE, age_mean DOUBLE, is_obstetric INTEGER,
      first_surgeon INTEGER, surgeon_count INTEGER)`,
    `INSERT INTO demo_procedures VALUES ${procedures.join(',\n')}`,
    `CREATE OR REPLACE TEMP TABLE demo_surgeons AS SELECT * FROM (VALUES ${values(
      DEMO_SURGEONS.map((surgeon, index) => [index, surgeon.name, surgeon.costFactor, surgeon.speedFactor]),
    )}) t(id, name, cost_factor, speed_factor)`,
    `CREATE OR REPLACE TEMP TABLE demo_payors AS SELECT * FROM (VALUES ${values(
      DEMO_PAYORS.map((payor, index) => [index, payor.name, payor.share, payor.paymentRate]),
    )}) t(id, name, weight, payment_rate)`,
    `CREATE OR REPLACE TEMP TABLE demo_providers AS SELECT * FROM (VALUES ${values(
      DEMO_PROVIDERS.map((provider, index) => [index, provider.name, provider.share, provider.costFactor]),
    )}) t(id, name, weight, cost_factor)`,
    `CREATE OR REPLACE TEMP TABLE demo_clients AS SELECT * FROM (VALUES ${values(
      DEMO_CLIENTS.map((client, index) => [index, client]),
    )}) t(id, name)`,
  ];
}

/** Maps `slots` equal slices of [0, 1) onto ids in proportion to weight, so a weighted draw is an equi-join. */
function slotTable(name: string, source: string, slots: number): string {
  return `CREATE OR REPLACE TEMP TABLE ${name} AS
    WITH bounds AS (
      SELECT id, (sum(weight) OVER (ORDER BY id) - weight) / sum(weight) OVER () AS low,
             sum(weight) OVER (ORDER BY id) / sum(weight) OVER () AS high
      FROM ${source})
    SELECT id, unnest(range(CAST(round(low * ${slots}) AS BIGINT), CAST(round(high * ${slots}) AS BIGINT))) AS slot
    FROM bounds`;
}

/** Elective surgery is lighter at weekends, peaks in winter and grows a little year on year. */
function dayTable(endDate: string): string {
  return `CREATE OR REPLACE TEMP TABLE demo_days AS
    SELECT id, CAST(? AS DATE) - INTERVAL (${DAYS - 1} - id) DAY AS day,
      (1 + 0.12 * cos(2 * pi() * (dayofyear(CAST(? AS DATE) - INTERVAL (${DAYS - 1} - id) DAY) - 20) / 365.25))
      * (CASE WHEN dayofweek(CAST(? AS DATE) - INTERVAL (${DAYS - 1} - id) DAY) IN (0, 6) THEN 0.35 ELSE 1 END)
      * (1 + 0.08 * id / ${DAYS}) AS weight
    FROM range(${DAYS}) t(id)`.replaceAll('?', text(endDate));
}

function generateSql(cases: number, seed: number, orgType: OrgType): string {
  // Uniform draws from a seeded hash: the same seed gives the same rows on any machine and thread count.
  const uniform = (stream: number) => `(hash(i, ${stream}, ${seed}) / 18446744073709551616.0)`;
  const normal = (stream: number) =>
    `(sqrt(-2 * ln(greatest(${uniform(stream)}, 1e-12))) * cos(2 * pi() * ${uniform(stream + 500)}))`;
  const hospitalRevenue = orgType === 'payor' ? 'CAST(NULL AS DOUBLE)' : 'round(allowed, 2)';
  return `INSERT INTO cases (${CASE_COLUMNS.join(', ')}, file_id)
    WITH draws AS (
      SELECT i, floor(${uniform(1)} * 1000) AS procedure_slot, floor(${uniform(2)} * 20000) AS day_slot,
        floor(${uniform(3)} * 1000) AS payor_slot, floor(${uniform(4)} * 1000) AS provider_slot
      FROM range(${cases}) t(i)),
    patients AS (
      SELECT d.i, p.*, day.day AS admit_day,
        CASE WHEN p.is_obstetric = 1 THEN least(46, greatest(16, round(p.age_mean + 5 * ${normal(10)})))
             ELSE least(99, greatest(0, round(p.age_mean + 11 * ${normal(10)}))) END AS age,
        CASE WHEN ${uniform(8)} < 0.015 THEN NULL WHEN ${uniform(9)} < p.female_share THEN 'F' ELSE 'M' END AS gender,
        d.payor_slot, d.provider_slot
      FROM draws d
      JOIN demo_procedure_slots ps ON ps.slot = d.procedure_slot JOIN demo_procedures p ON p.id = ps.id
      JOIN demo_day_slots ds ON ds.slot = d.day_slot JOIN demo_days day ON day.id = ds.id),
    placed AS (
      SELECT pt.*, CASE WHEN pt.age >= 65 AND ${uniform(11)} < 0.7 THEN 0 ELSE pys.id END AS payor_id,
        pt.first_surgeon + CAST(floor(pow(${uniform(5)}, 1.4) * pt.surgeon_count) AS INTEGER) AS surgeon_id,
        CAST(floor(pow(${uniform(6)}, 1.5) * 8) AS INTEGER) AS client_id,
        CAST(1 + floor(${uniform(7)} * len(pt.condition_codes)) AS INTEGER) AS condition_index,
        ${uniform(13)} < least(0.6, pt.readmission * (1 + 0.03 * (pt.age - pt.age_mean))) AS is_readmitted
      FROM patients pt JOIN demo_payor_slots pys ON pys.slot = pt.payor_slot),
    priced AS (
      SELECT pl.*, y.name AS payor_name, y.payment_rate, v.name AS provider_name, s.name AS surgeon_name,
        s.speed_factor, c.name AS client_name,
        pl.cost * exp(0.28 * ${normal(12)}) * v.cost_factor * s.cost_factor * (1 + 0.004 * (pl.age - pl.age_mean))
          * (CASE WHEN pl.is_readmitted THEN 1.15 ELSE 1 END) AS case_cost
      FROM placed pl
      JOIN demo_payors y ON y.id = pl.payor_id
      JOIN demo_provider_slots vs ON vs.slot = pl.provider_slot JOIN demo_providers v ON v.id = vs.id
      JOIN demo_surgeons s ON s.id = pl.surgeon_id JOIN demo_clients c ON c.id = pl.client_id),
    finished AS (
      SELECT *, case_cost * payment_rate * exp(0.1 * ${normal(17)}) AS allowed,
        case_cost * 2.4 * (0.9 + 0.1 * payment_rate) * exp(0.12 * ${normal(18)}) AS billed,
        CASE WHEN los = 0 THEN CASE WHEN ${uniform(14)} < 0.08 THEN 1 ELSE 0 END
             ELSE greatest(0, round(los * exp(0.35 * ${normal(15)}) * (1 + 0.01 * (age - age_mean))
                  + CASE WHEN is_readmitted THEN 1 ELSE 0 END)) END AS stay
      FROM priced)
    SELECT 'DEMO-' || lpad(CAST(i + 1 AS VARCHAR), 7, '0'), CAST(admit_day AS DATE),
      CAST(admit_day + INTERVAL (CAST(stay AS INTEGER)) DAY AS DATE),
      code, name, condition_codes[condition_index], condition_names[condition_index], drg_code, drg_name,
      surgeon_name, payor_name, provider_name, client_name, gender, CAST(age AS INTEGER),
      round(billed, 2), ${hospitalRevenue}, round(case_cost, 2), round(greatest(0, billed - allowed), 2), stay,
      CASE WHEN or_minutes = 0 THEN NULL ELSE round(or_minutes * exp(0.18 * ${normal(16)}) * speed_factor) END,
      CASE WHEN is_readmitted THEN 1 ELSE 0 END, '${DEMO_FILE_ID}'
    FROM finished`;
}

/**
 * Replaces the organization's demo rows with `cases` generated ones, in one transaction; `beforeCommit` adds to
 * it (the store raises its data version there).
 */
export async function seedDemoRows(
  connection: DuckDBConnection,
  orgType: OrgType,
  { cases = 250_000, seed = 1, endDate }: SeedOptions,
  beforeCommit?: (connection: DuckDBConnection) => Promise<void>,
): Promise<{ rows: number }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) throw new Error(`endDate must be YYYY-MM-DD, got "${endDate}"`);
  const count = Math.max(0, Math.floor(cases));
  const seedNumber = Math.abs(Math.floor(seed)) % 2_147_483_647;
  for (const statement of referenceTables()) await connection.run(statement);
  await connection.run(dayTable(endDate));
  await connection.run(slotTable('demo_procedure_slots', 'demo_procedures', 1000));
  await connection.run(slotTable('demo_payor_slots', 'demo_payors', 1000));
  await connection.run(slotTable('demo_provider_slots', 'demo_providers', 1000));
  await connection.run(slotTable('demo_day_slots', 'demo_days', 20000));
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run('DELETE FROM cases WHERE file_id = ?', [DEMO_FILE_ID]);
    const result = await connection.run(generateSql(count, seedNumber, orgType));
    await beforeCommit?.(connection);
    await connection.run('COMMIT');
    return { rows: Number(result.rowsChanged) };
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}
