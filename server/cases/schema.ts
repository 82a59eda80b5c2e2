// The case table as stored: the contract's columns plus the file each row came from.

import {
  type CASE_DATA_COLUMNS,
  CASE_NUMBER_COLUMNS as NUMBER_COLUMNS,
  CASE_TEXT_COLUMNS as TEXT_COLUMNS,
} from '../../src/contract/files';
import { DIMENSION_MODEL } from './semantic-model';

export {
  CASE_DATA_COLUMNS as CASE_COLUMNS,
  CASE_NUMBER_COLUMNS as NUMBER_COLUMNS,
  CASE_TEXT_COLUMNS as TEXT_COLUMNS,
  REQUIRED_CASE_COLUMNS as REQUIRED_COLUMNS,
} from '../../src/contract/files';

export type CaseColumn = (typeof CASE_DATA_COLUMNS)[number];

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

/** Engines look up a clinical entity by its code column (the semantic model's id and name columns). */
export const DOMAIN_CODE_COLUMN = {
  procedure: DIMENSION_MODEL.procedure.idSql,
  condition: DIMENSION_MODEL.condition.idSql,
  drg: DIMENSION_MODEL.drg.idSql,
} as const;

export const DOMAIN_NAME_COLUMN = {
  procedure: DIMENSION_MODEL.procedure.nameSql!,
  condition: DIMENSION_MODEL.condition.nameSql!,
  drg: DIMENSION_MODEL.drg.nameSql!,
} as const;
