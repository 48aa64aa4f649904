/**
 * Issue 12, part 6: one page, one title. Without a product name in the vision the product page was
 * "THR: product" while the portfolio called the same product by its Jira project name; getStrategy
 * now gives the project's name, and the page names the product as the portfolio does.
 */
import { productName } from '../../../../src/domain/portfolio';
import { productPageName } from '../../../../static/product/src/page-title';
import { createSandbox } from '../../harness';
import { valueOf, visionBoard } from './builders';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

test('before any vision: the project’s Jira name, read as the user, titles the page as the portfolio names the product', async () => {
  const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
  const jiraName = sandbox.project('THR').name;
  expect(view.project).toEqual({ id: sandbox.project('THR').id, key: 'THR', name: jiraName });
  expect(productPageName(view)).toBe(jiraName);
  expect(productPageName(view)).not.toBe('THR');
  expect(productPageName(view)).toBe(productName({ vision: { productName: view.vision.board.productName }, project: { name: jiraName } }));
  expect(sandbox.jira.stats.byRoute['GET /rest/api/3/project/{projectIdOrKey}']).toBe(1);
});

test('with a product name: that name, and no extra Jira request for the project', async () => {
  valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: { ...visionBoard(), productName: 'Thrive Web Shop' }, baseVersion: 0 } }));
  sandbox.jira.resetStats();
  const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
  expect(productPageName(view)).toBe('Thrive Web Shop');
  expect(view.project.name).toBeUndefined();
  expect(sandbox.jira.stats.byRoute['GET /rest/api/3/project/{projectIdOrKey}']).toBeUndefined();
});
