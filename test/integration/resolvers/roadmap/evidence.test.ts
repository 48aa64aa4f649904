/**
 * Evidence on roadmap items, through the real resolver on the sandboxed site: notes, issues linked
 * by key in any project, saved JQL counted live as the viewer. Editors write, readers read; Jira
 * decides what each viewer may see of linked issues and queries.
 */
import type { EvidenceInput, ItemEvidence } from '../../../../src/contract';
import { limits } from '../../../../src/validation/limits';
import { CONFIDENTIAL } from '../../../sandbox/demo/security';
import { asUser, bodyOf, send } from '../../../sandbox/jira/simulator-kit';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { storedData } from '../../security/kit';
import { valueOf } from '../strategy/builders';
import { roadmap, seedItem } from './kit';

const sandbox = createSandbox();
const countRequests = () => sandbox.jira.stats.byRoute['POST /rest/api/3/search/approximate-count'] ?? 0;

const note = (text = 'Checkout asks for an account twice; we gave up.', overrides: Partial<{ source: string; customer: string; date: string }> = {}): EvidenceInput => ({
  kind: 'note',
  note: { text, source: 'Sales call', customer: 'SMB retailers', date: '2026-11-20', ...overrides },
});

const add = (itemId: string, evidence: EvidenceInput, as: Actor = 'productManager') => sandbox.call('addEvidence', { as, payload: { itemId, evidence } });
const list = (itemId: string, as: Actor = 'productManager', project = 'THR') =>
  sandbox.call('listItemEvidence', { as, in: { module: 'jira:projectPage', project }, payload: { itemId } });

function keyOf(projectKey: string, pick: (summary: string) => boolean = () => true): string {
  const project = sandbox.project(projectKey);
  const issue = sandbox.site.issues.find((candidate) => candidate.projectId === project.id && pick(candidate.summary));
  if (!issue) throw new Error(`No issue in ${projectKey}`);
  return issue.key;
}

/** The number of issues a JQL finds for `role` in Jira itself (the count a viewer's own search shows). */
async function jiraCount(jql: string, role: 'productManager' | 'developer' | 'admin'): Promise<number> {
  const response = await send(sandbox.jira, { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql }, caller: asUser(role) });
  return bodyOf<{ count: number }>(response).count;
}

describe('adding and listing evidence', () => {
  test('a note, an issue by key of another project and a saved JQL are listed, and the card counts them', async () => {
    const item = await seedItem(sandbox, { title: 'Guest checkout' });
    const mobKey = keyOf('MOB');
    valueOf(await add(item.id, note()));
    valueOf(await add(item.id, { kind: 'issue', issueKey: mobKey.toLowerCase() }));
    const added = valueOf(await add(item.id, { kind: 'jql', label: 'support requests', jql: 'project = OPS ORDER BY created DESC' }));

    const opsCount = await jiraCount('project = OPS', 'productManager');
    expect(added.summary).toEqual({ notes: 1, issues: 1, jql: [{ id: expect.any(String), label: 'support requests', count: opsCount }], requests: 1 + opsCount });
    const listed = valueOf(await list(item.id));
    expect(listed.entries.map((entry) => entry.kind)).toEqual(['note', 'issue', 'jql']);
    const issue = listed.entries.find((entry) => entry.kind === 'issue');
    expect(issue).toMatchObject({ issueKey: mobKey, issue: { key: mobKey, summary: expect.any(String) } });
    expect(listed.entries[0]).toMatchObject({ note: { customer: 'SMB retailers', source: 'Sales call', date: '2026-11-20' }, added: { by: { displayName: 'Maya Okafor' } } });

    const card = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id);
    // Stored counts on the roadmap; the JQL's live count is asked for after the board renders.
    expect(card?.evidence).toEqual({ notes: 1, issues: 1, jql: [{ id: expect.any(String), label: 'support requests' }], requests: 1 });
  });

  test('a linked issue that moved to another key (a project move) is still found, under its key now', async () => {
    const item = await seedItem(sandbox, { title: 'Moved' });
    const key = keyOf('OPS');
    valueOf(await add(item.id, { kind: 'issue', issueKey: key }));
    const issue = sandbox.site.issues.find((candidate) => candidate.key === key)!;
    const before = issue.key;
    issue.key = 'OPS-9999';
    try {
      const listed = valueOf(await list(item.id));
      expect(listed.hiddenIssues).toBe(0);
      expect(listed.entries[0]).toMatchObject({ kind: 'issue', issueKey: 'OPS-9999', issue: { key: 'OPS-9999' } });
      // The same issue under its new key is the same evidence.
      const again = await add(item.id, { kind: 'issue', issueKey: 'OPS-9999' });
      expect(again.ok ? 'ok' : again.error.code).toBe('invalid');
    } finally {
      issue.key = before;
    }
  });

  test('an item without evidence has no summary, and its list is empty', async () => {
    const item = await seedItem(sandbox, { title: 'Quiet item' });
    expect((await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)?.evidence).toBeUndefined();
    expect(valueOf(await list(item.id))).toMatchObject({ entries: [], hiddenIssues: 0, summary: { notes: 0, issues: 0, jql: [], requests: 0 } });
  });
});

