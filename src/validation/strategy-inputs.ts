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

export const visionBoardSchema = z.object({
  productName: text(limits.titleLength, { required: 'Name the product.' }),
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
        .number({ error: 'Enter a year.' })
        .int({ error: 'Enter a year.' })
        .min(limits.firstYear, { error: `Choose a year from ${limits.firstYear} to ${limits.lastYear}.` })
        .max(limits.lastYear, { error: `Choose a year from ${limits.firstYear} to ${limits.lastYear}.` }),
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'Choose a quarter from 1 to 4.' }),
    }),
    z.object({ kind: z.literal('date'), date: calendarDate }),
  ],
  { error: 'Choose no time frame, a quarter or a target date.' },
);

export const goalInputSchema = z.object({
  title: text(limits.titleLength, { required: 'Give the goal a title.' }),
  description: text(limits.descriptionLength),
  ownerAccountId: z
    .string({ error: 'Choose an owner, or none.' })
    .min(1, { error: 'Choose an owner, or none.' })
    .max(128, { error: 'This is not a Jira account id.' })
    .nullable(),
  status: z.enum(goalStatuses, { error: 'Choose on track, at risk, off track, done or archived.' }),
  timeFrame: timeFrameSchema,
});

function jql(which?: string) {
  return z
    .string({ error: which ? `Enter the ${which} JQL.` : 'Enter a JQL query.' })
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
  { error: 'Choose manual entry, a JQL count or a ratio of two JQL counts.' },
);

export const kpiInputSchema = z
  .object({
    name: text(limits.kpiNameLength, { required: 'Name the KPI.' }),
    unit: text(limits.unitLength),
    direction: z.enum(['increase', 'decrease'], { error: 'Say whether higher or lower is better.' }),
    baseline: datedValue,
    target: datedValue,
    source: kpiSourceSchema,
  })
  .superRefine((kpi, ctx) => {
    const { baseline, target, direction } = kpi;
    if (target.value === baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'The target must differ from the baseline.' });
    } else if (direction === 'increase' && target.value < baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'Higher is better here, so the target must be above the baseline.' });
    } else if (direction === 'decrease' && target.value > baseline.value) {
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: 'Lower is better here, so the target must be below the baseline.' });
    }
    // Refinements run even when a field failed; only real dates can be compared.
    if (isCalendarDate(baseline.date) && isCalendarDate(target.date) && daysBetween(baseline.date, target.date) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['target', 'date'], message: 'The target date must come after the baseline date.' });
    }
  });

/** Notes are shown as plain text: control characters would only hide or garble them. */
const noControlCharacters = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export const measurementInputSchema = z.object({
  date: calendarDate,
  value: kpiNumber,
  note: text(limits.noteLength)
    .regex(noControlCharacters, { error: 'Remove the control characters from the note.' })
    .optional(),
});

export { baseVersion };
