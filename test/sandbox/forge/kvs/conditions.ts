/**
 * The conditions of @forge/kvs (out/conditions.js): `{condition: 'BEGINS_WITH', values: [x]}` etc.
 * Used as `where` on an index's range, as query filters, and as transaction conditions.
 */
import { isRecord, type JsonRecord } from './body';
import type { EntityDefinition } from './entity-schema';
import { badRequest } from './kvs-error';

export type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

/** `WhereConditions`: what an index range accepts. */
export const RANGE_CONDITIONS: ReadonlySet<ConditionName> = new Set<ConditionName>([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

/** `FilterConditions`: what filters and transaction conditions accept. */
export const FILTER_CONDITIONS: ReadonlySet<ConditionName> = new Set<ConditionName>([
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
]);

export interface Condition {
  condition: ConditionName;
  values: unknown[];
}

export interface FilterClause extends Condition {
  property: string;
}

export interface Filters {
  operator: 'and' | 'or';
  clauses: FilterClause[];
}

export function parseCondition(raw: unknown, allowed: ReadonlySet<ConditionName>, what: string): Condition {
  if (!isRecord(raw) || typeof raw.condition !== 'string' || !Array.isArray(raw.values)) {
    throw badRequest('INVALID_CONDITION', `${what} must be {condition, values}`);
  }
  const condition = raw.condition;
  if (!isAllowed(condition, allowed)) {
    throw badRequest('INVALID_CONDITION', `${what}: condition '${condition}' is not supported here`);
  }
  const arity = condition === 'BETWEEN' ? 2 : 1;
  if (raw.values.length !== arity) {
    throw badRequest('INVALID_CONDITION', `${what}: ${condition} takes ${arity} value(s)`);
  }
  return { condition, values: raw.values };
}

function isAllowed(name: string, allowed: ReadonlySet<ConditionName>): name is ConditionName {
  return (allowed as ReadonlySet<string>).has(name);
}

/** `{and: [...]}` or `{or: [...]}` over declared attributes of the entity. */
export function parseFilters(raw: unknown, entity: EntityDefinition, what: string): Filters | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest('INVALID_CONDITION', `${what} must be {and: [...]} or {or: [...]}`);
  const operators = Object.keys(raw);
  const operator = operators[0];
  if (operators.length !== 1 || (operator !== 'and' && operator !== 'or')) {
    throw badRequest('INVALID_CONDITION', `${what} must have exactly one of 'and' or 'or'`);
  }
  const items = raw[operator];
  if (!Array.isArray(items)) throw badRequest('INVALID_CONDITION', `${what}.${operator} must be an array`);
  const clauses = items.map((item, i): FilterClause => {
    const clauseWhat = `${what}.${operator}[${i}]`;
    const property = isRecord(item) ? item.property : undefined;
    if (typeof property !== 'string' || entity.attributeType(property) === undefined) {
      throw badRequest('INVALID_CONDITION', `${clauseWhat}: '${String(property)}' is not an attribute of '${entity.name}'`);
    }
    return { property, ...parseCondition(item, FILTER_CONDITIONS, clauseWhat) };
  });
  return { operator, clauses };
}

export function matchesFilters(value: JsonRecord, filters: Filters | undefined): boolean {
  if (!filters || filters.clauses.length === 0) return true;
  const test = (clause: FilterClause): boolean => testCondition(value[clause.property], clause);
  return filters.operator === 'and' ? filters.clauses.every(test) : filters.clauses.some(test);
}

/**
 * Whether an attribute value (undefined when absent) satisfies a condition. Like the DynamoDB
 * store behind Forge, values of different types never compare: `'5' > 3` is false, not coerced.
 * A missing attribute only satisfies NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS.
 */
export function testCondition(actual: unknown, { condition, values }: Condition): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return sameValue(actual, first);
    case 'NOT_EQUAL_TO':
      return !sameValue(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'GREATER_THAN':
      return compareWith(actual, first, (order) => order > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return compareWith(actual, first, (order) => order >= 0);
    case 'LESS_THAN':
      return compareWith(actual, first, (order) => order < 0);
    case 'LESS_THAN_EQUAL_TO':
      return compareWith(actual, first, (order) => order <= 0);
    case 'BETWEEN':
      return compareWith(actual, first, (order) => order >= 0) && compareWith(actual, second, (order) => order <= 0);
  }
}

/** Order of two values of the same comparable type (number or string), undefined otherwise. */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

function compareWith(actual: unknown, expected: unknown, accept: (order: number) => boolean): boolean {
  const order = compareValues(actual, expected);
  return order !== undefined && accept(order);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) return false;
  if (typeof a !== 'object' || a === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((item) => sameValue(item, needle));
  return false;
}
