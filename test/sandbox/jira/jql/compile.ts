import type { SimIssue } from '../model';
import type { JqlClause, JqlNode, JqlOperand, JqlOperator, JqlQuery } from './ast';
import { operandDisplay } from './ast';
import type { JqlContext } from './context';
import { evaluateDateFunction, isDateFunction, parseDateLiteral, toMinute } from './dates';
import { messages, unsupported } from './errors';
import { resolveField } from './fields';
import type { PropertyValueType, ResolvedField } from './fields';
import { LIST_FUNCTIONS, SUPPORTED_FUNCTIONS, isKnownJiraFunction } from './functions';
import { STATUS_CATEGORIES, SiteIndex } from './site-index';
import { COMPARISON, NEVER, compare, dateValue, discrete, ordered, propertyValues } from './predicates';
import type { IssuePredicate, Wanted } from './predicates';
import { parseTextQuery, textQueryMessage } from './text-match';

export interface CompiledWhere {
  /** Jira-worded validation errors; the predicate must not be used unless this is empty. */
  errors: string[];
  matches: IssuePredicate;
}

type Item = Exclude<JqlOperand, { kind: 'list' }>;
type FunctionItem = Extract<Item, { kind: 'function' }>;

/** A lookup answers values, or the Jira message for why there are none. */
type Lookup<T> = (text: string) => T[] | string;

const EQUALITY: ReadonlySet<JqlOperator> = new Set(['=', '!=', 'in', 'not in', 'is', 'is not']);
const ORDERED: ReadonlySet<JqlOperator> = new Set([...EQUALITY, ...COMPARISON]);
const TEXT: ReadonlySet<JqlOperator> = new Set(['~', '!~', 'is', 'is not']);
const ALL: ReadonlySet<JqlOperator> = new Set([...ORDERED, '~', '!~']);
const LIST_OPERATORS: ReadonlySet<JqlOperator> = new Set(['in', 'not in']);
const EMPTY_OPERATORS: ReadonlySet<JqlOperator> = new Set(['=', '!=', '~', '!~', 'is', 'is not']);

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

function operatorsFor(field: ResolvedField): ReadonlySet<JqlOperator> {
  switch (field.kind) {
    case 'priority':
    case 'date':
    case 'number':
      return ORDERED;
    case 'issuekey':
      return new Set(['=', '!=', 'in', 'not in', ...COMPARISON]);
    case 'summary':
      return TEXT;
    case 'text':
      return new Set(['~']);
    case 'property':
      return propertyOperators(field.type);
    default:
      return EQUALITY;
  }
}

function propertyOperators(type: PropertyValueType | undefined): ReadonlySet<JqlOperator> {
  switch (type) {
    case 'number':
    case 'date':
      return ORDERED;
    case 'text':
      return TEXT;
    case 'string':
    case 'user':
      return EQUALITY;
    case undefined:
      return ALL;
  }
}

function flatten(operand: JqlOperand): Item[] {
  return operand.kind === 'list' ? operand.items.flatMap(flatten) : [operand];
}

function isNumeric(text: string): boolean {
  return /^-?\d+$/.test(text);
}

export function compileWhere(query: JqlQuery, ctx: JqlContext): CompiledWhere {
  const compiler = new WhereCompiler(new SiteIndex(ctx));
  const matches = query.where ? compiler.node(query.where) : () => true;
  return { errors: compiler.errors, matches };
}

class WhereCompiler {
  readonly errors: string[] = [];

  constructor(private readonly index: SiteIndex) {}

  node(node: JqlNode): IssuePredicate {
    switch (node.kind) {
      case 'and': {
        const children = node.children.map((c) => this.node(c));
        return (issue) => children.every((p) => p(issue));
      }
      case 'or': {
        const children = node.children.map((c) => this.node(c));
        return (issue) => children.some((p) => p(issue));
      }
      case 'not': {
        // NOT is a true complement in Jira: `NOT assignee = x` includes unassigned issues.
        const child = this.node(node.child);
        return (issue) => !child(issue);
      }
      case 'clause':
        return this.clause(node);
    }
  }

  private fail(message: string): IssuePredicate {
    this.errors.push(message);
    return NEVER;
  }

