/**
 * Priority score inputs and the scoring method, as editors send them. Bounds come from the domain
 * (src/domain/scoring.ts), so an entered value can never make a score overflow or divide by zero.
 */
import { z } from 'zod';
import { impactScale, scoreBounds, scoringMethods } from '../domain/scoring';

/** Atlassian account ids ("5b10ac8d82e05b22cc7d4ef5", "557058:f58131cb-…"): nothing else can name a person. */
export const accountId = z
  .string({ error: 'Choose an owner, or none.' })
  .regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'This is not a Jira account id. Choose the owner from the list.' });

export const scoringMethodSchema = z.enum(scoringMethods, { error: 'Choose RICE, value ÷ effort or none.' });

/** A finite number within bounds; JSON's NaN and Infinity arrive as null and fail here. */
const bounded = (bounds: { min: number; max: number }, what: string) =>
  z
    .number({ error: `Enter the ${what} as a number.` })
    .min(bounds.min, { error: `The ${what} is at least ${bounds.min}.` })
    .max(bounds.max, { error: `The ${what} is at most ${bounds.max.toLocaleString('en')}.` });

const liveOrEntered = (bounds: { min: number; max: number }, what: string) =>
  z.discriminatedUnion('source', [z.object({ source: z.literal('live') }), z.object({ source: z.literal('entered'), value: bounded(bounds, what) })], {
    error: `Take the ${what} from Jira or enter it.`,
  });

export const scoreInputsSchema = z.object({
  reach: liveOrEntered(scoreBounds.reach, 'reach').optional(),
  impact: z
    .number({ error: 'Choose the impact.' })
    .refine((value) => (impactScale as readonly number[]).includes(value), { error: 'Choose an impact of 3, 2, 1, 0.5 or 0.25.' })
    .optional(),
  confidence: bounded(scoreBounds.confidence, 'confidence').int({ error: 'Enter the confidence as a whole percent.' }).optional(),
  value: bounded(scoreBounds.value, 'value').optional(),
  effort: liveOrEntered(scoreBounds.effort, 'effort').optional(),
});
