import type * as z from 'zod/mini';

// zod/mini ships no messages ("Invalid input" for everything), so a person could not tell what to change.
// Messages a schema wrote itself are kept; the defaults are replaced by one that says what is expected.
const DEFAULT_MESSAGE = 'Invalid input';

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function bound(issue: { origin?: string }, limit: unknown, side: 'most' | 'least'): string {
  if (issue.origin === 'string') return `must be at ${side} ${limit} characters`;
  if (issue.origin === 'array') return `must hold at ${side} ${limit} items`;
  return `must be at ${side} ${limit}`;
}

/** What is wrong with one value, as a phrase that follows its field name (or stands alone for the root). */
export function issueText(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.message !== DEFAULT_MESSAGE) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0)
        return `send ${issue.expected === 'object' ? 'a JSON object' : TYPE_NAMES[issue.expected]}`;
      if (valueAt(input, issue.path) === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return bound(issue, issue.maximum, 'most');
    case 'too_small':
      return bound(issue, issue.minimum, 'least');
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    default:
      return 'is not valid';
  }
}
