import type { JqlPosition } from './ast';

/**
 * Messages carry Jira's own wording (taken from Jira's published JQL tests and real 400 bodies),
 * so the app's error handling is exercised against the text it will see in production.
 * Messages that start with UNSUPPORTED_PREFIX are the sandbox's: valid Jira JQL that this subset
 * refuses rather than answers wrongly.
 */
export class JqlError extends Error {
  readonly messages: string[];
  /** True when at least one message is a subset limit, not something Jira itself would reject. */
  readonly unsupported: boolean;

  constructor(messages: string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
    this.messages = messages;
    this.unsupported = messages.some(isUnsupportedMessage);
  }
}

export const UNSUPPORTED_PREFIX = 'Unsupported by the sandbox JQL subset: ';

export function isUnsupportedMessage(message: string): boolean {
  return message.startsWith(UNSUPPORTED_PREFIX);
}

export function unsupported(what: string): string {
  return `${UNSUPPORTED_PREFIX}${what}.`;
}

const SYNTAX_PREFIX = 'Error in the JQL Query: ';

/** A syntax error found at a token: Jira appends where it is. */
export function syntaxErrorAt(message: string, at: JqlPosition): JqlError {
  return new JqlError([`${SYNTAX_PREFIX}${message} (line ${at.line}, character ${at.character})`]);
}

/** A syntax error found at the end of the text: Jira gives no position then. */
export function syntaxErrorAtEnd(message: string): JqlError {
  return new JqlError([`${SYNTAX_PREFIX}${message}`]);
}

export const VALID_OPERATORS_HINT =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

export const VALID_ESCAPES_HINT =
  "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

export const DATE_FORMATS_HINT =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

export const messages = {
  fieldDoesNotExist: (field: string) =>
    `Field '${field}' does not exist or you do not have permission to view it.`,
  operatorNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' is not supported by the '${field}' field.`,
  valueDoesNotExist: (field: string, value: string) =>
    `The value '${value}' does not exist for the field '${field}'.`,
  idDoesNotExist: (field: string, id: string) =>
    `A value with ID '${id}' does not exist for the field '${field}'.`,
  functionValueInvalid: (fn: string, field: string) =>
    `A value provided by the function '${fn}' is invalid for the field '${field}'.`,
  issueKeyDoesNotExist: (key: string, field: string) =>
    `An issue with key '${key}' does not exist for field '${field}'.`,
  issueKeyInvalid: (key: string, field: string) =>
    `The issue key '${key}' for field '${field}' is invalid.`,
  notANumber: (value: string, field: string) =>
    `Value '${value}' for the '${field}' field is not a valid number.`,
  invalidDate: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. ${DATE_FORMATS_HINT}`,
  unknownFunction: (fn: string) => `Unable to find JQL function '${fn}()'.`,
  /** `expected` is Jira's phrase: "'0'" or "between '0' and '1'". */
  functionArity: (fn: string, expected: string, received: number) =>
    `Function '${fn}' expected ${expected} arguments but received '${received}'.`,
  badDuration: (fn: string) =>
    `Duration for function '${fn}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.`,
  listValueNotSupported: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the list value '${operand}' for field '${field}'.`,
  nonListValueNotSupported: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the non-list value '${operand}' for field '${field}'.`,
  emptyNotSupported: (operator: string, field: string) =>
    `Operator '${operator}' does not support the empty value representation 'EMPTY' for field '${field}'.`,
  isOnlySupportsEmpty: (operator: string, field: string) =>
    `Operator '${operator}' does not support searching for non-empty values for field '${field}'.`,
  emptyTextNotSupported: (field: string) =>
    `The field '${field}' does not support searching for an empty string.`,
  leadingWildcard: (value: string, field: string) =>
    `The text query '${value}' for field '${field}' is not valid: the '*' and '?' are not allowed as first character in wildcard query.`,
  /** `jira.jql.text.clause.does.not.parse`: Lucene could not parse the text (unescaped special characters). */
  textDoesNotParse: (value: string, field: string) =>
    `The text query '${value}' for field '${field}' is not valid: probably your use of wildcard characters is incorrect.`,
  /** `jira.jql.text.clause.incorrect.range.query`: a `[` or `{` that does not open `[a TO b]`. */
  textRangeIncorrect: (value: string, field: string) =>
    `The text query '${value}' for field '${field}' is not valid: probably your range query is incorrect.`,
  notSortable: (field: string) => `Not able to sort using field '${field}'.`,
  unbounded: () =>
    'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
  tooManyOrderFields: (max: number) => `The ORDER BY clause can contain a maximum of ${max} fields.`,
};
