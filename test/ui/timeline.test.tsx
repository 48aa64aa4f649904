import { act, screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { shiftDate } from '../../src/domain/timeline';
import { formatDay } from '../../static/shared/format';
import { messages } from '../../static/shared/messages';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
const t = messages.timeline;

// The tab remembers its layout and zoom for the browser tab; each test starts afresh.
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
const seedItem = (title: string, extra: Partial<RoadmapItemInput> = {}) => page.call('createRoadmapItem', { item: itemInput(title, extra) });
const stored = async (id: string) => (await page.call('getRoadmap', {})).items.find((item) => item.id === id)!;

async function openTimeline(as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('radio', { name: 'Timeline' }));
  await screen.findByTestId('roadmap-timeline');
  return opened;
}

const bar = (id: string) => screen.getByTestId(`timeline-bar-${id}`);

describe('the roadmap Timeline layout', () => {
  test('dated items are bars named by their dates; undated items are listed apart; the sprint layout is now “Sprints”', async () => {
    const { today } = await page.call('getRoadmap', {});
    const dated = await seedItem('Saved cards', { startDate: today, endDate: shiftDate(today, 20) });
    await seedItem('Someday idea', { horizon: 'later' });
    await openTimeline();
    expect(bar(dated.id).getAttribute('aria-label')).toBe(t.bar('Saved cards', formatDay(today), formatDay(shiftDate(today, 20))));
    expect(screen.getByRole('radio', { name: 'Sprints' })).toBeTruthy();
    const undated = screen.getByRole('region', { name: t.undatedHeading(1) });
    expect(within(undated).getByRole('button', { name: 'Someday idea' })).toBeTruthy();
    expect(screen.getByTestId('timeline-today')).toBeTruthy();
    expect(screen.getByText(t.help(1))).toBeTruthy();
  });

  test('keyboard: arrows move the bar a day, Shift+arrows its end, Escape cancels, Enter saves and announces', async () => {
    const item = await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-02-10' });
    const { user } = await openTimeline();
    bar(item.id).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(announcement()).toBe(t.draft(formatDay('2027-02-03'), formatDay('2027-02-12')));
    await user.keyboard('{Escape}');
    expect(announcement()).toBe(t.draftCancelled('Saved cards'));
    expect(bar(item.id).dataset['start']).toBe('2027-02-01');

    await user.keyboard('{ArrowRight}{Shift>}{ArrowRight}{ArrowRight}{/Shift}{Alt>}{ArrowLeft}{/Alt}');
    expect(announcement()).toBe(t.draft(formatDay('2027-02-01'), formatDay('2027-02-13')));
    await user.keyboard('{Enter}');
    expect(announcement()).toBe(t.datesChanged('Saved cards', formatDay('2027-02-01'), formatDay('2027-02-13')));
    expect(document.activeElement).toBe(bar(item.id));
    await waitFor(async () => expect(await stored(item.id)).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-13', version: 2 }));
    // Enter saved: it did not also open the item.
    expect(screen.queryByTestId('roadmap-item-panel')).toBeNull();
  });

  test('Ctrl+Z undoes the last date change through the same write, with the version the change answered', async () => {
    const item = await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-02-10' });
    const { user } = await openTimeline();
    bar(item.id).focus();
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(screen.getByTestId('roadmap-undo').textContent).toContain(t.moved('Saved cards'));
    await waitFor(async () => expect((await stored(item.id)).version).toBe(2));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect(await stored(item.id)).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-10', version: 3 }));
    await waitFor(() => expect(announcement()).toBe(t.undone('Saved cards')));
    expect(screen.queryByTestId('roadmap-undo')).toBeNull();
    expect(bar(item.id).dataset['start']).toBe('2027-02-01');
  });

  test('a board move is undone from the flag, back to its column and place in the cell', async () => {
    const [first, second] = [await seedItem('First'), await seedItem('Second')];
    const opened = await page.open('productManager');
    await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
    await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
    screen.getByRole('button', { name: 'First' }).focus();
    await opened.user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await waitFor(async () => expect(await stored(first.id)).toMatchObject({ horizon: 'next', version: 2 }));
    await opened.user.click(screen.getByRole('button', { name: t.undoLabel('First') }));
    await waitFor(async () => expect(await stored(first.id)).toMatchObject({ horizon: 'now', version: 3 }));
    const items = (await page.call('getRoadmap', {})).items.filter((i) => i.horizon === 'now').map((i) => i.id);
    expect(items).toEqual([first.id, second.id]);
  });

  test('an undo after someone else changed the item says so and reloads, changing nothing', async () => {
    const item = await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-02-10' });
    const { user } = await openTimeline();
    bar(item.id).focus();
    await user.keyboard('{ArrowRight}{Enter}');
    await waitFor(async () => expect((await stored(item.id)).version).toBe(2));
    await page.call('updateRoadmapItem', { id: item.id, item: itemInput('Saved cards v2', { startDate: '2027-03-01', endDate: '2027-03-05' }), baseVersion: 2 }, 'productManager');
    await user.click(screen.getByRole('button', { name: t.undoLabel('Saved cards') }));
    await screen.findByRole('heading', { name: t.undoConflict('Saved cards') });
    expect(await stored(item.id)).toMatchObject({ title: 'Saved cards v2', startDate: '2027-03-01', version: 3 });
    await waitFor(() => expect(bar(item.id).dataset['start']).toBe('2027-03-01'));
  });

  test('a reader sees bars without handles; arrow keys change nothing', async () => {
    const item = await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-02-10' });
    const { user } = await openTimeline('developer');
    expect(within(bar(item.id)).queryByTestId(`timeline-end-${item.id}`)).toBeNull();
    expect(screen.getByText(t.readerHelp)).toBeTruthy();
    bar(item.id).focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(bar(item.id).dataset['start']).toBe('2027-02-01');
    expect((await stored(item.id)).version).toBe(1);
  });

  test('a dragged end saves the new end date (pointer events)', async () => {
    const item = await seedItem('Saved cards', { startDate: '2027-02-01', endDate: '2027-02-10' });
    await openTimeline();
    const end = screen.getByTestId(`timeline-end-${item.id}`);
    // jsdom has no PointerEvent; React reads the same fields from a MouseEvent of the pointer type.
    const pointer = (target: Element, type: string, clientX: number) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0, clientX }));
    await act(async () => {
      pointer(end, 'pointerdown', 100);
      pointer(bar(item.id), 'pointermove', 112);
      pointer(bar(item.id), 'pointermove', 125);
      pointer(bar(item.id), 'pointerup', 125);
    });
    // Months zoom: 5 px a day, so 25 px is five days later.
    await waitFor(async () => expect(await stored(item.id)).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-15' }));
    expect(announcement()).toBe(t.datesChanged('Saved cards', formatDay('2027-02-01'), formatDay('2027-02-15')));
  });

  test('a blocker that ends after its dependent starts is drawn and warned about in text', async () => {
    const blocker = await seedItem('Billing v2', { startDate: '2027-02-01', endDate: '2027-03-10' });
    const dependent = await seedItem('Checkout', { startDate: '2027-03-01', endDate: '2027-03-20', dependsOn: [blocker.id] });
    await openTimeline();
    expect(screen.getByTestId(`timeline-warning-${dependent.id}`).textContent).toContain(t.blockerLate('Billing v2'));
    expect(bar(dependent.id).getAttribute('aria-describedby')).toContain(`tl-late-${dependent.id}`);
    expect(screen.getByTestId('timeline-connectors').querySelectorAll('path.tl-connector[data-late="true"]')).toHaveLength(1);
  });
});
