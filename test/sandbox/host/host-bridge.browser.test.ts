/**
 * The bridge shim with the real, unmodified @forge/bridge in Chromium: the probe page (built from
 * fixtures/bridge-probe) calls the bridge inside the host's iframe; the test reads what the bridge
 * resolved to and what the host page drew. Screenshots land in test/.artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { DEMO_USERS } from '../demo/users';
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { launchChromium } from './fixtures/chromium';
import type { Browser } from './fixtures/chromium';
import { startHost } from './host';
import type { RunningHost } from './host';

jest.setTimeout(60_000);

const SCREENSHOTS = join(REPO_ROOT, 'test/.artifacts/screenshots');
type Outcome = { ok: true; value: unknown } | { ok: false; error: string };
type Probe = Record<string, (...args: never[]) => Promise<Outcome>> & { received: Record<string, unknown[]> };

let host: RunningHost;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function open(query: string): Promise<Frame> {
  await page.goto(`${host.url}/${query}`);
  const element = await page.waitForSelector('#app-frame');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('no app frame');
  await frame.waitForFunction(() => 'probe' in window);
  return frame;
}

/** Calls `window.probe[name](...args)` inside a frame. */
function call(frame: Frame, name: string, ...args: unknown[]): Promise<Outcome> {
  return frame.evaluate(
    ([method, params]) => ((window as unknown as { probe: Probe }).probe[method as string] as (...a: unknown[]) => Promise<Outcome>)(...(params as unknown[])),
    [name, args] as const,
  );
}

function received(frame: Frame, key: string): Promise<unknown[]> {
  return frame.evaluate((name) => (window as unknown as { probe: Probe }).probe.received[name] ?? [], key);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildProbe();
  host = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Statuses the tests provoke (401, 500) are logged by Chromium as failed loads: not problems.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

afterEach(() => {
  // No CSP violation, no uncaught error, in the host page or the frames.
  expect(problems.splice(0)).toEqual([]);
});

describe('@forge/bridge through the shim', () => {
  test('getContext resolves the full context of the module as the acting user', async () => {
    const frame = await open('?project=THR&user=productManager');
    const context = await call(frame, 'getContext');
    expect(context).toMatchObject({
      ok: true,
      value: {
        accountId: DEMO_USERS.productManager,
        cloudId: expect.any(String),
        siteUrl: 'https://throughline-demo.atlassian.net',
        environmentType: 'DEVELOPMENT',
        localId: expect.stringMatching(/^ari:cloud:ecosystem::extension\/.+\/static\/probe-page$/),
        moduleKey: 'probe-page',
        locale: 'en-US',
        timezone: 'Europe/Berlin',
        theme: { colorMode: 'light' },
        extension: { type: 'jira:projectPage', project: { key: 'THR', type: 'software' } },
      },
    });
  });

  test('invoke reaches the resolver as the acting user and rejects when it throws', async () => {
    const frame = await open('?project=MOB&user=developer');
    expect(await call(frame, 'invoke', 'whoami', { n: 1 })).toMatchObject({
      ok: true,
      value: { accountId: DEMO_USERS.developer, moduleKey: 'probe-page', payload: { n: 1 }, extension: { project: { key: 'MOB' } } },
    });
    expect(await call(frame, 'invoke', 'boom')).toEqual({ ok: false, error: 'There was an error invoking the function - probe exploded' });
    expect(await call(frame, 'invoke', 'nothing')).toEqual({ ok: true });
  });

  test('requestJira runs as the acting user, and as nobody for Anonymous', async () => {
    const asDeveloper = await open('?project=THR&user=developer');
    expect(await call(asDeveloper, 'requestJira', '/rest/api/3/myself')).toMatchObject({ ok: true, value: { status: 200, body: { accountId: DEMO_USERS.developer } } });
    const anonymous = await open('?project=THR&user=anonymous');
    expect(await call(anonymous, 'requestJira', '/rest/api/3/myself')).toMatchObject({ ok: true, value: { status: 401 } });
  });

  test('showFlag draws a flag bottom-left whose action runs in the frame; close removes it', async () => {
    const frame = await open('?project=THR');
    await call(frame, 'showFlag', 'flag-1');
    const flag = page.locator('#flags .flag[data-flag-id="flag-1"]');
    await flag.waitFor();
    expect(await flag.locator('.flag-title').textContent()).toBe('Probe flag');
    const box = await flag.boundingBox();
    expect(box && box.x < 100 && box.y > 600).toBe(true);
    await flag.getByRole('button', { name: 'Undo' }).click();
    await frame.waitForFunction(() => ((window as unknown as { probe: Probe }).probe.received['flagActions'] ?? []).length > 0);
    expect(await received(frame, 'flagActions')).toEqual(['flag-1']);
    await call(frame, 'closeFlag', 'flag-1');
    await flag.waitFor({ state: 'detached' });
  });

  test('theme.enable applies the host theme, and the switch changes it live', async () => {
    const frame = await open('?project=THR&theme=light');
    expect(await call(frame, 'enableTheme')).toEqual({ ok: true, value: 'light' });
    await frame.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)');
    await page.getByRole('switch', { name: 'Dark theme' }).click();
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    const dark = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe('rgb(255, 255, 255)');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    expect(await call(frame, 'getContext')).toMatchObject({ value: { theme: { colorMode: 'dark' } } });
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
  });

  test('events reach the listeners of every frame', async () => {
    const frame = await open('?project=THR');
    await call(frame, 'listen', 'probe:ping');
    await call(frame, 'emit', 'probe:ping', { n: 3 });
    await frame.waitForFunction(() => ((window as unknown as { probe: Probe }).probe.received['events'] ?? []).length > 0);
    expect(await received(frame, 'events')).toEqual([{ event: 'probe:ping', payload: { n: 3 } }]);
  });

  test('a Modal opens its resource over the page with its context; view.close hands the payload to onClose', async () => {
    const frame = await open('?project=THR');
    expect(await call(frame, 'openModal', { step: 2 })).toEqual({ ok: true });
    const modalElement = await page.waitForSelector('.modal-blanket iframe');
    const modal = await modalElement.contentFrame();
    if (!modal) throw new Error('no modal frame');
    await modal.waitForFunction(() => 'probe' in window);
    expect(await call(modal, 'getContext')).toMatchObject({ value: { moduleKey: 'probe-page', extension: { modal: { step: 2 } } } });
    expect(await call(modal, 'invoke', 'whoami')).toMatchObject({ value: { extension: { modal: { step: 2 } } } });
    await page.screenshot({ path: join(SCREENSHOTS, 'host-modal-light.png') });
    // Not awaited: the host removes the modal's iframe right after answering close().
    await modal.evaluate(() => void (window as unknown as { probe: Probe }).probe['closeView']?.({ answer: 42 } as never));
    await page.waitForSelector('.modal-blanket', { state: 'detached' });
    expect(await received(frame, 'modalClosed')).toEqual([{ answer: 42 }]);
  });

  test('view.close outside a modal, and a modal of an unknown resource, fail as in Jira', async () => {
    const frame = await open('?project=THR');
    expect(await call(frame, 'closeView')).toEqual({ ok: false, error: "this resource's view is not closable." });
    expect(await call(frame, 'openModal', {}, 'nope')).toEqual({ ok: false, error: 'Unable to open modal.' });
    expect(await page.locator('.modal-blanket').count()).toBe(0);
  });

  test('createHistory keeps the route in the frame and mirrors it into the host URL', async () => {
    const frame = await open('?project=THR');
    expect(await call(frame, 'history')).toEqual({ ok: true, value: '/roadmap' });
    await page.waitForURL((url) => url.searchParams.get('path') === '/roadmap?lane=now');
    expect(await received(frame, 'history')).toEqual(['/roadmap']);
  });

  test('router.getUrl maps an issue to the host view of its panel', async () => {
    const frame = await open('?project=THR&user=developer');
    const url = await call(frame, 'getUrl', 'THR-1');
    expect(url).toMatchObject({ ok: true });
    const target = new URL(String((url as { value: string }).value));
    expect(target.origin).toBe(host.url);
    expect(Object.fromEntries(target.searchParams)).toEqual({ module: 'issue-panel', issue: 'THR-1', user: 'developer', theme: 'light' });
  });
});

