/**
 * The parsed form of a JQL query. Plain data: the parser knows nothing about a site, so the same
 * query can be validated and evaluated against any site (see ./compile.ts).
 */

export type JqlOperator =
  | '='
  | '!='
  | '~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | 'is'
  | 'is not';

/** 1-based, as Jira reports it: "(line 1, character 15)". */
export interface JqlPosition {
  line: number;
  character: number;
}

export type JqlFieldRef =
  /** As written, quotes removed: `project`, `"Story Points"`, `throughlineGoal`. */
  | { kind: 'name'; name: string }
  /** `cf[10016]`; the id stays a string so a huge id cannot lose digits. */
  | { kind: 'customField'; id: string }
  /** `issue.property[key].path`; `entity` is the part before the bracket, e.g. `issue.property`. */
  | { kind: 'property'; entity: string; key: string; path: string };

export type JqlOperand =
  | { kind: 'string'; value: string; quoted: boolean }
  /** An unquoted integer. Jira treats these as ids where a field has ids (`project = 10000`). */
  | { kind: 'number'; value: string }
  | { kind: 'empty' }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'list'; items: JqlOperand[] };

export interface JqlClause {
  kind: 'clause';
  field: JqlFieldRef;
  operator: JqlOperator;
  operand: JqlOperand;
  position: JqlPosition;
}

export type JqlNode =
  | JqlClause
  | { kind: 'and'; children: JqlNode[] }
  | { kind: 'or'; children: JqlNode[] }
  | { kind: 'not'; child: JqlNode };

export interface JqlOrderItem {
  field: JqlFieldRef;
  /** Absent when the query names none: each field then sorts in its own default direction. */
  direction?: 'asc' | 'desc';
  position: JqlPosition;
}

export interface JqlQuery {
  jql: string;
  /** Absent for an empty query or a bare `ORDER BY …`: every issue matches. */
  where?: JqlNode;
  orderBy: JqlOrderItem[];
}

export function fieldDisplayName(field: JqlFieldRef): string {
  switch (field.kind) {
    case 'name':
      return field.name;
    case 'customField':
      return `cf[${field.id}]`;
    case 'property':
      return `${field.entity}[${field.key}]${field.path ? `.${field.path}` : ''}`;
  }
}

/** How Jira prints an operand inside its operator-usage messages. */
export function operandDisplay(operand: JqlOperand): string {
  switch (operand.kind) {
    case 'string':
      return `"${operand.value}"`;
    case 'number':
      return operand.value;
    case 'empty':
      return 'EMPTY';
    case 'function':
      return `${operand.name}(${operand.args.join(', ')})`;
    case 'list':
      return `(${operand.items.map(operandDisplay).join(', ')})`;
  }
}
