/**
 * The message syntax of every Throughline text, in every locale: a subset of ICU MessageFormat,
 * enough for sentences that carry values and counts, and small enough to parse here without a
 * library in every bundle.
 *
 *   plain text                      Goals & KPIs
 *   a value                         Goal “{title}” created.
 *   a count, by the locale's rules  {count, plural, =0 {No KPIs} one {# KPI} other {# KPIs}}
 *   a choice by a word              {kind, select, quarter {By quarter} other {By date}}
 *
 * `{name}` inserts a string as it is and a number formatted in the locale (grouped: 12,400 in
 * English, 12.400 in German), so a year or an id must be passed as a string. `#` inside a plural
 * branch is the count, formatted the same way. Plural categories are the locale's own
 * (Intl.PluralRules): Japanese has only `other`, German and English `one` and `other`.
 *
 * Braces are syntax: a text cannot show a literal `{` or `}`. Apostrophes are plain characters (ICU
 * would treat `'` as an escape; our texts use ’ anyway).
 *
 * Pure: no I/O; the browser's catalogs and the resolvers' texts both format through it.
 */

export type MessageParams = Readonly<Record<string, string | number>>;

export type MessageNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'count' } // `#` inside a plural branch
  | { kind: 'plural'; name: string; branches: ReadonlyMap<string, MessageNode[]> }
  | { kind: 'select'; name: string; branches: ReadonlyMap<string, MessageNode[]> };

export class MessageSyntaxError extends Error {
  constructor(pattern: string, at: number, what: string) {
    super(`${what} at ${at} in “${pattern}”`);
    this.name = 'MessageSyntaxError';
  }
}

const parsed = new Map<string, MessageNode[]>();

/** The pattern's structure; throws MessageSyntaxError for a malformed one (the locale guard finds those first). */
export function parseMessage(pattern: string): MessageNode[] {
  const known = parsed.get(pattern);
  if (known) return known;
  let at = 0;
  const fail = (what: string): never => {
    throw new MessageSyntaxError(pattern, at, what);
  };

  const nodes = (inPlural: boolean, closing: boolean): MessageNode[] => {
    const out: MessageNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (at < pattern.length) {
      const ch = pattern[at]!;
      if (ch === '}') {
        if (!closing) fail('Unexpected “}”');
        flush();
        return out;
      }
      if (ch === '{') {
        flush();
        out.push(argument());
        continue;
      }
      if (ch === '#' && inPlural) {
        flush();
        out.push({ kind: 'count' });
        at += 1;
        continue;
      }
      text += ch;
      at += 1;
    }
    if (closing) fail('Missing “}”');
    flush();
    return out;
  };

  const skipSpace = () => {
    while (/\s/.test(pattern[at] ?? '')) at += 1;
  };
  const word = (what: string): string => {
    skipSpace();
    const match = /^[=A-Za-z0-9_-]+/.exec(pattern.slice(at));
    if (!match) fail(`Expected ${what}`);
    at += match![0].length;
    skipSpace();
    return match![0];
  };

  const argument = (): MessageNode => {
    at += 1; // {
    const name = word('a value name');
    if (pattern[at] === '}') {
      at += 1;
      return { kind: 'value', name };
    }
    if (pattern[at] !== ',') fail('Expected “,” or “}”');
    at += 1;
    const type = word('plural or select');
    if (type !== 'plural' && type !== 'select') fail(`Unknown argument type “${type}”`);
    if (pattern[at] !== ',') fail('Expected “,”');
    at += 1;
    const branches = new Map<string, MessageNode[]>();
    for (;;) {
      skipSpace();
      if (pattern[at] === '}') {
        at += 1;
        break;
      }
      const key = word('a branch key');
      if (pattern[at] !== '{') fail('Expected “{” after a branch key');
      if (branches.has(key)) fail(`Branch “${key}” given twice`);
      at += 1;
      branches.set(key, nodes(type === 'plural', true));
      at += 1; // }
    }
    if (!branches.has('other')) fail(`“${name}” has no “other” branch`);
    return { kind: type as 'plural' | 'select', name, branches };
  };

  const result = nodes(false, false);
  parsed.set(pattern, result);
  return result;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function pluralRule(locale: string): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) pluralRules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule;
}

/**
 * The text of `pattern` with `params`, in `locale`. A missing value shows as its name in braces
 * rather than throwing: a translation that lost a placeholder must not break the page (the guard
 * test keeps placeholders equal across locales).
 */
export function formatMessage(pattern: string, params: MessageParams | undefined, locale: string): string {
  return render(parseMessage(pattern), params ?? {}, locale, undefined);
}

function render(nodes: readonly MessageNode[], params: MessageParams, locale: string, count: number | undefined): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'count':
        out += count === undefined ? '#' : numberFormat(locale).format(count);
        break;
      case 'value': {
        const value = params[node.name];
        out += value === undefined ? `{${node.name}}` : typeof value === 'number' ? numberFormat(locale).format(value) : value;
        break;
      }
      case 'plural': {
        const value = Number(params[node.name]);
        const branch =
          node.branches.get(`=${value}`) ?? node.branches.get(Number.isFinite(value) ? pluralRule(locale).select(value) : 'other') ?? node.branches.get('other')!;
        out += render(branch, params, locale, value);
        break;
      }
      case 'select': {
        const value = String(params[node.name] ?? '');
        out += render(node.branches.get(value) ?? node.branches.get('other')!, params, locale, count);
        break;
      }
    }
  }
  return out;
}

/** Every value name a pattern uses (plural and select names included): what the guard compares across locales. */
export function placeholdersOf(pattern: string): Set<string> {
  const names = new Set<string>();
  const walk = (nodes: readonly MessageNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'value') names.add(node.name);
      if (node.kind === 'plural' || node.kind === 'select') {
        names.add(node.name);
        for (const branch of node.branches.values()) walk(branch);
      }
    }
  };
  walk(parseMessage(pattern));
  return names;
}

/** A pattern's text parts rewritten by `rewrite`, its syntax kept: how the pseudo-locale is made. */
export function mapMessageText(pattern: string, rewrite: (text: string) => string): string {
  const emit = (nodes: readonly MessageNode[]): string =>
    nodes
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return rewrite(node.text);
          case 'count':
            return '#';
          case 'value':
            return `{${node.name}}`;
          case 'plural':
          case 'select':
            return `{${node.name}, ${node.kind}, ${[...node.branches].map(([key, branch]) => `${key} {${emit(branch)}}`).join(' ')}}`;
        }
      })
      .join('');
  return emit(parseMessage(pattern));
}
