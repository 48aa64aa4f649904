import type { RoadmapItemView } from '../../../../src/contract';
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { inProject } from '../strategy/kit';
import { epicsOf, itemInput, roadmap, searchIndexLags, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  sandbox.jira.resetStats();
  searchIndexLags(sandbox);
});

const update = (item: RoadmapItemView, changes: Partial<Parameters<typeof itemInput>[0]>, as: 'productManager' | 'developer' | 'admin' = 'productManager') =>
  sandbox.call('updateRoadmapItem', {
    as,
    payload: { id: item.id, item: itemInput({ title: item.title, ...changes }), baseVersion: item.version },
  });

const shown = async (id: string, as: 'productManager' | 'developer' = 'productManager') => (await roadmap(sandbox, as)).items.find((item) => item.id === id)!;

describe('item dependencies', () => {
  test('an editor sets what an item depends on; an edit without the field keeps it; an empty list clears it', async () => {
    const api = await seedItem(sandbox, { title: 'Payments API' });
    const ui = await seedItem(sandbox, { title: 'Checkout UI' });
    const set = valueOf(await update(ui, { dependsOn: [api.id] }));
    expect(set).toMatchObject({ dependsOn: [api.id], version: 2 });
    expect((await shown(ui.id, 'developer')).dependsOn).toEqual([api.id]);

    const renamed = valueOf(await update(set, { title: 'Checkout UI v2' }));
    expect(renamed).toMatchObject({ title: 'Checkout UI v2', dependsOn: [api.id], version: 3 });

    const cleared = valueOf(await update(renamed, { dependsOn: [] }));
    expect(cleared.dependsOn).toBeUndefined();
    expect((await shown(ui.id)).dependsOn).toBeUndefined();
  });

  test('an item may be created depending on others', async () => {
    const api = await seedItem(sandbox, { title: 'Payments API' });
    const ui = await seedItem(sandbox, { title: 'Checkout UI', dependsOn: [api.id] });
    expect(ui.dependsOn).toEqual([api.id]);
  });

  test('bad lists are refused with a typed error naming the field, and nothing changes', async () => {
    const a = await seedItem(sandbox, { title: 'A' });
    const b = valueOf(await update(await seedItem(sandbox, { title: 'B' }), { dependsOn: [a.id] }));
    const mobile = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', in: inProject('MOB'), payload: { item: itemInput({ title: 'Mobile' }) } }));
    const many = Array.from({ length: 21 }, (_, n) => `item-${n}`);
    const cases: Array<[unknown, string | RegExp]> = [
      [[b.id, b.id], /listed twice/],
      [['item-that-does-not-exist'], /no longer exist/],
      [[mobile.id], /no longer exist/],
      [many, /at most 20/],
      [['not an id!'], /./],
      ['item-x', /list/],
    ];
    for (const [dependsOn, message] of cases) {
      const answer = await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: a.id, item: { ...itemInput({ title: 'A' }), dependsOn } as never, baseVersion: a.version } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field: expect.stringMatching(/^item\.dependsOn/), message: expect.stringMatching(message) } });
    }
    const self = await update(a, { dependsOn: [a.id] });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid', field: 'item.dependsOn', message: 'An item cannot depend on itself.' } });
    const loop = await update(a, { dependsOn: [b.id] });
    expect(loop).toMatchObject({ ok: false, error: { code: 'invalid', field: 'item.dependsOn', message: 'That would make a loop: A → B → A.' } });
    const stored = await shown(a.id);
    expect(stored).toMatchObject({ version: 1 });
    expect(stored.dependsOn).toBeUndefined();
  });

  test('someone who may only read cannot set dependencies', async () => {
    const a = await seedItem(sandbox, { title: 'A' });
    const b = await seedItem(sandbox, { title: 'B' });
    const answer = await update(b, { dependsOn: [a.id] }, 'developer');
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const create = await sandbox.call('createRoadmapItem', { as: 'developer', payload: { item: itemInput({ dependsOn: [a.id] }) } });
    expect(create).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await shown(b.id)).dependsOn).toBeUndefined();
  });

  test('a stale edit of the list is a conflict; two editors closing a loop at once cannot both succeed', async () => {
    const a = await seedItem(sandbox, { title: 'A' });
    const b = await seedItem(sandbox, { title: 'B' });
    const c = await seedItem(sandbox, { title: 'C' });
    valueOf(await update(a, { dependsOn: [c.id] }));
    expect(await update(a, { dependsOn: [b.id] })).toMatchObject({ ok: false, error: { code: 'conflict', current: { dependsOn: [c.id] } } });

    const fresh = await shown(a.id);
    const [one, other] = await Promise.all([update(fresh, { dependsOn: [c.id, b.id] }), update(b, { dependsOn: [a.id] })]);
    expect([one.ok, other.ok].filter(Boolean)).toHaveLength(1);
    const view = await roadmap(sandbox);
    const aNow = view.items.find((item) => item.id === a.id)!;
    const bNow = view.items.find((item) => item.id === b.id)!;
    expect(aNow.dependsOn?.includes(b.id) && bNow.dependsOn?.includes(a.id)).toBeFalsy();
  });

  test('a deleted item drops out of the lists that named it', async () => {
    const api = await seedItem(sandbox, { title: 'Payments API' });
    const db = await seedItem(sandbox, { title: 'Ledger' });
    const ui = valueOf(await update(await seedItem(sandbox, { title: 'Checkout UI' }), { dependsOn: [api.id, db.id] }));
    valueOf(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: api.id, baseVersion: api.version } }));
    expect((await shown(ui.id)).dependsOn).toEqual([db.id]);
    // The next edit keeps only the living ones, in its reply and in storage.
    const edited = valueOf(await update(ui, { title: 'Checkout UI v2' }));
    expect(edited.dependsOn).toEqual([db.id]);
  });
});

