import * as z from 'zod/mini';

/** The contract's allow-list; a name must end in one of these (any letter case). */
export const ALLOWED_EXTENSIONS = [
  '.csv',
  '.tsv',
  '.txt',
  '.json',
  '.parquet',
  '.xlsx',
  '.xls',
  '.pdf',
  '.docx',
  '.png',
  '.jpg',
  '.jpeg',
  '.zip',
] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

/**
 * The largest file the API signs by default (20 GiB); an operator may set a smaller one (HP_MAX_UPLOAD_BYTES),
 * which the API reports when it refuses to sign.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 ** 3;

/** Presigned URLs live 15 minutes: long enough for one part on a slow link, short enough to leak little. */
export const PRESIGN_EXPIRES_SECONDS = 15 * 60;

const UPLOAD_OPERATIONS = [
  'put_object',
  'create_multipart',
  'upload_part',
  'list_parts',
  'complete_multipart',
  'abort_multipart',
] as const;

const filename = z.string().check(z.maxLength(4096, { error: 'A file name is at most 4096 characters.' }));
const contentType = z.string().check(z.maxLength(255));
const size = z.number().check(z.int(), z.nonnegative());

export const PresignedUrlRequest = z.object({
  filename,
  content_type: z.optional(contentType),
  size: z.optional(size),
  /** The organization's column mapping to ingest the file with (see /mappings/). */
  mapping_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type PresignedUrlRequest = z.infer<typeof PresignedUrlRequest>;

export const PresignedUrl = z.object({
  file_id: z.string(),
  key: z.string(),
  filename: z.string(),
  method: z.literal('PUT'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  expires_at: z.string(),
  max_size: z.number(),
});
export type PresignedUrl = z.infer<typeof PresignedUrl>;

export const SignRequest = z.object({
  operation: z.enum(UPLOAD_OPERATIONS),
  filename: z.optional(filename),
  key: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  upload_id: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  part_number: z.optional(
    z.number().check(z.int(), z.gte(1, { error: 'Part numbers run 1–10000.' }), z.lte(10_000)),
  ),
  content_type: z.optional(contentType),
  /** Optional: lets the API refuse an oversized file before any byte moves. */
  size: z.optional(size),
  /** create_multipart / put_object: the file's last-modified time (ms), to match it when it is chosen again. */
  last_modified: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** create_multipart / put_object: the organization's column mapping to ingest the file with. */
  mapping_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /**
   * list_parts: list the parts after this part number (the previous page's NextPartNumberMarker). ListParts
   * answers at most 1,000 parts a page and a presigned URL signs its query, so each page is signed anew.
   */
  part_number_marker: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(10_000))),
});
export type SignRequest = z.infer<typeof SignRequest>;

export const SignedRequest = z.object({
  url: z.string(),
  method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
  headers: z.record(z.string(), z.string()),
  key: z.string(),
  file_id: z.string(),
  expires_at: z.string(),
});
export type SignedRequest = z.infer<typeof SignedRequest>;

export const CompleteRequest = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(1024)),
  /** The column mapping to ingest the file with, for an integration that did not name one when it signed. */
  mapping_id: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type CompleteRequest = z.infer<typeof CompleteRequest>;

/** The extension (lower-cased, with its dot) when it is on the allow-list. */
export function allowedExtensionOf(name: string): AllowedExtension | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot).toLowerCase();
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(extension)
    ? (extension as AllowedExtension)
    : null;
}
