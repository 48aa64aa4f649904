/**
 * Issue 10.6: a JQL KPI links to its JQL in Jira's issue search, limited to the product's project as
 * the KPI counts it: a plain click moves Jira there with router.navigate, the href serves a new tab.
 * A manual KPI has no such link.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { KpiInput } from '../../src/contract';
import { productPageHarness } from './product-page-harness';

const page = productPageHarness();

const kpiInput = (extra: Partial<KpiInput>): KpiInput => ({
  name: 'Epics done',
  unit: 'epics',
  direction: 'increase',
  baseline: { value: 0, date: '2026-01-01' },
  target: { value: 20, date: '2026-12-31' },
  source: { kind: 'manual' },
  ...extra,
});

async function seed(kpis: Array<Partial<KpiInput>>) {
  const goal = await page.call('createGoal', { goal: { title: 'Ship more', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  const made = [];
  for (const kpi of kpis) made.push(await page.call('createKpi', { goalId: goal.id, kpi: kpiInput(kpi) }));
  return made;
}

test('a count KPI opens its JQL in issue search; a ratio KPI opens each of its two; a manual KPI has no link', async () => {
  const [count, ratio, manual] = await seed([
    { name: 'Epics done', source: { kind: 'jql-count', jql: 'issuetype = Epic AND statusCategory = Done ORDER BY created DESC' } },
    { name: 'Bugs fixed share', unit: '%', source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug AND statusCategory = Done', denominatorJql: 'issuetype = Bug' } },
    { name: 'NPS' },
  ]);
  const { user } = await page.open('productManager', 'Goals & KPIs');
  const countRow = within(await screen.findByTestId(`kpi-${count!.id}`));
  const link = countRow.getByRole('link', { name: 'Open the JQL of Epics done in Jira’s issue search' });
  const jql = 'project = THR AND (issuetype = Epic AND statusCategory = Done)';
  await waitFor(() => expect(link.getAttribute('href')).toBe(`${page.sandbox.site.baseUrl}/issues/?jql=${encodeURIComponent(jql)}`));
  const before = page.bridge.navigations.length;
  await user.click(link);
  // router.navigate with a site-relative URL: the bridge sends it as `url`.
  expect(page.bridge.navigations.slice(before)).toEqual([expect.objectContaining({ url: `/issues/?jql=${encodeURIComponent(jql)}` })]);

  const ratioRow = within(screen.getByTestId(`kpi-${ratio!.id}`));
  expect(ratioRow.getByRole('link', { name: 'Open the JQL of Bugs fixed share: Numerator in Jira’s issue search' }).getAttribute('title')).toBe('project = THR AND (issuetype = Bug AND statusCategory = Done)');
  expect(ratioRow.getByRole('link', { name: 'Open the JQL of Bugs fixed share: Denominator in Jira’s issue search' }).getAttribute('title')).toBe('project = THR AND (issuetype = Bug)');
  expect(within(screen.getByTestId(`kpi-${manual!.id}`)).queryByRole('link')).toBeNull();
});
