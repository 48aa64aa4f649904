/**
 * Issue 12, items 1-2 (server side): resolvers speak the caller's language, the Forge context's
 * `locale`, through the real @forge/api `i18n` reading the function bundle's `__LOCALES__` (written
 * by the sandbox from manifest.yml `translations`, as `forge deploy` does). Expected texts are read
 * from the catalog sources, so the test pins the mechanism, not the wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { formatMessage } from '../../../src/i18n/message-format';
import { serverTextLoads } from '../../../src/i18n/server-texts';
import { DEMO_USERS } from '../../sandbox/demo';
import { createSandbox } from '../harness';
import { goalInput, valueOf } from '../resolvers/strategy/builders';
import { seedGoal, seedKpi, seedMeasurements } from '../resolvers/strategy/kit';

jest.setTimeout(30_000);

const sandbox = createSandbox();
const locales = ['de-DE', 'ja-JP'] as const;

type Texts = { [key: string]: string | Texts };
/** The text of `area.key.path` in `locale`'s source, formatted like the server does. */
function text(locale: string, key: string, params?: Record<string, string | number>): string {
  const [area, ...path] = key.split('.');
  let at: string | Texts = JSON.parse(readFileSync(join(process.cwd(), 'src/i18n/messages', `${area}.${locale}.json`), 'utf8')) as Texts;
  for (const part of path) at = (at as Texts)[part]!;
  return formatMessage(at as string, params, locale);
}

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.setFaults({});
  const thr = sandbox.project('THR');
  thr.permissions[DEMO_USERS.productManager] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'ADD_COMMENTS'];
});

describe.each(locales)('a caller reading Jira in %s', (locale) => {
  test('is refused in their language (forbidden: no Browse Projects)', async () => {
    const result = await sandbox.call('getStrategy', { as: 'outsider', locale });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: text(locale, 'access.cannotBrowse') } });
    expect(text(locale, 'access.cannotBrowse')).not.toBe(text('en-US', 'access.cannotBrowse'));
  });

  test('an anonymous caller of the admin page is asked to log in, in their language', async () => {
    const result = await sandbox.call('getAdminSettings', { as: 'anonymous', in: { module: 'jira:adminPage' }, locale });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: text(locale, 'access.notLoggedIn') } });
  });

  test('an invalid field is explained in their language, next to the field (a zod schema message)', async () => {
    const result = await sandbox.call('createGoal', { as: 'productManager', locale, payload: { goal: goalInput({ title: '   ' }) } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', message: text(locale, 'validation.goalTitle'), field: 'goal.title' } });
  });

  test('a default zod message (a field missing) is said in their language too', async () => {
    const result = await sandbox.call('createGoal', { as: 'productManager', locale, payload: {} });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', message: text(locale, 'validation.required'), field: 'goal' } });
  });

  test('a conflict says someone else changed it, in their language', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'First edit' }), baseVersion: goal.version } }));
    const stale = await sandbox.call('updateGoal', { as: 'productManager', locale, payload: { id: goal.id, goal: goalInput({ title: 'Second edit' }), baseVersion: goal.version } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: text(locale, 'records.conflict.goal'), current: { title: 'First edit' } } });
  });

  test('Jira answering unreadably, and Jira unavailable, are told in their language', async () => {
    sandbox.jira.setFaults({ malformed: { count: 1000, kind: 'html', match: '/rest/api/3/project/' } });
    expect(await sandbox.call('getProjectOverview', { as: 'productManager', locale })).toEqual({
      ok: false,
      error: { code: 'jira-unavailable', message: text(locale, 'results.jiraMalformed') },
    });
    sandbox.jira.setFaults({ serverError: { count: 1000, status: 500, match: '/rest/api/3/search/jql' } });
    expect(await sandbox.call('getProjectOverview', { as: 'productManager', locale })).toEqual({
      ok: false,
      error: { code: 'jira-unavailable', message: text(locale, 'results.jiraUnavailable') },
    });
  });

  test('a KPI’s health reason is one sentence in their language, numbers and dates in their formats', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, { name: 'Checkout conversion', baseline: { value: 1200, date: '2026-01-01' }, target: { value: 2400, date: '2027-12-31' }, unit: 'orders' });
    const fresh = valueOf(await sandbox.call('getStrategy', { as: 'productManager', locale })).goals[0]!.kpis[0]!;
    expect(fresh.healthReason).toBe(text(locale, 'health.kpi.noData'));

    await seedMeasurements(sandbox, kpi.id, [{ value: 1300, date: '2026-06-01' }]);
    const measured = valueOf(await sandbox.call('getStrategy', { as: 'productManager', locale })).goals[0]!.kpis[0]!;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 5, 1));
    expect(measured.healthReason).toContain(date);
    expect(measured.healthReason).toContain(new Intl.NumberFormat(locale).format(1300));
    expect(measured.healthReason).not.toMatch(/2026-06-01|of the way/);
  });

  test('a status update’s disagreement with the facts is said in their language', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const kpi = await seedKpi(sandbox, goal.id, { name: 'Checkout conversion' });
    await seedMeasurements(sandbox, kpi.id, [{ value: 20 }]);
    const posted = valueOf(
      await sandbox.call('postStatusUpdate', { as: 'productManager', locale, payload: { target: { kind: 'goal', id: goal.id }, status: 'on-track', text: 'All good.' } }),
    );
    const quoted = locale === 'de-DE' ? '„Checkout conversion“' : '「Checkout conversion」';
    expect(posted.update.disagreements).toEqual([text(locale, 'updates.kpisOffTrack', { count: 1, names: quoted })]);
  });
});

