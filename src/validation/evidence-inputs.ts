/**
 * What an editor may send as evidence on a roadmap item. The UI runs the same schemas for instant
 * feedback; the server runs them again. A JQL's syntax is Jira's to judge (it is run as the user
 * before it is stored); here only what can be told without Jira: length and balanced quotes.
 */
import { z } from 'zod';
import { baseVersion, calendarDate, recordId, text } from './fields';
import { jqlProblem } from './jql';
import { limits } from './limits';
import { coded } from '../domain/text-codes';

/**
 * A Jira issue key: the project key (a letter, then letters, digits or underscores) and a number.
 * Jira's own rule for project keys; lower case is accepted and upper-cased, as Jira's search does.
 * @see https://support.atlassian.com/jira-cloud-administration/docs/edit-a-projects-details/ (project key format)
 */
export const issueKeyPattern = /^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,17}$/;

export const issueKeySchema = z
  .string({ error: coded('validation.issueKey') })
  .trim()
  .transform((key) => key.toUpperCase())
  .refine((key) => issueKeyPattern.test(key), { error: coded('validation.issueKey') });

export const evidenceJqlSchema = z
  .string({ error: coded('validation.enterJql') })
  .max(limits.jqlLength * 2, { error: coded('validation.jqlTooLong', { max: limits.jqlLength }) })
  .transform((jql) => jql.trim())
  .superRefine((jql, context) => {
    const problem = jqlProblem(jql);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .refine((jql) => !/\p{Surrogate}/u.test(jql), { error: coded('validation.brokenCharacter') });

export const evidenceNoteSchema = z.object({
  text: text(limits.evidenceNoteLength, { required: coded('validation.evidenceNote') }),
  source: text(limits.evidenceSourceLength),
  customer: text(limits.evidenceCustomerLength),
  date: calendarDate,
});

export const evidenceInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('note'), note: evidenceNoteSchema }),
    z.object({ kind: z.literal('issue'), issueKey: issueKeySchema }),
    z.object({ kind: z.literal('jql'), label: text(limits.evidenceLabelLength, { required: coded('validation.evidenceLabel') }), jql: evidenceJqlSchema }),
  ],
  { error: coded('validation.evidenceKind') },
);

export const evidenceSchemas = {
  listItemEvidence: z.object({ itemId: recordId }),
  addEvidence: z.object({ itemId: recordId, evidence: evidenceInputSchema }),
  updateEvidence: z.object({ itemId: recordId, id: recordId, evidence: evidenceInputSchema, baseVersion }),
  removeEvidence: z.object({ itemId: recordId, id: recordId, baseVersion }),
  previewEvidenceJql: z.object({ jql: evidenceJqlSchema }),
  countEvidenceJql: z.object({
    itemIds: z
      .array(recordId, { error: coded('validation.itemsAsList') })
      .max(limits.evidenceCountItems, { error: coded('validation.countTooMany', { max: limits.evidenceCountItems }) }),
  }),
};
