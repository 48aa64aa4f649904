/**
 * Messages of the schemas the UI shares with the server (src/validation): they carry text keys
 * (`coded('validation.checkInText')`, src/domain/text-codes.ts), not sentences, so one schema
 * speaks every language. The UI says the ones its shared schemas can raise (the check-in text's)
 * from this catalog; any other message is shown as it is.
 */
import english from './schema-messages.en-US.json';
import { decodeText } from '../../../src/domain/text-codes';
import { catalog } from './runtime';

const t = catalog('schemaMessages', english);

const known = new Set(Object.keys(english));

/** A schema issue's message in the reader's language. */
export function schemaMessage(message: string): string {
  const ref = decodeText(message);
  const key = ref?.key.replace(/^validation\./, '');
  if (!ref || key === undefined || !known.has(key)) return message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(ref.params ?? {})) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return t(key as keyof typeof english, params);
}
