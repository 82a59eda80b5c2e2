import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { HttpError } from './errors';
import { issueText } from './issue-text';

function fieldsOf(issues: readonly z.core.$ZodIssue[], input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.join('.') || '_';
    fields[name] ??= issueText(issue, input);
  }
  return fields;
}

function check<T extends z.core.$ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = (schema as unknown as z.ZodMiniType).safeParse(value);
  if (!result.success) {
    const fields = fieldsOf(result.error.issues, value);
    const first = Object.entries(fields)[0];
    const summary = first ? `${first[0] === '_' ? '' : `${first[0]}: `}${first[1]}` : 'invalid';
    throw new HttpError('validation_error', `The ${what} is not valid (${summary}).`, { fields });
  }
  return result.data as z.infer<T>;
}

/** Reads and validates a JSON body; malformed JSON and wrong media types get the contract's errors. */
export async function jsonBody<T extends z.core.$ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(
      'unsupported_media_type',
      'Send the request body as JSON with Content-Type: application/json.',
    );
  }
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new HttpError('validation_error', 'The request body is not valid JSON.');
  }
  return check(schema, value, 'request body');
}

export const queryParams = <T extends z.core.$ZodType>(c: Context, schema: T): z.infer<T> =>
  check(schema, c.req.query(), 'query string');
