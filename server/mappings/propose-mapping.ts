import {
  type CaseDataColumn,
  DATE_FORMATS,
  type DateFormat,
  formatsFor,
  type MappingColumns,
  type MappingProposal,
  type ValueFormat,
} from '../../src/contract/column-mapping';
import { CASE_DATA_COLUMNS, REQUIRED_CASE_COLUMNS } from '../../src/contract/files';
import { trigramSimilarity } from '../cases/fuzzy';

/** Header spellings seen in hospital and payer exports, by the case column they mean. */
const COLUMN_SYNONYMS: Record<CaseDataColumn, string[]> = {
  case_id: [
    'encounter_id',
    'encounter',
    'encounter_number',
    'visit_id',
    'visit_number',
    'account_number',
    'acct',
    'case_number',
    'claim_id',
    'fin',
  ],
  admit_date: [
    'admission_date',
    'admit_dt',
    'admitted',
    'service_date',
    'date_of_service',
    'dos',
    'admission',
    'start_date',
    'from_date',
  ],
  discharge_date: [
    'disch_date',
    'discharge_dt',
    'dc_date',
    'discharged',
    'disch',
    'end_date',
    'through_date',
    'to_date',
  ],
  procedure_code: [
    'cpt',
    'cpt_code',
    'hcpcs',
    'hcpcs_code',
    'icd10_pcs',
    'pcs_code',
    'proc_code',
    'procedure_cd',
    'px_code',
  ],
  procedure_name: [
    'cpt_description',
    'procedure',
    'procedure_desc',
    'procedure_description',
    'proc_desc',
    'proc_name',
  ],
  condition_code: [
    'diagnosis_code',
    'dx_code',
    'dx',
    'icd10',
    'icd10_cm',
    'principal_dx',
    'primary_dx',
    'principal_diagnosis_code',
  ],
  condition_name: [
    'diagnosis',
    'diagnosis_description',
    'dx_desc',
    'dx_description',
    'diagnosis_name',
    'principal_diagnosis',
  ],
  drg_code: ['drg', 'ms_drg', 'msdrg', 'drg_cd'],
  drg_name: ['drg_description', 'drg_desc', 'ms_drg_description'],
  surgeon: ['attending_physician', 'attending', 'physician', 'surgeon_name', 'operating_physician', 'doctor'],
  payor: [
    'payer',
    'payer_name',
    'payor_name',
    'insurance',
    'insurer',
    'primary_payer',
    'financial_class',
    'plan',
  ],
  provider: ['facility', 'facility_name', 'hospital', 'site', 'location', 'provider_name'],
  client: ['client_name', 'customer', 'employer', 'group'],
  gender: ['sex', 'patient_sex', 'patient_gender', 'gender_code'],
  age: ['patient_age', 'age_years', 'age_at_admit', 'age_at_admission'],
  revenue: ['total_charges', 'charges', 'gross_charges', 'billed_amount', 'billed', 'total_billed', 'price'],
  hospital_revenue: [
    'hospital_charges',
    'facility_charges',
    'net_revenue',
    'hospital_net_revenue',
    'reimbursement',
    'paid_amount',
    'payments',
  ],
  cost: ['total_cost', 'direct_cost', 'costs', 'cost_amount'],
  discount: ['adjustments', 'contractual_adjustment', 'discount_amount', 'allowance', 'write_off'],
  los_days: ['los', 'length_of_stay', 'stay_days', 'los_day', 'inpatient_days'],
  or_minutes: [
    'or_time',
    'or_mins',
    'surgery_minutes',
    'surgical_minutes',
    'procedure_minutes',
    'minutes_in_or',
  ],
  readmitted_30: [
    'readmit',
    'readmit_30',
    'readmitted',
    'readmission',
    'readmission_30',
    'readmit_30_day',
    'readmitted_within_30_days',
  ],
};

/** Names compare in lower case with anything but letters and digits as one underscore. */
const normalize = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Below this a name is not proposed at all: a wrong guess costs more than an empty select. */
const SIMILAR_ENOUGH = 0.55;

const DATE_SHAPES: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  'MM/DD/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'M/D/YY': /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/,
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'DD.MM.YYYY': /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
  'YYYY/MM/DD': /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  'MM-DD-YYYY': /^(\d{1,2})-(\d{1,2})-(\d{4})$/,
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
};