describe('dependencies suggested by Jira Blocks links', () => {
  const epicNamed = (summary: string) => epicsOf(sandbox, 'THR').find((epic) => epic.summary === summary)!;

  async function linkToItem(itemId: string, epicIds: string[]) {
    const view = await roadmap(sandbox);
    const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
    valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        payload: { target: { kind: 'item', id: itemId }, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] },
      }),
    );
  }

  test('an epic of one item blocking an epic of another suggests the dependency, until it is set', async () => {
    const pricing = await seedItem(sandbox, { title: 'Multi-currency' });
    const promos = await seedItem(sandbox, { title: 'Promotions' });
    await linkToItem(pricing.id, [epicNamed('Multi-currency pricing').id]);
    await linkToItem(promos.id, [epicNamed('Promo code engine').id]);
    const view = await roadmap(sandbox, 'developer');
    expect(view.suggestedDependencies).toEqual([
      { itemId: promos.id, blockedById: pricing.id, epicKeys: [epicNamed('Multi-currency pricing').key, epicNamed('Promo code engine').key] },
    ]);
    const current = view.items.find((item) => item.id === promos.id)!;
    valueOf(await update(current, { dependsOn: [pricing.id] }));
    expect((await roadmap(sandbox)).suggestedDependencies).toEqual([]);
  });

  test('a link from an epic the viewer may not see suggests nothing to them', async () => {
    const recommendations = await seedItem(sandbox, { title: 'Recommendations' });
    const consent = await seedItem(sandbox, { title: 'Consent' });
    await linkToItem(recommendations.id, [epicNamed('Personalised recommendations').id]);
    await linkToItem(consent.id, [epicNamed('Cookie consent v2').id]);
    expect((await roadmap(sandbox, 'productManager')).suggestedDependencies).toEqual([expect.objectContaining({ itemId: consent.id, blockedById: recommendations.id })]);
    expect((await roadmap(sandbox, 'developer')).suggestedDependencies).toEqual([]);
  });
});
