/** Payloads of the feed and following calls. */
import { z } from 'zod';
import { isActivityCursor } from '../domain/activity';
import { recordId } from './fields';

const followTarget = z.object({
  kind: z.enum(['goal', 'item'], { error: 'Follow a goal or a roadmap item.' }),
  id: recordId,
});

export const feedSchemas = {
  getProductFeed: z.object({
    cursor: z
      .string({ error: 'This is not a page of the feed.' })
      .max(200, { error: 'This is not a page of the feed.' })
      .refine(isActivityCursor, { error: 'This is not a page of the feed.' })
      .optional(),
    goalId: recordId.optional(),
    following: z.boolean({ error: 'Following is on or off.' }).optional(),
  }),
  followTarget: z.object({ target: followTarget }),
  unfollowTarget: z.object({ target: followTarget }),
};
