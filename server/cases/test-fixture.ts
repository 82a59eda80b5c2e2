// A small case file for tests, with its rows as plain objects so tests can compute figures independently.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createCaseStore } from './create-case-store';
import type { CaseStore, IngestSource } from './types';

export const FIXTURE_TODAY = '2026-06-30';

export interface FixtureCase {
  case_id: string;
  admit_date: string;
  discharge_date: string;
  procedure_code: string;
  procedure_name: string;
  condition_code: string;
  surgeon: string;
  payor: string;
  gender: 'M' | 'F' | '';
  age: number;
  revenue: number;
  hospital_revenue: number | null;
  cost: number | null;
  los_days: number;
  or_minutes: number;
  readmitted_30: 0 | 1;
}

const PROCEDURES = [
  ['27447', 'Total knee arthroplasty', 'M17.11'],
  ['47562', 'Laparoscopic cholecystectomy', 'K80.20'],
] as const;

export function fixtureCases(count = 50): FixtureCase[] {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, (_, index) => {
    const [code, name, condition] = PROCEDURES[index % 3 === 0 ? 1 : 0]!;
    const dayOffset = Math.floor(next() * 420);
    const admit = new Date(Date.parse(`${FIXTURE_TODAY}T00:00:00Z`) - dayOffset * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const los = Math.floor(next() * 5);
    const cost = Math.round(8000 + next() * 12000);
    return {
      case_id: `C${String(index + 1).padStart(3, '0')}`,
      admit_date: admit,
      discharge_date: new Date(Date.parse(`${admit}T00:00:00Z`) + los * 86_400_000)
        .toISOString()
        .slice(0, 10),
      procedure_code: code,
      procedure_name: name,
      condition_code: index % 7 === 0 ? 'E11.9' : condition,
      surgeon: ['Dr. Ada Moss', 'Dr. Ben Ortiz', 'Dr. Cy Park'][index % 3]!,
      payor: ['Aetna', 'Medicare'][index % 2]!,
      gender: (['M', 'F', 'F', ''] as const)[index % 4]!,
      age: 30 + Math.floor(next() * 55),
      revenue: Math.round(cost * (2 + next())),
      hospital_revenue: index % 11 === 5 ? null : Math.round(cost * (0.8 + next() * 0.7)),
      cost: index % 13 === 4 ? null : cost,
      los_days: los,
      or_minutes: Math.round(40 + next() * 80),
      readmitted_30: next() < 0.15 ? 1 : 0,
    };
  });
}

const HEADER = [
  'case_id',
  'admit_date',
  'discharge_date',
  'procedure_code',
  'procedure_name',
  'condition_code',
  'surgeon',
  'payor',
  'gender',
  'age',
  'revenue',
  'hospital_revenue',
  'cost',
  'los_days',
  'or_minutes',
  'readmitted_30',
] as const;

export function toCsv(cases: FixtureCase[]): string {
  const lines = cases.map((row) => HEADER.map((column) => row[column] ?? '').join(','));
  return `${HEADER.join(',')}\n${lines.join('\n')}\n`;
}

export function textSource(text: string | Buffer, format: IngestSource['format'] = 'csv'): IngestSource {
  return { filename: `cases.${format}`, format, open: async () => Readable.from([Buffer.from(text)]) };
}

export function fileSource(file: string, format: IngestSource['format']): IngestSource {
  return { filename: path.basename(file), format, open: async () => fs.createReadStream(file) };
}

/** A store in a fresh temporary folder; `cleanup` closes it and removes the folder. */
export function temporaryStore(today = FIXTURE_TODAY): {
  store: CaseStore;
  dataDir: string;
  cleanup: () => Promise<void>;
} {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-test-'));
  const store = createCaseStore({ dataDir, today: () => today });
  return {
    store,
    dataDir,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Linear interpolation between order statistics, as DuckDB's quantile_cont computes it. */
export function quantile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

export function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The fixture with provider and discount too, for the query plan's tests (every dimension and measure). */
export interface PlanFixtureCase extends FixtureCase {
  provider: string;
  discount: number | null;
}

export function planFixtureCases(count = 300): PlanFixtureCase[] {
  return fixtureCases(count).map((row, index) => ({
    ...row,
    provider: ['North Campus', 'South Campus', 'East Clinic'][index % 3 === 0 ? 0 : index % 5 === 0 ? 2 : 1]!,
    discount: index % 17 === 3 ? null : Math.round(row.revenue * ((index % 6) / 20)),
  }));
}

export function planFixtureCsv(cases: PlanFixtureCase[]): string {
  const columns = Object.keys(cases[0]!) as (keyof PlanFixtureCase)[];
  const lines = cases.map((row) => columns.map((column) => row[column] ?? '').join(','));
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}
