/**
 * `summary ~ "…"`: the string is a Lucene classic query, parsed and matched the way Jira's text
 * index does it, so that text Jira refuses is refused here and text Jira ignores is ignored here.
 *
 * - Syntax: Lucene's query parser. Jira first escapes `:` (and a `\` that escapes nothing), then
 *   every other special character `+ - & | ! ( ) { } [ ] ^ ~ * ? "` keeps its Lucene meaning, so an
 *   unescaped one that does not form valid syntax answers 400 for the whole query.
 *   https://support.atlassian.com/jira-software-cloud/docs/search-syntax-for-text-fields/
 *   (Jira's TextQueryValidator: `queryParser.parse(TextTermEscaper.escape(query))`, messages
 *   `jira.jql.text.clause.does.not.parse`, `.bad.start.in.wildcard`, `.incorrect.range.query`).
 * - Words: case-insensitive; English stop words are neither indexed nor searched; the rest are
 *   folded by a light stemmer, on both the summary and the query.
 * - Wildcards `*` `?` are not analysed (Lucene never analyses wildcard terms): `check*` is matched
 *   against the stems in the index, so `performance*` does not find "Checkout performance" (indexed
 *   as `performanc`) while `perf*` and `performance` do. A leading wildcard is refused.
 * - Terms without an operator are all required (Jira Cloud's default is AND); `OR`/`||`, `AND`/`&&`,
 *   `NOT`/`!`/`-`, `+` and groups follow Lucene's BooleanQuery rules. A query whose words are all
 *   stop words matches nothing, as Lucene's empty query does. Fuzzy `~` and boosts `^n` are
 *   accepted and ignored, as Jira Cloud documents.
 */

import { messages, unsupported } from './errors';

/**
 * Lucene's English stop words (StopAnalyzer.ENGLISH_STOP_WORDS_SET), which Jira's English
 * analyser drops. https://lucene.apache.org/core/8_11_0/core/org/apache/lucene/analysis/en/EnglishAnalyzer.html
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of',
  'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The summary or the query word as the index sees it: lower case, stop words gone, stemmed. */
export function analyse(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => !ENGLISH_STOP_WORDS.has(w)).map(stem);
}

/** Applied to both sides, so it only has to be consistent: release/released/releases → releas. */
function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Why Lucene refused the text; compile.ts words it as Jira does. */
export type TextQueryError = 'syntax' | 'range' | 'leading-wildcard' | 'range-unsupported';

type Occur = 'must' | 'should' | 'must-not';

type TextNode =
  | { kind: 'words'; stems: string[] } // one word is a term, several (or a quoted phrase) a phrase
  | { kind: 'wildcard'; pattern: RegExp }
  | { kind: 'bool'; clauses: Array<{ occur: Occur; node: TextNode }> };

export type ParsedTextQuery = { ok: true; matches: (haystack: string) => boolean } | { ok: false; error: TextQueryError };

class TextSyntaxError extends Error {
  constructor(readonly reason: TextQueryError) {
    super(reason);
  }
}

/** Characters a backslash may escape in Jira; any other backslash is a literal one (TextTermEscaper). */
const ESCAPABLE = new Set(['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', '"', '\\']);
/** Lucene's _TERM_START_CHAR excludes these (and whitespace); `:` and `\` are handled by Jira's escaping. */
const NOT_TERM_START = new Set(['+', '-', '!', '(', ')', '^', '[', ']', '"', '{', '}', '~', '*', '?']);

type Token =
  | { kind: 'and' | 'or' | 'not' | 'plus' | 'minus' | 'lparen' | 'rparen' | 'star' }
  | { kind: 'term'; chars: Array<{ ch: string; escaped: boolean }> }
  | { kind: 'quoted'; text: string }
  | { kind: 'range' }
  | { kind: 'slop' }
  | { kind: 'boost' };

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

