/**
 * Instants as JQL date literals. Jira reads `"yyyy-MM-dd HH:mm"` in the searching user's time
 * zone, so a literal must be written in that zone to mean the instant it was meant to.
 */

/**
 * A literal written in UTC but read in the user's zone shifts by the zone's offset: read in UTC−12
 * (the westernmost) it means 12 h later than meant. Going back 12 h more keeps it early everywhere.
 */
const maxOffsetWestMs = 12 * 3_600_000;

/**
 * `instant` as `yyyy-MM-dd HH:mm` on a clock in `timeZone` (an IANA name such as `Europe/Berlin`),
 * rounded down to the minute (JQL has minute precision, and rounding down only widens a `>=`).
 * Returns undefined for a time zone the runtime does not know.
 */
export function jqlDateTime(instantMs: number, timeZone: string): string | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instantMs);
  } catch {
    return undefined;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * The literal for "updated since `sinceMs`", looking back `skewMs` further (Jira's search index
 * trails writes by seconds, and clocks differ). With no usable time zone it is written in UTC and
 * looks back another 12 hours: however the user's zone shifts it, it never starts after `sinceMs`.
 */
export function updatedSinceLiteral(args: { sinceMs: number; skewMs: number; timeZone?: string }): { literal: string; fromMs: number } {
  const fromMs = args.sinceMs - args.skewMs;
  const zoned = args.timeZone ? jqlDateTime(fromMs, args.timeZone) : undefined;
  if (zoned) return { literal: zoned, fromMs };
  const widened = fromMs - maxOffsetWestMs;
  return { literal: jqlDateTime(widened, 'UTC') as string, fromMs: widened };
}
