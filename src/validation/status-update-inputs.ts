/**
 * What a caller may send for check-ins. The UI runs the same schemas for instant feedback; the
 * server runs them again. Check-in text is plain text: links are written out (the UI shows them as
 * links), control characters other than line breaks and tabs are refused, 2,000 characters at most.
 */
import { z } from 'zod';
import { checkInCadences, checkInStatuses, checkInTextLength, isPlainText } from '../domain/status-updates';
import { baseVersion, brokenCharacterMessage, isWellFormedText, recordId } from './fields';
import { coded } from '../domain/text-codes';

export const checkInTargetSchema = z.object(
  {
    kind: z.enum(['goal', 'item'], { error: coded('validation.checkInKind') }),
    id: recordId,
  },
  { error: coded('validation.checkInTarget') },
);

export const checkInStatusSchema = z.enum(checkInStatuses, { error: coded('validation.chooseCheckInStatus') });

export const checkInTextSchema = z
  .string({ error: coded('validation.checkInText') })
  .trim()
  .min(1, { error: coded('validation.checkInText') })
  .max(checkInTextLength, { error: coded('validation.checkInTooLong', { max: checkInTextLength }) })
  .refine(isWellFormedText, { error: brokenCharacterMessage })
  .refine(isPlainText, { error: coded('validation.controlCharacters') });

/**
 * Where the previous page ended, as the server wrote it: `<ISO instant>|<check-in id>`. Anything
 * else is not a cursor this app issued.
 */
export const checkInCursorSchema = z
  .string({ error: coded('validation.notAnAppPage') })
  .max(200, { error: coded('validation.notAnAppPage') })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z\|checkin-[A-Za-z0-9-]{1,80}$/, { error: coded('validation.notAnAppPage') });

export const checkInSchemas = {
  postStatusUpdate: z.object({
    target: checkInTargetSchema,
    status: checkInStatusSchema,
    text: checkInTextSchema,
    commentOnEpics: z.boolean({ error: coded('validation.commentOnEpics') }).optional(),
  }),
  listStatusUpdates: z.object({ target: checkInTargetSchema, cursor: checkInCursorSchema.optional() }),
  editStatusUpdate: z.object({ id: recordId, status: checkInStatusSchema, text: checkInTextSchema, baseVersion }),
  saveCheckInCadence: z.object({ cadence: z.enum(checkInCadences, { error: coded('validation.chooseCadence') }), baseVersion }),
};
