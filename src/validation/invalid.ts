/** Turns a failed parse into the `invalid` error the UI shows next to the field it names. */
import type { z } from 'zod';

export interface InvalidInput {
  code: 'invalid';
  message: string;
  /** The payload path of the first problem, e.g. `kpi.target.value`; absent for the payload as a whole. */
  field?: string;
}

export function invalidFromZod(error: z.ZodError): InvalidInput {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid', message: 'The request is not valid.' };
  const field = issue.path.map(String).join('.');
  return { code: 'invalid', message: humanMessage(issue), ...(field ? { field } : {}) };
}

/**
 * The schemas carry their own messages; zod's defaults ("Invalid input: expected string, received
 * undefined") only appear for shapes a well-behaved UI never sends, and get plainer words here.
 */
function humanMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (big|small))/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `This should be ${article(issue.expected)}.`;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_union':
      return 'This value is not one of the accepted kinds.';
    default:
      return 'This value is not accepted here.';
  }
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
