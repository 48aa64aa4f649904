/**
 * The JQL subset the Jira simulator understands: what Throughline sends and what a product
 * manager types for a KPI. Anything outside it is refused with a JqlError rather than answered
 * wrongly. Parse once, then validate, match and sort against a site:
 *
 *   const query = parseJql(text);                 // throws JqlError on a syntax error
 *   const errors = validateJql(query, ctx);       // Jira's 400 messages; [] when it can run
 *   const found = searchIssues(query, issues, ctx);
 *
 * Read ./README.md for the subset and its deliberate differences from Jira.
 */
import type { SimIssue } from '../model';
import type { JqlQuery } from './ast';
import { compileWhere } from './compile';
import type { CompiledWhere } from './compile';
import type { JqlContext } from './context';
import { JqlError, messages } from './errors';
import { compileOrderBy } from './sort';

export type { JqlClause, JqlFieldRef, JqlNode, JqlOperand, JqlOperator, JqlOrderItem, JqlQuery } from './ast';
export type { JqlContext } from './context';
export { JqlError, UNSUPPORTED_PREFIX, isUnsupportedMessage } from './errors';
export { parseJql } from './parser';

/**
 * Compiling resolves values against the site (project keys, sprint names…) once; issueMatches is
 * called per issue, so the compiled form is kept per query and context object. Pass one context
 * per request: a context reused after the site's projects, sprints or users change would keep
 * answering from the old lookups.
 */
const compiled = new WeakMap<JqlQuery, WeakMap<JqlContext, CompiledWhere>>();

function compiledWhere(query: JqlQuery, ctx: JqlContext): CompiledWhere {
  let byContext = compiled.get(query);
  if (!byContext) {
    byContext = new WeakMap();
    compiled.set(query, byContext);
  }
  let result = byContext.get(ctx);
  if (!result) {
    result = compileWhere(query, ctx);
    byContext.set(ctx, result);
  }
  return result;
}

/**
 * Everything Jira would answer 400 for once the query has parsed: unknown fields, values that do
 * not exist (or that the caller may not see, through ctx.canBrowse), operators a field does not
 * take, bad dates and numbers, unknown functions; plus the subset's own refusals.
 */
export function validateJql(query: JqlQuery, ctx: JqlContext): string[] {
  return [...compiledWhere(query, ctx).errors, ...compileOrderBy(query.orderBy, ctx).errors];
}

/** Throws JqlError when the query does not validate: a match is never guessed. */
export function issueMatches(query: JqlQuery, issue: SimIssue, ctx: JqlContext): boolean {
  const where = compiledWhere(query, ctx);
  if (where.errors.length > 0) throw new JqlError(where.errors);
  return where.matches(issue);
}

/**
 * A sorted copy. Without ORDER BY, and to break ties, issues come by id descending (newest first;
 * `key DESC` within a project). Each field without a direction sorts in Jira's own default for it:
 * created, updated, resolved and priority descending, the rest ascending.
 */
export function sortIssues(query: JqlQuery, issues: SimIssue[], ctx: JqlContext): SimIssue[] {
  const order = compileOrderBy(query.orderBy, ctx);
  if (order.errors.length > 0) throw new JqlError(order.errors);
  return order.sort(issues);
}

/** Validate, filter and sort in one go; throws JqlError with every message when invalid. */
export function searchIssues(query: JqlQuery, issues: SimIssue[], ctx: JqlContext): SimIssue[] {
  const errors = validateJql(query, ctx);
  if (errors.length > 0) throw new JqlError(errors);
  const where = compiledWhere(query, ctx);
  return sortIssues(query, issues.filter(where.matches), ctx);
}

/** /rest/api/3/search/jql allows at most this many ORDER BY fields. */
export const MAX_ORDER_BY_FIELDS = 7;

/**
 * What /rest/api/3/search/jql (and approximate-count) refuse on top of JQL itself: an unbounded
 * query (no search restriction, e.g. `order by key desc` or an empty string) and more than seven
 * ORDER BY fields. Other endpoints that take JQL do not check these.
 */
export function searchEndpointErrors(query: JqlQuery): string[] {
  const errors: string[] = [];
  if (!query.where) errors.push(messages.unbounded());
  if (query.orderBy.length > MAX_ORDER_BY_FIELDS) errors.push(messages.tooManyOrderFields(MAX_ORDER_BY_FIELDS));
  return errors;
}