/** Month and day positions in each shape's captures. */
const DAY_MONTH: Record<DateFormat, [month: number, day: number]> = {
  'YYYY-MM-DD': [2, 3],
  'MM/DD/YYYY': [1, 2],
  'M/D/YY': [1, 2],
  'DD/MM/YYYY': [2, 1],
  'DD.MM.YYYY': [2, 1],
  'YYYY/MM/DD': [2, 3],
  'MM-DD-YYYY': [1, 2],
  YYYYMMDD: [2, 3],
};

function readsAs(value: string, format: DateFormat): boolean {
  const match = DATE_SHAPES[format].exec(value);
  if (!match) return false;
  const [monthAt, dayAt] = DAY_MONTH[format];
  const month = Number(match[monthAt]);
  const day = Number(match[dayAt]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * A format every sample of the column reads in (the first such, so `MM/DD/YYYY` is proposed before
 * `DD/MM/YYYY` when the samples fit both); undefined when none fits, so the analyst chooses.
 */
export function proposeFormat(column: CaseDataColumn, samples: string[]): ValueFormat | undefined {
  const values = samples.map((sample) => sample.trim()).filter(Boolean);
  const formats = formatsFor(column);
  if (formats.length === 0) return undefined;
  if (formats === DATE_FORMATS) {
    if (values.length === 0) return 'YYYY-MM-DD';
    // The format most samples read in (the first on a tie, so MM/DD/YYYY before DD/MM/YYYY): a proposal the
    // analyst confirms for the whole column; rows that do not fit it are rejected at ingestion.
    let best: { format: DateFormat; fits: number } | undefined;
    for (const format of DATE_FORMATS) {
      const fits = values.filter((value) => readsAs(value, format)).length;
      if (fits > 0 && (!best || fits > best.fits)) best = { format, fits };
    }
    return best?.format;
  }
  if (column === 'readmitted_30') {
    if (values.every((value) => value === '0' || value === '1')) return '0_1';
    return 'yes_no';
  }
  if (column === 'gender') {
    return values.every((value) => /^[mf]$/i.test(value)) ? 'M_F' : 'words';
  }
  if (formats.includes('currency') && values.some((value) => /[$,()]/.test(value))) return 'currency';
  return 'plain';
}

/**
 * Proposes a mapping from a file's header to the case columns: exact names first, then known synonyms,
 * then the most similar name; each file column feeds at most one case column.
 */
export function proposeMapping(header: string[], samples: string[][] = []): Omit<MappingProposal, 'saved'> {
  const normalized = header.map(normalize);
  const used = new Set<number>();
  const columns: MappingColumns = {};
  const matchedBy: MappingProposal['matched_by'] = {};
  const take = (column: CaseDataColumn, index: number, kind: 'exact' | 'synonym' | 'similar') => {
    used.add(index);
    const source = header[index]!;
    const format = proposeFormat(
      column,
      samples.map((row) => row[index] ?? ''),
    );
    columns[column] = format && format !== formatsFor(column)[0] ? { source, format } : { source };
    matchedBy[column] = kind;
  };
  const free = (index: number) => index >= 0 && !used.has(index);

  for (const column of CASE_DATA_COLUMNS) {
    const index = normalized.indexOf(column);
    if (free(index)) take(column, index, 'exact');
  }
  for (const column of CASE_DATA_COLUMNS) {
    if (columns[column]) continue;
    const index = COLUMN_SYNONYMS[column]
      .map((synonym) => normalized.indexOf(synonym))
      .find((candidate) => free(candidate));
    if (index !== undefined) take(column, index, 'synonym');
  }
  for (const column of CASE_DATA_COLUMNS) {
    if (columns[column]) continue;
    let best = { index: -1, score: SIMILAR_ENOUGH };
    normalized.forEach((name, index) => {
      if (!free(index)) return;
      const score = Math.max(
        ...[column, ...COLUMN_SYNONYMS[column]].map((candidate) =>
          trigramSimilarity(name.replace(/_/g, ' '), candidate.replace(/_/g, ' ')),
        ),
      );
      if (score > best.score) best = { index, score };
    });
    if (best.index >= 0) take(column, best.index, 'similar');
  }
  return {
    columns,
    matched_by: matchedBy,
    missing: REQUIRED_CASE_COLUMNS.filter((column) => !columns[column]),
  };
}
