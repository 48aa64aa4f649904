/** Turns a failed parse into the `invalid` error the UI shows next to the field it names, in the caller's language. */
import type { z } from 'zod';
import { say, sayCoded } from '../i18n/server-texts';

export interface InvalidInput {
  code: 'invalid';
  message: string;
  /** The payload path of the first problem, e.g. `kpi.target.value`; absent for the payload as a whole. */
  field?: string;
}

export function invalidFromZod(error: z.ZodError): InvalidInput {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid', message: say('validation.requestInvalid') };
  const field = issue.path.map(String).join('.');
  return { code: 'invalid', message: humanMessage(issue), ...(field ? { field } : {}) };
}

/**
 * The schemas carry their own messages as text keys (`coded(...)`: a schema is built at module
 * load, before any caller is known), said here in the caller's language. zod's defaults ("Invalid
 * input: expected string, received undefined") only appear for shapes a well-behaved UI never
 * sends, and get plainer words here.
 */
function humanMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (big|small))/.test(issue.message)) return sayCoded(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return say(issue.input === undefined ? 'validation.required' : 'validation.wrongType');
    case 'invalid_value':
      return say('validation.chooseOneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_union':
      return say('validation.notOneOfKinds');
    default:
      return say('validation.notAccepted');
  }
}
