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
