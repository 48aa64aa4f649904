/**
 * The "Product context" panel as people use it: the real panel, bridge and resolver over the
 * sandbox, on an epic of the demo site, as one of the demo's people.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createSandbox } from '../integration/harness';
import type { Actor } from '../integration/harness';
import { clearEpicLinks, epicKeysOf, issueOf, linkEpic, nonEpicKeyOf, onIssue, seedItem, withPermissions } from '../integration/epic-panel/kit';
import { seedGoal, seedKpi, seedMeasurements } from '../integration/resolvers/strategy/kit';
import { daysFromToday } from '../integration/resolvers/strategy/builders';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { installBridgeDouble } from './forge-bridge-double';

// Every click runs the real resolver against the simulated Jira: seconds, not milliseconds.
jest.setTimeout(20_000);

const sandbox = createSandbox();
const [epicKey] = epicKeysOf(sandbox, 'THR') as [string];
const bridge = installBridgeDouble(sandbox, { as: 'productManager', in: onIssue(epicKey) });
let EpicPanel: typeof import('../../static/epic-panel/src/epic-panel').EpicPanel;

beforeAll(async () => {
  // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
  ({ EpicPanel } = await import('../../static/epic-panel/src/epic-panel'));
});

beforeEach(() => {
  sandbox.forge.kvs.clear();
  clearEpicLinks(sandbox);
});

async function open(as: Actor, issue = epicKey) {
  bridge.setView({ as, in: onIssue(issue) });
  const user = userEvent.setup({ delay: null });
  render(<EpicPanel />);
  await screen.findByRole('heading', { name: /Goals it serves|Product context is for epics|can’t see/ }, { timeout: 8000 });
  return user;
}

const announcement = () => (screen.getByTestId('announcer').textContent ?? '').trim();

async function seedProduct() {
  const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
  const kpi = await seedKpi(sandbox, goal.id, { name: 'Checkout conversion', unit: '%', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(60) } });
  await seedMeasurements(sandbox, kpi.id, [{ date: daysFromToday(-1), value: 31 }]);
  const other = await seedGoal(sandbox, { title: 'Fewer support calls' });
  const item = await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: goal.id, horizon: 'next' });
  return { goal, other, item };
}

describe('the Product context panel', () => {
  test('shows the goals the epic serves with KPI health in words, its roadmap items, progress and sprints', async () => {
    const { item } = await seedProduct();
    await linkEpic(sandbox, epicKey, { roadmapItemIds: [item.id] });
    await open('developer');
    const goals = screen.getByTestId('epic-goals');
    expect(within(goals).getByText('Faster checkout')).toBeTruthy();
    expect(within(goals).getByText('Through “One-tap payment”')).toBeTruthy();
    const kpi = within(goals).getByTestId('epic-kpi');
    expect(within(kpi).getByText('Checkout conversion')).toBeTruthy();
    expect(within(kpi).getByText(/^(On track|At risk|Off track)$/)).toBeTruthy();
    expect(within(kpi).getByText('Latest 31%, target 50%')).toBeTruthy();
    expect(within(screen.getByTestId('epic-items')).getByText('One-tap payment')).toBeTruthy();
    const progress = screen.getByTestId('epic-progress');
    expect(within(progress).getByRole('img', { name: /\d+ done, \d+ in progress, \d+ to do/ })).toBeTruthy();
    expect(within(progress).getByText(/of \d+ issues? done/)).toBeTruthy();
    expect(within(screen.getByTestId('epic-sprints')).getAllByTestId('epic-sprint').length).toBeGreaterThan(0);
  });

  test('an editor links a goal with a checkbox, saves, sees it served and hears that it was saved', async () => {
    const { other } = await seedProduct();
    const user = await open('developer');
    expect(screen.getByText('This epic serves no goal yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Change links' }));
    const editor = screen.getByRole('form', { name: 'What this epic serves' });
    await user.click(within(editor).getByRole('checkbox', { name: 'Fewer support calls' }));
    await user.click(within(editor).getByRole('button', { name: 'Save links' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(within(screen.getByTestId('epic-goals')).getByText('Fewer support calls')).toBeTruthy();
    expect(within(screen.getByTestId('epic-goals')).getByText('Linked directly')).toBeTruthy();
    expect(announcement()).toBe('Links saved.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change links' }));
    expect(issueOf(sandbox, epicKey).properties[epicLinksPropertyKey]).toMatchObject({ directGoalIds: [other.id], goalIds: [other.id] });
  });

  test('someone who may not edit the epic sees what it serves and no controls', async () => {
    const { goal } = await seedProduct();
    await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] });
    await withPermissions(sandbox, { role: 'developer', project: 'THR', permissions: ['BROWSE_PROJECTS'] }, async () => {
      await open('developer');
      expect(within(screen.getByTestId('epic-goals')).getByText('Faster checkout')).toBeTruthy();
      expect(screen.getByTestId('epic-read-only').textContent).toMatch(/permission to edit this epic/);
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.queryByRole('checkbox')).toBeNull();
    });
  });

  test('a change someone made meanwhile is shown as a conflict, with their links and a reload', async () => {
    const { goal } = await seedProduct();
    const user = await open('developer');
    await user.click(screen.getByRole('button', { name: 'Change links' }));
    await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] }, 'productManager');
    await user.click(screen.getByRole('checkbox', { name: 'Fewer support calls' }));
    await user.click(screen.getByRole('button', { name: 'Save links' }));
    const conflict = await screen.findByTestId('epic-links-conflict');
    expect(within(conflict).getByText('Someone else changed these links')).toBeTruthy();
    expect(announcement()).toBe('Someone else changed these links. Their links are shown.');
    // Their links are on screen and in the checkboxes; mine is not applied behind my back.
    expect(within(screen.getByTestId('epic-goals')).getByText('Faster checkout')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Faster checkout' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Fewer support calls' }) as HTMLInputElement).checked).toBe(false);
    expect(issueOf(sandbox, epicKey).properties[epicLinksPropertyKey]).toMatchObject({ directGoalIds: [goal.id] });
    await user.click(within(conflict).getByRole('button', { name: 'Reload' }));
    await screen.findByRole('button', { name: 'Change links' });
    expect(within(screen.getByTestId('epic-goals')).getByText('Faster checkout')).toBeTruthy();
  });

  test('when Jira refuses the edit, the panel says so plainly and keeps the links', async () => {
    await seedProduct();
    const user = await open('developer');
    await user.click(screen.getByRole('button', { name: 'Change links' }));
    await user.click(screen.getByRole('checkbox', { name: 'Faster checkout' }));
    await withPermissions(sandbox, { role: 'developer', project: 'THR', permissions: ['BROWSE_PROJECTS'] }, async () => {
      await user.click(screen.getByRole('button', { name: 'Save links' }));
      const refusal = await screen.findByTestId('epic-links-error');
      expect(within(refusal).getByText('You can’t change this epic’s links')).toBeTruthy();
      expect(within(refusal).getByText(/You can’t edit this epic in Jira, so you can’t change what it serves/)).toBeTruthy();
    });
    expect(issueOf(sandbox, epicKey).properties[epicLinksPropertyKey]).toBeUndefined();
  });

  test('saved while Jira fails on the epic: the links show, marked as syncing to Jira', async () => {
    await seedProduct();
    const user = await open('developer');
    await user.click(screen.getByRole('button', { name: 'Change links' }));
    await user.click(screen.getByRole('checkbox', { name: 'Fewer support calls' }));
    sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: /\/properties\// } });
    try {
      await user.click(screen.getByRole('button', { name: 'Save links' }));
      const syncing = await screen.findByTestId('epic-link-sync');
      expect(within(syncing).getByText('Syncing to Jira')).toBeTruthy();
      expect(within(screen.getByTestId('epic-goals')).getByText('Fewer support calls')).toBeTruthy();
      expect(announcement()).toBe('Links saved.');
    } finally {
      sandbox.jira.setFaults({});
    }
    // Jira does not have it yet; the app's queue writes it.
    expect(issueOf(sandbox, epicKey).properties[epicLinksPropertyKey]).toBeUndefined();
    expect(sandbox.forge.queue.snapshot().map((event) => event.queueName)).toEqual(['epic-link-sync']);
  });

  test('on an issue that is not an epic it says what the panel is for, with nothing to retry', async () => {
    const story = nonEpicKeyOf(sandbox, 'THR');
    await open('developer', story.key);
    expect(screen.getByText(`${story.key} is a ${story.type}, not an epic.`, { exact: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('tells the outsider they cannot see it', async () => {
    await open('outsider');
    expect(screen.getByText(/permission to browse this project/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('has no accessibility violations with the editor open', async () => {
    const { item } = await seedProduct();
    await linkEpic(sandbox, epicKey, { roadmapItemIds: [item.id] });
    const user = await open('developer');
    await user.click(screen.getByRole('button', { name: 'Change links' }));
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
