import { createSandbox } from '../../harness';
import { valueOf, visionBoard } from './builders';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

describe('the vision board', () => {
  test('starts empty at version 0, and a project administrator saves it with who and when', async () => {
    const empty = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(empty.vision).toEqual({ board: expect.objectContaining({ productName: '' }), version: 0 });

    const saved = valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } }));
    expect(saved).toEqual({
      board: visionBoard(),
      version: 1,
      saved: { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), by: expect.objectContaining({ displayName: 'Maya Okafor', avatarUrl: expect.stringMatching(/^https:/) }) },
    });
    const read = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(read.vision).toEqual(saved);
  });

  test('trims what it stores', async () => {
    const saved = valueOf(
      await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ productName: '  Thrive  ' }), baseVersion: 0 } }),
    );
    expect(saved.board.productName).toBe('Thrive');
  });

  describe('two people editing', () => {
    test('the second save from the same version gets a conflict carrying the first one’s board, and nothing is overwritten', async () => {
      valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'First' }), baseVersion: 0 } }));
      const second = await sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard({ vision: 'Second' }), baseVersion: 0 } });
      expect(second).toEqual({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/Someone else changed this vision/), current: expect.objectContaining({ version: 1, board: expect.objectContaining({ vision: 'First' }) }) },
      });
      const read = valueOf(await sandbox.call('getStrategy', { as: 'productManager' }));
      expect(read.vision.board.vision).toBe('First');
    });

    test('reapplying on the current version succeeds', async () => {
      valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'First' }), baseVersion: 0 } }));
      const again = valueOf(await sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard({ vision: 'Second' }), baseVersion: 1 } }));
      expect(again.version).toBe(2);
    });

    test('two saves racing from the same version: exactly one lands', async () => {
      const [a, b] = await Promise.all([
        sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'A' }), baseVersion: 0 } }),
        sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard({ vision: 'B' }), baseVersion: 0 } }),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, error: { code: 'conflict', current: { version: 1 } } });
      expect(valueOf(await sandbox.call('listVisionVersions', { as: 'developer' }))).toHaveLength(1);
    });

    test('a version from the future is a conflict too, not a gap in the history', async () => {
      const result = await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 7 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', current: { version: 0 } } });
    });
  });

  describe('history', () => {
    /** Three versions: two people take turns, so no save continues the one before it (a sitting is one person's). */
    async function threeVersions() {
      for (const [index, vision] of ['One', 'Two', 'Three'].entries()) {
        valueOf(await sandbox.call('saveVision', { as: index === 1 ? 'admin' : 'productManager', payload: { board: visionBoard({ vision }), baseVersion: index } }));
      }
    }

    test('lists every version, newest first, with who, when and its vision sentence', async () => {
      await threeVersions();
      const versions = valueOf(await sandbox.call('listVisionVersions', { as: 'developer' }));
      expect(versions.map((v) => [v.version, v.vision])).toEqual([
        [3, 'Three'],
        [2, 'Two'],
        [1, 'One'],
      ]);
      expect(versions[0]?.saved.by.displayName).toBe('Maya Okafor');
    });

    test('a reader opens an earlier version', async () => {
      await threeVersions();
      const earlier = valueOf(await sandbox.call('getVisionVersion', { as: 'developer', payload: { version: 1 } }));
      expect(earlier).toMatchObject({ version: 1, board: { vision: 'One' }, saved: { by: { displayName: 'Maya Okafor' } } });
    });

    test('an editor restores an earlier version as a new one; history only grows', async () => {
      await threeVersions();
      const restored = valueOf(await sandbox.call('restoreVisionVersion', { as: 'productManager', payload: { version: 1, baseVersion: 3 } }));
      expect(restored).toMatchObject({ version: 4, board: { vision: 'One' } });
      expect(valueOf(await sandbox.call('listVisionVersions', { as: 'developer' })).map((v) => v.version)).toEqual([4, 3, 2, 1]);
    });

    test('a reader may open but not restore', async () => {
      await threeVersions();
      const result = await sandbox.call('restoreVisionVersion', { as: 'developer', payload: { version: 1, baseVersion: 3 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/project administrators/) } });
      expect(valueOf(await sandbox.call('listVisionVersions', { as: 'developer' }))).toHaveLength(3);
    });

    test('restoring from a stale version is a conflict', async () => {
      await threeVersions();
      const result = await sandbox.call('restoreVisionVersion', { as: 'productManager', payload: { version: 1, baseVersion: 2 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', current: { version: 3, board: { vision: 'Three' } } } });
    });

    test('a version that does not exist is not found', async () => {
      await threeVersions();
      expect(await sandbox.call('getVisionVersion', { as: 'developer', payload: { version: 9 } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await sandbox.call('restoreVisionVersion', { as: 'productManager', payload: { version: 9, baseVersion: 3 } })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    });

    test('another project’s versions are not reachable from this one', async () => {
      valueOf(await sandbox.call('saveVision', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: { board: visionBoard({ vision: 'Mobile' }), baseVersion: 0 } }));
      expect(await sandbox.call('getVisionVersion', { as: 'productManager', payload: { version: 1 } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(valueOf(await sandbox.call('listVisionVersions', { as: 'productManager' }))).toEqual([]);
    });
  });

  test('a developer saves once a Jira administrator has let everyone who edits issues edit', async () => {
    await sandbox.setEditRule('issue-editors');
    const saved = valueOf(await sandbox.call('saveVision', { as: 'developer', payload: { board: visionBoard(), baseVersion: 0 } }));
    expect(saved.saved?.by.displayName).toBe('Lukas Becker');
    expect(valueOf(await sandbox.call('getStrategy', { as: 'developer' })).viewer).toEqual({ canEdit: true, editRule: 'issue-editors', licensed: true, accountId: expect.any(String) });
  });

  describe('refuses', () => {
    test('a developer, who may browse but not administer, under the default rule', async () => {
      const result = await sandbox.call('saveVision', { as: 'developer', payload: { board: visionBoard(), baseVersion: 0 } });
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only project administrators/) } });
      expect(valueOf(await sandbox.call('listVisionVersions', { as: 'developer' }))).toEqual([]);
    });

    test('the product manager in OPS, where they may only look, even under the wider rule', async () => {
      await sandbox.setEditRule('issue-editors');
      const result = await sandbox.call('saveVision', { as: 'productManager', in: { module: 'jira:projectPage', project: 'OPS' }, payload: { board: visionBoard(), baseVersion: 0 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    test('the outsider, even to read the history', async () => {
      valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } }));
      for (const call of [
        sandbox.call('listVisionVersions', { as: 'outsider' }),
        sandbox.call('getVisionVersion', { as: 'outsider', payload: { version: 1 } }),
        sandbox.call('saveVision', { as: 'outsider', payload: { board: visionBoard(), baseVersion: 1 } }),
      ]) {
        expect(await call).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/browse this project/) } });
      }
    });

    test('an anonymous caller, without asking Jira or storage anything', async () => {
      sandbox.forge.kvs.resetStats();
      const result = await sandbox.call('saveVision', { as: 'anonymous', payload: { board: visionBoard(), baseVersion: 0 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(sandbox.jira.stats.requests).toBe(0);
      expect(sandbox.forge.kvs.stats.operations).toBe(0);
    });

    test.each([
      ['an empty product name', { productName: '   ' }, 'board.productName', /Name the product/],
      ['a product name over 120 characters', { productName: 'x'.repeat(121) }, 'board.productName', /120 characters/],
      ['a vision over 500 characters', { vision: 'x'.repeat(501) }, 'board.vision', /500 characters/],
      ['needs over 2,000 characters', { needs: 'x'.repeat(2001) }, 'board.needs', /2,000 characters/],
      ['a field that is not text', { businessGoals: 42 }, 'board.businessGoals', /Enter text/],
    ])('%s, naming the field', async (_, override, field, message) => {
      const board = { ...visionBoard(), ...override };
      const result = await sandbox.call('saveVision', { as: 'productManager', payload: { board, baseVersion: 0 } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', field, message: expect.stringMatching(message) } });
    });

    test('a payload without a base version', async () => {
      const result = await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard() } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'baseVersion' } });
    });
  });
});
