import type { SimIssue } from '../model';
import type { JqlOperator } from './ast';
import { toMinute } from './dates';

/** The issue-level tests compiled clauses are made of. */
export type IssuePredicate = (issue: SimIssue) => boolean;

/** What a clause's operand stands for: values, and whether EMPTY is among them. */
export interface Wanted<T> {
  values: T[];
  empty: boolean;
}

export const NEVER: IssuePredicate = () => false;

export const COMPARISON: ReadonlySet<JqlOperator> = new Set(['<', '<=', '>', '>=']);

/**
 * `=`/`in` match when any of the issue's values is wanted; `!=`/`not in` when the field has values
 * and none is wanted. That last part is Jira's: negative operators never match an empty field.
 */
export function discrete<T>(operator: JqlOperator, wanted: Wanted<T>, get: (issue: SimIssue) => readonly T[]): IssuePredicate {
  const set = new Set(wanted.values);
  switch (operator) {
    case '=':
    case 'in':
      return (issue) => {
        const values = get(issue);
        return values.length === 0 ? wanted.empty : values.some((v) => set.has(v));
      };
    case '!=':
    case 'not in':
      return (issue) => {
        const values = get(issue);
        return values.length > 0 && !values.some((v) => set.has(v));
      };
    case 'is':
      return (issue) => get(issue).length === 0;
    case 'is not':
      return (issue) => get(issue).length > 0;
    default:
      throw new Error(`not an equality operator: ${operator}`);
  }
}

export function compare(operator: JqlOperator, bound: number, get: (issue: SimIssue) => readonly number[]): IssuePredicate {
  switch (operator) {
    case '<':
      return (issue) => get(issue).some((v) => v < bound);
    case '<=':
      return (issue) => get(issue).some((v) => v <= bound);
    case '>':
      return (issue) => get(issue).some((v) => v > bound);
    case '>=':
      return (issue) => get(issue).some((v) => v >= bound);
    default:
      throw new Error(`not a comparison: ${operator}`);
  }
}

export function ordered(operator: JqlOperator, wanted: Wanted<number>, get: (issue: SimIssue) => readonly number[]): IssuePredicate {
  if (!COMPARISON.has(operator)) return discrete(operator, wanted, get);
  const bound = wanted.values[0];
  return bound === undefined ? NEVER : compare(operator, bound, get);
}

/** Jira indexes every element of an array, and every object of an array on the way down a path. */
export function propertyValues(issue: SimIssue, key: string, path: string): Array<string | number | boolean> {
  const flat = (value: unknown): unknown[] => (Array.isArray(value) ? value.flatMap(flat) : [value]);
  let current = flat(issue.properties[key]);
  for (const segment of path ? path.split('.') : []) {
    current = current.flatMap((value) =>
      value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, segment)
        ? flat((value as Record<string, unknown>)[segment])
        : [],
    );
  }
  return current.filter(
    (v): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  );
}

export function dateValue(text: string | undefined): number[] {
  if (text === undefined) return [];
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? [] : [toMinute(ms)];
}