  private clause(clause: JqlClause): IssuePredicate {
    const field = resolveField(clause.field, this.index.site);
    if (field.kind === 'error') return this.fail(field.message);
    if (field.kind === 'rank') return this.fail(unsupported("searching by 'rank' (it can only be used in ORDER BY)"));
    if (!operatorsFor(field).has(clause.operator)) {
      if (field.kind === 'resolution' && COMPARISON.has(clause.operator)) {
        return this.fail(unsupported(`the operator '${clause.operator}' on 'resolution'`));
      }
      return this.fail(messages.operatorNotSupported(clause.operator, field.name));
    }
    if (!this.checkOperatorUsage(clause, field.name)) return NEVER;

    const { operator } = clause;
    const items = flatten(clause.operand);
    switch (field.kind) {
      case 'project':
        return this.byLookup(clause, field.name, items, (i) => [i.projectId], {
          text: (t) => {
            const found = this.index.projectsByKeyOrName(t).map((p) => p.id);
            if (found.length > 0) return found;
            const byId = isNumeric(t) ? this.index.projectById(t) : undefined;
            return byId ? [byId.id] : messages.valueDoesNotExist(field.name, t);
          },
          number: (n) => {
            const byId = this.index.projectById(n);
            return byId ? [byId.id] : messages.idDoesNotExist(field.name, n);
          },
        });
      case 'issuetype':
        return this.byLookup(clause, field.name, items, (i) => [i.issueTypeId], {
          text: (t) => {
            const lower = t.toLowerCase();
            const found = this.index.visibleIssueTypes.filter(
              (type) => type.name.toLowerCase() === lower || type.id === t,
            );
            return found.length > 0 ? found.map((type) => type.id) : messages.valueDoesNotExist(field.name, t);
          },
          number: (n) =>
            this.index.visibleIssueTypes.some((type) => type.id === n) ? [n] : messages.idDoesNotExist(field.name, n),
          functions: {
            standardissuetypes: (fn) => (this.noArguments(fn) ? this.typeIds((level) => level >= 0) : undefined),
            subtaskissuetypes: (fn) => (this.noArguments(fn) ? this.typeIds((level) => level === -1) : undefined),
          },
        });
      case 'status':
        return this.byLookup(clause, field.name, items, (i) => [i.statusId], {
          text: (t) => {
            const lower = t.toLowerCase();
            const found = this.index.site.statuses.filter((s) => s.name.toLowerCase() === lower || s.id === t);
            return found.length > 0 ? found.map((s) => s.id) : messages.valueDoesNotExist(field.name, t);
          },
          number: (n) =>
            this.index.site.statuses.some((s) => s.id === n) ? [n] : messages.idDoesNotExist(field.name, n),
        });
      case 'statusCategory':
        return this.byLookup(
          clause,
          field.name,
          items,
          (i) => {
            const category = this.index.statusCategoryOf(i);
            return category ? [category] : [];
          },
          {
            text: (t) => {
              const lower = t.toLowerCase();
              const found = STATUS_CATEGORIES.find(
                (c) => c.key === lower || c.name.toLowerCase() === lower || c.id === t,
              );
              return found ? [found.key] : messages.valueDoesNotExist(field.name, t);
            },
            number: (n) => {
              const found = STATUS_CATEGORIES.find((c) => c.id === n);
              return found ? [found.key] : messages.idDoesNotExist(field.name, n);
            },
          },
        );
      case 'sprint':
        return this.sprint(clause, field.name, items);
      case 'parent':
        return this.byLookup(clause, field.name, items, (i) => (i.parentId === undefined ? [] : [i.parentId]), {
          text: (t) => this.issueIdForKey(t, field.name),
          number: (n) => this.issueIdForId(n, field.name),
        });
      case 'issuekey':
        return this.issueKey(clause, field.name, items);
      case 'labels': {
        const lower = (t: string): string[] => [t.toLowerCase()];
        return this.byLookup(clause, field.name, items, (i) => i.labels.map((l) => l.toLowerCase()), {
          text: lower,
          number: lower,
        });
      }
      case 'user': {
        const exists = (t: string): string[] | string =>
          this.index.userExists(t) ? [t] : messages.valueDoesNotExist(field.name, t);
        const caller = this.index.callerAccountId;
        return this.byLookup(clause, field.name, items, (i) => {
          const id = field.get(i);
          return id === undefined ? [] : [id];
        }, {
          text: exists,
          number: exists,
          // Anonymous callers have no current user: the clause matches nothing, as in Jira.
          functions: { currentuser: (fn) => (this.noArguments(fn) && caller !== undefined ? [caller] : []) },
        });
      }
      case 'priority': {
        const weights = this.index.priorities;
        const wanted = this.collect(items, field.name, {
          text: (t) => {
            const weight = this.index.priorityWeight(t) ?? weights.find((p) => p.id === t)?.weight;
            return weight === undefined ? messages.valueDoesNotExist(field.name, t) : [weight];
          },
          number: (n) => {
            const weight = weights.find((p) => p.id === n)?.weight;
            return weight === undefined ? messages.idDoesNotExist(field.name, n) : [weight];
          },
        });
        if (!wanted) return NEVER;
        return ordered(operator, wanted, (i) => {
          const weight = this.index.priorityWeight(i.priorityName);
          return weight === undefined ? [] : [weight];
        });
      }
      case 'resolution':
        return this.resolution(clause, field.name, items);
      case 'summary':
      case 'text':
        return this.text(clause, field.name, items, (i) => [i.summary]);
      case 'date': {
        const wanted = this.collect(items, field.name, this.dateLookups(field.name));
        return wanted ? ordered(operator, wanted, (i) => dateValue(field.get(i))) : NEVER;
      }
      case 'number': {
        const wanted = this.collect(items, field.name, this.numberLookups(field.name));
        const ids = field.fieldIds;
        return wanted
          ? ordered(operator, wanted, (i) =>
              ids.map((id) => i.customFields[id]).filter((v): v is number => typeof v === 'number'),
            )
          : NEVER;
      }
      case 'property':
        return this.property(clause, field, items);
    }
  }

