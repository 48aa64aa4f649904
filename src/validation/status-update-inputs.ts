/**
 * What a caller may send for check-ins. The UI runs the same schemas for instant feedback; the
 * server runs them again. Check-in text is plain text: links are written out (the UI shows them as
 * links), control characters other than line breaks and tabs are refused, 2,000 characters at most.
 */
import { z } from 'zod';
import { checkInCadences, checkInStatuses, checkInTextLength, isPlainText } from '../domain/status-updates';
import { baseVersion, brokenCharacterMessage, isWellFormedText, recordId } from './fields';

export const checkInTargetSchema = z.object(
  {
    kind: z.enum(['goal', 'item'], { error: 'Say whether this is about a goal or a roadmap item.' }),
    id: recordId,
  },
  { error: 'Say which goal or roadmap item this is about.' },
);

export const checkInStatusSchema = z.enum(checkInStatuses, { error: 'Choose on track, at risk, off track, done or paused.' });

export const checkInTextSchema = z
  .string({ error: 'Write what happened and what it means.' })
  .trim()
  .min(1, { error: 'Write what happened and what it means.' })
  .max(checkInTextLength, { error: `Keep a check-in to ${checkInTextLength.toLocaleString('en')} characters or fewer.` })
  .refine(isWellFormedText, { error: brokenCharacterMessage })
  .refine(isPlainText, { error: 'Write plain text: this has control characters in it.' });

/**
 * Where the previous page ended, as the server wrote it: `<ISO instant>|<check-in id>`. Anything
 * else is not a cursor this app issued.
 */
export const checkInCursorSchema = z
  .string({ error: 'This is not a page the app issued.' })
  .max(200, { error: 'This is not a page the app issued.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z\|checkin-[A-Za-z0-9-]{1,80}$/, { error: 'This is not a page the app issued.' });

export const checkInSchemas = {
  postStatusUpdate: z.object({
    target: checkInTargetSchema,
    status: checkInStatusSchema,
    text: checkInTextSchema,
    commentOnEpics: z.boolean({ error: 'Say yes or no to commenting on the epics.' }).optional(),
  }),
  listStatusUpdates: z.object({ target: checkInTargetSchema, cursor: checkInCursorSchema.optional() }),
  editStatusUpdate: z.object({ id: recordId, status: checkInStatusSchema, text: checkInTextSchema, baseVersion }),
  saveCheckInCadence: z.object({ cadence: z.enum(checkInCadences, { error: 'Choose weekly, fortnightly or monthly.' }), baseVersion }),
};
