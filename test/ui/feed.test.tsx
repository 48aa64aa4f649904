/**
 * The "What changed" tab and the Follow toggle in jsdom, over the real resolver in the sandbox:
 * the digest groups by day, the goal filter and "Following only" ask the server, a reader follows a
 * goal from its card (announced, shared with the feed), and the day grouping is a pure function.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { ActivityEntry, GoalInput } from '../../src/contract';
import { groupByDay } from '../../static/product/src/feed/feed-model';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

const goalInput = (title: string, extra: Partial<GoalInput> = {}): GoalInput => ({ title, description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' }, ...extra });

describe('What changed', () => {
  test('a reader sees the digest, narrows it to one goal, follows a goal and reads only what they follow', async () => {
    const checkout = await page.call('createGoal', { goal: goalInput('Faster checkout') });
    const onboarding = await page.call('createGoal', { goal: goalInput('Smoother onboarding') });
    await page.call('updateGoal', { id: onboarding.id, goal: goalInput('Smoother onboarding', { status: 'done' }), baseVersion: 1 });

    const { user } = await page.open('developer');
    await user.click(await screen.findByRole('tab', { name: 'What changed' }));
    const tab = await screen.findByTestId('feed-tab');
    await within(tab).findByText('marked the goal Smoother onboarding done');
    expect(within(tab).getByRole('heading', { name: 'Today', level: 3 })).toBeTruthy();
    expect(within(tab).getAllByTestId('feed-entry')).toHaveLength(3);
    expect(announcement()).toBe('3 changes shown');

    await user.selectOptions(within(tab).getByRole('combobox', { name: 'Goal' }), checkout.id);
    await waitFor(() => expect(within(tab).getAllByTestId('feed-entry')).toHaveLength(1));
    expect(within(tab).getByText('added the goal Faster checkout')).toBeTruthy();
    await user.selectOptions(within(tab).getByRole('combobox', { name: 'Goal' }), '');

    await user.click(within(tab).getByRole('button', { name: 'Following only' }));
    expect(await within(tab).findByText(/You follow nothing yet/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Goals & KPIs' }));
    const follow = await screen.findByRole('button', { name: 'Follow Faster checkout' });
    await waitFor(() => expect(follow.hasAttribute('disabled')).toBe(false));
    await user.click(follow);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Follow Faster checkout' }).getAttribute('aria-pressed')).toBe('true'));
    expect(announcement()).toBe('You follow Faster checkout. Its changes show under Following in What changed.');

    await user.click(screen.getByRole('tab', { name: 'What changed' }));
    await user.click(within(tab).getByRole('button', { name: 'Following only' }));
    await user.click(within(tab).getByRole('button', { name: 'Following only' }));
    await waitFor(() => expect(within(tab).getAllByTestId('feed-entry')).toHaveLength(1));
    expect(within(tab).getByText('added the goal Faster checkout')).toBeTruthy();
  });
});

describe('grouping by day', () => {
  const entry = (at: string): ActivityEntry => ({ id: at, at, summary: { kind: 'goal-added', title: at, status: 'on-track' } });
  test.each<[string, string[], string | undefined, string[][]]>([
    ['one day', ['2026-12-07T10:00:00Z', '2026-12-07T09:00:00Z'], 'UTC', [['2026-12-07', '2026-12-07T10:00:00Z', '2026-12-07T09:00:00Z']]],
    ['two days', ['2026-12-07T01:00:00Z', '2026-12-06T23:00:00Z'], 'UTC', [['2026-12-07', '2026-12-07T01:00:00Z'], ['2026-12-06', '2026-12-06T23:00:00Z']]],
    ['the reader’s zone decides the day (Sydney is ahead)', ['2026-12-07T01:00:00Z', '2026-12-06T23:00:00Z'], 'Australia/Sydney', [['2026-12-07', '2026-12-07T01:00:00Z', '2026-12-06T23:00:00Z']]],
    ['nothing', [], 'UTC', []],
  ])('%s', (_name, ats, zone, days) => {
    expect(groupByDay(ats.map(entry), zone).map((day) => [day.day, ...day.entries.map((e) => e.at)])).toEqual(days);
  });
});