function tokenize(text: string): Token[] {
  const chars = Array.from(text);
  const tokens: Token[] = [];
  let i = 0;
  const readEscape = (): { ch: string; escaped: boolean } => {
    const next = chars[i + 1];
    if (chars[i] === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      i += 2;
      return { ch: next, escaped: true };
    }
    const ch = chars[i]!;
    i += 1;
    return { ch, escaped: ch === '\\' || ch === ':' };
  };
  while (i < chars.length) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (isSpace(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen' });
      i += 1;
    } else if (ch === '+' || ch === '-' || ch === '!') {
      tokens.push({ kind: ch === '+' ? 'plus' : ch === '-' ? 'minus' : 'not' });
      i += 1;
    } else if ((ch === '&' && next === '&') || (ch === '|' && next === '|')) {
      // Two characters is also the length of a term "&&"; Lucene's grammar lists AND/OR first.
      const after = chars[i + 2];
      if (after === undefined || isSpace(after) || NOT_TERM_START.has(after) || after === '\\') {
        tokens.push({ kind: ch === '&' ? 'and' : 'or' });
        i += 2;
      } else {
        tokens.push(readTerm());
      }
    } else if (ch === '"') {
      let j = i + 1;
      let body = '';
      while (j < chars.length && chars[j] !== '"') {
        if (chars[j] === '\\' && j + 1 < chars.length) {
          body += chars[j + 1];
          j += 2;
        } else {
          body += chars[j];
          j += 1;
        }
      }
      if (j >= chars.length) throw new TextSyntaxError('syntax');
      tokens.push({ kind: 'quoted', text: body });
      i = j + 1;
    } else if (ch === '[' || ch === '{') {
      i = readRange(chars, i);
      tokens.push({ kind: 'range' });
    } else if (ch === ']' || ch === '}') {
      throw new TextSyntaxError('syntax');
    } else if (ch === '^') {
      const match = /^\^\d+(?:\.\d+)?/.exec(chars.slice(i).join(''));
      if (!match) throw new TextSyntaxError('syntax');
      tokens.push({ kind: 'boost' });
      i += Array.from(match[0]).length;
    } else if (ch === '~') {
      const match = /^~(?:\d+(?:\.\d+)?)?/.exec(chars.slice(i).join(''))!;
      tokens.push({ kind: 'slop' });
      i += Array.from(match[0]).length;
    } else if (ch === '*' && (next === undefined || isSpace(next) || NOT_TERM_START.has(next))) {
      tokens.push({ kind: 'star' });
      i += 1;
    } else {
      tokens.push(readTerm());
    }
  }
  return tokens;

  function readTerm(): Token {
    const termChars: Array<{ ch: string; escaped: boolean }> = [readEscape()];
    while (i < chars.length) {
      const ch = chars[i]!;
      if (isSpace(ch)) break;
      // Inside a term Lucene also accepts `-` `+` `*` `?`; every other special ends it.
      if (NOT_TERM_START.has(ch) && ch !== '-' && ch !== '+' && ch !== '*' && ch !== '?') break;
      termChars.push(readEscape());
    }
    const plain = termChars.map((c) => (c.escaped ? '\u0000' : c.ch)).join('');
    if (plain === 'AND') return { kind: 'and' };
    if (plain === 'OR') return { kind: 'or' };
    if (plain === 'NOT') return { kind: 'not' };
    return { kind: 'term', chars: termChars };
  }
}

/** `[a TO b]` / `{a TO b}`; anything else after the bracket is Lucene's range error. */
function readRange(chars: string[], start: number): number {
  const close = chars[start] === '[' ? ']' : '}';
  let j = start + 1;
  const parts: string[] = [];
  let current = '';
  while (j < chars.length && chars[j] !== ']' && chars[j] !== '}') {
    if (isSpace(chars[j])) {
      if (current) parts.push(current);
      current = '';
    } else current += chars[j];
    j += 1;
  }
  if (current) parts.push(current);
  const valid = j < chars.length && (chars[j] === close || chars[j] === ']' || chars[j] === '}') && parts.length === 3 && parts[1] === 'TO';
  if (!valid) throw new TextSyntaxError('range');
  return j + 1;
}

class TextParser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): TextNode | null {
    const node = this.query();
    if (this.at < this.tokens.length) throw new TextSyntaxError('syntax');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private startsClause(token: Token | undefined): boolean {
    return token !== undefined && ['not', 'plus', 'minus', 'lparen', 'star', 'term', 'quoted', 'range'].includes(token.kind);
  }

  /** Lucene's Query production and its addClause rules, with AND as the default operator. */
  private query(): TextNode | null {
    const clauses: Array<{ occur: Occur; node: TextNode }> = [];
    let first = true;
    for (;;) {
      let conj: 'and' | 'or' | undefined;
      if (!first) {
        const token = this.peek();
        if (token?.kind === 'and' || token?.kind === 'or') {
          conj = token.kind;
          this.at += 1;
        } else if (!this.startsClause(token)) break;
      }
      const modifier = this.peek();
      let mods: 'required' | 'not' | undefined;
      if (modifier?.kind === 'plus') mods = 'required';
      else if (modifier?.kind === 'minus' || modifier?.kind === 'not') mods = 'not';
      if (mods) this.at += 1;
      const node = this.clause();
      const previous = clauses[clauses.length - 1];
      if (previous && conj === 'and' && previous.occur !== 'must-not') previous.occur = 'must';
      if (previous && conj === 'or' && previous.occur !== 'must-not') previous.occur = 'should';
      if (node) clauses.push({ occur: mods === 'not' ? 'must-not' : conj === 'or' ? 'should' : 'must', node });
      first = false;
    }
    return clauses.length === 0 ? null : { kind: 'bool', clauses };
  }

