/**
 * Forge display conditions, as far as this app's manifest uses them: Jira evaluates them in the
 * browser before it renders a module, so a module whose condition is false never loads at all.
 *
 * Modelled: the `and` / `or` / `not` operators (several keys in one object mean `and`), the issue
 * view conditions `issueType`, `issueKey` and `projectKey` (names or lists of names), and
 * `jiraExpression` in a small subset of Jira expressions: member paths on `issue`, `project` and
 * `user`, number and string literals, `== != < <= > >=`, `&& || !` and parentheses.
 * Anything else is refused when the manifest is read, so a condition the sandbox cannot evaluate
 * fails loudly at `npm start` instead of showing a module Jira might hide.
 *
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/jira/
 * @see https://developer.atlassian.com/cloud/jira/platform/jira-expressions/
 */
import type { SimIssue, SimIssueType, SimProject } from '../jira/model';

export class DisplayConditionError extends Error {}

/** What a condition is evaluated against: the issue view Jira renders the module in. */
export interface ConditionTarget {
  issue?: SimIssue;
  issueType?: SimIssueType;
  project?: SimProject;
  accountId?: string;
}

type Value = string | number | boolean | null;

type Expression =
  | { kind: 'literal'; value: Value }
  | { kind: 'member'; path: string }
  | { kind: 'not'; operand: Expression }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression };

type BinaryOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export type DisplayCondition =
  | { kind: 'all'; of: DisplayCondition[] }
  | { kind: 'any'; of: DisplayCondition[] }
  | { kind: 'not'; condition: DisplayCondition }
  | { kind: 'names'; property: 'issueType' | 'issueKey' | 'projectKey'; names: string[] }
  | { kind: 'jiraExpression'; source: string; expression: Expression };

/**
 * The member paths the sandbox can answer, with Jira expressions' types: `IssueType.hierarchyLevel`
 * is a Number, names and keys are Strings. A path outside this list is refused, never guessed.
 * `IssueType.hierarchyLevel` comes from the Jira expressions type reference
 * (https://developer.atlassian.com/cloud/jira/platform/jira-expressions-type-reference/); unverified
 * here (the copy read did not reach the IssueType section): check it on a real site with
 * `POST /rest/api/3/expression/eval` before a release.
 */
const MEMBERS: Record<string, (target: ConditionTarget) => Value> = {
  'issue.key': (target) => target.issue?.key ?? null,
  'issue.issueType.name': (target) => target.issueType?.name ?? null,
  'issue.issueType.hierarchyLevel': (target) => target.issueType?.hierarchyLevel ?? null,
  'issue.project.key': (target) => target.project?.key ?? null,
  'project.key': (target) => target.project?.key ?? null,
  'user.accountId': (target) => target.accountId ?? null,
};

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)|(==|!=|<=|>=|&&|\|\||[<>!()]))/y;

type Token = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new DisplayConditionError(`jiraExpression "${source}": the sandbox cannot read "${source.slice(at).trim()}"`);
    const [, number, single, double, name, op] = match;
    if (number !== undefined) tokens.push({ kind: 'number', value: Number(number) });
    else if (single !== undefined || double !== undefined) tokens.push({ kind: 'string', value: (single ?? double ?? '').replace(/\\(.)/g, '$1') });
    else if (name !== undefined) tokens.push({ kind: 'name', value: name });
    else tokens.push({ kind: 'op', value: op ?? '' });
  }
  return tokens;
}

const PRECEDENCE: Array<BinaryOperator[]> = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];

export function parseJiraExpression(source: string): Expression {
  const tokens = tokenize(source);
  let position = 0;
  const fail = (why: string): never => {
    throw new DisplayConditionError(`jiraExpression "${source}": ${why} (the sandbox models ${Object.keys(MEMBERS).join(', ')}; literals; == != < <= > >= && || ! and parentheses)`);
  };
  const peekOp = (): string | undefined => {
    const token = tokens[position];
    return token?.kind === 'op' ? token.value : undefined;
  };
  const primary = (): Expression => {
    const token = tokens[position++];
    if (!token) return fail('it ends too early');
    if (token.kind === 'number' || token.kind === 'string') return { kind: 'literal', value: token.value };
    if (token.kind === 'name') {
      if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true' };
      if (token.value === 'null') return { kind: 'literal', value: null };
      if (!MEMBERS[token.value]) return fail(`"${token.value}" is not modelled`);
      return { kind: 'member', path: token.value };
    }
    if (token.value === '!') return { kind: 'not', operand: primary() };
    if (token.value === '(') {
      const inner = binary(0);
      if (tokens[position++]?.value !== ')') fail('a parenthesis is not closed');
      return inner;
    }
    return fail(`unexpected "${token.value}"`);
  };
  const binary = (level: number): Expression => {
    if (level === PRECEDENCE.length) return primary();
    let left = binary(level + 1);
    for (let op = peekOp(); op && (PRECEDENCE[level] as string[]).includes(op); op = peekOp()) {
      position += 1;
      left = { kind: 'binary', operator: op as BinaryOperator, left, right: binary(level + 1) };
    }
    return left;
  };
  const expression = binary(0);
  if (position !== tokens.length) fail(`unexpected "${String(tokens[position]?.value)}"`);
  return expression;
}

