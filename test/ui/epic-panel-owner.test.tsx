/**
 * The epic panel names the owner of each roadmap item the epic delivers (issue 15), with the real
 * panel, bridge and resolver over the sandbox.
 */
import { render, screen, within } from '@testing-library/react';
import { createSandbox } from '../integration/harness';
import { clearEpicLinks, epicKeysOf, linkEpic, onIssue } from '../integration/epic-panel/kit';
import { DEMO_USERS } from '../sandbox/demo';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(20_000);

const sandbox = createSandbox();
const [epicKey] = epicKeysOf(sandbox, 'THR') as [string];
const bridge = installBridgeDouble(sandbox, { as: 'productManager', in: onIssue(epicKey) });
let EpicPanel: typeof import('../../static/epic-panel/src/epic-panel').EpicPanel;

beforeAll(async () => {
  ({ EpicPanel } = await import('../../static/epic-panel/src/epic-panel'));
});

beforeEach(() => {
  sandbox.forge.kvs.clear();
  clearEpicLinks(sandbox);
});

async function createItem(title: string, ownerAccountId?: string): Promise<string> {
  const answer = await sandbox.call('createRoadmapItem', {
    as: 'productManager',
    payload: { item: { title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned', ...(ownerAccountId ? { ownerAccountId } : {}) } },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.id;
}

test('each item the epic delivers says who owns it; an item without an owner says nothing about one', async () => {
  const owned = await createItem('One-tap payment', DEMO_USERS.developer);
  const unowned = await createItem('Saved cards');
  await linkEpic(sandbox, epicKey, { roadmapItemIds: [owned, unowned] });
  bridge.setView({ as: 'developer', in: onIssue(epicKey) });
  render(<EpicPanel />);
  const items = await screen.findByTestId('epic-items', undefined, { timeout: 8000 });
  const cards = within(items).getAllByTestId('epic-item');
  const byTitle = new Map(cards.map((card) => [within(card).getAllByText(/./)[0]!.textContent, card.textContent ?? '']));
  expect(byTitle.get('One-tap payment')).toContain('Owner: Lukas Becker');
  expect(byTitle.get('Saved cards')).not.toContain('Owner:');
});
