/**
 * Instants in JQL. Jira reads a date literal such as `"2026-11-20 09:45"` in the time zone of the
 * user making the request (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/,
 * Created/Updated), and the app cannot know that zone for sure: the Forge context's `timezone`
 * comes through the browser and is not guaranteed (only `accountId`, `license` and
 * `installContext` are: https://developer.atlassian.com/platform/forge/app-context-security/),
 * the profile zone can differ from the browser's, `asApp()` calls are read in the app user's zone,
 * and a wall-clock time in a DST fall-back hour means two instants. A relative period (`"-95m"`,
 * documented on the same page: "-5d", "4w 2d", minutes with "m") is a duration back from Jira's
 * own now: the same instant in every zone. So "since" is written as a period.
 */

const msPerMinute = 60_000;

/**
 * `instant` as `yyyy-MM-dd HH:mm` on a clock in `timeZone` (an IANA name such as `Europe/Berlin`),
 * rounded down to the minute. Returns undefined for a time zone the runtime does not know. For
 * showing a JQL date to a person; queries the app runs use `updatedSinceLiteral`.
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
 * The literal for "updated since `sinceMs`", looking back `skewMs` further: `-<n>m`, whole minutes
 * back from now, rounded up. Jira counts the period back from its own clock when it runs the query,
 * which is a little after `nowMs` (the app's clock, read before the request): the skew covers that
 * and the search index trailing writes. `fromMs` is the earliest instant the literal reaches back
 * to, measured from `nowMs`.
 */
export function updatedSinceLiteral(args: { sinceMs: number; nowMs: number; skewMs: number }): { literal: string; fromMs: number } {
  if (![args.sinceMs, args.nowMs, args.skewMs].every(Number.isFinite)) throw new RangeError('updatedSinceLiteral needs finite instants');
  const minutes = Math.max(1, Math.ceil((args.nowMs - args.sinceMs + args.skewMs) / msPerMinute));
  return { literal: `-${minutes}m`, fromMs: args.nowMs - minutes * msPerMinute };
}