describe('what each reader may see', () => {
  test('a linked issue of a project the reader cannot browse, or under a security level, is counted but never named', async () => {
    const item = await seedItem(sandbox, { title: 'Finance export' });
    const finKey = keyOf('FIN');
    const confidentialKey = keyOf('THR', (summary) => summary === CONFIDENTIAL.epic);
    const openKey = keyOf('THR', (summary) => summary !== CONFIDENTIAL.epic);
    // The Jira admin sees them all, so may link them.
    for (const key of [finKey, confidentialKey, openKey]) valueOf(await add(item.id, { kind: 'issue', issueKey: key }, 'admin'));

    const asAdmin = valueOf(await list(item.id, 'admin'));
    expect(asAdmin.hiddenIssues).toBe(0);
    const asDeveloper = valueOf(await list(item.id, 'developer'));
    expect(asDeveloper.hiddenIssues).toBe(2);
    const text = JSON.stringify(asDeveloper);
    expect(text).not.toContain(finKey);
    expect(text).not.toContain(confidentialKey);
    expect(text).not.toContain(CONFIDENTIAL.epic);
    expect(asDeveloper.entries.filter((entry) => entry.kind === 'issue' && entry.hidden)).toHaveLength(2);
    expect(asDeveloper.entries.find((entry) => entry.kind === 'issue' && !entry.hidden)).toMatchObject({ issueKey: openKey });
    // The product manager sees the confidential epic, not Finance.
    const asManager = valueOf(await list(item.id, 'productManager'));
    expect(asManager.hiddenIssues).toBe(1);
    expect(JSON.stringify(asManager)).not.toContain(finKey);
  });

  test('a JQL is counted as each viewer: the developer’s count leaves out what the level hides from them', async () => {
    const item = await seedItem(sandbox, { title: 'Recommendations' });
    const jql = 'project = THR AND issuetype = Epic';
    const added = valueOf(await add(item.id, { kind: 'jql', label: 'epics', jql }));
    const managerCount = await jiraCount(jql, 'productManager');
    const developerCount = await jiraCount(jql, 'developer');
    expect(developerCount).toBeLessThan(managerCount);
    expect(added.summary.jql[0]?.count).toBe(managerCount);
    expect(valueOf(await list(item.id, 'developer')).summary.jql[0]?.count).toBe(developerCount);
    const counted = valueOf(await sandbox.call('countEvidenceJql', { as: 'developer', payload: { itemIds: [item.id] } }));
    expect(counted.counts).toEqual([{ itemId: item.id, id: added.summary.jql[0]?.id, count: developerCount }]);
  });

  test('a JQL naming a project the reader cannot browse shows Jira’s reason instead of a count', async () => {
    const item = await seedItem(sandbox, { title: 'Invoices' });
    valueOf(await add(item.id, { kind: 'jql', label: 'finance tickets', jql: 'project = FIN' }, 'admin'));
    const asManager = valueOf(await list(item.id, 'productManager'));
    const entry = asManager.entries.find((candidate) => candidate.kind === 'jql');
    expect(entry).toMatchObject({ kind: 'jql', countError: expect.any(String) });
    expect(entry && 'count' in entry ? entry.count : undefined).toBeUndefined();
    expect(asManager.summary.requests).toBe(0);
  });

  test('a reader of the project reads evidence; nobody else does', async () => {
    const item = await seedItem(sandbox, { title: 'Readable' });
    valueOf(await add(item.id, note()));
    expect(valueOf(await list(item.id, 'developer')).summary.notes).toBe(1);
    for (const as of ['outsider', 'anonymous'] as const) {
      const answer = await list(item.id, as);
      expect(answer.ok ? 'ok' : answer.error.code).toBe('forbidden');
    }
    // Another project's page names no item of THR.
    const elsewhere = await list(item.id, 'productManager', 'MOB');
    expect(elsewhere.ok ? 'ok' : elsewhere.error.code).toBe('not-found');
  });
});

