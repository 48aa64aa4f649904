import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSandbox } from '../integration/harness';
import { installBridgeDouble } from './forge-bridge-double';

const sandbox = createSandbox();
const bridge = installBridgeDouble(sandbox, { as: 'productManager' });
let ProductPage: typeof import('../../static/product/src/product-page').ProductPage;

beforeAll(async () => {
  // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
  ({ ProductPage } = await import('../../static/product/src/product-page'));
});

beforeEach(() => {
  sandbox.jira.clearFaults();
  bridge.setView({ as: 'productManager' });
});

/** The overview is the last tab, after the product's own views. */
async function openOverview() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Epics & sprints' }));
}

describe('the Product page', () => {
  test('has the Vision, Goals & KPIs, Roadmap, Alignment, Epics & sprints and What changed tabs, the vision first', async () => {
    render(<ProductPage />);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Vision', 'Goals & KPIs', 'Roadmap', 'Alignment', 'Epics & sprints', 'What changed']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    // Named as the portfolio names it: no product name in the vision yet, so the Jira project's name.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`${sandbox.project('THR').name}: product`));
  });

  test('shows the project’s epics with their progress, and its sprints', async () => {
    render(<ProductPage />);
    expect(screen.getByText('Loading product…')).toBeTruthy();
    await openOverview();
    const table = await screen.findByTestId('epic-table');
    const thrEpics = sandbox.site.issues.filter(
      (i) => i.projectId === sandbox.project('THR').id && sandbox.site.issueTypes.find((t) => t.id === i.issueTypeId)?.hierarchyLevel === 1,
    );
    expect(within(table).getAllByRole('row')).toHaveLength(thrEpics.length + 1);
    const first = thrEpics.sort((a, b) => (a.rank < b.rank ? -1 : 1))[0]!;
    expect(within(table).getByText(first.summary)).toBeTruthy();
    expect(within(table).getAllByRole('img', { name: /done, \d+ in progress, \d+ to do/ }).length).toBe(thrEpics.length);
    const sprints = screen.getByTestId('sprint-list');
    expect(within(sprints).getAllByText('Active').length).toBeGreaterThan(0);
    expect(within(sprints).getAllByText('Closed').length).toBeGreaterThan(0);
  });

  test('tells the outsider plainly that they have no access, with no retry', async () => {
    bridge.setView({ as: 'outsider' });
    render(<ProductPage />);
    expect(await screen.findByText('You don’t have access to this product')).toBeTruthy();
    expect(screen.getByText(/permission to browse this project/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('offers a retry when Jira is unavailable, and recovers when Jira does', async () => {
    sandbox.jira.setFaults({ serverError: { count: 1000, status: 500, match: '/rest/api/3/search/jql' } });
    render(<ProductPage />);
    await openOverview();
    expect(await screen.findByText('Jira isn’t answering')).toBeTruthy();
    sandbox.jira.clearFaults();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('epic-table')).toBeTruthy());
  });

  test('says what to do in a project with no board that runs sprints', async () => {
    bridge.setView({ as: 'developer', in: { module: 'jira:projectPage', project: 'OPS' } });
    render(<ProductPage />);
    await openOverview();
    expect(await screen.findByText(/no board that runs sprints/)).toBeTruthy();
  });
});