  /**
   * Jira's operator-usage rules, checked before any value: list operands only with IN/NOT IN,
   * EMPTY only with equality-like operators, IS only with EMPTY.
   */
  private checkOperatorUsage(clause: JqlClause, fieldName: string): boolean {
    const { operator, operand } = clause;
    // Whether a function we do not run returns a list is unknown: its own error says enough.
    if (operand.kind === 'function' && !SUPPORTED_FUNCTIONS.has(operand.name.toLowerCase())) return true;
    const before = this.errors.length;
    const shown = operandDisplay(operand);
    const isList =
      operand.kind === 'list' || (operand.kind === 'function' && LIST_FUNCTIONS.has(operand.name.toLowerCase()));
    if (isList && !LIST_OPERATORS.has(operator)) {
      this.errors.push(messages.listValueNotSupported(operator, shown, fieldName));
    }
    if (!isList && LIST_OPERATORS.has(operator)) {
      this.errors.push(messages.nonListValueNotSupported(operator, shown, fieldName));
    }
    if (operand.kind === 'empty' && !EMPTY_OPERATORS.has(operator)) {
      this.errors.push(messages.emptyNotSupported(operator, fieldName));
    }
    if (operand.kind !== 'empty' && (operator === 'is' || operator === 'is not')) {
      this.errors.push(messages.isOnlySupportsEmpty(operator, fieldName));
    }
    return this.errors.length === before;
  }

  /**
   * Resolves every item of the operand. Unknown values are reported (all of them, as Jira does)
   * and make the result undefined.
   */
  private collect<T>(
    items: Item[],
    fieldName: string,
    lookups: {
      text: Lookup<T>;
      number: Lookup<T>;
      functions?: Record<string, (fn: FunctionItem) => T[] | undefined>;
    },
  ): Wanted<T> | undefined {
    const wanted: Wanted<T> = { values: [], empty: false };
    let ok = true;
    const add = (result: T[] | string | undefined): void => {
      if (result === undefined) ok = false;
      else if (typeof result === 'string') {
        this.errors.push(result);
        ok = false;
      } else wanted.values.push(...result);
    };
    for (const item of items) {
      switch (item.kind) {
        case 'empty':
          wanted.empty = true;
          break;
        case 'string':
          add(lookups.text(item.value));
          break;
        case 'number':
          add(lookups.number(item.value));
          break;
        case 'function':
          add(this.callFunction(item, fieldName, lookups.functions ?? {}));
          break;
      }
    }
    return ok ? wanted : undefined;
  }

  private callFunction<T>(
    fn: FunctionItem,
    fieldName: string,
    handlers: Record<string, (fn: FunctionItem) => T[] | undefined>,
  ): T[] | undefined {
    const lower = fn.name.toLowerCase();
    const handler = handlers[lower];
    if (handler) return handler(fn);
    if (SUPPORTED_FUNCTIONS.has(lower)) this.errors.push(messages.functionValueInvalid(fn.name, fieldName));
    else if (isKnownJiraFunction(lower)) this.errors.push(unsupported(`the function '${fn.name}()'`));
    else this.errors.push(messages.unknownFunction(fn.name));
    return undefined;
  }

  private noArguments(fn: FunctionItem): boolean {
    if (fn.args.length === 0) return true;
    this.errors.push(messages.functionArity(fn.name, "'0'", fn.args.length));
    return false;
  }