describe('denials and bad input change nothing', () => {
  test('people the edit rule does not let change the product are refused every write', async () => {
    const item = await seedItem(sandbox, { title: 'Protected' });
    const first = valueOf(await add(item.id, note()));
    const entry = first.entries[0]!;
    const before = storedData(sandbox, { caches: 'left out' });
    for (const as of ['developer', 'outsider', 'anonymous'] as const) {
      const answers = [
        await add(item.id, note('Another one'), as),
        await sandbox.call('updateEvidence', { as, payload: { itemId: item.id, id: entry.id, evidence: note('Changed'), baseVersion: entry.version } }),
        await sandbox.call('removeEvidence', { as, payload: { itemId: item.id, id: entry.id, baseVersion: entry.version } }),
      ];
      expect(answers.map((answer) => (answer.ok ? 'ok' : answer.error.code))).toEqual(['forbidden', 'forbidden', 'forbidden']);
    }
    expect(storedData(sandbox, { caches: 'left out' })).toBe(before);
  });

  test('once the edit rule lets issue editors change products, the developer may add evidence', async () => {
    const item = await seedItem(sandbox, { title: 'Open to editors' });
    await sandbox.setEditRule('issue-editors');
    try {
      expect(valueOf(await add(item.id, note(), 'developer')).summary.notes).toBe(1);
    } finally {
      await sandbox.setEditRule('project-admins');
    }
  });

  test.each<[string, unknown, string]>([
    ['an empty note', { kind: 'note', note: { text: '  ', source: '', customer: '', date: '2026-11-20' } }, 'evidence.note.text'],
    ['a note of an impossible date', { kind: 'note', note: { text: 'Hi', source: '', customer: '', date: '2026-02-30' } }, 'evidence.note.date'],
    ['a note too long', { kind: 'note', note: { text: 'x'.repeat(limits.evidenceNoteLength + 1), source: '', customer: '', date: '2026-11-20' } }, 'evidence.note.text'],
    ['a key that is not a key', { kind: 'issue', issueKey: 'not a key' }, 'evidence.issueKey'],
    ['a JQL that leaves a quote open', { kind: 'jql', label: 'broken', jql: 'summary ~ "refund' }, 'evidence.jql'],
    ['a JQL without a label', { kind: 'jql', label: '', jql: 'project = THR' }, 'evidence.label'],
    ['an unknown kind', { kind: 'vote', count: 3 }, 'evidence.kind'],
  ])('%s is invalid, named by its field, and nothing is stored', async (_name, evidence, field) => {
    const item = await seedItem(sandbox, { title: 'Validated' });
    const before = storedData(sandbox, { caches: 'left out' });
    const answer = await sandbox.call('addEvidence', { as: 'productManager', payload: { itemId: item.id, evidence: evidence as EvidenceInput } });
    expect(answer.ok ? 'ok' : { code: answer.error.code, field: answer.error.field }).toEqual({ code: 'invalid', field });
    expect(storedData(sandbox, { caches: 'left out' })).toBe(before);
  });

  test('Jira decides what a key and a JQL may be: an issue the editor cannot see, or a query Jira refuses, is invalid', async () => {
    const item = await seedItem(sandbox, { title: 'Checked by Jira' });
    const before = storedData(sandbox, { caches: 'left out' });
    const hidden = await add(item.id, { kind: 'issue', issueKey: keyOf('FIN') });
    expect(hidden.ok ? 'ok' : { code: hidden.error.code, field: hidden.error.field }).toEqual({ code: 'invalid', field: 'evidence.issueKey' });
    const missing = await add(item.id, { kind: 'issue', issueKey: 'THR-99999' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('invalid');
    const refused = await add(item.id, { kind: 'jql', label: 'nonsense', jql: 'nosuchfield = 3' });
    expect(refused.ok ? 'ok' : { code: refused.error.code, field: refused.error.field }).toEqual({ code: 'invalid', field: 'evidence.jql' });
    expect(storedData(sandbox, { caches: 'left out' })).toBe(before);
  });

  test('another project’s item, or an evidence id the item does not have, is not found', async () => {
    const item = await seedItem(sandbox, { title: 'Here' });
    const mobItem = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: { item: { title: 'There', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } } }));
    const answer = await add(mobItem.id, note());
    expect(answer.ok ? 'ok' : answer.error.code).toBe('not-found');
    const gone = await sandbox.call('removeEvidence', { as: 'productManager', payload: { itemId: item.id, id: 'ev-nothing', baseVersion: 1 } });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('not-found');
  });

  test('an issue linked twice is refused, and an entry keeps its kind', async () => {
    const item = await seedItem(sandbox, { title: 'Twice' });
    const key = keyOf('OPS');
    const first = valueOf(await add(item.id, { kind: 'issue', issueKey: key }));
    const again = await add(item.id, { kind: 'issue', issueKey: key });
    expect(again.ok ? 'ok' : again.error.code).toBe('invalid');
    const entry = first.entries[0]!;
    const kindChange = await sandbox.call('updateEvidence', { as: 'productManager', payload: { itemId: item.id, id: entry.id, evidence: note(), baseVersion: entry.version } });
    expect(kindChange.ok ? 'ok' : { code: kindChange.error.code, field: kindChange.error.field }).toEqual({ code: 'invalid', field: 'evidence.kind' });
  });
});

