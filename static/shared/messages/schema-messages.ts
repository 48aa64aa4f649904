/**
 * Messages of the schemas the UI shares with the server (src/validation): they carry text keys
 * (`coded('validation.checkInText')`, src/i18n/server-text-codes.ts), not sentences, so one schema
 * speaks every language. Said here from `server.validation` of the reader's locale file, which
 * the boot loads with every catalog; English is bundled (the validation texts only).
 */
import validation from '../../../src/i18n/messages/validation.en-US.json';
import { decodeText } from '../../../src/i18n/server-text-codes';
import { catalog } from './runtime';

const t = catalog('server', { validation });

/** A schema issue's message in the reader's language; any other text is shown as it is. */
export function schemaMessage(message: string): string {
  const ref = decodeText(message);
  if (!ref || !ref.key.startsWith('validation.')) return message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(ref.params ?? {})) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return t(ref.key as Parameters<typeof t>[0], params);
}
