/**
 * `npm start`: resolvers answer in the host's language, as Forge's do in the user's Jira language.
 * The host's Forge runtime finds manifest.yml's translations in the function bundle (the real
 * @forge/api i18n reads them), and the Language switcher's locale is the context's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures/build-probe';
import { startHost } from './host';
import type { RunningHost } from './host';

let app: RunningHost;

beforeAll(async () => {
  app = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: join(REPO_ROOT, 'manifest.yml') });
});

afterAll(async () => {
  await app.close();
});

const source = (locale: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'src/i18n/messages', `access.${locale}.json`), 'utf8')) as Record<string, string>;

test.each(['de-DE', 'ja-JP', 'en-US'])('an outsider refused by getStrategy is told so in %s', async (locale) => {
  const reply = await fetch(`${app.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'outsider', project: 'THR', functionKey: 'getStrategy', payload: {}, locale }),
  });
  expect(await reply.json()).toEqual({ ok: false, error: { code: 'forbidden', message: source(locale)['cannotBrowse'] } });
});