  private byLookup(
    clause: JqlClause,
    fieldName: string,
    items: Item[],
    get: (issue: SimIssue) => readonly string[],
    lookups: {
      text: Lookup<string>;
      number: Lookup<string>;
      functions?: Record<string, (fn: FunctionItem) => string[] | undefined>;
    },
  ): IssuePredicate {
    const wanted = this.collect(items, fieldName, lookups);
    return wanted ? discrete(clause.operator, wanted, get) : NEVER;
  }

  private typeIds(levelMatches: (level: number) => boolean): string[] {
    return this.index.visibleIssueTypes.filter((type) => levelMatches(type.hierarchyLevel)).map((type) => type.id);
  }

  private issueIdForKey(text: string, fieldName: string): string[] | string {
    if (isNumeric(text)) return this.issueIdForId(text, fieldName);
    if (!ISSUE_KEY.test(text)) return messages.issueKeyInvalid(text, fieldName);
    const issue = this.index.visibleIssueByKey(text);
    return issue ? [issue.id] : messages.issueKeyDoesNotExist(text, fieldName);
  }

  private issueIdForId(id: string, fieldName: string): string[] | string {
    const issue = this.index.visibleIssueById(id);
    return issue ? [issue.id] : messages.idDoesNotExist(fieldName, id);
  }

  private issueKey(clause: JqlClause, fieldName: string, items: Item[]): IssuePredicate {
    if (COMPARISON.has(clause.operator) && items.some((item) => item.kind === 'number')) {
      return this.fail(unsupported(`comparing issue ids with '${clause.operator}' (compare keys instead)`));
    }
    const wanted = this.collect(items, fieldName, {
      text: (t) => this.issueIdForKey(t, fieldName),
      number: (n) => this.issueIdForId(n, fieldName),
    });
    if (!wanted) return NEVER;
    if (!COMPARISON.has(clause.operator)) return discrete(clause.operator, wanted, (i) => [i.id]);
    // `key > THR-5`: later issues of the same project, by number.
    const bound = this.index.visibleIssueById(wanted.values[0] ?? '');
    const parsed = bound ? ISSUE_KEY.exec(bound.key) : null;
    if (!bound || !parsed) return NEVER;
    const projectId = bound.projectId;
    return compare(clause.operator, Number(parsed[2]), (issue) => {
      if (issue.projectId !== projectId) return [];
      const match = ISSUE_KEY.exec(issue.key);
      return match ? [Number(match[2])] : [];
    });
  }

  private sprint(clause: JqlClause, fieldName: string, items: Item[]): IssuePredicate {
    const sprints = this.index.sprints;
    const ids = (state: 'active' | 'closed' | 'future') => (fn: FunctionItem) =>
      this.noArguments(fn) ? sprints.filter((s) => s.state === state).map((s) => String(s.id)) : undefined;
    const byName = (t: string): string[] => {
      const lower = t.toLowerCase();
      return sprints.filter((s) => s.name.toLowerCase() === lower).map((s) => String(s.id));
    };
    const byId = (t: string): string[] => (sprints.some((s) => String(s.id) === t) ? [t] : []);
    return this.byLookup(clause, fieldName, items, (i) => i.sprintIds.map(String), {
      text: (t) => {
        const found = byName(t);
        if (found.length > 0) return found;
        const numeric = isNumeric(t) ? byId(t) : [];
        return numeric.length > 0 ? numeric : messages.valueDoesNotExist(fieldName, t);
      },
      number: (n) => {
        const found = byId(n);
        if (found.length > 0) return found;
        const named = byName(n);
        return named.length > 0 ? named : messages.idDoesNotExist(fieldName, n);
      },
      functions: { opensprints: ids('active'), closedsprints: ids('closed'), futuresprints: ids('future') },
    });
  }

  /**
   * The sandbox has one resolution, Done, set exactly when the status category is done;
   * "Unresolved" is Jira's name for the empty resolution.
   */
  private resolution(clause: JqlClause, fieldName: string, items: Item[]): IssuePredicate {
    let unresolved = false;
    const wanted = this.collect<string>(items, fieldName, {
      text: (t) => {
        const lower = t.toLowerCase();
        if (lower === 'unresolved') {
          unresolved = true;
          return [];
        }
        return lower === 'done' ? ['done'] : messages.valueDoesNotExist(fieldName, t);
      },
      number: (n) => messages.idDoesNotExist(fieldName, n),
    });
    if (!wanted) return NEVER;
    return discrete(clause.operator, { values: wanted.values, empty: wanted.empty || unresolved }, (i) =>
      this.index.statusCategoryOf(i) === 'done' ? ['done'] : [],
    );
  }

