/**
 * Turns a failed parse into the `invalid` error the UI shows next to the field it names. `message`
 * is coded (src/domain/text-codes.ts): the resolver says it in the caller's language (calls.ts).
 */
import type { z } from 'zod';
import { coded } from '../domain/text-codes';

export interface InvalidInput {
  code: 'invalid';
  message: string;
  /** The payload path of the first problem, e.g. `kpi.target.value`; absent for the payload as a whole. */
  field?: string;
}

export function invalidFromZod(error: z.ZodError): InvalidInput {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid', message: coded('validation.requestInvalid') };
  const field = issue.path.map(String).join('.');
  return { code: 'invalid', message: humanMessage(issue), ...(field ? { field } : {}) };
}

/**
 * The schemas carry their own messages as text keys (`coded(...)`: a schema is built at module
 * load, before any caller is known). zod's defaults ("Invalid input: expected string, received
 * undefined") only appear for shapes a well-behaved UI never sends, and get plainer words here.
 */
function humanMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (big|small))/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return coded(issue.input === undefined ? 'validation.required' : 'validation.wrongType');
    case 'invalid_value':
      return coded('validation.chooseOneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_union':
      return coded('validation.notOneOfKinds');
    default:
      return coded('validation.notAccepted');
  }
}
