/** Building blocks of the payload schemas, each with the message the UI shows next to the field. */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar';
import { limits } from './limits';
import { coded } from '../domain/text-codes';

/**
 * Text that is well-formed UTF-16: a lone surrogate (`"\ud800x"`) cannot be URL-encoded for a Jira
 * request (`encodeURIComponent` throws URIError) nor stored as valid UTF-8, so it is refused here.
 */
export function isWellFormedText(value: string): boolean {
  return !/\p{Surrogate}/u.test(value);
}

export const brokenCharacterMessage = coded('validation.brokenCharacter');

/** Trimmed text of at most `max` characters; `required` also refuses an empty one. */
export function text(max: number, options: { required?: string } = {}) {
  const base = z.string({ error: coded('validation.enterText') }).trim();
  const bounded = options.required ? base.min(1, { error: options.required }) : base;
  return bounded.max(max, { error: coded('validation.textTooLong', { max }) }).refine(isWellFormedText, { error: brokenCharacterMessage });
}

/** A real calendar day written `YYYY-MM-DD`, within years people plan in. */
export const calendarDate = z
  .string({ error: coded('validation.dateFormat') })
  .refine(isCalendarDate, { error: coded('validation.realDate') })
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= limits.firstYear && year <= limits.lastYear;
  }, { error: coded('validation.dateRange', { first: String(limits.firstYear), last: String(limits.lastYear) }) });

/** A finite number of sensible size. JSON cannot carry NaN or Infinity; they arrive as null and fail here. */
export const kpiNumber = z
  .number({ error: coded('validation.enterNumber') })
  .min(-limits.maxMagnitude, { error: coded('validation.numberTooLarge') })
  .max(limits.maxMagnitude, { error: coded('validation.numberTooLarge') });

/** Ids the app issued: storage keys allow only these characters, so anything else cannot name a record. */
export const recordId = z
  .string({ error: coded('validation.idRequired') })
  .regex(/^[A-Za-z0-9._:-]+$/, { error: coded('validation.notAnAppId') })
  .max(limits.idLength, { error: coded('validation.notAnAppId') });

/** The version the caller last read; 0 means "nothing saved yet". */
export const baseVersion = z
  .number({ error: coded('validation.baseVersion') })
  .int({ error: coded('validation.versionWhole') })
  .min(0, { error: coded('validation.versionNegative') })
  // Storage's `integer` attributes are 32-bit, and a save stores `baseVersion + 1`: past 2^31 − 2
  // that next version is refused by storage itself (a thrown 400, not a conflict), so it is refused here.
  .max(2_147_483_646, { error: coded('validation.notAnAppVersion') });

export const datedValue = z.object({ value: kpiNumber, date: calendarDate });
