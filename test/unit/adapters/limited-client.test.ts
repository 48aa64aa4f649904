import type { JiraClient } from '../../../src/adapters/jira/client';
import { withRequestLimit } from '../../../src/adapters/jira/limited-client';

/** A client of our own (not a module double): counts how many requests are in flight at once. */
function slowClient(delayMs: number) {
  let inFlight = 0;
  let most = 0;
  const client: JiraClient = {
    actor: 'app',
    async send<T>(): Promise<T> {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight -= 1;
      return undefined as T;
    },
  };
  return { client, most: () => most };
}

describe('withRequestLimit', () => {
  test.each([1, 3, 10])('keeps at most %i requests in flight, and runs them all', async (limit) => {
    const { client, most } = slowClient(5);
    const limited = withRequestLimit(client, limit);
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => limited.send({ path: undefined as never, schema: undefined as never })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(most()).toBe(limit);
  });

  test('a failed request frees its slot', async () => {
    let calls = 0;
    const failing: JiraClient = {
      actor: 'app',
      send: () => Promise.reject(new Error(`boom ${++calls}`)),
    };
    const limited = withRequestLimit(failing, 1);
    const results = await Promise.allSettled([1, 2, 3].map(() => limited.send({ path: undefined as never, schema: undefined as never })));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  test('refuses a limit that is not a positive whole number', () => {
    expect(() => withRequestLimit(slowClient(1).client, 0)).toThrow(RangeError);
  });
});
