/**
 * Server texts in the caller's language (issue 12, items 1-2): what speaking German or Japanese
 * costs a resolver call. The caller's texts come from the function bundle's `__LOCALES__` through
 * @forge/api i18n, once per locale per process; every call after that reads no file and no storage
 * for them. Measured on getStrategy (the Goals tab's load, THR of the demo site) per locale: the
 * locale loads of the whole run, the storage operations of a warm call (the same in every
 * language) and the median server time of 30 warm calls (interleaved). Target: 1 load per locale
 * and process, none on warm calls, storage operations equal to en-US's.
 */
import { resolve } from 'node:path';
import { resolver } from '../../src/index';
import { serverTextLoads } from '../../src/i18n/server-texts';
import { buildDemoSite, DEMO_USERS } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import type { ResolverHandler } from '../sandbox/forge/sandbox';
import { JiraSimulator } from '../sandbox/jira/simulator';
import { report } from './report';

const site = buildDemoSite();
const forge = new ForgeSandbox({ jira: new JiraSimulator(site), manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')) });
forge.install();
const project = site.projects.find((p) => p.key === 'THR')!;

const call = async (locale: string) => {
  const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
    functionKey: 'getStrategy',
    payload: {},
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
    moduleKey: 'throughline-product',
    accountId: DEMO_USERS.productManager,
    locale,
    timezone: 'Europe/Berlin',
  })) as { ok: boolean };
  if (!answer.ok) throw new Error(`getStrategy failed in ${locale}: ${JSON.stringify(answer)}`);
  return forge.lastInvocation!;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const locales = ['en-US', 'de-DE', 'ja-JP'];
const loads: Record<string, number> = {};
for (const locale of locales) {
  const before = serverTextLoads();
  await call(locale); // cold: this locale's texts are loaded here, once
  loads[locale] = serverTextLoads() - before;
}
// Warm calls interleaved, so a busy machine slows every language alike.
const beforeWarm = serverTextLoads();
const warm: Record<string, Array<{ storageOps: number; serverMs: number }>> = { 'en-US': [], 'de-DE': [], 'ja-JP': [] };
for (let round = 0; round < 30; round += 1) for (const locale of locales) warm[locale]!.push(await call(locale));
const warmLoads = serverTextLoads() - beforeWarm;
const englishOps = warm['en-US']!.at(-1)!.storageOps;
for (const locale of locales) {
  const runs = warm[locale]!;
  const met = loads[locale]! <= (locale === 'en-US' ? 0 : 1) && runs.every((run) => run.storageOps === englishOps);
  report({
    bench: 'server-texts',
    scenario: `getStrategy in ${locale} (1 cold + 30 warm calls)`,
    figures: { 'locale loads (cold)': loads[locale]!, 'locale loads (90 warm calls)': warmLoads, 'storage ops (warm)': runs.at(-1)!.storageOps, 'median ms (warm)': Number(median(runs.map((run) => run.serverMs)).toFixed(1)) },
    target: { text: '≤ 1 locale load a locale and process (en-US bundled: 0), none warm; storage ops as en-US', met: met && warmLoads === 0 },
  });
}
if (serverTextLoads() !== 2) throw new Error(`expected 2 locale loads in the run (de-DE, ja-JP), saw ${serverTextLoads()}`);
