/**
 * The Product page as people use it, for the strategy tests: the real page, bridge and resolver
 * over the sandbox, acting as one of the demo's people. Storage is emptied before each test, so
 * every test states the product it starts from (through the same resolver, as some user).
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Defs } from '../../src/contract';
import { createSandbox } from '../integration/harness';
import type { Actor } from '../integration/harness';
import { installBridgeDouble } from './forge-bridge-double';

type Payload<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : undefined;
type Value<K extends keyof Defs> = Extract<ReturnType<Defs[K]>, { ok: true }>['value'];

export function productPageHarness() {
  // Each test types into real ADS fields and runs the real resolver for every call: seconds, not ms.
  jest.setTimeout(20_000);
  const sandbox = createSandbox();
  const bridge = installBridgeDouble(sandbox, { as: 'productManager' });
  let Page: typeof import('../../static/product/src/product-page').ProductPage;

  beforeAll(async () => {
    // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
    ({ ProductPage: Page } = await import('../../static/product/src/product-page'));
  });

  beforeEach(() => {
    sandbox.forge.kvs.clear();
    sandbox.jira.clearFaults();
    bridge.setView({ as: 'productManager' });
  });

  /** A resolver call as `as` that must succeed: how a test sets the scene, or changes it underneath the page. */
  async function call<K extends keyof Defs>(functionKey: K, payload: Payload<K>, as: Actor = 'productManager'): Promise<Value<K>> {
    const result = await sandbox.call(functionKey, { as, ...(payload === undefined ? {} : { payload }) });
    if (!result.ok) throw new Error(`${functionKey} as ${as} failed: ${JSON.stringify(result.error)}`);
    return result.value as Value<K>;
  }

  /** Renders the page as `as` and opens `tab` once the page has loaded. */
  async function open(as: Actor, tab?: 'Vision' | 'Goals & KPIs' | 'Epics & sprints') {
    bridge.setView({ as });
    const user = userEvent.setup({ delay: null });
    const view = render(<Page />);
    const tabElement = await screen.findByRole('tab', { name: tab ?? 'Vision' }, { timeout: 5000 });
    if (tab) await user.click(tabElement);
    return { user, ...view };
  }

  return { sandbox, bridge, call, open };
}

/** What the page last said to screen readers through its polite live region. */
export const announcement = (): string => (screen.getByTestId('announcer').textContent ?? '').trim();

export const emptyBoard = { productName: '', vision: '', targetGroup: '', needs: '', product: '', businessGoals: '' };
