import type { JqlPosition } from './ast';
import { JqlError, VALID_ESCAPES_HINT, syntaxErrorAt } from './errors';
import { RESERVED_WORDS } from './reserved-words';

export type KeywordKind =
  | 'and'
  | 'or'
  | 'not'
  | 'in'
  | 'is'
  | 'empty'
  | 'order'
  | 'by'
  | 'asc'
  | 'desc'
  | 'was'
  | 'changed';

export type TokenKind =
  | 'word'
  | 'quoted'
  | 'number'
  | 'op'
  | '('
  | ')'
  | ','
  | '['
  | ']'
  | '!'
  | KeywordKind
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The value with quotes and escapes resolved (for keywords and symbols: the source text). */
  text: string;
  /** The source text, for "but got '…'" messages. */
  raw: string;
  position: JqlPosition;
}

const KEYWORDS: Record<string, KeywordKind> = {
  and: 'and',
  or: 'or',
  not: 'not',
  in: 'in',
  is: 'is',
  empty: 'empty',
  null: 'empty',
  order: 'order',
  by: 'by',
  asc: 'asc',
  desc: 'desc',
  was: 'was',
  changed: 'changed',
};

/** Characters that end an unquoted word (besides whitespace). */
const WORD_STOPS = new Set(['"', "'", '=', '!', '<', '>', '(', ')', '~', ',', '[', ']', '&', '|']);

/** Jira keeps these for future syntax: they must be quoted or escaped even inside a word. */
const RESERVED_CHARS = new Set(['{', '}', '*', '/', '%', '+', '^', '$', '#', '@', '?', ';']);

const SIMPLE_ESCAPES: Record<string, string> = {
  "'": "'",
  '"': '"',
  t: '\t',
  n: '\n',
  r: '\r',
  '\\': '\\',
  ' ': ' ',
};

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Control characters other than whitespace must be escaped, as in Jira. */
function isIllegalControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && !isWhitespace(ch)) || (code >= 0x7f && code <= 0x9f);
}

function hex4(ch: string): string {
  return ch.charCodeAt(0).toString(16).padStart(4, '0');
}

export function tokenize(text: string): Token[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionOf = (offset: number): JqlPosition => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return { line: line + 1, character: offset - (lineStarts[line] ?? 0) + 1 };
  };

  const illegalControl = (offset: number): JqlError => {
    const at = positionOf(offset);
    const ch = text[offset] ?? '';
    return syntaxErrorAt(
      `The character 'U+${hex4(ch).toUpperCase()}' on line ${at.line} at position ${at.character} must be escaped. Use the escape '\\u${hex4(ch)}' instead.`,
      at,
    );
  };

  /** Reads the escape at `offset` (a backslash); returns the character and the offset after it. */
  const readEscape = (offset: number): { value: string; next: number } => {
    const at = positionOf(offset);
    const ch = text[offset + 1];
    if (ch === undefined) {
      throw syntaxErrorAt(`The escape sequence has not been completed. ${VALID_ESCAPES_HINT}`, at);
    }
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) return { value: simple, next: offset + 2 };
    if (ch === 'u') {
      const digits = text.slice(offset + 2, offset + 6);
      if (/^[0-9a-fA-F]{4}$/.test(digits)) {
        return { value: String.fromCharCode(parseInt(digits, 16)), next: offset + 6 };
      }
      const shown = text.slice(offset, offset + 3);
      throw syntaxErrorAt(`'${shown}' is an illegal JQL escape sequence. ${VALID_ESCAPES_HINT}`, at);
    }
    throw syntaxErrorAt(
      `'\\${ch}' is an illegal JQL escape sequence. ${VALID_ESCAPES_HINT}`,
      at,
    );
  };

  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    const raw = text.slice(start, end);
    tokens.push({ kind, text: value ?? raw, raw, position: positionOf(start) });
  };

  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isWhitespace(ch)) {
      i++;
      continue;
    }
    const start = i;
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
      push('op', i, i + 2);
      i += 2;
    } else if (ch === '=' || ch === '~' || ch === '<' || ch === '>') {
      push('op', i, i + 1);
      i++;
    } else if (ch === '!') {
      push('!', i, i + 1);
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === '[' || ch === ']') {
      push(ch, i, i + 1);
      i++;
    } else if (ch === '&' || ch === '|') {
      // Jira's lexer reads `&`/`&&` as AND and `|`/`||` as OR.
      const end = text[i + 1] === ch ? i + 2 : i + 1;
      tokens.push({
        kind: ch === '&' ? 'and' : 'or',
        text: text.slice(i, end),
        raw: text.slice(i, end),
        position: positionOf(i),
      });
      i = end;
    } else if (ch === '"' || ch === "'") {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text[j] ?? '';
        if (c === ch) {
          closed = true;
          j++;
          break;
        }
        if (c === '\\') {
          const escape = readEscape(j);
          value += escape.value;
          j = escape.next;
          continue;
        }
        if (isIllegalControl(c)) throw illegalControl(j);
        value += c;
        j++;
      }
      if (!closed) {
        const shown = value.replace(/[\r\n]/g, ' ');
        throw syntaxErrorAt(
          shown
            ? `The quoted string '${shown}' has not been completed.`
            : 'The quoted string has not been completed.',
          positionOf(start),
        );
      }
      push('quoted', start, j, value);
      i = j;
    } else {
      let value = '';
      let j = i;
      while (j < text.length) {
        const c = text[j] ?? '';
        if (isWhitespace(c) || WORD_STOPS.has(c)) break;
        if (RESERVED_CHARS.has(c)) {
          throw syntaxErrorAt(
            `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${hex4(c)}' instead.`,
            positionOf(j),
          );
        }
        if (isIllegalControl(c)) throw illegalControl(j);
        if (c === '\\') {
          const escape = readEscape(j);
          value += escape.value;
          j = escape.next;
          continue;
        }
        value += c;
        j++;
      }
      const raw = text.slice(start, j);
      const keyword = raw === value ? KEYWORDS[value.toLowerCase()] : undefined;
      if (keyword) {
        push(keyword, start, j);
      } else if (raw === value && /^-?\d+$/.test(value)) {
        const n = BigInt(value);
        if (n < LONG_MIN || n > LONG_MAX) {
          throw syntaxErrorAt(
            `'${value}' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807.`,
            positionOf(start),
          );
        }
        push('number', start, j, value);
      } else {
        if (raw === value && RESERVED_WORDS.has(value.toLowerCase())) {
          throw syntaxErrorAt(
            `'${value}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`,
            positionOf(start),
          );
        }
        push('word', start, j, value);
      }
      i = j;
    }
  }
  tokens.push({ kind: 'eof', text: '', raw: '', position: positionOf(text.length) });
  return tokens;
}
