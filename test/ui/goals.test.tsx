import { screen, waitFor, within } from '@testing-library/react';
import type { GoalInput } from '../../src/contract';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

const goalInput = (title: string, extra: Partial<GoalInput> = {}): GoalInput => ({
  title,
  description: '',
  ownerAccountId: null,
  status: 'on-track',
  timeFrame: { kind: 'none' },
  ...extra,
});

async function seedGoals(...titles: string[]) {
  const goals = [];
  for (const title of titles) goals.push(await page.call('createGoal', { goal: goalInput(title) }));
  return goals;
}

/** The active goals' titles, in the order the page shows them. */
const shownOrder = () =>
  within(screen.getByTestId('goal-list'))
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('the Goals & KPIs tab', () => {
  test('an epic whose link is still syncing to Jira shows under its goal with the badge', async () => {
    const [goal] = await seedGoals('Faster checkout');
    const thr = page.sandbox.project('THR');
    const epic = page.sandbox.site.issues.find((issue) => issue.projectId === thr.id && issue.securityLevelId === undefined && page.sandbox.site.issueTypes.find((type) => type.id === issue.issueTypeId)?.hierarchyLevel === 1)!;
    const onEpic = { module: 'jira:issuePanel' as const, issue: epic.key };
    const context = await page.sandbox.call('getEpicContext', { as: 'productManager', in: onEpic });
    if (!context.ok) throw new Error(context.error.message);
    page.sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: new RegExp(`^/rest/api/3/issue/${epic.id}/properties/`) } });
    const saved = await page.sandbox.call('setEpicLinks', { as: 'productManager', in: onEpic, payload: { directGoalIds: [goal!.id], roadmapItemIds: [], linksVersion: context.value.links.linksVersion } });
    expect(saved).toMatchObject({ ok: true, value: { links: { sync: 'pending' } } });

    await page.open('developer', 'Goals & KPIs');
    const card = await screen.findByRole('listitem', { name: 'Faster checkout' });
    expect(within(card).getByText(epic.summary)).toBeTruthy();
    expect(within(within(card).getByTestId(`link-sync-${epic.key}`)).getByText('Syncing to Jira')).toBeTruthy();
    delete epic.properties['throughline-links'];
  });

  test('the product manager creates a goal with an owner picked by search; it is saved', async () => {
    const { user, unmount } = await page.open('productManager', 'Goals & KPIs');
    expect(await screen.findByText(/No goals yet\. Add the first outcome/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    const title = screen.getByRole('textbox', { name: /^Title/ });
    expect(document.activeElement).toBe(title);
    await user.type(title, 'Activate new teams in their first week');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'A new team plans its first sprint within 7 days.');
    await user.type(screen.getByRole('combobox', { name: 'Owner' }), 'Luk');
    expect(await screen.findByRole('option', { name: /Lukas Becker/ })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(within(screen.getByTestId('owner-chosen')).getAllByText('Lukas Becker').length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'at-risk');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time frame' }), 'quarter');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Quarter' }), '3');
    await user.clear(screen.getByRole('spinbutton', { name: 'Year' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Year' }), '2027');
    await user.click(screen.getByRole('button', { name: 'Create goal' }));

    const card = await screen.findByRole('listitem', { name: 'Activate new teams in their first week' });
    expect(within(card).getByText('At risk')).toBeTruthy();
    expect(within(card).getByText('Q3 2027')).toBeTruthy();
    expect(card.textContent).toContain('Lukas Becker');
    expect(within(card).getByText('No epics linked yet — link epics from the roadmap.')).toBeTruthy();
    expect(announcement()).toBe('Goal “Activate new teams in their first week” created.');

    unmount();
    await page.open('productManager', 'Goals & KPIs');
    const again = await screen.findByRole('listitem', { name: 'Activate new teams in their first week' });
    expect(again.textContent).toContain('Lukas Becker');
    const saved = (await page.call('getStrategy', undefined)).goals[0]!;
    expect(saved).toMatchObject({ status: 'at-risk', timeFrame: { kind: 'quarter', year: 2027, quarter: 3 }, owner: { displayName: 'Lukas Becker' } });
  });

  test('a title the server refuses is explained next to the title field', async () => {
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    const title = screen.getByRole('textbox', { name: /^Title/ });
    await user.click(title);
    await user.paste('t'.repeat(121));
    await user.click(screen.getByRole('button', { name: 'Create goal' }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    const errorId = (title.getAttribute('aria-describedby') ?? '').split(' ')[0]!;
    expect(document.getElementById(errorId)?.textContent).toMatch(/120 characters or fewer/);
    expect((await page.call('getStrategy', undefined)).goals).toEqual([]);
  });

  test('a goal without a title is refused before it is sent', async () => {
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Add goal' }));
    await user.click(screen.getByRole('button', { name: 'Create goal' }));
    expect(await screen.findByText('Title can’t be empty.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Title/ }));
  });

  test('Alt+↓ on a goal’s handle moves it, says so, keeps focus on it, and the order is saved', async () => {
    await seedGoals('Alpha', 'Bravo', 'Charlie');
    const { user, unmount } = await page.open('productManager', 'Goals & KPIs');
    expect(await screen.findByRole('listitem', { name: 'Charlie' })).toBeTruthy();
    expect(shownOrder()).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const handle = screen.getByRole('button', { name: 'Reorder goal “Alpha”' });
    handle.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');

    expect(shownOrder()).toEqual(['Bravo', 'Alpha', 'Charlie']);
    expect(announcement()).toBe('Goal “Alpha” moved to position 2 of 3.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reorder goal “Alpha”' })));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(shownOrder()).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(announcement()).toBe('Goal “Alpha” moved to position 3 of 3.');

    await waitFor(async () => expect((await page.call('getStrategy', undefined)).goals.map((g) => g.title)).toEqual(['Bravo', 'Charlie', 'Alpha']));
    unmount();
    await page.open('productManager', 'Goals & KPIs');
    await screen.findByRole('listitem', { name: 'Alpha' });
    expect(shownOrder()).toEqual(['Bravo', 'Charlie', 'Alpha']);
  });

  test('the handle’s menu moves a goal to the top, by keyboard alone', async () => {
    await seedGoals('Alpha', 'Bravo', 'Charlie');
    const { user } = await page.open('productManager', 'Goals & KPIs');
    const handle = await screen.findByRole('button', { name: 'Reorder goal “Charlie”' });
    handle.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Reorder goal “Charlie”' });
    expect(within(menu).getByRole('menuitem', { name: 'Move down' }).hasAttribute('disabled')).toBe(true);
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Move up' }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(shownOrder()).toEqual(['Charlie', 'Alpha', 'Bravo']);
    expect(announcement()).toBe('Goal “Charlie” moved to position 1 of 3.');
    await waitFor(async () => expect((await page.call('getStrategy', undefined)).goals.map((g) => g.title)).toEqual(['Charlie', 'Alpha', 'Bravo']));
  });

  test('a move that meets someone else’s change reloads the saved order and says so', async () => {
    const [, bravo] = await seedGoals('Alpha', 'Bravo', 'Charlie');
    const { user } = await page.open('productManager', 'Goals & KPIs');
    const handle = await screen.findByRole('button', { name: 'Reorder goal “Bravo”' });
    // Meanwhile the admin renames Bravo: the page's version of it is stale now.
    await page.call('updateGoal', { id: bravo!.id, goal: goalInput('Bravo (renamed)'), baseVersion: bravo!.version }, 'admin');
    handle.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');

    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    // Shown, and said to screen readers.
    expect(screen.getAllByText(/This is the order as it is saved now/)).toHaveLength(2);
    await waitFor(() => expect(shownOrder()).toEqual(['Alpha', 'Bravo (renamed)', 'Charlie']));
  });

  test('a move Jira cannot confirm puts the goal back, even when the reload fails too', async () => {
    await seedGoals('Alpha', 'Bravo', 'Charlie');
    const { user } = await page.open('productManager', 'Goals & KPIs');
    const handle = await screen.findByRole('button', { name: 'Reorder goal “Alpha”' });
    page.sandbox.jira.setFaults({ serverError: { count: 1_000, status: 500 } });
    handle.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(shownOrder()).toEqual(['Bravo', 'Alpha', 'Charlie']);

    await waitFor(() => expect(announcement()).toBe('Goal “Alpha” could not be moved; it is back where it was.'));
    expect(shownOrder()).toEqual(['Alpha', 'Bravo', 'Charlie']);
    page.sandbox.jira.clearFaults();
    expect((await page.call('getStrategy', undefined)).goals.map((g) => g.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  test('editing a goal that someone changed meanwhile: their change shows, mine is reapplied on top of it', async () => {
    const [alpha] = await seedGoals('Alpha');
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Edit goal “Alpha”' }));
    const title = screen.getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Alpha, sharper');
    await page.call('updateGoal', { id: alpha!.id, goal: goalInput('Alpha', { status: 'off-track' }), baseVersion: alpha!.version }, 'admin');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    expect(screen.getByText(/Priya Raman saved a newer version/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply my change to their version' }));

    const card = await screen.findByRole('listitem', { name: 'Alpha, sharper' });
    expect(within(card).getByText('Off track')).toBeTruthy();
    expect((await page.call('getStrategy', undefined)).goals[0]).toMatchObject({ title: 'Alpha, sharper', status: 'off-track', version: 3 });
  });

  test('deleting a goal says how many KPIs and measurements go with it', async () => {
    const [alpha] = await seedGoals('Alpha', 'Bravo');
    const kpi = await page.call('createKpi', {
      goalId: alpha!.id,
      kpi: { name: 'Teams active', unit: '%', direction: 'increase', baseline: { value: 10, date: '2026-01-01' }, target: { value: 50, date: '2026-12-31' }, source: { kind: 'manual' } },
    });
    let series = (await page.call('getKpiHistory', { id: kpi.id })).seriesVersion;
    for (const [date, value] of [['2026-02-01', 12], ['2026-03-01', 15]] as const) {
      series = (await page.call('addMeasurement', { kpiId: kpi.id, measurement: { date, value }, baseVersion: series })).seriesVersion;
    }
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'More actions for “Alpha”' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(await screen.findByText('Its 1 KPI and 2 measurements will be deleted with it. This can’t be undone.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete goal' }));

    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Alpha' })).toBeNull());
    expect(announcement()).toBe('Goal “Alpha” deleted with 1 KPI and 2 measurements.');
    expect((await page.call('getStrategy', undefined)).goals.map((g) => g.title)).toEqual(['Bravo']);
  });

  test('archiving moves a goal to the archived list, from where it can be restored', async () => {
    await seedGoals('Alpha', 'Bravo');
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'More actions for “Alpha”' }));
    await user.click(screen.getByRole('menuitem', { name: 'Archive' }));
    const archived = await screen.findByTestId('archived-goal-list');
    expect(within(archived).getByRole('heading', { name: 'Alpha' })).toBeTruthy();
    expect(shownOrder()).toEqual(['Bravo']);
    await user.click(within(archived).getByRole('button', { name: 'More actions for “Alpha”' }));
    await user.click(screen.getByRole('menuitem', { name: 'Restore from archive' }));
    await waitFor(() => expect(shownOrder()).toEqual(['Alpha', 'Bravo']));
  });

  test('a developer sees the goals with no way to change or move them', async () => {
    await seedGoals('Alpha', 'Bravo');
    await page.open('developer', 'Goals & KPIs');
    expect(await screen.findByRole('listitem', { name: 'Alpha' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add goal' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Edit goal|Reorder goal|More actions|Add KPI)/ })).toEqual([]);
    expect(screen.queryByText(/Drag a goal by its handle/)).toBeNull();
  });
});