  private clause(): TextNode | null {
    const token = this.peek();
    if (!token) throw new TextSyntaxError('syntax');
    this.at += 1;
    switch (token.kind) {
      case 'lparen': {
        const inner = this.query();
        if (this.peek()?.kind !== 'rparen') throw new TextSyntaxError('syntax');
        this.at += 1;
        this.optional('boost');
        return inner;
      }
      case 'star':
        throw new TextSyntaxError('leading-wildcard');
      case 'range':
        this.optional('boost');
        throw new TextSyntaxError('range-unsupported');
      case 'quoted': {
        this.optional('slop');
        this.optional('boost');
        const stems = analyse(token.text);
        return stems.length === 0 ? null : { kind: 'words', stems };
      }
      case 'term': {
        this.optional('slop');
        if (this.optional('boost')) this.optional('slop');
        return termNode(token.chars);
      }
      default:
        throw new TextSyntaxError('syntax');
    }
  }

  private optional(kind: 'slop' | 'boost'): boolean {
    if (this.peek()?.kind !== kind) return false;
    this.at += 1;
    return true;
  }
}

function termNode(chars: Array<{ ch: string; escaped: boolean }>): TextNode | null {
  const isWild = (c: { ch: string; escaped: boolean }) => !c.escaped && (c.ch === '*' || c.ch === '?');
  if (!chars.some(isWild)) {
    const stems = analyse(chars.map((c) => c.ch).join(''));
    return stems.length === 0 ? null : { kind: 'words', stems };
  }
  if (isWild(chars[0]!)) throw new TextSyntaxError('leading-wildcard');
  const body = chars
    .map((c) => (isWild(c) ? (c.ch === '*' ? '.*' : '.') : c.ch.toLowerCase().replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return { kind: 'wildcard', pattern: new RegExp(`^${body}$`, 'u') };
}

function nodeMatches(node: TextNode, stems: string[]): boolean {
  switch (node.kind) {
    case 'words':
      for (let i = 0; i + node.stems.length <= stems.length; i++) {
        if (node.stems.every((w, j) => stems[i + j] === w)) return true;
      }
      return false;
    case 'wildcard':
      return stems.some((s) => node.pattern.test(s));
    case 'bool': {
      const must = node.clauses.filter((c) => c.occur === 'must');
      const should = node.clauses.filter((c) => c.occur === 'should');
      if (must.length === 0 && should.length === 0) return false; // a purely negative query matches nothing
      if (node.clauses.some((c) => c.occur === 'must-not' && nodeMatches(c.node, stems))) return false;
      if (!must.every((c) => nodeMatches(c.node, stems))) return false;
      return must.length > 0 || should.some((c) => nodeMatches(c.node, stems));
    }
  }
}

/** Parses the text of a `~` clause once; the result matches summaries, or says why Jira refuses it. */
export function parseTextQuery(query: string): ParsedTextQuery {
  let node: TextNode | null;
  try {
    node = new TextParser(tokenize(query)).parse();
  } catch (error) {
    if (error instanceof TextSyntaxError) return { ok: false, error: error.reason };
    throw error;
  }
  if (!node) return { ok: true, matches: () => false };
  const root = node;
  return { ok: true, matches: (haystack) => nodeMatches(root, analyse(haystack)) };
}

/** One-off form of parseTextQuery for tests and callers that match a single text. */
export function textMatches(haystack: string, query: string): boolean {
  const parsed = parseTextQuery(query);
  if (!parsed.ok) throw new Error(`Jira refuses the text query ${JSON.stringify(query)}: ${parsed.error}`);
  return parsed.matches(haystack);
}

/** Jira's 400 message for a text query Lucene refused. */
export function textQueryMessage(error: TextQueryError, query: string, fieldName: string): string {
  switch (error) {
    case 'leading-wildcard':
      return messages.leadingWildcard(query, fieldName);
    case 'range':
      return messages.textRangeIncorrect(query, fieldName);
    case 'range-unsupported':
      return unsupported('range queries inside a text search');
    case 'syntax':
      return messages.textDoesNotParse(query, fieldName);
  }
}
