import * as z from 'zod/mini';
import { pageOf } from './pages';

const FILE_STATUSES = ['pending', 'uploaded', 'ingesting', 'ingested', 'failed', 'aborted'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

const IngestRowError = z.object({ row: z.number(), column: z.string(), message: z.string() });

export const IngestSummary = z.object({
  rows: z.number(),
  rejected_rows: z.number(),
  errors: z.array(IngestRowError),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

/** The contract's `File` (named so it does not shadow the DOM's `File` in the browser). */
export const StoredFile = z.object({
  id: z.string(),
  key: z.string(),
  filename: z.string(),
  size: z.nullable(z.number()),
  content_type: z.string(),
  status: z.enum(FILE_STATUSES),
  created_at: z.string(),
  uploaded_at: z.nullable(z.string()),
  uploaded_by: z.string(),
  etag: z.nullable(z.string()),
  ingest: z.nullable(IngestSummary),
  /** The column mapping ingestion reads the file with (null: the file uses the case column names). */
  mapping_id: z.nullable(z.string()),
  /** A .csv, .tsv or .parquet file that is not case data: the required columns its header lacks. */
  missing_columns: z.nullable(z.array(z.string())),
  /** Rows that failed validation can be downloaded as a CSV (the original rows plus a reason column). */
  has_rejected_rows_file: z.boolean(),
  /** While pending: the multipart upload the bytes go to, so another page load can continue it. */
  upload_id: z.nullable(z.string()),
  /** While pending: the file's last-modified time (ms) as the browser reported it, to match a re-selected file. */
  source_last_modified: z.nullable(z.number()),
  /** While pending: when the API last signed a request for it. */
  last_activity_at: z.nullable(z.string()),
  /** Pending with no activity for UPLOAD_IDLE_MINUTES: nobody is sending it any more. */
  interrupted: z.boolean(),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const FilePage = pageOf(StoredFile);
export type FilePage = z.infer<typeof FilePage>;

export const DownloadUrl = z.object({ url: z.string(), expires_at: z.string() });
export type DownloadUrl = z.infer<typeof DownloadUrl>;

/** A pending upload with no signed request for this long is shown as interrupted. */
export const UPLOAD_IDLE_MINUTES = 15;

export const RejectedRowsUrl = DownloadUrl;

/** A pending record older than this is an upload someone walked away from, not one in progress. */
const PENDING_IS_LIVE_MS = 60 * 60 * 1000;

/** Whether the file's status will still change on its own, so a list showing it is worth refetching. */
export const isFileInFlight = (
  file: Pick<StoredFile, 'status' | 'created_at' | 'interrupted'>,
  now = Date.now(),
) =>
  file.status === 'ingesting' ||
  (file.status === 'pending' && !file.interrupted && now - Date.parse(file.created_at) < PENDING_IS_LIVE_MS);

/** The contract's case columns by kind; the server builds its table from these, the SPA checks headers with them. */
export const CASE_TEXT_COLUMNS = [
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

export const CASE_NUMBER_COLUMNS = [
  'revenue',
  'hospital_revenue',
  'cost',
  'discount',
  'los_days',
  'or_minutes',
] as const;

/**
 * How a file's header names a case column: in any letter case, with spaces or hyphens for underscores
 * ("Admit Date", "admit-date" and "ADMIT_DATE" are all admit_date). Ingestion and the browser's early header
 * check read headers the same way through this.
 */
export const normalizeHeader = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A file must have these for it to be ingested. */
export const REQUIRED_CASE_COLUMNS = ['case_id', 'admit_date', 'discharge_date'] as const;

export const CASE_DATA_COLUMNS = [
  ...REQUIRED_CASE_COLUMNS,
  ...CASE_TEXT_COLUMNS,
  'gender',
  'age',
  ...CASE_NUMBER_COLUMNS,
  'readmitted_30',
] as const;
