import * as z from 'zod/mini';
import { CASE_DATA_COLUMNS } from './files';

/**
 * Column mappings: how a hospital's own export (`dos`, `patient_age`, `total_charges`, …) becomes case data.
 * A mapping names, for each case column, the file column that feeds it and, where the file writes values
 * differently, the one format the whole column is read with. Formats are chosen in the mapping, never guessed
 * per row: a value that does not read in the chosen format makes its row rejected, with the reason.
 */

export type CaseDataColumn = (typeof CASE_DATA_COLUMNS)[number];

/** Date layouts seen in hospital exports; `M/D/YY` reads 00–68 as 20xx and 69–99 as 19xx. */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'M/D/YY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'YYYY/MM/DD',
  'MM-DD-YYYY',
  'YYYYMMDD',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** `yes_no` reads Y/N, yes/no, true/false and 1/0 in any letter case. */
const FLAG_FORMATS = ['0_1', 'yes_no'] as const;
/** `currency` reads `$1,234.50`, `1,234.50`, `-12` and accounting negatives `(1,234.50)`. */
const NUMBER_FORMATS = ['plain', 'currency'] as const;
/** `words` reads Male/Female/Unknown as well as M/F/U. */
const GENDER_FORMATS = ['M_F', 'words'] as const;

const VALUE_FORMATS = [...DATE_FORMATS, ...FLAG_FORMATS, ...NUMBER_FORMATS, ...GENDER_FORMATS] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

const DATE_COLUMNS = ['admit_date', 'discharge_date'] as const;
const MONEY_COLUMNS = ['revenue', 'hospital_revenue', 'cost', 'discount'] as const;

/** The formats a case column may be read with; the first is the case format itself. */
export function formatsFor(column: CaseDataColumn): readonly ValueFormat[] {
  if ((DATE_COLUMNS as readonly string[]).includes(column)) return DATE_FORMATS;
  if (column === 'readmitted_30') return FLAG_FORMATS;
  if (column === 'gender') return GENDER_FORMATS;
  if ((MONEY_COLUMNS as readonly string[]).includes(column)) return NUMBER_FORMATS;
  if (column === 'los_days' || column === 'or_minutes' || column === 'age') return ['plain'];
  return [];
}

const sourceName = z.string().check(z.minLength(1), z.maxLength(200));

const MappedColumn = z.object({
  /** The file's column, exactly as its header writes it. */
  source: sourceName,
  format: z.optional(z.enum(VALUE_FORMATS)),
});

export const MappingColumns = z.partialRecord(z.enum(CASE_DATA_COLUMNS), MappedColumn);
export type MappingColumns = z.infer<typeof MappingColumns>;

const MAX_HEADER_COLUMNS = 500;
const header = z.array(sourceName).check(z.maxLength(MAX_HEADER_COLUMNS));

export const ColumnMapping = z.object({
  id: z.string(),
  name: z.string(),
  /** The header the mapping was made for; a file with the same header is offered it again. */
  header,
  columns: MappingColumns,
  created_at: z.string(),
  created_by: z.string(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const NewColumnMapping = z.object({
  // Lengths are counted as sent, before trimming, as the OpenAPI document states them.
  name: z
    .string()
    .check(
      z.maxLength(100, { error: 'A mapping name is at most 100 characters.' }),
      z.trim(),
      z.minLength(1, { error: 'Give the mapping a name.' }),
    ),
  header,
  columns: MappingColumns,
});
export type NewColumnMapping = z.infer<typeof NewColumnMapping>;

export const MappingList = z.object({ results: z.array(ColumnMapping), next_cursor: z.null() });
export type MappingList = z.infer<typeof MappingList>;

export const ProposeMappingRequest = z.object({
  header,
  /** A few first data rows, cell by cell in header order, so date and money formats can be proposed. */
  samples: z.optional(z.array(z.array(z.string().check(z.maxLength(200)))).check(z.maxLength(20))),
});
export type ProposeMappingRequest = z.infer<typeof ProposeMappingRequest>;

const MATCH_KINDS = ['exact', 'synonym', 'similar', 'saved'] as const;

export const MappingProposal = z.object({
  columns: MappingColumns,
  /** How each proposed column was found, so the page can say which ones to check. */
  matched_by: z.partialRecord(z.enum(CASE_DATA_COLUMNS), z.enum(MATCH_KINDS)),
  /** Required case columns no file column was found for. */
  missing: z.array(z.string()),
  /** A saved mapping of the organization made for exactly this header, proposed as it is. */
  saved: z.nullable(ColumnMapping),
});
export type MappingProposal = z.infer<typeof MappingProposal>;

export const IngestRequest = z.object({ mapping_id: z.nullable(z.string().check(z.maxLength(64))) });
export type IngestRequest = z.infer<typeof IngestRequest>;

/** The header's identity for "same header as before": names in order, compared without case or spaces. */
export const headerSignature = (names: readonly string[]) =>
  names.map((name) => name.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
