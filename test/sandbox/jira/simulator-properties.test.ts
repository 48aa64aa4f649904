import { buildDemoSite } from '../demo';
import type { EntityPropertyIndex } from './model';
import type { ErrorBody, SearchPage } from './simulator-kit';
import { asUser, bodyOf, demoSimulator, issueNamed, jql, send } from './simulator-kit';

const PROPERTY = '/rest/api/3/issue/THR-1/properties/throughline';

const GOAL_INDEX: EntityPropertyIndex = {
  propertyKey: 'throughline',
  values: [{ path: 'goalId', type: 'string', searchAlias: 'throughlineGoal' }],
};

describe('issue properties', () => {
  test('PUT creates (201), a second PUT updates (200), GET reads the value back', async () => {
    const sim = demoSimulator();

    expect((await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-1' } })).status).toBe(201);
    expect((await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-2' } })).status).toBe(200);
    expect(bodyOf<unknown>(await send(sim, { path: PROPERTY }))).toEqual({ key: 'throughline', value: { goalId: 'g-2' } });
  });

  test('the keys list names each property with its URL', async () => {
    const sim = demoSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: true });

    expect(bodyOf<unknown>(await send(sim, { path: '/rest/api/3/issue/THR-1/properties' }))).toEqual({
      keys: [{ key: 'throughline', self: `${sim.site.baseUrl}${PROPERTY}` }],
    });
  });

  test('a write bumps the issue’s updated time to the simulator’s clock', async () => {
    const now = new Date('2026-11-20T10:30:00.000Z');
    const sim = demoSimulator({ clock: () => now });
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-1' } });

    expect(issueNamed(sim.site, 'THR-1').updated).toBe(now.toISOString());
  });

  test('JQL finds a property value as soon as it is written', async () => {
    const sim = demoSimulator({ site: buildDemoSite({ entityPropertyIndexes: [GOAL_INDEX] }) });
    const find = async () =>
      bodyOf<SearchPage>(await send(sim, { path: `/rest/api/3/search/jql?jql=${jql('throughlineGoal = "g-7"')}&fields=key` })).issues;

    expect(await find()).toEqual([]);
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-7' } });
    expect((await find()).map((i) => i.key)).toEqual(['THR-1']);
  });

  test('a value longer than 32,768 characters is refused', async () => {
    const sim = demoSimulator();
    const atLimit = await send(sim, { method: 'PUT', path: PROPERTY, body: 'x'.repeat(32_766) });
    const overLimit = await send(sim, { method: 'PUT', path: PROPERTY, body: 'x'.repeat(32_767) });

    expect(atLimit.status).toBe(201);
    expect(overLimit.status).toBe(400);
  });

  test('a body that is not JSON is refused', async () => {
    const response = await demoSimulator().handle({ method: 'PUT', path: PROPERTY, body: '{nope', caller: asUser('productManager') });

    expect(response.status).toBe(400);
  });

  test('DELETE answers 204, after which the property is a 404', async () => {
    const sim = demoSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: 1 });

    expect((await send(sim, { method: 'DELETE', path: PROPERTY })).status).toBe(204);
    const gone = await send(sim, { path: PROPERTY });
    expect(gone.status).toBe(404);
    expect(bodyOf<ErrorBody>(gone).errorMessages).toEqual(["The property with key 'throughline' does not exist."]);
  });

  test('a viewer cannot delete either (404, as the OpenAPI document says)', async () => {
    const sim = demoSimulator();
    await send(sim, { method: 'PUT', path: '/rest/api/3/issue/OPS-1/properties/note', body: 1, caller: asUser('developer') });

    expect((await send(sim, { method: 'DELETE', path: '/rest/api/3/issue/OPS-1/properties/note' })).status).toBe(404);
  });

  test('a property may be called __proto__ without harm', async () => {
    const sim = demoSimulator();
    await send(sim, { method: 'PUT', path: '/rest/api/3/issue/THR-1/properties/__proto__', body: { a: 1 } });

    expect(bodyOf<unknown>(await send(sim, { path: '/rest/api/3/issue/THR-1/properties/__proto__' }))).toEqual({ key: '__proto__', value: { a: 1 } });
    expect(Object.getPrototypeOf(issueNamed(sim.site, 'THR-1').properties)).toBe(Object.prototype);
  });
});

