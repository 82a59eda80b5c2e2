// The case table as stored: the contract's columns plus the file each row came from.

export const TEXT_COLUMNS = [
  'procedure_code',
  'procedure_name',
  'condition_code',
  'condition_name',
  'drg_code',
  'drg_name',
  'surgeon',
  'payor',
  'provider',
  'client',
] as const;

export const NUMBER_COLUMNS = [
  'revenue',
  'hospital_revenue',
  'cost',
  'discount',
  'los_days',
  'or_minutes',
] as const;

export const REQUIRED_COLUMNS = ['case_id', 'admit_date', 'discharge_date'] as const;

export const CASE_COLUMNS = [
  'case_id',
  'admit_date',
  'discharge_date',
  ...TEXT_COLUMNS,
  'gender',
  'age',
  ...NUMBER_COLUMNS,
  'readmitted_30',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const CREATE_CASES_TABLE = `
CREATE TABLE IF NOT EXISTS cases (
  case_id VARCHAR NOT NULL,
  admit_date DATE NOT NULL,
  discharge_date DATE NOT NULL,
  ${TEXT_COLUMNS.map((column) => `${column} VARCHAR`).join(',\n  ')},
  gender VARCHAR,
  age INTEGER,
  ${NUMBER_COLUMNS.map((column) => `${column} DOUBLE`).join(',\n  ')},
  readmitted_30 TINYINT,
  file_id VARCHAR NOT NULL
)`;

/** Engines look up a clinical entity by its code column. */
export const DOMAIN_CODE_COLUMN = {
  procedure: 'procedure_code',
  condition: 'condition_code',
  drg: 'drg_code',
} as const;

export const DOMAIN_NAME_COLUMN = {
  procedure: 'procedure_name',
  condition: 'condition_name',
  drg: 'drg_name',
} as const;
