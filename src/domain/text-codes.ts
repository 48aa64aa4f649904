/**
 * A sentence not yet said: a server text's key (`area.key` of src/i18n/messages/<area>.<locale>.json)
 * and its values. Pure code returns these instead of sentences; storage keeps them; resolvers say
 * them in the reader's language (src/i18n/server-texts.ts `sayRef`, `sayCoded`).
 *
 * `coded(...)` carries one where only a string fits: a zod schema's message (built at module load,
 * before any caller is known), a stored record's text field (read later by people of other
 * languages), a domain result's `message`. Keys are checked against the English sources by
 * test/guard/server-strings.test.ts.
 */

/**
 * A value in a sentence not yet said. Plain strings and numbers go in as they are (numbers grouped
 * in the reader's locale); the others are formatted for the reader when the sentence is said, so
 * a `TextRef` holds no locale and can be stored (JSON) and shown to anyone later.
 */
export type TextValue =
  | string
  | number
  /** A calendar day, `YYYY-MM-DD`: written as the reader writes dates. */
  | { day: string }
  /** A number with its unit (`%` as the locale's percent sign; other units as words after it). */
  | { quantity: number; unit?: string }
  /** A share (0.42) as a whole percentage. */
  | { percent: number }
  /** Names, each in the reader's quotation marks, joined as their language lists things. */
  | { names: string[] }
  /** A whole sentence said first, then put in this one (a record's name, then what is wrong with it). */
  | { ref: TextRef };

export interface TextRef {
  /** `area.key`, e.g. `health.kpi.onTrack`. */
  key: string;
  params?: Readonly<Record<string, TextValue>>;
}

const CODE_MARK = 'i18n:';
const PARAMS_MARK = '?';

export function coded(key: string, params?: Readonly<Record<string, TextValue>>): string {
  return params ? `${CODE_MARK}${key}${PARAMS_MARK}${JSON.stringify(params)}` : `${CODE_MARK}${key}`;
}

export const codedRef = (ref: TextRef): string => coded(ref.key, ref.params);

/** The text a coded string names; undefined for any other string (Jira's words, older English records). */
export function decodeText(message: string): TextRef | undefined {
  if (!message.startsWith(CODE_MARK)) return undefined;
  const rest = message.slice(CODE_MARK.length);
  const split = rest.indexOf(PARAMS_MARK);
  if (split < 0) return { key: rest };
  try {
    return { key: rest.slice(0, split), params: JSON.parse(rest.slice(split + 1)) as Record<string, TextValue> };
  } catch {
    return { key: rest.slice(0, split) };
  }
}
