import axe from 'axe-core';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { columnOf, timelineRoadmapColumns } from '../../src/domain/roadmap';
import { timelineColumns } from '../../src/domain/sprint-columns';
import { formatDay, formatShortDay, localToday } from '../../static/shared/format';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

// The tab remembers its layout for the browser tab; each test starts from Now / Next / Later.
beforeEach(() => window.sessionStorage.clear());

const itemInput = (title: string, extra: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({
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

const seedGoal = (title: string) => page.call('createGoal', { goal: { title, description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
const seedItem = (title: string, extra: Partial<RoadmapItemInput> = {}) => page.call('createRoadmapItem', { item: itemInput(title, extra) });
const stored = () => page.call('getRoadmap', {});

/** Opens the Product page as `as` on the Roadmap tab, once the board is there. */
async function openRoadmap(as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  return opened;
}

/** The titles of the cards in the cell named by its column and lane, in order. */
function cellTitles(column: string, lane: string): string[] {
  // By attribute rather than getByRole: computing every list's accessible name is slow in jsdom.
  const cells = [...document.querySelectorAll<HTMLElement>('ul.rm-cell')];
  const cell = cells.find((c) => (c.getAttribute('aria-label') ?? '').startsWith(`${column} in lane ${lane}:`));
  if (!cell) throw new Error(`No cell ${column} / ${lane} among ${cells.map((c) => c.getAttribute('aria-label')).join('; ')}`);
  return [...cell.querySelectorAll('li .rm-card-title')].map((title) => title.textContent ?? '');
}

describe('the Roadmap tab', () => {
  test('the product manager adds an item to a goal lane; it lands in its cell and is saved', async () => {
    const goal = await seedGoal('Faster checkout');
    const { user } = await openRoadmap();
    expect(screen.getByText(/No roadmap items yet\. Add the first/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    const form = screen.getByRole('form', { name: 'New roadmap item' });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: /^Title/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), 'One-tap payment');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Goal' }), goal.id);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Horizon' }), 'next');
    await user.click(within(form).getByRole('button', { name: 'Create item' }));

    await waitFor(() => expect(cellTitles('Next', 'Faster checkout')).toEqual(['One-tap payment']));
    expect(announcement()).toBe('Roadmap item “One-tap payment” created.');
    expect((await stored()).items).toMatchObject([{ title: 'One-tap payment', goalId: goal.id, horizon: 'next' }]);
  });

  test('an editor opens a card, edits it in place, and the change is saved', async () => {
    await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-03-15' });
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('button', { name: 'Saved cards' }));
    const panel = screen.getByRole('region', { name: 'Saved cards' });
    expect(within(panel).getByText(`${formatDay('2027-02-01')} – ${formatDay('2027-03-15')}`)).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Edit “Saved cards”' }));
    const title = within(panel).getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Saved cards for everyone');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Status' }), 'in-progress');
    await user.click(within(panel).getByRole('button', { name: 'Save' }));

    await screen.findByRole('region', { name: 'Saved cards for everyone' });
    expect(within(screen.getByTestId('roadmap-board')).getByText('In progress')).toBeTruthy();
    expect(announcement()).toBe('Roadmap item “Saved cards for everyone” saved.');
    expect((await stored()).items[0]).toMatchObject({ title: 'Saved cards for everyone', status: 'in-progress', version: 2 });
  });

  test('the layouts show the same items by horizon, by quarter and by sprint', async () => {
    const view = await stored();
    await seedItem('Dated work', { startDate: view.today, endDate: view.today });
    await seedItem('Undated work', { horizon: 'later' });
    const { user } = await openRoadmap();
    expect(cellTitles('Now', 'No goal')).toEqual(['Dated work']);
    expect(cellTitles('Later', 'No goal')).toEqual(['Undated work']);

    await user.click(screen.getByRole('radio', { name: 'Quarters' }));
    const month = Number(view.today.slice(5, 7));
    const quarter = `Q${Math.floor((month - 1) / 3) + 1} ${view.today.slice(0, 4)}`;
    expect(cellTitles(quarter, 'No goal')).toEqual(['Dated work']);
    expect(cellTitles('Unscheduled', 'No goal')).toEqual(['Undated work']);

    await user.click(screen.getByRole('radio', { name: 'Sprints' }));
    const columns = timelineRoadmapColumns(timelineColumns({ sprints: view.sprints, today: view.today }));
    const sprint = columns.find((c) => c.key === columnOf({ horizon: 'now', rank: 'a', startDate: view.today }, 'timeline', columns))!;
    expect(sprint.key).toMatch(/^sprint-/);
    expect(sprint.heading).toEqual({ kind: 'sprint', name: expect.any(String) });
    expect(cellTitles((sprint.heading as { name: string }).name, 'No goal')).toEqual(['Dated work']);
    expect(cellTitles('Unscheduled', 'No goal')).toEqual(['Undated work']);
  });

  test('Alt+→ moves a card to the next column, says where, keeps focus on it, and the move is stored', async () => {
    const goal = await seedGoal('Faster checkout');
    await seedItem('Alpha', { goalId: goal.id });
    await seedItem('Bravo', { goalId: goal.id });
    await seedItem('Charlie', { goalId: goal.id, horizon: 'next' });
    const { user, unmount } = await openRoadmap();
    expect(cellTitles('Now', 'Faster checkout')).toEqual(['Alpha', 'Bravo']);

    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(cellTitles('Now', 'Faster checkout')).toEqual(['Bravo']);
    expect(cellTitles('Next', 'Faster checkout')).toEqual(['Charlie', 'Alpha']);
    expect(announcement()).toBe('Moved Alpha to Next in lane Faster checkout, position 2 of 2.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Alpha' })));

    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(cellTitles('Next', 'Faster checkout')).toEqual(['Alpha', 'Charlie']);
    expect(announcement()).toBe('Moved Alpha to Next in lane Faster checkout, position 1 of 2.');
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    expect(cellTitles('Next', 'No goal')).toEqual(['Alpha']);

    await waitFor(async () => expect((await stored()).items.find((i) => i.title === 'Alpha')).toMatchObject({ horizon: 'next', version: 4 }));
    expect((await stored()).items.find((i) => i.title === 'Alpha')?.goalId).toBeUndefined();
    unmount();
    await openRoadmap();
    expect(cellTitles('Next', 'No goal')).toEqual(['Alpha']);
    expect(cellTitles('Next', 'Faster checkout')).toEqual(['Charlie']);
  });

  test('the card’s Move menu moves it by keyboard alone', async () => {
    await seedItem('Alpha');
    await seedItem('Bravo');
    const { user } = await openRoadmap();
    screen.getByRole('button', { name: 'Move “Bravo”' }).focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Move “Bravo”' });
    expect(within(menu).getByRole('menuitem', { name: 'Down in this cell' }).hasAttribute('disabled')).toBe(true);
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Up in this cell' }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(cellTitles('Now', 'No goal')).toEqual(['Alpha']);
    expect(cellTitles('Next', 'No goal')).toEqual(['Bravo']);
    expect(announcement()).toBe('Moved Bravo to Next in lane No goal, position 1 of 1.');
    await waitFor(async () => expect((await stored()).items.find((i) => i.title === 'Bravo')?.horizon).toBe('next'));
  });

  test('the Move menu offers every column and every lane, not only the neighbours, and takes a card to a far lane', async () => {
    const goals = [await seedGoal('Grow activation'), await seedGoal('Faster checkout'), await seedGoal('Lower churn')];
    await seedItem('Alpha', { goalId: goals[0]!.id });
    const { user } = await openRoadmap();
    screen.getByRole('button', { name: 'Move “Alpha”' }).focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Move “Alpha”' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Up in this cell',
      'Down in this cell',
      'To Next',
      'To Later',
      'To lane “Faster checkout”',
      'To lane “Lower churn”',
      'To lane “No goal”',
    ]);
    // Drawn in a layer on <body>, not inside the card's lane, which would clip it.
    expect(menu.closest('.rm-lane')).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: 'To lane “Lower churn”' }));
    expect(cellTitles('Now', 'Lower churn')).toEqual(['Alpha']);
    expect(announcement()).toBe('Moved Alpha to Now in lane Lower churn, position 1 of 1.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Alpha' })));
    await waitFor(async () => expect((await stored()).items.find((i) => i.title === 'Alpha')?.goalId).toBe(goals[2]!.id));
  });

  test('a card’s dates name the year where it is not this one, and both years when they span two', async () => {
    const year = Number(localToday().slice(0, 4));
    await seedItem('Turn of the year', { startDate: `${year}-12-27`, endDate: `${year + 1}-02-05` });
    await seedItem('Next spring', { startDate: `${year + 1}-03-02`, endDate: `${year + 1}-04-30` });
    await seedItem('This summer', { startDate: `${year}-06-01`, endDate: `${year}-08-31` });
    await openRoadmap();
    const datesOf = (title: string) => screen.getByRole('listitem', { name: title }).querySelector('.rm-meta span:nth-child(2)')?.textContent;
    expect(datesOf('Turn of the year')).toBe(`${formatDay(`${year}-12-27`)} – ${formatDay(`${year + 1}-02-05`)}`);
    expect(datesOf('Next spring')).toBe(`${formatDay(`${year + 1}-03-02`)} – ${formatDay(`${year + 1}-04-30`)}`);
    expect(datesOf('This summer')).toBe(`${formatShortDay(`${year}-06-01`)} – ${formatShortDay(`${year}-08-31`)}`);
    expect(formatShortDay(`${year}-06-01`)).not.toContain(String(year));
  });

  test('a move over a change made by someone else reloads the roadmap and says so', async () => {
    const item = await seedItem('Alpha');
    const { user } = await openRoadmap();
    await page.call('updateRoadmapItem', { id: item.id, item: itemInput('Alpha (renamed)', { horizon: 'later' }), baseVersion: 1 }, 'admin');

    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(cellTitles('Next', 'No goal')).toEqual(['Alpha']);
    await waitFor(() => expect(announcement()).toBe('Someone changed the roadmap; it has been reloaded.'));
    expect(screen.getByRole('heading', { level: 3, name: 'Someone changed the roadmap; it has been reloaded.' })).toBeTruthy();
    expect(cellTitles('Later', 'No goal')).toEqual(['Alpha (renamed)']);
    expect(cellTitles('Next', 'No goal')).toEqual([]);
    expect((await stored()).items[0]).toMatchObject({ horizon: 'later', version: 2 });
  });

  test('a move Jira cannot confirm puts the card back where it was, even when the reload fails too', async () => {
    await seedItem('Alpha');
    const { user } = await openRoadmap();
    page.sandbox.jira.setFaults({ serverError: { count: 1_000, status: 500 } });

    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(cellTitles('Next', 'No goal')).toEqual(['Alpha']);
    await waitFor(() => expect(announcement()).toBe('“Alpha” could not be moved and is back where it was.'));
    expect(cellTitles('Now', 'No goal')).toEqual(['Alpha']);
    expect(cellTitles('Next', 'No goal')).toEqual([]);
    page.sandbox.jira.clearFaults();
    expect((await stored()).items[0]).toMatchObject({ horizon: 'now', version: 1 });
  });

  test('the developer sees the roadmap read-only (no add, move, lane or edit controls) but may link epics, as Jira lets them edit issues', async () => {
    await seedItem('Alpha');
    const { user } = await openRoadmap('developer');
    expect(cellTitles('Now', 'No goal')).toEqual(['Alpha']);
    for (const name of ['Add item', 'Edit lanes', 'Move “Alpha”', 'Add item to lane “No goal”']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByText(/Drag a card/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Alpha' }));
    const panel = screen.getByRole('region', { name: 'Alpha' });
    expect(within(panel).queryByRole('button', { name: 'Edit “Alpha”' })).toBeNull();
    expect(within(panel).getByRole('combobox', { name: 'Link an epic' })).toBeTruthy();
    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(cellTitles('Now', 'No goal')).toEqual(['Alpha']);
  });

  test('the product manager links an epic from the picker and sees its progress', async () => {
    await seedItem('Alpha');
    const view = await stored();
    const epic = view.epics.find((e) => e.rollup && e.rollup.counts.total > 0)!;
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('button', { name: 'Alpha' }));
    const panel = screen.getByRole('region', { name: 'Alpha' });
    await user.type(within(panel).getByRole('combobox', { name: 'Link an epic' }), epic.key);
    await user.click(await within(panel).findByRole('option', { name: new RegExp(epic.key) }, { timeout: 5000 }));

    const row = await within(panel).findByTestId(`item-epic-${epic.key}`);
    expect(row.textContent).toContain(epic.summary);
    expect(row.textContent).toContain(epic.status.name);
    expect(announcement()).toBe(`Epic ${epic.key} linked to “Alpha”.`);
    const card = screen.getByTestId(`roadmap-card-${view.items[0]!.id}`);
    await waitFor(() => expect(card.textContent).toMatch(/1 epic/));
    await waitFor(() => expect(within(card).getByRole('img').getAttribute('aria-label')).toMatch(/done, .* in progress, .* to do/));
    expect((await stored()).items[0]!.epicIds).toEqual([epic.id]);

    await user.click(within(panel).getByRole('button', { name: `Unlink ${epic.key}` }));
    await waitFor(() => expect(within(panel).queryByTestId(`item-epic-${epic.key}`)).toBeNull());
    expect((await stored()).items[0]!.epicIds).toEqual([]);
  });

  test('an epic linked while Jira fails on it is shown linked and marked as syncing to Jira', async () => {
    await seedItem('Alpha');
    const epic = (await stored()).epics[0]!;
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('button', { name: 'Alpha' }));
    const panel = screen.getByRole('region', { name: 'Alpha' });
    await user.type(within(panel).getByRole('combobox', { name: 'Link an epic' }), epic.key);
    const option = await within(panel).findByRole('option', { name: new RegExp(epic.key) }, { timeout: 5000 });
    page.sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: /\/properties\// } });
    await user.click(option);
    const row = await within(panel).findByTestId(`item-epic-${epic.key}`);
    expect(within(row).getByTestId(`link-sync-${epic.key}`).textContent).toBe('Syncing to Jira');
    expect((await stored()).epics.find((candidate) => candidate.id === epic.id)).toMatchObject({ roadmapItemIds: [(await stored()).items[0]!.id], sync: 'pending' });
  });

  test('an editor switches to custom lanes, adds and orders them, and items can go there', async () => {
    await seedItem('Alpha');
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('button', { name: 'Edit lanes' }));
    const editor = screen.getByRole('region', { name: 'Lanes' });
    await user.click(within(editor).getByRole('radio', { name: /Custom lanes/ }));
    await user.click(within(editor).getByRole('button', { name: 'Add lane' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Name of lane 1' }), 'Payments team');
    await user.click(within(editor).getByRole('button', { name: 'Add lane' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Name of lane 2' }), 'Growth team');
    await user.click(within(editor).getByRole('button', { name: 'Move lane “Growth team” up' }));
    await user.click(within(editor).getByRole('button', { name: 'Save lanes' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lanes' })).toBeNull());
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Growth team', 'Payments team', 'No lane']);
    expect(cellTitles('Now', 'No lane')).toEqual(['Alpha']);
    screen.getByRole('button', { name: 'Alpha' }).focus();
    await user.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}');
    expect(cellTitles('Now', 'Payments team')).toEqual(['Alpha']);
    const saved = await stored();
    expect(saved.laneMode).toBe('custom');
    expect(saved.lanes.map((l) => l.name)).toEqual(['Growth team', 'Payments team']);
    await waitFor(async () => expect((await stored()).items[0]!.laneId).toBe(saved.lanes[1]!.id));
  });

  test('a lane setup saved by someone else in between is a conflict with their lanes shown', async () => {
    const { user } = await openRoadmap();
    await page.call('saveLaneSetup', { mode: 'custom', lanes: [{ id: null, name: 'Platform' }], baseVersion: 0 }, 'admin');
    await user.click(screen.getByRole('button', { name: 'Edit lanes' }));
    const editor = screen.getByRole('region', { name: 'Lanes' });
    await user.click(within(editor).getByRole('radio', { name: /Custom lanes/ }));
    await user.click(within(editor).getByRole('button', { name: 'Add lane' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Name of lane 1' }), 'Mobile');
    await user.click(within(editor).getByRole('button', { name: 'Save lanes' }));
    expect(await within(editor).findByText('Their lanes: Platform')).toBeTruthy();
    await user.click(within(editor).getByRole('button', { name: 'Discard my change' }));
    expect(within(editor).getByRole('textbox', { name: 'Name of lane 1' })).toHaveProperty('value', 'Platform');
  });
});

describe('accessibility of the Roadmap tab', () => {
  test('the board with a card’s details and the lane editor open has no axe violations', async () => {
    const goal = await seedGoal('Faster checkout');
    await seedItem('Alpha', { goalId: goal.id, startDate: '2027-01-04', endDate: '2027-02-26' });
    await seedItem('Bravo', { horizon: 'next' });
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('button', { name: 'Alpha' }));
    await user.click(screen.getByRole('button', { name: 'Edit lanes' }));
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('the Roadmap tab in the page URL (the app’s history in Jira)', () => {
  const selectedTab = () => screen.getByRole('tab', { selected: true }).textContent;
  const checkedLayout = () => (screen.getByRole('radio', { checked: true }) as HTMLInputElement).value;
  const openPanel = () => document.querySelector<HTMLElement>('[role="region"][aria-label]')?.getAttribute('aria-label') ?? null;

  test('a shared link opens the Roadmap tab on its layout with its item open', async () => {
    const item = await seedItem('Saved cards', { horizon: 'next' });
    page.bridge.history.open(`/roadmap/quarters/${item.id}`);
    await page.open('developer');
    await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
    expect(selectedTab()).toBe('Roadmap');
    expect(checkedLayout()).toBe('quarters');
    expect(screen.getByRole('region', { name: 'Saved cards' })).toBeTruthy();
  });

  test('an item the roadmap does not hold, or a route that is not one, opens the page without failing', async () => {
    page.bridge.history.open('/roadmap/timeline/item-gone');
    const { unmount } = await page.open('productManager');
    await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
    expect(checkedLayout()).toBe('timeline');
    expect(openPanel()).toBeNull();
    unmount();
    page.bridge.history.open('/roadmap/%E0%A4%A/<script>');
    await page.open('productManager');
    await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
    expect(checkedLayout()).toBe('horizons');
  });

  test('switching tab, layout and item writes the route; back and forward walk it', async () => {
    const item = await seedItem('Saved cards');
    const { user } = await openRoadmap();
    expect(page.bridge.history.location.pathname).toBe('/roadmap');
    await user.click(screen.getByRole('radio', { name: 'Quarters' }));
    await user.click(screen.getByRole('button', { name: 'Saved cards' }));
    await screen.findByRole('region', { name: 'Saved cards' });
    // The layout replaces (a setting), the item and the tab push (steps one goes back from).
    expect(page.bridge.history.entries).toEqual(['/', '/roadmap/quarters', `/roadmap/quarters/${item.id}`]);

    act(() => page.bridge.history.back());
    await waitFor(() => expect(openPanel()).toBeNull());
    expect(checkedLayout()).toBe('quarters');
    act(() => page.bridge.history.forward());
    await screen.findByRole('region', { name: 'Saved cards' });
    act(() => page.bridge.history.back());
    act(() => page.bridge.history.back());
    await waitFor(() => expect(selectedTab()).toBe('Vision'));

    act(() => page.bridge.history.forward());
    await waitFor(() => expect(selectedTab()).toBe('Roadmap'));
    await user.click(screen.getByRole('tab', { name: 'Goals & KPIs' }));
    expect(page.bridge.history.location.pathname).toBe('/goals');
    // Coming back reopens the layout the roadmap showed.
    await user.click(screen.getByRole('tab', { name: 'Roadmap' }));
    expect(page.bridge.history.location.pathname).toBe('/roadmap/quarters');
    expect(checkedLayout()).toBe('quarters');
  });
});

describe('the Roadmap filter bar', () => {
  const cardTitles = () => [...document.querySelectorAll('.rm-card-title')].map((title) => title.textContent ?? '').sort();
  const count = () => screen.getByTestId('roadmap-filter-count').textContent;

  test('narrows the board by text, goal and status, says how many it shows, and offers a way out of an empty result', async () => {
    const goal = await seedGoal('Faster checkout');
    await seedItem('One-tap payment', { goalId: goal.id });
    await seedItem('Refunds in the app', { goalId: goal.id, status: 'in-progress' });
    await seedItem('Dark mode', { horizon: 'later', status: 'idea' });
    const { user } = await openRoadmap();
    expect(count()).toBe('3 of 3 items');
    expect(screen.getByTestId('roadmap-filter-count').getAttribute('aria-live')).toBe('polite');
    const search = screen.getByRole('searchbox', { name: 'Find items' });

    await user.type(search, 'REFUND');
    expect(cardTitles()).toEqual(['Refunds in the app']);
    expect(count()).toBe('1 of 3 items');
    // A filter replaces the route's entry rather than adding one per keystroke.
    expect(page.bridge.history.location.pathname).toBe('/roadmap/horizons/q=REFUND');
    expect(page.bridge.history.entries).toEqual(['/', '/roadmap/horizons/q=REFUND']);

    await user.clear(search);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Goal' }), goal.id);
    expect(cardTitles()).toEqual(['One-tap payment', 'Refunds in the app']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'planned');
    expect(cardTitles()).toEqual(['One-tap payment']);
    expect(page.bridge.history.location.pathname).toBe(`/roadmap/horizons/goal=${goal.id};status=planned`);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Goal' }), 'none');
    expect(count()).toBe('0 of 3 items');
    expect(screen.getByText('No item matches these filters.')).toBeTruthy();

    await user.click(within(screen.getByTestId('roadmap-filter-empty')).getByRole('button', { name: 'Clear filters' }));
    expect(cardTitles()).toEqual(['Dark mode', 'One-tap payment', 'Refunds in the app']);
    expect(count()).toBe('3 of 3 items');
    expect(page.bridge.history.location.pathname).toBe('/roadmap/horizons');
  });

  test('"At risk only" keeps the items whose forecast passes their end date', async () => {
    await seedItem('Calm item');
    const { user } = await openRoadmap();
    await user.click(screen.getByRole('checkbox', { name: 'At risk only' }));
    const atRisk = (await stored()).items.filter((item) => item.delivery?.forecast.atRisk).map((item) => item.title);
    expect(cardTitles()).toEqual(atRisk.sort());
    expect(count()).toBe(`${atRisk.length} of 1 items`);
  });

  test('a shared link with a filter opens the roadmap filtered, and the filter fields say so', async () => {
    await seedItem('One-tap payment');
    await seedItem('Refunds in the app', { status: 'in-progress' });
    page.bridge.history.open('/roadmap/quarters/q=app;status=in-progress');
    await page.open('developer');
    await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
    expect(cardTitles()).toEqual(['Refunds in the app']);
    expect((screen.getByRole('searchbox', { name: 'Find items' }) as HTMLInputElement).value).toBe('app');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('in-progress');
    expect(count()).toBe('1 of 2 items');
  });
});

