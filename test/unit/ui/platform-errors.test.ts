/** Forge's raw invoke failure never reaches the user as is (issue 12, part 6). */
import { attempt, thrownMessage } from '../../../static/shared/errors';
import { platformErrors } from '../../../static/shared/messages/platform-errors';

// The prefix Forge's bridge rejects with (as the sandbox host's bridge does: test/sandbox/host/browser/server-calls.ts).
const platformFailure = new Error('There was an error invoking the function - Cannot read properties of undefined (reading \'projectId\')');

describe('a failed call the platform reports', () => {
  let logged: unknown[][] = [];
  const original = console.error;
  beforeEach(() => {
    logged = [];
    console.error = (...args: unknown[]) => logged.push(args);
  });
  afterEach(() => {
    console.error = original;
  });

  test('becomes one plain sentence for the user, the raw text going to the console', async () => {
    const result = await attempt(() => Promise.reject(platformFailure));
    expect(result).toEqual({ ok: false, error: { code: 'unexpected', message: platformErrors.invokeFailed } });
    expect(platformErrors.invokeFailed).not.toMatch(/invoking the function/);
    expect(logged).toEqual([[platformFailure.message]]);
  });

  test('other thrown errors keep their own words', () => {
    expect(thrownMessage(new Error('Network offline'))).toBe('Network offline');
    expect(thrownMessage('plain')).toBe('plain');
    expect(logged).toEqual([]);
  });
});