describe('host page', () => {
  test('the epic panel gets the issue context and is sized to its content', async () => {
    const frame = await open('?module=issue-panel&issue=THR-1&user=developer');
    expect(await call(frame, 'getContext')).toMatchObject({
      value: { moduleKey: 'probe-panel', extension: { type: 'jira:issuePanel', issue: { key: 'THR-1', type: 'Epic' }, isNewToIssue: false } },
    });
    await page.waitForFunction(() => (document.getElementById('app-frame') as HTMLIFrameElement).style.height !== '');
  });

  test('the switchers change the view through the URL', async () => {
    await open('?project=THR&user=productManager');
    await Promise.all([page.waitForURL(/user=outsider/), page.selectOption('select[name="user"]', 'outsider')]);
    await page.waitForSelector('.notice');
    expect(await page.locator('.notice').first().textContent()).toContain('Jira would not show this page to Sam Rivera');
    await Promise.all([page.waitForURL(/project=MOB/), page.selectOption('select[name="project"]', 'MOB')]);
    const frame = await (await page.waitForSelector('#app-frame')).contentFrame();
    await frame?.waitForFunction(() => 'probe' in window);
    expect(await call(frame as Frame, 'getContext')).toMatchObject({ value: { accountId: DEMO_USERS.outsider, extension: { project: { key: 'MOB' } } } });
    expect(await page.locator('select[name="module"] option[value="admin-page"]').isDisabled()).toBe(true);
  });

  test.each(['light', 'dark'])('screenshot: the project page and the epic panel in %s', async (theme) => {
    let frame = await open(`?project=THR&user=productManager&theme=${theme}`);
    await call(frame, 'enableTheme');
    await page.screenshot({ path: join(SCREENSHOTS, `host-project-page-${theme}.png`) });
    frame = await open(`?module=issue-panel&project=THR&user=developer&theme=${theme}`);
    await call(frame, 'enableTheme');
    await call(frame, 'showFlag', 'saved');
    await page.locator('#flags .flag').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `host-epic-panel-${theme}.png`) });
  });
});
