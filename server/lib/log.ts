/**
 * One structured line per happening: `level` says how much it matters and `event` names it in snake_case, so a
 * reader can filter on either; the rest are its fields. Passed in as a dependency (tests collect the lines).
 */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

export type Log = (line: LogLine) => void;

/** The server's log: one JSON object per line on standard output, stamped with the time. */
export const jsonLog: Log = (line) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));