function evaluate(expression: Expression, target: ConditionTarget): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'member':
      return (MEMBERS[expression.path] as (t: ConditionTarget) => Value)(target);
    case 'not':
      return !truthy(evaluate(expression.operand, target));
    case 'binary': {
      const left = evaluate(expression.left, target);
      if (expression.operator === '&&') return truthy(left) && truthy(evaluate(expression.right, target));
      if (expression.operator === '||') return truthy(left) || truthy(evaluate(expression.right, target));
      const right = evaluate(expression.right, target);
      switch (expression.operator) {
        case '==':
          return left === right;
        case '!=':
          return left !== right;
        default:
          // Comparing null (no issue here) with a number: false, as the condition cannot hold.
          if (typeof left !== 'number' || typeof right !== 'number') return false;
          return expression.operator === '<' ? left < right : expression.operator === '<=' ? left <= right : expression.operator === '>' ? left > right : left >= right;
      }
    }
  }
}

function truthy(value: Value): boolean {
  return value === true;
}

function namesOf(value: unknown, key: string): string[] {
  const names = Array.isArray(value) ? value : [value];
  if (names.length === 0 || !names.every((name) => typeof name === 'string')) {
    throw new DisplayConditionError(`display condition "${key}" takes a string or a list of strings`);
  }
  return names as string[];
}

function conditionsOf(value: unknown, where: string): DisplayCondition[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DisplayConditionError(`${where}: display conditions are an object of conditions`);
  }
  return Object.entries(value).map(([key, entry]): DisplayCondition => {
    switch (key) {
      case 'and':
        return { kind: 'all', of: conditionsOf(entry, `${where}.and`) };
      case 'or':
        return { kind: 'any', of: conditionsOf(entry, `${where}.or`) };
      case 'not':
        return { kind: 'not', condition: { kind: 'all', of: conditionsOf(entry, `${where}.not`) } };
      case 'issueType':
      case 'issueKey':
      case 'projectKey':
        return { kind: 'names', property: key, names: namesOf(entry, key) };
      case 'jiraExpression':
        if (typeof entry !== 'string') throw new DisplayConditionError(`${where}.jiraExpression must be a string`);
        return { kind: 'jiraExpression', source: entry, expression: parseJiraExpression(entry) };
      default:
        throw new DisplayConditionError(`${where}: display condition "${key}" is not modelled by the Throughline sandbox (see test/sandbox/host/display-conditions.ts)`);
    }
  });
}

/** Reads a module's `displayConditions`; throws DisplayConditionError for what it cannot model. */
export function parseDisplayConditions(raw: unknown, moduleKey: string): DisplayCondition {
  return { kind: 'all', of: conditionsOf(raw, `${moduleKey}.displayConditions`) };
}

export function conditionHolds(condition: DisplayCondition, target: ConditionTarget): boolean {
  switch (condition.kind) {
    case 'all':
      return condition.of.every((part) => conditionHolds(part, target));
    case 'any':
      return condition.of.some((part) => conditionHolds(part, target));
    case 'not':
      return !conditionHolds(condition.condition, target);
    case 'names': {
      const actual = condition.property === 'issueType' ? target.issueType?.name : condition.property === 'issueKey' ? target.issue?.key : target.project?.key;
      return actual !== undefined && condition.names.includes(actual);
    }
    case 'jiraExpression':
      // A Jira expression that is not `true` (false, or another type) hides the module.
      return truthy(evaluate(condition.expression, target));
  }
}

/** The condition as the manifest writes it, for notices. */
export function describeCondition(condition: DisplayCondition): string {
  switch (condition.kind) {
    case 'all':
      return condition.of.map(describeCondition).join(' and ');
    case 'any':
      return `(${condition.of.map(describeCondition).join(' or ')})`;
    case 'not':
      return `not (${describeCondition(condition.condition)})`;
    case 'names':
      return `${condition.property}: ${condition.names.join(', ')}`;
    case 'jiraExpression':
      return `jiraExpression: ${condition.source}`;
  }
}
