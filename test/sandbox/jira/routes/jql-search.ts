import type { JqlContext, JqlQuery } from '../jql';
import { JqlError, issueMatches, parseJql, searchEndpointErrors, sortIssues, validateJql } from '../jql';
import type { SimIssue } from '../model';
import type { RouteContext } from './context';
import { RequestRejected, jiraError } from './http';
import { searchCandidates } from './search-candidates';

/** One JQL context per request: the JQL engine caches its compiled form per context object. */
const contexts = new WeakMap<RouteContext, JqlContext>();

export function jqlContext(ctx: RouteContext): JqlContext {
  let jqlCtx = contexts.get(ctx);
  if (!jqlCtx) {
    jqlCtx = {
      site: ctx.site,
      ...(ctx.caller.kind === 'user' ? { accountId: ctx.caller.accountId } : {}),
      // asApp(): JQL dates are read in the app user's own zone, not the person's who caused the call.
      ...(ctx.caller.kind === 'app' ? { timeZone: ctx.index.appUser()?.timeZone ?? 'UTC' } : {}),
      now: ctx.now,
      canBrowse: (projectId: string) => ctx.access.canBrowseProjectId(projectId),
      canSeeIssue: (issue: SimIssue) => ctx.access.canSeeIssue(issue),
    };
    contexts.set(ctx, jqlCtx);
  }
  return jqlCtx;
}

/**
 * Parses and validates JQL; a Jira-worded 400 when it is invalid. The search endpoints also refuse
 * unbounded queries (no restriction, `ORDER BY` alone included) and more than 7 ORDER BY fields.
 */
export function compileJql(ctx: RouteContext, jql: string, options: { searchEndpoint: boolean }): JqlQuery {
  let query: JqlQuery;
  try {
    query = parseJql(jql);
  } catch (error) {
    if (error instanceof JqlError) throw new RequestRejected(jiraError(400, error.messages));
    throw error;
  }
  const problems = [...validateJql(query, jqlContext(ctx)), ...(options.searchEndpoint ? searchEndpointErrors(query) : [])];
  if (problems.length > 0) throw new RequestRejected(jiraError(400, problems));
  return query;
}

/** The issues the query finds that the caller may browse, unordered (for counts). */
export function matchJql(ctx: RouteContext, query: JqlQuery, among: SimIssue[] = ctx.site.issues): SimIssue[] {
  const jqlCtx = jqlContext(ctx);
  let candidates: SimIssue[];
  if (among === ctx.site.issues) {
    candidates = searchCandidates(ctx.site, among, query, ctx.now, ctx.writesThroughSimulatorOnly ? ctx.searchIndex.generation : undefined);
  } else {
    // The index lags (its own copy of the site): narrowed by parent in one pass, as it stands.
    const parents = requiredParents(ctx, query);
    candidates = parents ? among.filter((issue) => issue.parentId !== undefined && parents.has(issue.parentId)) : among;
  }
  return candidates.filter((issue) => ctx.access.canSeeIssue(issue) && issueMatches(query, issue, jqlCtx));
}

/**
 * Speed only, for sites of 100,000 issues: when the query requires `parent in (…)` (or `parent =`)
 * at its top level, only children of those parents can match, so the full evaluation (permissions,
 * every clause) runs on them alone. Undefined when the query does not say, or names a parent it
 * cannot resolve (the full evaluation then reports it as Jira does).
 */
function requiredParents(ctx: RouteContext, query: JqlQuery): Set<string> | undefined {
  const where = query.where;
  const clauses = where?.kind === 'and' ? where.children : where ? [where] : [];
  for (const clause of clauses) {
    if (clause.kind !== 'clause' || clause.field.kind !== 'name' || clause.field.name.toLowerCase() !== 'parent') continue;
    if (clause.operator !== 'in' && clause.operator !== '=') continue;
    const operands = clause.operand.kind === 'list' ? clause.operand.items : [clause.operand];
    const ids = new Set<string>();
    for (const operand of operands) {
      if (operand.kind !== 'number' && operand.kind !== 'string') return undefined;
      // A number is an id as it stands (an unknown one matches nothing either way); a key needs the index.
      const id = operand.kind === 'number' ? operand.value : ctx.index.issue(operand.value)?.id;
      if (id === undefined) return undefined;
      ids.add(id);
    }
    return ids;
  }
  return undefined;
}

/**
 * The same, in the query's order. Search endpoints pass `among` as their search index sees the site
 * (`ctx.searchIndex`): real Jira's index trails writes.
 */
export function runJql(ctx: RouteContext, query: JqlQuery, among: SimIssue[] = ctx.site.issues): SimIssue[] {
  return sortIssues(query, matchJql(ctx, query, among), jqlContext(ctx));
}
