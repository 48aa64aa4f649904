import type {
  JqlClause,
  JqlFieldRef,
  JqlNode,
  JqlOperand,
  JqlOperator,
  JqlOrderItem,
  JqlQuery,
} from './ast';
import {
  JqlError,
  VALID_OPERATORS_HINT,
  syntaxErrorAt,
  syntaxErrorAtEnd,
  unsupported,
} from './errors';
import { tokenize } from './tokenizer';
import type { Token, TokenKind } from './tokenizer';

/**
 * Recursive descent over Jira's JQL grammar:
 *
 *   query    := [or] [ORDER BY item ("," item)*]
 *   or       := and (OR and)*
 *   and      := not (AND not)*
 *   not      := (NOT | "!") not | "(" or ")" | clause
 *   clause   := field operator operand
 *   field    := word | number | "cf" "[" number "]" | word "[" arg "]" [".path"]
 *   operand  := EMPTY | value | function | "(" operand ("," operand)* ")"
 *
 * Error messages follow Jira's parser word for word where Jira's tests pin them down.
 */
export function parseJql(text: string): JqlQuery {
  return new Parser(text).parseQuery();
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseQuery(): JqlQuery {
    let where: JqlNode | undefined;
    if (this.peek().kind !== 'eof' && this.peek().kind !== 'order') {
      where = this.parseOr();
    }
    const orderBy = this.peek().kind === 'order' ? this.parseOrderBy() : [];
    const next = this.peek();
    if (next.kind !== 'eof') throw this.expected("either 'OR' or 'AND'", next);
    return where ? { jql: this.text, where, orderBy } : { jql: this.text, orderBy };
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private expected(what: string, got: Token, hint = ''): JqlError {
    if (got.kind === 'eof') {
      return syntaxErrorAtEnd(`Expecting ${what} before the end of the query.${hint ? ` ${hint}` : ''}`);
    }
    return syntaxErrorAt(`Expecting ${what} but got '${got.raw}'.${hint ? ` ${hint}` : ''}`, got.position);
  }

  private expect(kind: TokenKind, what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw this.expected(what, token);
    return this.advance();
  }

  private parseOr(): JqlNode {
    const children = [this.parseAnd()];
    while (this.peek().kind === 'or') {
      this.advance();
      children.push(this.parseAnd());
    }
    const [only] = children;
    return children.length === 1 && only ? only : { kind: 'or', children };
  }

  private parseAnd(): JqlNode {
    const children = [this.parseNot()];
    while (this.peek().kind === 'and') {
      this.advance();
      children.push(this.parseNot());
    }
    const [only] = children;
    return children.length === 1 && only ? only : { kind: 'and', children };
  }

  private parseNot(): JqlNode {
    const token = this.peek();
    if (token.kind === 'not' || token.kind === '!') {
      this.advance();
      return { kind: 'not', child: this.parseNot() };
    }
    if (token.kind === '(') {
      this.advance();
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== ')') {
        throw close.kind === 'eof'
          ? this.expected("')'", close)
          : this.expected("either 'OR' or 'AND'", close);
      }
      this.advance();
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlClause {
    const position = this.peek().position;
    const field = this.parseField();
    const operator = this.parseOperator();
    const operand = this.parseOperand();
    return { kind: 'clause', field, operator, operand, position };
  }

  private parseField(): JqlFieldRef {
    const token = this.peek();
    if (token.kind === 'eof') {
      throw syntaxErrorAtEnd('Expecting a field name at the end of the query.');
    }
    if (token.kind === '[') {
      throw syntaxErrorAt("Expecting a field name but got '['. Did you mean 'cf['?", token.position);
    }
    if (token.kind === 'word' && token.text.toLowerCase() === 'cf') {
      this.advance();
      return this.parseCustomFieldId();
    }
    if (token.kind !== 'word' && token.kind !== 'quoted' && token.kind !== 'number') {
      throw syntaxErrorAt(
        `Expecting a field name but got '${token.raw}'. You must surround '${token.raw}' in quotation marks to use it as a field name.`,
        token.position,
      );
    }
    if (token.text === '') throw syntaxErrorAt('A field name cannot be empty.', token.position);
    this.advance();
    if (this.peek().kind !== '[') return { kind: 'name', name: token.text };

    // `issue.property[key].path`: the path arrives as the word after `]`, dot included.
    this.advance();
    const key = this.peek();
    if (key.kind !== 'word' && key.kind !== 'quoted' && key.kind !== 'number') {
      throw this.expected('a property key', key);
    }
    this.advance();
    this.expect(']', "']'");
    let path = '';
    const after = this.peek();
    if (after.kind === 'word' && after.text.startsWith('.')) {
      this.advance();
      path = after.text.slice(1);
    }
    return { kind: 'property', entity: token.text, key: key.text, path };
  }

  private parseCustomFieldId(): JqlFieldRef {
    this.expect('[', "'['");
    const id = this.peek();
    if (id.kind !== 'number' || id.text.startsWith('-')) {
      throw this.expected('a custom field id (a positive number)', id);
    }
    this.advance();
    this.expect(']', "']'");
    return { kind: 'customField', id: id.text };
  }

  private parseOperator(): JqlOperator {
    const token = this.peek();
    switch (token.kind) {
      case 'op':
        this.advance();
        return token.text as JqlOperator;
      case 'in':
        this.advance();
        return 'in';
      case 'not':
        this.advance();
        this.expect('in', "'IN'");
        return 'not in';
      case 'is': {
        this.advance();
        const next = this.peek();
        if (next.kind === 'not') {
          this.advance();
          return 'is not';
        }
        if (next.kind === '!') throw this.expected("'NOT'", next);
        return 'is';
      }
      case 'was':
      case 'changed':
        throw new JqlError([
          unsupported(`the ${token.kind.toUpperCase()} operator (issue history is not simulated)`),
        ]);
      default:
        throw this.expected('operator', token, VALID_OPERATORS_HINT);
    }
  }

  private parseOperand(): JqlOperand {
    const token = this.peek();
    if (token.kind === 'empty') {
      this.advance();
      return { kind: 'empty' };
    }
    if (token.kind === '(') {
      this.advance();
      const items = [this.parseOperand()];
      while (this.peek().kind === ',') {
        this.advance();
        items.push(this.parseOperand());
      }
      this.expect(')', "')'");
      return { kind: 'list', items };
    }
    if (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'number') {
      this.advance();
      if (this.peek().kind === '(') return this.parseFunctionCall(token);
      if (token.kind === 'number') return { kind: 'number', value: token.text };
      return { kind: 'string', value: token.text, quoted: token.kind === 'quoted' };
    }
    if (token.kind === 'eof') {
      throw syntaxErrorAtEnd('Expecting either a value, list or function before the end of the query.');
    }
    throw syntaxErrorAt(
      `Expecting either a value, list or function but got '${token.raw}'. You must surround '${token.raw}' in quotation marks to use it as a value.`,
      token.position,
    );
  }

  private parseFunctionCall(name: Token): JqlOperand {
    if (name.text === '') throw syntaxErrorAt('A function name cannot be empty.', name.position);
    this.advance();
    const args: string[] = [];
    if (this.peek().kind === ')') {
      this.advance();
      return { kind: 'function', name: name.text, args };
    }
    for (;;) {
      const arg = this.peek();
      if (arg.kind === 'word' || arg.kind === 'quoted' || arg.kind === 'number') {
        this.advance();
        args.push(arg.text);
      } else if (args.length === 0 && arg.kind !== 'eof') {
        // Jira reports the first token inside `func(` as an unclosed call, not a bad argument.
        if (arg.kind === ',') throw this.expected("')'", arg);
        throw syntaxErrorAt(
          `Expecting a function argument but got '${arg.raw}'. You must surround '${arg.raw}' in quotation marks to use it as an argument.`,
          arg.position,
        );
      } else if (arg.kind === 'eof') {
        throw args.length === 0
          ? this.expected("')'", arg)
          : syntaxErrorAtEnd('Expecting a function argument at the end of the query.');
      } else {
        throw syntaxErrorAt('Function argument must be specified.', arg.position);
      }
      const next = this.peek();
      if (next.kind === ')') {
        this.advance();
        return { kind: 'function', name: name.text, args };
      }
      if (next.kind === ',') {
        this.advance();
        continue;
      }
      if (next.kind === 'eof') throw this.expected("')'", next);
      throw this.expected("')' or ','", next);
    }
  }

  private parseOrderBy(): JqlOrderItem[] {
    this.advance();
    this.expect('by', "'by'");
    const items: JqlOrderItem[] = [];
    for (;;) {
      const position = this.peek().position;
      const field = this.parseField();
      const next = this.peek();
      let direction: 'asc' | 'desc' | undefined;
      if (next.kind === 'asc' || next.kind === 'desc') {
        this.advance();
        direction = next.kind;
      }
      items.push(direction ? { field, direction, position } : { field, position });
      const after = this.peek();
      if (after.kind === ',') {
        this.advance();
        continue;
      }
      if (after.kind === 'eof') return items;
      throw direction ? this.expected("','", after) : this.expected("either 'ASC' or 'DESC'", after);
    }
  }
}