test('a locale the app has no file for (fr-FR) falls back to en-US, as the manifest’s fallback says', async () => {
  const result = await sandbox.call('getStrategy', { as: 'outsider', locale: 'fr-FR' });
  expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: text('en-US', 'access.cannotBrowse') } });
});

test('the default context (en-US) keeps English', async () => {
  const result = await sandbox.call('getStrategy', { as: 'outsider' });
  expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'You do not have permission to browse this project. Ask a Jira administrator for access.' } });
});

test('concurrent invocations in one process never mix their callers’ languages', async () => {
  const rounds = 20;
  const calls = Array.from({ length: rounds }, (_, n) => {
    const locale = n % 2 === 0 ? 'de-DE' : 'ja-JP';
    // Each call awaits Jira (the permission check) mid-way, so the others run in between.
    return sandbox.call('getStrategy', { as: 'outsider', locale }).then((result) => ({ locale, result }));
  });
  for (const { locale, result } of await Promise.all(calls)) {
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: text(locale, 'access.cannotBrowse') } });
  }
});

test('each locale’s texts are loaded once per process, not once per call', async () => {
  for (let n = 0; n < 10; n += 1) {
    await sandbox.call('getStrategy', { as: 'outsider', locale: 'de-DE' });
    await sandbox.call('getStrategy', { as: 'outsider', locale: 'ja-JP' });
  }
  // de-DE, ja-JP and fr-FR asked @forge/api once each in this file; English is bundled.
  expect(serverTextLoads()).toBeLessThanOrEqual(3);
});

test('a check-in posted in German reads in Japanese for a Japanese reader: what is stored is coded, said on read', async () => {
  const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
  const kpi = await seedKpi(sandbox, goal.id, { name: 'Checkout conversion' });
  await seedMeasurements(sandbox, kpi.id, [{ value: 20 }]);
  const target = { kind: 'goal' as const, id: goal.id };
  valueOf(await sandbox.call('postStatusUpdate', { as: 'productManager', locale: 'de-DE', payload: { target, status: 'on-track', text: 'Alles gut.' } }));

  const japanese = valueOf(await sandbox.call('listStatusUpdates', { as: 'productManager', locale: 'ja-JP', payload: { target } })).updates[0]!;
  expect(japanese.disagreements).toEqual([text('ja-JP', 'updates.kpisOffTrack', { count: 1, names: '「Checkout conversion」' })]);
  const facts = japanese.facts as { kpis: Array<{ healthReason: string }> };
  expect(facts.kpis[0]!.healthReason).toMatch(/^遅延: /);

  const english = valueOf(await sandbox.call('listStatusUpdates', { as: 'productManager', payload: { target } })).updates[0]!;
  expect(english.disagreements).toEqual(['Marked on track, but KPI “Checkout conversion” is off track.']);
  // Nothing in storage is a sentence in anyone's language.
  const stored = JSON.stringify(sandbox.forge.kvs.snapshot());
  expect(stored).not.toMatch(/Marked on track|Als „Im Plan“|遅延: /);
});

test('an import file’s problem is told to the Jira administrator in their language', async () => {
  const result = await sandbox.call('previewImport', { as: 'admin', in: { module: 'jira:adminPage' }, locale: 'de-DE', payload: { data: { format: 'something-else' } } });
  expect(result).toEqual({ ok: false, error: { code: 'invalid', message: text('de-DE', 'imports.notExportFile'), field: 'data' } });
});
