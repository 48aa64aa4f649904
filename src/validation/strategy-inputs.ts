/**
 * What an editor may send for the vision board, a goal, a KPI and a measurement. The UI runs the
 * same schemas for instant feedback; the server runs them again, since the browser is not trusted.
 */
import { z } from 'zod';
import { daysBetween, isCalendarDate } from '../domain/calendar';
import { goalStatuses } from '../domain/strategy';
import { baseVersion, brokenCharacterMessage, calendarDate, datedValue, isWellFormedText, kpiNumber, text } from './fields';
import { jqlProblem } from './jql';
import { limits } from './limits';
import { coded } from '../domain/text-codes';

export const visionBoardSchema = z.object({
  productName: text(limits.titleLength, { required: coded('validation.productName') }),
  vision: text(limits.visionLength),
  targetGroup: text(limits.boardFieldLength),
  needs: text(limits.boardFieldLength),
  product: text(limits.boardFieldLength),
  businessGoals: text(limits.boardFieldLength),
});

export const timeFrameSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('none') }),
    z.object({
      kind: z.literal('quarter'),
      year: z
        .number({ error: coded('validation.enterYear') })
        .int({ error: coded('validation.enterYear') })
        .min(limits.firstYear, { error: coded('validation.yearRange', { first: String(limits.firstYear), last: String(limits.lastYear) }) })
        .max(limits.lastYear, { error: coded('validation.yearRange', { first: String(limits.firstYear), last: String(limits.lastYear) }) }),
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: coded('validation.quarterRange') }),
    }),
    z.object({ kind: z.literal('date'), date: calendarDate }),
  ],
  { error: coded('validation.chooseTimeFrame') },
);

export const goalInputSchema = z.object({
  title: text(limits.titleLength, { required: coded('validation.goalTitle') }),
  description: text(limits.descriptionLength),
  ownerAccountId: z
    .string({ error: coded('validation.chooseOwner') })
    .min(1, { error: coded('validation.chooseOwner') })
    .max(128, { error: coded('validation.notAnAccountId') })
    .nullable(),
  status: z.enum(goalStatuses, { error: coded('validation.chooseGoalStatus') }),
  timeFrame: timeFrameSchema,
});

function jql(which?: 'numerator' | 'denominator') {
  return z
    .string({ error: coded(which === 'numerator' ? 'validation.enterNumeratorJql' : which === 'denominator' ? 'validation.enterDenominatorJql' : 'validation.enterJql') })
    .superRefine((value, ctx) => {
      const problem = isWellFormedText(value) ? jqlProblem(value) : brokenCharacterMessage;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

export const kpiSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('jql-count'), jql: jql() }),
    z.object({ kind: z.literal('jql-ratio'), numeratorJql: jql('numerator'), denominatorJql: jql('denominator') }),
  ],
  { error: coded('validation.chooseKpiSource') },
);

export const kpiInputSchema = z
  .object({
    name: text(limits.kpiNameLength, { required: coded('validation.kpiName') }),
    unit: text(limits.unitLength),
    direction: z.enum(['increase', 'decrease'], { error: coded('validation.chooseDirection') }),
    baseline: datedValue,
    target: datedValue,
    source: kpiSourceSchema,
  })
  .superRefine((kpi, ctx) => {
    const { baseline, target, direction } = kpi;
    if (target.value === baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: coded('validation.targetEqualsBaseline') });
    } else if (direction === 'increase' && target.value < baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: coded('validation.targetBelowBaseline') });
    } else if (direction === 'decrease' && target.value > baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: coded('validation.targetAboveBaseline') });
    }
    // Refinements run even when a field failed; only real dates can be compared.
    if (isCalendarDate(baseline.date) && isCalendarDate(target.date) && daysBetween(baseline.date, target.date) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['target', 'date'], message: coded('validation.targetDateBeforeBaseline') });
    }
  });

/** Notes are shown as plain text: control characters would only hide or garble them. */
const noControlCharacters = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export const measurementInputSchema = z.object({
  date: calendarDate,
  value: kpiNumber,
  note: text(limits.noteLength)
    .regex(noControlCharacters, { error: coded('validation.noteControlCharacters') })
    .optional(),
});

export { baseVersion };
