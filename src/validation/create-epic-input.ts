/** The payload of `createEpicFromItem`: which item, and the epic's summary and description as typed. */
import { z } from 'zod';
import { recordId, text } from './fields';
import { limits } from './limits';
import { coded } from '../domain/text-codes';

/** Jira refuses a summary longer than 255 characters, or one with a line break. */
export const epicSummaryLength = 255;

export const createEpicFromItemSchema = z.object({
  itemId: recordId,
  summary: text(epicSummaryLength, { required: coded('validation.epicSummary') })
    .refine((summary) => !/[\r\n]/.test(summary), { error: coded('validation.summaryOneLine') })
    .optional(),
  description: text(limits.descriptionLength).optional(),
});

/** Collapsed lanes: goal ids, custom lane ids, owners' account ids (owner lanes) or the "none" lane; far more than a board has. */
export const maxCollapsedLanes = 200;

export const lanePrefsSchema = z.object({
  collapsedLaneIds: z.array(recordId).max(maxCollapsedLanes, { error: coded('validation.tooManyCollapsedLanes', { max: maxCollapsedLanes }) }),
});