  private text(
    clause: JqlClause,
    fieldName: string,
    items: Item[],
    get: (issue: SimIssue) => readonly string[],
  ): IssuePredicate {
    const present = (issue: SimIssue): string[] => get(issue).filter((t) => t.trim() !== '');
    if (clause.operator === 'is') return (issue) => present(issue).length === 0;
    if (clause.operator === 'is not') return (issue) => present(issue).length > 0;
    const item = items[0];
    if (!item) return NEVER;
    let query: string;
    switch (item.kind) {
      case 'empty': {
        const empty = (issue: SimIssue): boolean => present(issue).length === 0;
        return clause.operator === '~' ? empty : (issue) => !empty(issue);
      }
      case 'function':
        this.callFunction(item, fieldName, {});
        return NEVER;
      default:
        query = item.value;
    }
    if (query.trim() === '') return this.fail(messages.emptyTextNotSupported(fieldName));
    const parsed = parseTextQuery(query);
    if (!parsed.ok) return this.fail(textQueryMessage(parsed.error, query, fieldName));
    const found = (issue: SimIssue): boolean => present(issue).some(parsed.matches);
    return clause.operator === '~' ? found : (issue) => present(issue).length > 0 && !found(issue);
  }

  private dateLookups(fieldName: string) {
    const text: Lookup<number> = (t) => {
      const ms = parseDateLiteral(t, this.index.now, this.index.timeZone);
      return ms === undefined ? messages.invalidDate(t, fieldName) : [toMinute(ms)];
    };
    const functions: Record<string, (fn: FunctionItem) => number[] | undefined> = {};
    for (const name of SUPPORTED_FUNCTIONS) {
      if (!isDateFunction(name)) continue;
      functions[name] = (fn) => {
        const result = evaluateDateFunction(fn.name, fn.args, this.index.now, this.index.firstDayOfWeek, this.index.timeZone);
        if (result.ok) return [toMinute(result.ms)];
        this.errors.push(
          result.error === 'duration'
            ? messages.badDuration(fn.name)
            : messages.functionArity(fn.name, name === 'now' ? "'0'" : "between '0' and '1'", fn.args.length),
        );
        return undefined;
      };
    }
    // An unquoted integer is milliseconds since the epoch, as in Jira.
    return { text, number: (n: string) => [toMinute(Number(n))], functions };
  }

  private numberLookups(fieldName: string) {
    const parse: Lookup<number> = (t) =>
      /^\s*-?\d+(?:\.\d+)?\s*$/.test(t) ? [Number(t)] : messages.notANumber(t, fieldName);
    return { text: parse, number: parse };
  }

  private property(
    clause: JqlClause,
    field: Extract<ResolvedField, { kind: 'property' }>,
    items: Item[],
  ): IssuePredicate {
    const { operator } = clause;
    const values = (issue: SimIssue) => propertyValues(issue, field.key, field.path);
    switch (field.type) {
      case undefined: {
        // A path no module indexes is not an error in Jira: it simply has no value on any issue.
        if (operator === '~' || operator === '!~') return this.text(clause, field.name, items, () => []);
        const same = (t: string): string[] => [t];
        const wanted = this.collect(items, field.name, { text: same, number: same });
        if (!wanted) return NEVER;
        return COMPARISON.has(operator) ? NEVER : discrete(operator, wanted, () => []);
      }
      case 'number': {
        const wanted = this.collect(items, field.name, this.numberLookups(field.name));
        return wanted
          ? ordered(operator, wanted, (i) => values(i).filter((v): v is number => typeof v === 'number'))
          : NEVER;
      }
      case 'date': {
        const wanted = this.collect(items, field.name, this.dateLookups(field.name));
        return wanted
          ? ordered(operator, wanted, (i) =>
              values(i).flatMap((v) => (typeof v === 'string' ? dateValue(v) : [])),
            )
          : NEVER;
      }
      case 'text':
        return this.text(clause, field.name, items, (i) => values(i).map(String));
      case 'string':
      case 'user': {
        const caller = this.index.callerAccountId;
        const same = (t: string): string[] => [t];
        const wanted = this.collect(items, field.name, {
          text: same,
          number: same,
          functions:
            field.type === 'user'
              ? { currentuser: (fn) => (this.noArguments(fn) && caller !== undefined ? [caller] : []) }
              : {},
        });
        return wanted ? discrete(operator, wanted, (i) => values(i).map(String)) : NEVER;
      }
    }
  }
}
