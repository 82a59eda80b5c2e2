// Every date the SPA shows goes through here, in one locale (the UI's language and number style, en-US).
// Two kinds of date, two time zones:
// - a calendar day from the data (an admit date, a window's bounds) is shown as stored, in UTC, so
//   '2026-11-29' never reads as Nov 28 west of Greenwich;
// - an instant (a key was created, the API answered, a file arrived) is shown in the viewer's own time zone.

const LOCALE = 'en-US';
const NONE = '—';

const day = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const instantDay = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });
const instant = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const recent = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** The UTC calendar day of '2026-11-29' or of a timestamp; null when it is not a date. */
function utcDay(iso: string): Date | null {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A formatter that shows text which is no date as it came, rather than 'Invalid Date'. */
const using =
  (format: Intl.DateTimeFormat, read: (iso: string) => Date | null) =>
  (iso: string): string => {
    const date = read(iso);
    return date ? format.format(date) : iso;
  };
/** The same, saying a date that was never set (null) with a dash. */
const orDash =
  (show: (iso: string) => string) =>
  (iso: string | null): string =>
    iso ? show(iso) : NONE;

/** A calendar day from the data: 'Nov 29, 2026'. */
export const formatDay = orDash(using(day, utcDay));

/** A calendar month from the data: 'Nov 2026'. */
export const formatMonth = using(month, utcDay);

/** The day an instant fell on, where the viewer is: 'Nov 29, 2026'. */
export const formatInstantDay = orDash(using(instantDay, parsed));

/** An instant with its time, where the viewer is: 'Nov 29, 2026, 3:04 PM'. */
export const formatInstant = orDash(using(instant, parsed));

/** A recent instant, short enough for a list: 'Nov 29, 3:04 PM'. */
export const formatRecent = using(recent, parsed);

/** The unambiguous day an instant fell on in UTC, for text a machine or support desk reads: '2026-11-29'. */
export function formatIsoDay(iso: string | null): string | null {
  const date = iso ? parsed(iso) : null;
  return date ? date.toISOString().slice(0, 10) : null;
}