describe('edits, conflicts and limits', () => {
  test('an edit from an old version is a conflict carrying the evidence as it is now; nothing is overwritten', async () => {
    const item = await seedItem(sandbox, { title: 'Contended' });
    const entry = valueOf(await add(item.id, note('First words'))).entries[0]!;
    const mine = await sandbox.call('updateEvidence', { as: 'productManager', payload: { itemId: item.id, id: entry.id, evidence: note('Mine'), baseVersion: entry.version } });
    expect(valueOf(mine).entries[0]).toMatchObject({ note: { text: 'Mine' }, version: entry.version + 1, updated: { by: { displayName: 'Maya Okafor' } } });
    const theirs = await sandbox.call('updateEvidence', { as: 'admin', payload: { itemId: item.id, id: entry.id, evidence: note('Theirs'), baseVersion: entry.version } });
    expect(theirs.ok).toBe(false);
    if (theirs.ok) return;
    expect(theirs.error.code).toBe('conflict');
    expect((theirs.error.current as ItemEvidence | undefined)?.entries[0]).toMatchObject({ note: { text: 'Mine' } });
    const stale = await sandbox.call('removeEvidence', { as: 'admin', payload: { itemId: item.id, id: entry.id, baseVersion: entry.version } });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict');
    expect(valueOf(await list(item.id)).entries).toHaveLength(1);
  });

  test('concurrent edits of one note: exactly one wins; concurrent additions all land', async () => {
    const item = await seedItem(sandbox, { title: 'Busy' });
    const entry = valueOf(await add(item.id, note('Start'))).entries[0]!;
    const edits = await Promise.all(
      Array.from({ length: 6 }, (_, n) => sandbox.call('updateEvidence', { as: 'productManager', payload: { itemId: item.id, id: entry.id, evidence: note(`Edit ${n}`), baseVersion: entry.version } })),
    );
    expect(edits.filter((answer) => answer.ok)).toHaveLength(1);
    expect(edits.filter((answer) => !answer.ok).map((answer) => (answer.ok ? 'ok' : answer.error.code))).toEqual(Array(5).fill('conflict'));
    const adds = await Promise.all(Array.from({ length: 4 }, (_, n) => add(item.id, note(`Parallel ${n}`))));
    const landed = adds.filter((answer) => answer.ok).length;
    expect(valueOf(await list(item.id)).summary.notes).toBe(1 + landed);
    // Contention may refuse some with a typed conflict, never lose or double one.
    expect(adds.every((answer) => answer.ok || answer.error.code === 'conflict')).toBe(true);
  });

  test(`at most ${limits.evidenceJqlPerItem} saved queries and ${limits.evidenceIssuesPerItem} issues per item; the next is refused and nothing changes`, async () => {
    const item = await seedItem(sandbox, { title: 'Full' });
    for (let n = 0; n < limits.evidenceJqlPerItem; n += 1) valueOf(await add(item.id, { kind: 'jql', label: `query ${n}`, jql: `project = THR AND summary ~ "word${n}"` }));
    const thr = sandbox.project('THR');
    const keys = sandbox.site.issues.filter((issue) => issue.projectId === thr.id && issue.securityLevelId === undefined).slice(0, limits.evidenceIssuesPerItem + 1).map((issue) => issue.key);
    for (const key of keys.slice(0, limits.evidenceIssuesPerItem)) valueOf(await add(item.id, { kind: 'issue', issueKey: key }));
    const before = storedData(sandbox, { caches: 'left out' });
    const query = await add(item.id, { kind: 'jql', label: 'one more', jql: 'project = THR' });
    const issue = await add(item.id, { kind: 'issue', issueKey: keys[limits.evidenceIssuesPerItem]! });
    expect([query, issue].map((answer) => (answer.ok ? 'ok' : answer.error.code))).toEqual(['invalid', 'invalid']);
    expect(storedData(sandbox, { caches: 'left out' })).toBe(before);
  }, 60_000);

  test(`at most ${limits.evidenceNotesPerItem} notes; removing one makes room again, in the chunk it left`, async () => {
    const item = await seedItem(sandbox, { title: 'Many notes' });
    let last: ItemEvidence | undefined;
    for (let n = 0; n < limits.evidenceNotesPerItem; n += 1) last = valueOf(await add(item.id, note(`Note ${n}`)));
    expect(last?.summary.notes).toBe(limits.evidenceNotesPerItem);
    const refused = await add(item.id, note('One too many'));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid');
    const victim = last!.entries.find((entry) => entry.kind === 'note')!;
    valueOf(await sandbox.call('removeEvidence', { as: 'productManager', payload: { itemId: item.id, id: victim.id, baseVersion: victim.version } }));
    expect(valueOf(await add(item.id, note('Room again'))).summary.notes).toBe(limits.evidenceNotesPerItem);
    // A full item (8 chunks and its head) still deletes in the item's one transaction.
    const fresh = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!;
    valueOf(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: fresh.version } }));
    const snapshot = sandbox.forge.kvs.snapshot() as unknown as { entities: Record<string, Record<string, unknown>> };
    expect(Object.keys(snapshot.entities['evidence'] ?? {}).filter((key) => key.startsWith(item.id) || key.startsWith(`notes.${item.id}`))).toEqual([]);
  }, 120_000);
});

