/**
 * A KPI's JQL is always run as `project = <id> AND (<the user's JQL>)`, so it can count only the
 * product's own project. Wrapping in parentheses is safe only when the user's JQL cannot close
 * them: these checks make sure quotes and parentheses balance (Jira itself rejects anything else
 * that is broken, and its message is shown next to the field).
 */
import { limits } from './limits';
import { coded } from '../domain/text-codes';

interface Scan {
  /** Why the text cannot be wrapped, if it cannot. */
  problem?: string;
  /** Where a top-level `ORDER BY` starts, if there is one (the last one). */
  orderByAt?: number;
}

function scan(jql: string): Scan {
  let quote: string | undefined;
  let depth = 0;
  let orderByAt: number | undefined;
  for (let i = 0; i < jql.length; i += 1) {
    const char = jql[i] as string;
    if (char === '\\') {
      i += 1; // JQL escapes the next character, inside quotes and out
      continue;
    }
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth < 0) return { problem: coded('validation.jqlUnopenedParenthesis') };
    } else if (depth === 0 && /[oO]/.test(char) && /^order\s+by\b/i.test(jql.slice(i)) && (i === 0 || /[\s)]/.test(jql[i - 1] as string))) {
      orderByAt = i;
    }
  }
  if (quote) return { problem: coded(quote === '"' ? 'validation.jqlUnclosedDoubleQuote' : 'validation.jqlUnclosedSingleQuote') };
  if (depth > 0) return { problem: coded('validation.jqlOpenParenthesis') };
  return orderByAt === undefined ? {} : { orderByAt };
}

/** The JQL without a trailing `ORDER BY …`: counting ignores order, and it cannot sit inside parentheses. */
export function withoutOrderBy(jql: string): string {
  const { orderByAt } = scan(jql);
  return (orderByAt === undefined ? jql : jql.slice(0, orderByAt)).trim();
}

/** Why this JQL cannot be used as a KPI source, as a coded text (src/domain/text-codes.ts `coded`); undefined when it can. */
export function jqlProblem(jql: string): string | undefined {
  if (jql.trim() === '') return coded('validation.enterJql');
  if (jql.length > limits.jqlLength) return coded('validation.jqlTooLong', { max: limits.jqlLength });
  const { problem } = scan(jql);
  if (problem) return problem;
  if (withoutOrderBy(jql) === '') return coded('validation.jqlOrderByOnly');
  return undefined;
}

/** The JQL as the app runs it: limited to the product's project, whatever the user wrote. */
export function projectScopedJql(projectId: string, jql: string): string {
  if (!/^\d+$/.test(projectId)) throw new Error(`A project id is numeric, got '${projectId}'`);
  const problem = jqlProblem(jql);
  if (problem) throw new Error(`Refusing to run unchecked JQL: ${problem}`);
  return `project = ${projectId} AND (${withoutOrderBy(jql)})`;
}
