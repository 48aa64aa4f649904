/** Payloads of the feed and following calls. */
import { z } from 'zod';
import { isActivityCursor } from '../domain/activity';
import { recordId } from './fields';
import { coded } from '../domain/text-codes';

const followTarget = z.object({
  kind: z.enum(['goal', 'item'], { error: coded('validation.followKind') }),
  id: recordId,
});

export const feedSchemas = {
  getProductFeed: z.object({
    cursor: z
      .string({ error: coded('validation.feedPage') })
      .max(200, { error: coded('validation.feedPage') })
      .refine(isActivityCursor, { error: coded('validation.feedPage') })
      .optional(),
    goalId: recordId.optional(),
    following: z.boolean({ error: coded('validation.followingFlag') }).optional(),
  }),
  followTarget: z.object({ target: followTarget }),
  unfollowTarget: z.object({ target: followTarget }),
};