describe('removal', () => {
  test('removing each kind takes it off the list and the card', async () => {
    const item = await seedItem(sandbox, { title: 'Trimmed' });
    valueOf(await add(item.id, note()));
    valueOf(await add(item.id, { kind: 'issue', issueKey: keyOf('OPS') }));
    let current = valueOf(await add(item.id, { kind: 'jql', label: 'ops', jql: 'project = OPS' }));
    for (const entry of [...current.entries]) {
      current = valueOf(await sandbox.call('removeEvidence', { as: 'productManager', payload: { itemId: item.id, id: entry.id, baseVersion: entry.version } }));
    }
    expect(current.entries).toEqual([]);
    expect((await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)?.evidence).toBeUndefined();
  });

  test('deleting an item deletes all its evidence with it', async () => {
    const item = await seedItem(sandbox, { title: 'Doomed' });
    for (let n = 0; n < 30; n += 1) valueOf(await add(item.id, note(`Note ${n}`)));
    valueOf(await add(item.id, { kind: 'jql', label: 'ops', jql: 'project = OPS' }));
    const fresh = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!;
    valueOf(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: fresh.version } }));
    const snapshot = sandbox.forge.kvs.snapshot() as unknown as { entities: Record<string, Record<string, unknown>> };
    const left = Object.keys(snapshot.entities['evidence'] ?? {}).filter((key) => key.startsWith(item.id) || key.startsWith(`notes.${item.id}`));
    expect(left).toEqual([]);
    const answer = await add(item.id, note());
    expect(answer.ok ? 'ok' : answer.error.code).toBe('not-found');
  });
});

describe('live JQL counts', () => {
  test('the board’s counts cost one Jira request per distinct query, whatever the number of items', async () => {
    const items = await Promise.all([1, 2, 3].map((n) => seedItem(sandbox, { title: `Counted ${n}` })));
    for (const item of items) valueOf(await add(item.id, { kind: 'jql', label: 'shared', jql: 'project = MOB' }));
    valueOf(await add(items[0]!.id, { kind: 'jql', label: 'own', jql: 'project = OPS' }));
    sandbox.jira.resetStats();
    const counted = valueOf(await sandbox.call('countEvidenceJql', { as: 'productManager', payload: { itemIds: items.map((item) => item.id) } }));
    expect(countRequests()).toBe(2);
    expect(counted.counts).toHaveLength(4);
    expect(new Set(counted.counts.filter((entry) => entry.itemId !== items[0]!.id || entry.count === undefined).map((entry) => entry.count)).size).toBe(1);
  });

  test('the JQL preview counts as the user and stores nothing; a refused query is invalid', async () => {
    const before = storedData(sandbox, { caches: 'left out' });
    expect(valueOf(await sandbox.call('previewEvidenceJql', { as: 'developer', payload: { jql: 'project = OPS' } })).count).toBe(await jiraCount('project = OPS', 'developer'));
    const refused = await sandbox.call('previewEvidenceJql', { as: 'developer', payload: { jql: 'project = FIN' } });
    expect(refused.ok ? 'ok' : { code: refused.error.code, field: refused.error.field }).toEqual({ code: 'invalid', field: 'jql' });
    expect(storedData(sandbox, { caches: 'left out' })).toBe(before);
  });
});
