/**
 * A JQL KPI's value now: the count of its query, or the ratio of two counts, always limited to the
 * product's project. Counted with the approximate-count endpoint, one request per query.
 */
import type { KpiSource } from '../../domain/strategy';
import { projectScopedJql } from '../../validation/jql';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { approximateCount } from './search';
import { coded } from '../../i18n/server-texts';

export type JqlSource = Exclude<KpiSource, { kind: 'manual' }>;

/** Which query of a source: the field that names it in the source object. */
export type JqlPart = 'jql' | 'numeratorJql' | 'denominatorJql';

export type SourceCount =
  | {
      ok: true;
      /** Undefined when a ratio's denominator counts nothing. */
      value: number | undefined;
      counts: { numerator: number; denominator?: number };
      effectiveJql: string[];
    }
  /** Jira refused a query (400): its messages, for the form field that holds it. */
  | { ok: false; part: JqlPart; messages: string[] };

/** Counts already asked for in one run, by effective JQL: KPIs that share a query cost one request. */
export type CountCache = Map<string, Promise<number>>;

export async function countKpiSource(
  client: JiraClient,
  options: { projectId: string; source: JqlSource; cache?: CountCache },
): Promise<SourceCount> {
  const parts: JqlPart[] = options.source.kind === 'jql-count' ? ['jql'] : ['numeratorJql', 'denominatorJql'];
  const jqlOf = (part: JqlPart): string => {
    const source = options.source;
    return source.kind === 'jql-count' ? source.jql : part === 'numeratorJql' ? source.numeratorJql : source.denominatorJql;
  };
  const effectiveJql = parts.map((part) => projectScopedJql(options.projectId, jqlOf(part)));
  const settled = await Promise.allSettled(effectiveJql.map((jql) => cachedCount(client, jql, options.cache)));

  for (const [index, outcome] of settled.entries()) {
    if (outcome.status === 'rejected') {
      const error: unknown = outcome.reason;
      if (error instanceof JiraError && error.kind === 'bad-request') {
        return { ok: false, part: parts[index] as JqlPart, messages: error.messages.length > 0 ? error.messages : [coded('strategy.jqlRefused')] };
      }
      throw error;
    }
  }
  const [numerator, denominator] = settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 0)) as [number, number | undefined];
  if (denominator === undefined) return { ok: true, value: numerator, counts: { numerator }, effectiveJql };
  return { ok: true, value: denominator === 0 ? undefined : numerator / denominator, counts: { numerator, denominator }, effectiveJql };
}

function cachedCount(client: JiraClient, jql: string, cache: CountCache | undefined): Promise<number> {
  if (!cache) return approximateCount(client, jql);
  const known = cache.get(jql);
  if (known) return known;
  const count = approximateCount(client, jql);
  cache.set(jql, count);
  return count;
}
