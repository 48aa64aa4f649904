/** While the site's licence is inactive, the product page and the epic panel say they are read-only. */
import { render, screen } from '@testing-library/react';
import { createSandbox } from '../integration/harness';
import { clearEpicLinks, epicKeysOf, onIssue } from '../integration/epic-panel/kit';
import { seedGoal } from '../integration/resolvers/strategy/kit';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(20_000);

const sandbox = createSandbox();
const [epicKey] = epicKeysOf(sandbox, 'THR') as [string];
const bridge = installBridgeDouble(sandbox, { as: 'productManager' });
const inactive = { isActive: false };
let ProductPage: typeof import('../../static/product/src/product-page').ProductPage;
let EpicPanel: typeof import('../../static/epic-panel/src/epic-panel').EpicPanel;

beforeAll(async () => {
  ({ ProductPage } = await import('../../static/product/src/product-page'));
  ({ EpicPanel } = await import('../../static/epic-panel/src/epic-panel'));
});

beforeEach(() => {
  sandbox.forge.kvs.clear();
  clearEpicLinks(sandbox);
});

test('the product page shows the read-only notice and no edit controls to a project administrator', async () => {
  await seedGoal(sandbox, { title: 'Faster checkout' });
  bridge.setView({ as: 'productManager', license: inactive });
  render(<ProductPage />);
  const notice = await screen.findByTestId('unlicensed-notice', {}, { timeout: 8000 });
  expect(notice.textContent).toContain('Read-only: Throughline’s licence is not active');
  expect(screen.queryByRole('button', { name: 'Edit vision' })).toBeNull();
});

test('an active licence shows no notice', async () => {
  bridge.setView({ as: 'productManager', license: { isActive: true } });
  render(<ProductPage />);
  await screen.findByRole('tab', { name: 'Vision' }, { timeout: 8000 });
  expect(screen.queryByTestId('unlicensed-notice')).toBeNull();
});

test('the epic panel shows the read-only notice instead of “Change links”', async () => {
  bridge.setView({ as: 'productManager', in: onIssue(epicKey), license: inactive });
  render(<EpicPanel />);
  const notice = await screen.findByTestId('unlicensed-notice', {}, { timeout: 8000 });
  expect(notice.textContent).toContain('nothing can be changed');
  expect(screen.queryByRole('button', { name: 'Change links' })).toBeNull();
});
