/** Building blocks of the payload schemas, each with the message the UI shows next to the field. */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar';
import { limits } from './limits';

/**
 * Text that is well-formed UTF-16: a lone surrogate (`"\ud800x"`) cannot be URL-encoded for a Jira
 * request (`encodeURIComponent` throws URIError) nor stored as valid UTF-8, so it is refused here.
 */
export function isWellFormedText(value: string): boolean {
  return !/\p{Surrogate}/u.test(value);
}

export const brokenCharacterMessage = 'This text contains a broken character; type it again.';

/** Trimmed text of at most `max` characters; `required` also refuses an empty one. */
export function text(max: number, options: { required?: string } = {}) {
  const base = z.string({ error: 'Enter text here.' }).trim();
  const bounded = options.required ? base.min(1, { error: options.required }) : base;
  return bounded.max(max, { error: `Keep this to ${max} characters or fewer.` }).refine(isWellFormedText, { error: brokenCharacterMessage });
}

/** A real calendar day written `YYYY-MM-DD`, within years people plan in. */
export const calendarDate = z
  .string({ error: 'Enter a date as YYYY-MM-DD.' })
  .refine(isCalendarDate, { error: 'Enter a real date as YYYY-MM-DD.' })
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= limits.firstYear && year <= limits.lastYear;
  }, { error: `Enter a date between ${limits.firstYear} and ${limits.lastYear}.` });

/** A finite number of sensible size. JSON cannot carry NaN or Infinity; they arrive as null and fail here. */
export const kpiNumber = z
  .number({ error: 'Enter a number.' })
  .min(-limits.maxMagnitude, { error: 'This number is too large.' })
  .max(limits.maxMagnitude, { error: 'This number is too large.' });

/** Ids the app issued: storage keys allow only these characters, so anything else cannot name a record. */
export const recordId = z
  .string({ error: 'An id is required.' })
  .regex(/^[A-Za-z0-9._:-]+$/, { error: 'This is not an id the app issued.' })
  .max(limits.idLength, { error: 'This is not an id the app issued.' });

/** The version the caller last read; 0 means "nothing saved yet". */
export const baseVersion = z
  .number({ error: 'Send back the version you loaded (baseVersion).' })
  .int({ error: 'A version is a whole number.' })
  .min(0, { error: 'A version is never negative.' })
  // Storage's `integer` attributes are 32-bit, and a save stores `baseVersion + 1`: past 2^31 − 2
  // that next version is refused by storage itself (a thrown 400, not a conflict), so it is refused here.
  .max(2_147_483_646, { error: 'This is not a version the app issued.' });

export const datedValue = z.object({ value: kpiNumber, date: calendarDate });
