/**
 * What the browser tests share: one sandbox host and one Chromium page per test file, fresh site
 * data and empty storage before every test, and no page error or dialog going unnoticed.
 * Call `useSandboxBrowser()` at the top of a test file; it registers the jest hooks.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { Defs, RoadmapItemInput } from '../../src/contract';
import type { DemoUserRole } from '../sandbox/demo/users';
import { launchChromium } from '../sandbox/host/fixtures/chromium';
import type { Browser } from '../sandbox/host/fixtures/chromium';
import { REPO_ROOT, startHost } from '../sandbox/host/host';
import type { RunningHost } from '../sandbox/host/host';

export const screenshots = join(REPO_ROOT, 'test/.artifacts/screenshots');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations in a frame, one line each ("serious id: help"). */
export async function seriousViolations(frame: Frame): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help))`)) as string[];
}

type Payload<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : undefined;
type Answer<K extends keyof Defs> = ReturnType<Defs[K]>;

export interface SandboxBrowser {
  readonly host: RunningHost;
  readonly page: Page;
  /** A resolver call through the host's HTTP surface, as `user`, in THR's project page. */
  invoke<K extends keyof Defs>(user: DemoUserRole, functionKey: K, ...payload: Payload<K> extends undefined ? [] : [Payload<K>]): Promise<Answer<K>>;
  /** Opens THR's Product page as `user` and returns the app's frame. */
  openProjectPage(options: { user: DemoUserRole; theme?: 'light' | 'dark' }): Promise<Frame>;
  /** The frame the current view's app runs in. */
  appFrame(): Promise<Frame>;
}

export function useSandboxBrowser(options: { viewport?: { width: number; height: number }; searchIndexLagMs?: number } = {}): SandboxBrowser {
  const viewport = options.viewport ?? { width: 1400, height: 900 };
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    host = await startHost({ port: 0, ...(options.searchIndexLagMs ? { searchIndexLagMs: options.searchIndexLagMs } : {}) });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  beforeEach(async () => {
    const reset = await fetch(`${session.host.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(reset.status).toBe(200);
    await session.page.setViewportSize(viewport);
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  const session: SandboxBrowser = {
    get host() {
      if (!host) throw new Error('The sandbox host starts in beforeAll');
      return host;
    },
    get page() {
      if (!page) throw new Error('The browser page opens in beforeAll');
      return page;
    },
    async invoke(user, functionKey, ...payload) {
      const response = await fetch(`${session.host.url}/__sandbox/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, module: 'jira:projectPage', project: 'THR', functionKey, payload: payload[0] }),
      });
      return (await response.json()) as never;
    },
    async openProjectPage({ user, theme }) {
      await session.page.goto(`${session.host.url}/?project=THR&user=${user}${theme === 'dark' ? '&theme=dark' : ''}`);
      return session.appFrame();
    },
    async appFrame() {
      const frame = await (await session.page.waitForSelector('#app-frame')).contentFrame();
      if (!frame) throw new Error('The host page has no app frame');
      return frame;
    },
  };
  return session;
}

/** A roadmap item with nothing but its title, placed in Now; `extra` states what a test needs. */
export const itemInput = (title: string, extra: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({
  title,
  description: '',
  goalId: null,
  laneId: null,
  horizon: 'now',
  startDate: null,
  endDate: null,
  status: 'planned',
  ...extra,
});
