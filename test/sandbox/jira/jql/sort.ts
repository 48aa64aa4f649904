import type { SimIssue } from '../model';
import type { JqlOrderItem } from './ast';
import type { JqlContext } from './context';
import { messages, unsupported } from './errors';
import { resolveField } from './fields';
import type { ResolvedField } from './fields';
import { SiteIndex } from './site-index';

export type IssueComparator = (a: SimIssue, b: SimIssue) => number;

export interface CompiledOrder {
  errors: string[];
  /** A sorted copy; each issue's sort values are computed once, not per comparison. */
  sort: (issues: readonly SimIssue[]) => SimIssue[];
}

type SortValue = number | string | readonly [string, number];

const ISSUE_KEY = /^(.*)-(\d+)$/;

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const [projectA, numberA] = a as readonly [string, number];
    const [projectB, numberB] = b as readonly [string, number];
    return projectA < projectB ? -1 : projectA > projectB ? 1 : numberA - numberB;
  }
  return 0;
}

/**
 * Issue ids are numeric strings that grow with creation, so "id descending" is newest first and,
 * inside one project, the same as `key DESC`. The sandbox uses it when a query has no ORDER BY and
 * to break ties, so every answer is deterministic. (Real Jira documents neither; unverified.)
 */
export const byIdDescending: IssueComparator = (a, b) => {
  const diff = Number(b.id) - Number(a.id);
  if (!Number.isNaN(diff) && diff !== 0) return diff;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

interface SortSpec {
  value: (issue: SimIssue) => SortValue | undefined;
  /** Jira's own default when the query names no direction. */
  defaultDirection: 'asc' | 'desc';
}

function sortSpec(field: ResolvedField, index: SiteIndex): SortSpec | string {
  switch (field.kind) {
    case 'issuekey':
      return {
        defaultDirection: 'asc',
        value: (i) => {
          const match = ISSUE_KEY.exec(i.key);
          return match ? [(match[1] ?? '').toUpperCase(), Number(match[2])] : i.key;
        },
      };
    case 'date':
      return {
        defaultDirection: 'desc',
        value: (i) => {
          const text = field.get(i);
          const ms = text === undefined ? NaN : Date.parse(text);
          return Number.isNaN(ms) ? undefined : ms;
        },
      };
    case 'priority':
      // DESC puts Highest first.
      return { defaultDirection: 'desc', value: (i) => index.priorityWeight(i.priorityName) };
    case 'status':
      return { defaultDirection: 'asc', value: (i) => index.statusOrder(i.statusId) };
    case 'summary':
      return { defaultDirection: 'asc', value: (i) => i.summary.toLowerCase() };
    case 'rank':
      // LexoRank strings order by code unit, not by locale.
      return { defaultDirection: 'asc', value: (i) => (i.rank === '' ? undefined : i.rank) };
    case 'number':
      return {
        defaultDirection: 'asc',
        value: (i) => {
          for (const id of field.fieldIds) {
            const v = i.customFields[id];
            if (typeof v === 'number') return v;
          }
          return undefined;
        },
      };
    case 'error':
      return field.message;
    case 'text':
      return messages.notSortable(field.name);
    default:
      return unsupported(`ORDER BY '${field.name}' (sortable here: key, created, updated, resolved, priority, status, summary, rank, number custom fields)`);
  }
}

/**
 * ORDER BY. An empty value sorts after every value, so it comes last ascending and first
 * descending, as in Jira.
 */
export function compileOrderBy(items: JqlOrderItem[], ctx: JqlContext): CompiledOrder {
  const index = new SiteIndex(ctx);
  const errors: string[] = [];
  const keys: Array<{ spec: SortSpec; sign: 1 | -1 }> = [];
  for (const item of items) {
    const spec = sortSpec(resolveField(item.field, ctx.site), index);
    if (typeof spec === 'string') errors.push(spec);
    else keys.push({ spec, sign: (item.direction ?? spec.defaultDirection) === 'asc' ? 1 : -1 });
  }
  const sort = (issues: readonly SimIssue[]): SimIssue[] =>
    issues
      .map((issue) => ({ issue, values: keys.map(({ spec }) => spec.value(issue)) }))
      .sort((a, b) => {
        for (let k = 0; k < keys.length; k++) {
          const va = a.values[k];
          const vb = b.values[k];
          const sign = keys[k]?.sign ?? 1;
          if (va === undefined || vb === undefined) {
            if (va !== vb) return sign * (va === undefined ? 1 : -1);
            continue;
          }
          const result = compareValues(va, vb);
          if (result !== 0) return sign * result;
        }
        return byIdDescending(a.issue, b.issue);
      })
      .map(({ issue }) => issue);
  return { errors, sort };
}
