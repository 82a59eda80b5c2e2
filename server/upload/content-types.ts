import type { AllowedExtension } from '../../src/contract/upload';

/**
 * The type is decided by the extension, not by what the browser reports (Windows calls a CSV
 * `application/vnd.ms-excel`), so the stored object and its download are consistent.
 */
const CONTENT_TYPES: Record<AllowedExtension, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.parquet': 'application/vnd.apache.parquet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

export const contentTypeFor = (extension: AllowedExtension) => CONTENT_TYPES[extension];
