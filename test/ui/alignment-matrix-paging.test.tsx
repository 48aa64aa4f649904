/**
 * Issue 10.5: the Alignment tab's epics × goals matrix draws 25 rows at a time, with a filter over
 * keys, summaries and goal titles, a live count, and focus on the first row a "Show more" draws.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { send } from '../sandbox/jira/simulator-kit';
import { productPageHarness } from './product-page-harness';

const page = productPageHarness();

test('30 aligned epics: 25 rows, Show 5 more, a filter by goal title and by key, the count spoken', async () => {
  const checkout = await page.call('createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  const loyalty = await page.call('createGoal', { goal: { title: 'Customer retention', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  // THR has 18 epics; twelve more, made in Jira as the product manager.
  for (let n = 1; n <= 12; n += 1) {
    const made = await send(page.sandbox.jira, { method: 'POST', path: '/rest/api/3/issue', body: { fields: { project: { key: 'THR' }, issuetype: { id: '10000' }, summary: `Extra epic ${n}` } } });
    expect(made.status).toBe(201);
  }
  const view = await page.call('getAlignment', undefined);
  const epics = view.epics.slice(0, 30);
  expect(epics).toHaveLength(30);
  for (const [n, epic] of epics.entries()) {
    await page.call('linkEpics', { target: { kind: 'goal', id: n < 3 ? loyalty.id : checkout.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] });
  }
  const opened = await page.open('productManager');
  await opened.user.click(screen.getByRole('tab', { name: 'Alignment' }));
  const matrix = await screen.findByTestId('alignment-matrix', undefined, { timeout: 10_000 });
  const rows = () => within(screen.getByTestId('alignment-matrix')).getAllByRole('row').length - 1;
  expect(rows()).toBe(25);
  expect(screen.getByTestId('matrix-count').textContent).toBe('25 of 30 epics');
  expect(matrix).toBeTruthy();

  await opened.user.click(screen.getByRole('button', { name: 'Show 5 more' }));
  await waitFor(() => expect(rows()).toBe(30));
  await waitFor(() => expect(document.activeElement?.closest('tr')).toBe(within(screen.getByTestId('alignment-matrix')).getAllByRole('row')[26]));
  expect(screen.queryByRole('button', { name: /Show \d+ more/ })).toBeNull();

  const filter = screen.getByRole('searchbox', { name: 'Filter epics' });
  await opened.user.type(filter, 'retention');
  await waitFor(() => expect(rows()).toBe(3));
  expect(screen.getByTestId('matrix-count').textContent).toBe('3 of 30 epics');
  await opened.user.clear(filter);
  await opened.user.type(filter, epics[7]!.key);
  await waitFor(() => expect(within(screen.getByTestId('alignment-matrix')).getByText(epics[7]!.summary)).toBeTruthy());
  await opened.user.clear(filter);
  await opened.user.type(filter, 'zzzz nothing');
  await waitFor(() => expect(screen.queryByTestId('alignment-matrix')).toBeNull());
  expect(screen.getByTestId('matrix-count').textContent).toBe('No epic matches this filter.');
});
