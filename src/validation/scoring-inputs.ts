/**
 * Priority score inputs and the scoring method, as editors send them. Bounds come from the domain
 * (src/domain/scoring.ts), so an entered value can never make a score overflow or divide by zero.
 */
import { z } from 'zod';
import { impactScale, scoreBounds, scoringMethods } from '../domain/scoring';
import { coded } from '../domain/text-codes';

/** Atlassian account ids ("5b10ac8d82e05b22cc7d4ef5", "557058:f58131cb-…"): nothing else can name a person. */
export const accountId = z
  .string({ error: coded('validation.chooseOwner') })
  .regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: coded('validation.notAnAccountIdChoose') });

export const scoringMethodSchema = z.enum(scoringMethods, { error: coded('validation.chooseScoring') });

/** A finite number within bounds; JSON's NaN and Infinity arrive as null and fail here. */
type ScoreField = 'reach' | 'confidence' | 'value' | 'effort';

const bounded = (bounds: { min: number; max: number }, what: ScoreField) =>
  z
    .number({ error: coded(`validation.score.${what}.number`) })
    .min(bounds.min, { error: coded(`validation.score.${what}.min`, { min: bounds.min }) })
    .max(bounds.max, { error: coded(`validation.score.${what}.max`, { max: bounds.max }) });

const liveOrEntered = (bounds: { min: number; max: number }, what: ScoreField) =>
  z.discriminatedUnion('source', [z.object({ source: z.literal('live') }), z.object({ source: z.literal('entered'), value: bounded(bounds, what) })], {
    error: coded(`validation.score.${what}.source`),
  });

export const scoreInputsSchema = z.object({
  reach: liveOrEntered(scoreBounds.reach, 'reach').optional(),
  impact: z
    .number({ error: coded('validation.chooseImpact') })
    .refine((value) => (impactScale as readonly number[]).includes(value), { error: coded('validation.impactScale') })
    .optional(),
  confidence: bounded(scoreBounds.confidence, 'confidence').int({ error: coded('validation.confidenceWhole') }).optional(),
  value: bounded(scoreBounds.value, 'value').optional(),
  effort: liveOrEntered(scoreBounds.effort, 'effort').optional(),
});
