/**
 * The site's issues by id, shared between requests while the issue list is unchanged. Speed only: a
 * site of 100,000 issues cannot rebuild this map for every request (issue 13's bench makes a
 * thousand). An issue's id never changes; what can is the list itself (tests and routes push,
 * splice or replace it), so the map is rebuilt whenever the array, its length or its ends differ,
 * and a hit is checked against the id asked for.
 */
import type { SimIssue } from './model';

interface Cached {
  length: number;
  first: SimIssue | undefined;
  last: SimIssue | undefined;
  byId: Map<string, SimIssue>;
}

const cache = new WeakMap<SimIssue[], Cached>();

export function issuesByIdOf(issues: SimIssue[]): Map<string, SimIssue> {
  const cached = cache.get(issues);
  if (cached && cached.length === issues.length && cached.first === issues[0] && cached.last === issues[issues.length - 1]) return cached.byId;
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  cache.set(issues, { length: issues.length, first: issues[0], last: issues[issues.length - 1], byId });
  return byId;
}

/** One issue by id; a stale entry (an issue taken out and another put in its place) is never returned. */
export function issueByIdOf(issues: SimIssue[], id: string): SimIssue | undefined {
  const found = issuesByIdOf(issues).get(id);
  return found && found.id === id ? found : undefined;
}
