/**
 * A server text carried where only a string fits, and stored where a sentence would freeze one
 * language: `coded('validation.chooseProject')`, `coded('updates.kpisOffTrack', { count, names })`.
 * A zod schema's message is built at module load, before any caller is known; pure code (the
 * domain) has no caller at all; a stored record is read later by people of other languages. Each
 * keeps the code, and `sayCoded` (server-texts.ts) says it in the reader's language when read.
 *
 * Pure, with no runtime import of the texts or the platform: the domain and validation may use it.
 */
import type { ServerTextKey, TextRef, TextValue } from './server-texts';

const CODE_MARK = 'i18n:';
const PARAMS_MARK = '?';

export function coded(key: ServerTextKey, params?: Readonly<Record<string, TextValue>>): string {
  return params ? `${CODE_MARK}${key}${PARAMS_MARK}${JSON.stringify(params)}` : `${CODE_MARK}${key}`;
}

export const codedRef = (ref: TextRef): string => coded(ref.key, ref.params);

/** The text a coded string names; undefined for any other string (Jira's words, older English records). */
export function decodeText(message: string): TextRef | undefined {
  if (!message.startsWith(CODE_MARK)) return undefined;
  const rest = message.slice(CODE_MARK.length);
  const split = rest.indexOf(PARAMS_MARK);
  if (split < 0) return { key: rest as ServerTextKey };
  try {
    return { key: rest.slice(0, split) as ServerTextKey, params: JSON.parse(rest.slice(split + 1)) as Record<string, TextValue> };
  } catch {
    return { key: rest.slice(0, split) as ServerTextKey };
  }
}
