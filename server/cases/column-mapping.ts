import type { DateFormat, MappingColumns, ValueFormat } from '../../src/contract/column-mapping';
import { CASE_COLUMNS, type CaseColumn } from './schema';
import { quoteIdentifier, quoteString } from './sql-text';

// A column mapping applied to a file: the reader's columns become the case columns, in the case format,
// before validation sees them. The mapping is compiled into the SELECT that reads the file, so a mapped
// file is read once, like any other. Each value is converted with the one format the mapping chose for
// its column; a value that does not convert becomes NULL and its row carries the reason in
// `hp_mapping_problems`, which validation adds to the row's problems (never a per-row guess).

/** The list of {field, message} problems a mapped reader adds to each row (NULL when it has none). */
export const MAPPING_PROBLEMS = 'hp_mapping_problems';

/** The mapping names a column the file does not have: nothing can be read with it. */
class MappingMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingMismatchError';
  }
}

const STRPTIME: Record<DateFormat, string> = {
  'YYYY-MM-DD': '%Y-%m-%d',
  'MM/DD/YYYY': '%m/%d/%Y',
  'M/D/YY': '%m/%d/%y',
  'DD/MM/YYYY': '%d/%m/%Y',
  'DD.MM.YYYY': '%d.%m.%Y',
  'YYYY/MM/DD': '%Y/%m/%d',
  'MM-DD-YYYY': '%m-%d-%Y',
  YYYYMMDD: '%Y%m%d',
};

// `$1,234.50`, `1234.5`, `-12`, `$ 0.99`, `(1,234.50)`: digits grouped by commas in threes or not at all.
const AMOUNT = String.raw`^(\(\s*)?-?\s*\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*\)?$`;

interface Converted {
  /** The case-format text the validator reads (NULL when empty or when conversion failed). */
  value: string;
  /** True when the source had a value that did not convert. */
  failed: string;
  /** What the value should have looked like, for the reason. */
  expected: string;
}

function convert(source: string, format: ValueFormat | undefined): Converted | { value: string } {
  switch (format) {
    case undefined:
    case 'YYYY-MM-DD':
    case '0_1':
    case 'M_F':
    case 'plain':
      return { value: source };
    case 'yes_no': {
      const value = `CASE WHEN lower(${source}) IN ('y', 'yes', 'true', '1') THEN '1'
        WHEN lower(${source}) IN ('n', 'no', 'false', '0') THEN '0' END`;
      return {
        value,
        failed: `${source} IS NOT NULL AND (${value}) IS NULL`,
        expected: 'Y/N, yes/no, true/false or 1/0',
      };
    }
    case 'words': {
      const value = `CASE WHEN lower(${source}) IN ('m', 'male') THEN 'M' WHEN lower(${source}) IN ('f', 'female') THEN 'F'
        WHEN lower(${source}) IN ('u', 'unknown', 'unk') THEN '' END`;
      return {
        value: `NULLIF(${value}, '')`,
        failed: `${source} IS NOT NULL AND (${value}) IS NULL`,
        expected: 'Male, Female, Unknown, M, F or U',
      };
    }
    case 'currency': {
      const digits = `replace(regexp_replace(${source}, '[()$\\s]', '', 'g'), ',', '')`;
      const matches = `regexp_full_match(${source}, ${quoteString(AMOUNT)})`;
      // Accounting negatives: the parentheses become a minus sign, which validation then refuses for amounts.
      const value = `CASE WHEN ${matches} THEN (CASE WHEN starts_with(${source}, '(') THEN '-' ELSE '' END) || ${digits} END`;
      return {
        value,
        failed: `${source} IS NOT NULL AND NOT ${matches}`,
        expected: 'an amount like 1234.50, $1,234.50 or (1,234.50)',
      };
    }
    default: {
      const value = `strftime(TRY_STRPTIME(${source}, ${quoteString(STRPTIME[format])}), '%Y-%m-%d')`;
      return { value, failed: `${source} IS NOT NULL AND (${value}) IS NULL`, expected: `a date ${format}` };
    }
  }
}

/**
 * Wraps the file's reader in a SELECT that yields exactly the case columns (converted) plus
 * `hp_mapping_problems`. `fileColumns` are the reader's own columns; a mapped source that is not among them
 * throws MappingMismatchError, naming it.
 */
export function mappedReader(reader: string, mapping: MappingColumns, fileColumns: string[]): string {
  const available = new Set(fileColumns);
  const absent = Object.values(mapping)
    .map((entry) => entry?.source)
    .filter((source): source is string => source !== undefined && !available.has(source));
  if (absent.length > 0) {
    throw new MappingMismatchError(
      `The column mapping reads ${absent.map((name) => `"${name}"`).join(', ')}, which this file does not have. Choose another mapping or correct it.`,
    );
  }
  const values: string[] = [];
  const problems: string[] = [];
  for (const column of CASE_COLUMNS) {
    const entry = mapping[column as CaseColumn];
    if (!entry) continue;
    const source = `NULLIF(trim(CAST(${quoteIdentifier(entry.source)} AS VARCHAR)), '')`;
    const converted = convert(source, entry.format);
    values.push(`${converted.value} AS ${column}`);
    if ('failed' in converted) {
      const shown = `left(${source}, 40)`;
      problems.push(
        `CASE WHEN ${converted.failed} THEN {'field': '${column}', 'message': '${column} must be ${converted.expected} (got "' || ${shown} || '")'} END`,
      );
    }
  }
  const problemList =
    problems.length === 0
      ? `CAST(NULL AS STRUCT(field VARCHAR, message VARCHAR)[])`
      : `NULLIF(list_filter([${problems.join(',\n    ')}], problem -> problem IS NOT NULL), [])`;
  return `(SELECT ${[...values, `${problemList} AS ${MAPPING_PROBLEMS}`].join(',\n  ')}\nFROM ${reader})`;
}
