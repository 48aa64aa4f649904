/**
 * Collapsed roadmap lanes are remembered per person (issue 10.5), in Forge storage keyed by the
 * Forge context's accountId and project: another person, or another product, has its own.
 */
import type { Result } from '../../../../src/contract';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { valueOf } from '../strategy/builders';

const sandbox = createSandbox();
beforeEach(() => sandbox.forge.kvs.clear());

const save = (as: Actor, collapsedLaneIds: unknown, project = 'THR') =>
  sandbox.call('saveLanePrefs', { as, in: { module: 'jira:projectPage', project }, payload: { collapsedLaneIds } as Record<string, unknown> }) as Promise<Result<{ collapsedLaneIds: string[] }>>;
const read = (as: Actor, project = 'THR') => sandbox.call('getLanePrefs', { as, in: { module: 'jira:projectPage', project } });

test('a person’s collapsed lanes come back to them, in this product only, and not to anyone else', async () => {
  expect(valueOf(await read('productManager'))).toEqual({ collapsedLaneIds: [] });
  expect(valueOf(await save('productManager', ['goal-b', 'none', 'goal-b']))).toEqual({ collapsedLaneIds: ['goal-b', 'none'] });
  expect(valueOf(await read('productManager'))).toEqual({ collapsedLaneIds: ['goal-b', 'none'] });
  expect(valueOf(await read('developer'))).toEqual({ collapsedLaneIds: [] });
  expect(valueOf(await read('productManager', 'MOB'))).toEqual({ collapsedLaneIds: [] });
  // A reader (the edit rule does not let them change the product) keeps their own view too.
  valueOf(await save('developer', ['goal-a']));
  expect(valueOf(await read('developer'))).toEqual({ collapsedLaneIds: ['goal-a'] });
  expect(valueOf(await read('productManager'))).toEqual({ collapsedLaneIds: ['goal-b', 'none'] });
  // Expanding every lane again.
  valueOf(await save('productManager', []));
  expect(valueOf(await read('productManager'))).toEqual({ collapsedLaneIds: [] });
});

test('who may not browse the product is refused; bad lane lists change nothing', async () => {
  valueOf(await save('productManager', ['goal-b']));
  const before = JSON.stringify(sandbox.forge.kvs.snapshot());
  for (const as of ['outsider', 'anonymous'] as const) expect(await save(as, ['x'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await read('outsider')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  for (const bad of [null, 'goal-b', [3], ['../x'], Array.from({ length: 201 }, (_, n) => `lane-${n}`)]) {
    expect(await save('productManager', bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  }
  expect(JSON.stringify(sandbox.forge.kvs.snapshot())).toBe(before);
});