describe('the search index trails property writes (searchIndexLagMs)', () => {
  const LAG_MS = 2_000;

  /** A simulator whose index time is a counter the test moves; the demo site with the goal alias. */
  function laggingSimulator() {
    let elapsed = 0;
    const sim = demoSimulator({ site: buildDemoSite({ entityPropertyIndexes: [GOAL_INDEX] }) });
    sim.setSearchIndexLag(LAG_MS, () => elapsed);
    return { sim, advance: (ms: number) => void (elapsed += ms) };
  }

  async function findGoal(sim: ReturnType<typeof demoSimulator>, goalId: string, extra = ''): Promise<SearchPage['issues']> {
    const response = await send(sim, { path: `/rest/api/3/search/jql?jql=${jql(`throughlineGoal = "${goalId}"`)}&fields=key&properties=throughline${extra}` });
    expect(response.status).toBe(200);
    return bodyOf<SearchPage>(response).issues;
  }

  test('JQL finds a written value only once the lag has passed; GET reads it at once', async () => {
    const { sim, advance } = laggingSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-7' } });

    expect(await findGoal(sim, 'g-7')).toEqual([]);
    expect(bodyOf<unknown>(await send(sim, { path: PROPERTY }))).toEqual({ key: 'throughline', value: { goalId: 'g-7' } });
    advance(LAG_MS - 1);
    expect(await findGoal(sim, 'g-7')).toEqual([]);
    advance(1);
    expect((await findGoal(sim, 'g-7')).map((i) => i.key)).toEqual(['THR-1']);
  });

  test('search returns the indexed values, not the current ones, until the lag has passed', async () => {
    const { sim, advance } = laggingSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-1' } });
    advance(LAG_MS);
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-2' } });

    const stale = await findGoal(sim, 'g-1');
    expect(stale.map((i) => [i.key, i.properties])).toEqual([['THR-1', { throughline: { goalId: 'g-1' } }]]);
    expect(await findGoal(sim, 'g-2')).toEqual([]);
  });

  test('a deleted property still matches until the index catches up', async () => {
    const { sim, advance } = laggingSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-3' } });
    advance(LAG_MS);
    await send(sim, { method: 'DELETE', path: PROPERTY });

    expect((await findGoal(sim, 'g-3')).map((i) => i.key)).toEqual(['THR-1']);
    advance(LAG_MS);
    expect(await findGoal(sim, 'g-3')).toEqual([]);
  });

  test('writes become visible one after another, each after its own lag', async () => {
    const { sim, advance } = laggingSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-1' } });
    advance(LAG_MS / 2);
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-2' } });
    advance(LAG_MS / 2);

    expect((await findGoal(sim, 'g-1')).map((i) => i.key)).toEqual(['THR-1']);
    expect(await findGoal(sim, 'g-2')).toEqual([]);
    advance(LAG_MS / 2);
    expect(await findGoal(sim, 'g-1')).toEqual([]);
    expect((await findGoal(sim, 'g-2')).map((i) => i.key)).toEqual(['THR-1']);
  });

  test('reconcileIssues reads the issues it names as they are now (GET and POST), and only those', async () => {
    const { sim } = laggingSimulator();
    const thr1 = issueNamed(sim.site, 'THR-1');
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-9' } });
    await send(sim, { method: 'PUT', path: '/rest/api/3/issue/THR-2/properties/throughline', body: { goalId: 'g-9' } });

    const viaGet = await findGoal(sim, 'g-9', `&reconcileIssues=${thr1.id}`);
    const viaPost = bodyOf<SearchPage>(
      await send(sim, {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: { jql: 'throughlineGoal = "g-9"', fields: ['key'], properties: ['throughline'], reconcileIssues: [Number(thr1.id)] },
      }),
    ).issues;

    expect(viaGet.map((i) => [i.key, i.properties])).toEqual([['THR-1', { throughline: { goalId: 'g-9' } }]]);
    expect(viaPost).toEqual(viaGet);
  });

  test('approximate-count counts what the index holds', async () => {
    const { sim, advance } = laggingSimulator();
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-4' } });
    const count = async () =>
      bodyOf<{ count: number }>(await send(sim, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'throughlineGoal = "g-4"' } })).count;

    expect(await count()).toBe(0);
    advance(LAG_MS);
    expect(await count()).toBe(1);
  });

  test('more than 50 reconcileIssues, or ids that are not numbers, are refused', async () => {
    const { sim } = laggingSimulator();
    const tooMany = Array.from({ length: 51 }, (_, i) => 10_000 + i);
    const post = await send(sim, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = THR', reconcileIssues: tooMany } });
    const atLimit = await send(sim, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = THR', reconcileIssues: tooMany.slice(0, 50) } });
    const keys = await send(sim, { path: `/rest/api/3/search/jql?jql=${jql('project = THR')}&reconcileIssues=THR-1` });

    expect(post.status).toBe(400);
    expect(atLimit.status).toBe(200);
    expect(keys.status).toBe(400);
  });

  test('with the default lag of 0, search sees a write at once', async () => {
    const sim = demoSimulator({ site: buildDemoSite({ entityPropertyIndexes: [GOAL_INDEX] }) });
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-5' } });

    expect((await findGoal(sim, 'g-5')).map((i) => i.key)).toEqual(['THR-1']);
  });

  test('the searchIndexLagMs option runs on the wall clock when no clock is given', async () => {
    const sim = demoSimulator({ site: buildDemoSite({ entityPropertyIndexes: [GOAL_INDEX] }), searchIndexLagMs: 150 });
    await send(sim, { method: 'PUT', path: PROPERTY, body: { goalId: 'g-6' } });

    expect(await findGoal(sim, 'g-6')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await findGoal(sim, 'g-6')).map((i) => i.key)).toEqual(['THR-1']);
  });
});
