import * as z from 'zod/mini';

/** Every list answers with one page of results and an opaque cursor to the next page (null on the last). */
export const pageOf = <T extends z.core.$ZodType>(item: T) =>
  z.object({ results: z.array(item), next_cursor: z.nullable(z.string()) });

export const PAGE_LIMIT_DEFAULT = 50;
/** What is wrong with a cursor the server did not issue, worded to follow the field name. */
export const CURSOR_PROBLEM = 'was not issued by this API; start again from the first page';
const PAGE_LIMIT_MAX = 200;

/**
 * `?limit=&cursor=` of every list endpoint. The limit is checked as text so "1e2" or " 5" are refused rather
 * than read as numbers; the cursor is only bounded here, its meaning is the server's (a bad one is a 400 there).
 */
export const PageQuery = z.object({
  limit: z._default(
    z.pipe(
      z.string().check(
        z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, {
          error: `limit is a whole number from 1 to ${PAGE_LIMIT_MAX}.`,
        }),
      ),
      z.transform(Number),
    ),
    PAGE_LIMIT_DEFAULT,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200, { error: CURSOR_PROBLEM }))),
});
export type PageQuery = z.infer<typeof PageQuery>;
