/**
 * A list inside a sentence ("THR, MOB and OPS", "THR、MOB、OPS"), joined as the sentence's language
 * joins lists (Intl.ListFormat): a comma is not every language's separator.
 */
import { textLocale } from './messages/runtime';

const formats = new Map<string, Intl.ListFormat>();

/** `items` joined in the language the texts are said in (the list sits inside one of them). */
export function formatList(items: readonly string[], locale: string = textLocale()): string {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}
