import { screen, waitFor, within } from '@testing-library/react';
import type { KpiInput } from '../../src/contract';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

const kpiInput = (extra: Partial<KpiInput> = {}): KpiInput => ({
  name: 'Teams active in week one',
  unit: '%',
  direction: 'increase',
  baseline: { value: 20, date: '2026-01-01' },
  target: { value: 60, date: '2026-12-31' },
  source: { kind: 'manual' },
  ...extra,
});

/** A goal with one KPI and its measurements, saved as the product manager. */
async function seedKpi(measurements: ReadonlyArray<readonly [string, number]>, extra: Partial<KpiInput> = {}) {
  const goal = await page.call('createGoal', { goal: { title: 'Activate teams', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  const kpi = await page.call('createKpi', { goalId: goal.id, kpi: kpiInput(extra) });
  let series = (await page.call('getKpiHistory', { id: kpi.id })).seriesVersion;
  for (const [date, value] of measurements) {
    series = (await page.call('addMeasurement', { kpiId: kpi.id, measurement: { date, value }, baseVersion: series })).seriesVersion;
  }
  return { goal, kpi: (await page.call('getKpiHistory', { id: kpi.id })).kpi };
}

const kpiRow = (id: string) => screen.findByTestId(`kpi-${id}`);

describe('KPIs on the Goals & KPIs tab', () => {
  test('a manual KPI shows its latest value, progress, trend, and its health with the reason', async () => {
    const { kpi } = await seedKpi([
      ['2026-03-01', 25],
      ['2026-06-01', 30],
      ['2026-09-01', 34],
    ]);
    expect(kpi.health).not.toBe('no-data');
    await page.open('developer', 'Goals & KPIs');
    const row = within(await kpiRow(kpi.id));
    expect(row.getByText('Teams active in week one')).toBeTruthy();
    expect(row.getByText('34%')).toBeTruthy();
    expect(row.getByText({ 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' }[kpi.health as 'on-track'])).toBeTruthy();
    expect(row.getByText(kpi.healthReason)).toBeTruthy();
    const bar = row.getByRole('progressbar', { name: 'Teams active in week one' });
    expect(bar.getAttribute('aria-valuetext')).toBe(`${Math.round(kpi.progress! * 100)}% of the way from baseline to target`);
    expect(row.getByRole('img', { name: 'Trend of the last 3 measurements: from 25% to 34%; target 60%.' })).toBeTruthy();
  });

  test('a KPI with no measurements says so, in words and in its health', async () => {
    const { kpi } = await seedKpi([]);
    await page.open('productManager', 'Goals & KPIs');
    const row = within(await kpiRow(kpi.id));
    expect(row.getByText('No value yet')).toBeTruthy();
    expect(row.getByText('No data')).toBeTruthy();
    expect(row.getByText(kpi.healthReason)).toBeTruthy();
  });

  test('opening a KPI shows its chart, described in words, and its measurements as a table', async () => {
    const { kpi } = await seedKpi([
      ['2026-03-01', 25],
      ['2026-06-01', 30],
    ]);
    const { user } = await page.open('developer', 'Goals & KPIs');
    const details = await screen.findByRole('button', { name: 'Details of KPI “Teams active in week one”' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    await user.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));
    expect(await detail.findByRole('img', { name: /Teams active in week one: 2 measurements, latest 30% \(Jun 1, 2026\)\. Plan from 20% to 60% by Dec 31, 2026\./ })).toBeTruthy();
    const table = detail.getByRole('table', { name: 'Measurements' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('Date'),
      expect.stringContaining('Jun 1, 2026'),
      expect.stringContaining('Mar 1, 2026'),
    ]);
    // A reader gets no way to change the numbers.
    expect(detail.queryByRole('button', { name: 'Add measurement' })).toBeNull();
    expect(detail.queryByRole('button', { name: 'Edit KPI' })).toBeNull();
  });

  test('the product manager adds a measurement, corrects one and deletes one; health follows', async () => {
    const { kpi } = await seedKpi([['2026-03-01', 25]]);
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active in week one”' }));
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));

    await user.type(await detail.findByRole('spinbutton', { name: /^Value \(%\)/ }), '41');
    const date = detail.getByLabelText(/^Date/);
    await user.clear(date);
    await user.type(date, '2026-07-01');
    await user.type(detail.getByRole('textbox', { name: /^Note/ }), 'After the <b>checklist</b>');
    await user.click(detail.getByRole('button', { name: 'Add measurement' }));

    const table = await detail.findByRole('table', { name: 'Measurements' });
    expect(await within(table).findByText('Jul 1, 2026')).toBeTruthy();
    expect(within(table).getByText('After the <b>checklist</b>')).toBeTruthy();
    expect(announcement()).toBe('Measurement 41% on Jul 1, 2026 added.');
    const row = within(await kpiRow(kpi.id));
    await waitFor(() => expect(row.getAllByText('41%').length).toBeGreaterThan(0));

    await user.click(within(table).getByRole('button', { name: 'Edit the measurement of Mar 1, 2026' }));
    const value = within(table).getByRole('spinbutton', { name: /^Value/ });
    await user.clear(value);
    await user.type(value, '27');
    await user.click(within(table).getByRole('button', { name: 'Save' }));
    expect(await within(table).findByText('27%')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Delete the measurement of Jul 1, 2026' }));
    await user.click(within(table).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(table).queryByText('Jul 1, 2026')).toBeNull());
    const history = await page.call('getKpiHistory', { id: kpi.id });
    expect(history.measurements.map((m) => [m.date, m.value])).toEqual([['2026-03-01', 27]]);
    expect(within(await kpiRow(kpi.id)).getByText(history.kpi.healthReason)).toBeTruthy();
  });

  test('an empty measurement is refused next to its field, asking for a number (not "must be a number")', async () => {
    const { kpi } = await seedKpi([]);
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active in week one”' }));
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));
    await user.click(await detail.findByRole('button', { name: 'Add measurement' }));
    expect(await detail.findByText('Enter a number.')).toBeTruthy();
    expect(detail.queryByText(/must be a number/)).toBeNull();
    expect(detail.getByRole('spinbutton', { name: /^Value/ }).getAttribute('aria-invalid')).toBe('true');
  });

  test('adding a KPI: the server’s refusal of the target shows next to the target', async () => {
    const goal = await page.call('createGoal', { goal: { title: 'Activate teams', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Add KPI to “Activate teams”' }));
    const form = within(screen.getByRole('form', { name: 'New KPI' }));
    expect(document.activeElement).toBe(form.getByRole('textbox', { name: /^Name/ }));
    await user.type(form.getByRole('textbox', { name: /^Name/ }), 'Support tickets');
    await user.type(form.getByRole('textbox', { name: /^Unit/ }), 'tickets');
    await user.type(form.getByRole('spinbutton', { name: /^Baseline value/ }), '40');
    await user.type(form.getByRole('spinbutton', { name: /^Target value/ }), '20');
    await user.click(form.getByRole('button', { name: 'Add KPI' }));

    const target = form.getByRole('spinbutton', { name: /^Target value/ });
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    expect(form.getByText('Higher is better here, so the target must be above the baseline.')).toBeTruthy();

    await user.click(form.getByRole('radio', { name: 'Lower is better' }));
    await user.click(form.getByRole('button', { name: 'Add KPI' }));
    expect(await screen.findByText('Support tickets')).toBeTruthy();
    expect(announcement()).toBe('KPI “Support tickets” added.');
    expect((await page.call('getStrategy', undefined)).goals.find((g) => g.id === goal.id)!.kpis[0]).toMatchObject({ name: 'Support tickets', direction: 'decrease' });
  });

  test('“Check JQL” shows Jira’s own message next to a bad query, and the count for a good one', async () => {
    await page.call('createGoal', { goal: { title: 'Ship epics', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Add KPI to “Ship epics”' }));
    const form = within(screen.getByRole('form', { name: 'New KPI' }));
    await user.click(form.getByRole('radio', { name: 'JQL count' }));
    const jql = form.getByRole('textbox', { name: /^JQL/ });
    await user.type(jql, 'status = = Done');
    await user.click(form.getByRole('button', { name: 'Check JQL' }));

    await waitFor(() => expect(jql.getAttribute('aria-invalid')).toBe('true'));
    const errorId = (jql.getAttribute('aria-describedby') ?? '').split(' ')[0]!;
    expect(document.getElementById(errorId)?.textContent).toMatch(/Error in the JQL Query/);

    await user.clear(jql);
    await user.type(jql, 'issuetype = Epic');
    await user.click(form.getByRole('button', { name: 'Check JQL' }));
    expect(await form.findByText(/^Counts \d+ issues? now\.$/)).toBeTruthy();
    expect(jql.getAttribute('aria-invalid')).toBeNull();
  });

  test('a JQL KPI is measured now with “Refresh now”, one value a day', async () => {
    const { kpi } = await seedKpi([], { name: 'Epics done', unit: 'epics', baseline: { value: 0, date: '2026-01-01' }, target: { value: 20, date: '2026-12-31' }, source: { kind: 'jql-count', jql: 'issuetype = Epic' } });
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Epics done”' }));
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));
    // Created with today's count already; refreshing replaces today's value rather than adding one.
    const table = await detail.findByRole('table', { name: 'Measurements' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(detail.queryByRole('button', { name: 'Add measurement' })).toBeNull();
    await user.click(detail.getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(announcement()).toMatch(/^Measured now: \d+ epics\.$/));
    expect(within(detail.getByRole('table', { name: 'Measurements' })).getAllByRole('row')).toHaveLength(2);
    expect(within(await kpiRow(kpi.id)).queryByText('No value yet')).toBeNull();
  });

  test('adding a measurement after someone else did: their series shows, mine is added to it', async () => {
    const { kpi } = await seedKpi([['2026-03-01', 25]]);
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active in week one”' }));
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));
    await user.type(await detail.findByRole('spinbutton', { name: /^Value \(%\)/ }), '33');
    const series = (await page.call('getKpiHistory', { id: kpi.id })).seriesVersion;
    await page.call('addMeasurement', { kpiId: kpi.id, measurement: { date: '2026-04-01', value: 29 }, baseVersion: series }, 'admin');
    await user.click(detail.getByRole('button', { name: 'Add measurement' }));

    expect(await detail.findByText('Someone else changed this')).toBeTruthy();
    await user.click(detail.getByRole('button', { name: 'Apply my change to their version' }));
    await waitFor(async () => expect((await page.call('getKpiHistory', { id: kpi.id })).measurements.map((m) => m.value)).toEqual(expect.arrayContaining([25, 29, 33])));
    const table = detail.getByRole('table', { name: 'Measurements' });
    expect(await within(table).findByText('29%')).toBeTruthy();
    expect(within(table).getByText('33%')).toBeTruthy();
  });

  test('editing a KPI someone changed meanwhile: my new name goes onto their new target', async () => {
    const { kpi } = await seedKpi([]);
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active in week one”' }));
    const detail = within(await screen.findByTestId(`kpi-detail-${kpi.id}`));
    await user.click(await detail.findByRole('button', { name: 'Edit KPI' }));
    const form = within(screen.getByRole('form', { name: 'Edit KPI “Teams active in week one”' }));
    const name = form.getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Teams active in their first week');
    await page.call('updateKpi', { id: kpi.id, kpi: kpiInput({ target: { value: 75, date: '2026-12-31' } }), baseVersion: kpi.version }, 'admin');
    await user.click(form.getByRole('button', { name: 'Save' }));

    expect(await form.findByText('Someone else changed this')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Apply my change to their version' }));
    expect(await screen.findByText('Teams active in their first week')).toBeTruthy();
    const saved = (await page.call('getKpiHistory', { id: kpi.id })).kpi;
    expect(saved).toMatchObject({ name: 'Teams active in their first week', target: { value: 75 } });
  });
});
