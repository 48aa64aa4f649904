/**
 * The Alignment tab as a project manager uses it: the sandbox host in Chromium, the built Product
 * page in its iframe, the real @forge/bridge and resolvers. A reader opens Alignment, sees an
 * unaligned epic and the sprint investment chart, and downloads the CSV (read from Playwright's
 * download event); screenshots in both themes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import type { DemoUserRole } from '../sandbox/demo/users';
import { screenshots, useSandboxBrowser } from './kit';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';

jest.setTimeout(120_000);

const m = messages.alignment;
const e2e = useSandboxBrowser();
const { invoke } = e2e;

async function openAlignment(options: { user: DemoUserRole; theme?: 'light' | 'dark' }): Promise<Frame> {
  const frame = await e2e.openProjectPage(options);
  await frame.getByRole('tab', { name: messages.common.tabs.alignment }).click();
  await frame.getByTestId('alignment-tab').waitFor({ timeout: 30_000 });
  return frame;
}

/** Two goals; the first served by two epics (one directly, one through an item), the second by none. */
async function seedAlignment() {
  const checkout = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Keep customers' }) }));
  const item = valueOf(
    await invoke('productManager', 'createRoadmapItem', {
      item: { title: 'One-tap payment', description: '', goalId: checkout.id, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'in-progress' },
    }),
  );
  const view = valueOf(await invoke('productManager', 'getAlignment'));
  const [first, second] = view.epics.filter((epic) => epic.size && epic.size.issues > 0);
  valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: first!.id, linksVersion: first!.linksVersion }], unlink: [] }));
  valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'goal', id: checkout.id }, link: [{ epicId: second!.id, linksVersion: second!.linksVersion }], unlink: [] }));
  return valueOf(await invoke('productManager', 'getAlignment'));
}

describe('the Alignment tab in the sandbox', () => {
  test('a developer sees an unaligned epic, may link it (Jira lets them edit issues), sees the sprint investment chart and downloads the CSV', async () => {
    const view = await seedAlignment();
    const unaligned = view.epics.find((epic) => epic.id === view.unalignedEpicIds[0])!;
    const frame = await openAlignment({ user: 'developer' });

    await frame.getByTestId(`unaligned-${unaligned.key}`).getByText(unaligned.summary).waitFor();
    const chart = frame.getByRole('img', { name: /Bar chart of story points committed and completed/ });
    await chart.waitFor();
    expect(await frame.locator('[data-testid="investment-chart"] rect').count()).toBeGreaterThan(view.investment.length);
    // One per unaligned epic the developer may see (THR's Confidential level hides one from them).
    const developerView = valueOf(await invoke('developer', 'getAlignment'));
    expect(developerView.unalignedEpicIds.length).toBeGreaterThan(0);
    expect(await frame.getByRole('button', { name: /to the chosen goal/ }).count()).toBe(developerView.unalignedEpicIds.length);

    const [download] = await Promise.all([e2e.page.waitForEvent('download'), frame.getByRole('button', { name: m.exportAlignment }).click()]);
    expect(download.suggestedFilename()).toBe(`THR-alignment-${view.today}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Section,Epic key,Epic summary,Epic status,Goal,Served through,Child issues,Story points,Epic updated,Sprint,Sprint state,Committed points,Completed points,Committed issues,Completed issues');
    expect(lines.filter((line) => line.startsWith(`Unaligned epic,${unaligned.key},`))).toHaveLength(1);
    expect(lines).toContain('Goal with no work,,,,Keep customers,,,,,,,,,,');
    expect(lines.filter((line) => line.startsWith('Sprint investment,')).length).toBeGreaterThan(0);
    expect(text.endsWith('\r\n')).toBe(true);

    const [roadmapFile] = await Promise.all([e2e.page.waitForEvent('download'), frame.getByRole('button', { name: m.exportRoadmap }).click()]);
    const roadmap = readFileSync((await roadmapFile.path())!).toString('utf8');
    expect(roadmap.split('\r\n')[1]).toMatch(/^One-tap payment,Faster checkout,Faster checkout,Now,,,In progress,THR-\d+,/);
  });

  test('the product manager links an unaligned epic to a goal from the list', async () => {
    const view = await seedAlignment();
    const goal = view.goals.find((g) => g.title === 'Keep customers')!;
    const unaligned = view.epics.find((epic) => epic.id === view.unalignedEpicIds[0])!;
    const frame = await openAlignment({ user: 'productManager' });
    await frame.getByLabel(m.goalChoice(unaligned.key)).selectOption(goal.id);
    await frame.getByRole('button', { name: m.linkButton(unaligned.key) }).click();
    await frame.getByTestId(`unaligned-${unaligned.key}`).waitFor({ state: 'detached' });
    await frame.getByText(m.goalsWithoutWorkEmpty).waitFor();
  });

  test.each(['light', 'dark'] as const)('screenshots in the %s theme', async (theme) => {
    await seedAlignment();
    const frame = await openAlignment({ user: 'productManager', theme });
    await frame.getByTestId('investment-chart').waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `e2e-alignment-top-${theme}.png`) });
    // The app's iframe draws only what is in its viewport: each section is scrolled into view in turn.
    for (const section of ['investment-heading', 'matrix-heading'] as const) {
      await frame.locator(`#${section}`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await e2e.page.screenshot({ path: join(screenshots, `e2e-alignment-${section.replace('-heading', '')}-${theme}.png`) });
    }
  });
});
