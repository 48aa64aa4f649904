/**
 * Evidence on roadmap items: notes, Jira issues linked by key and saved JQL. Editors (the product's
 * edit rule) write; anyone who may browse the project reads. Jira is always read as the viewer: a
 * linked issue they may not browse (another project, a security level) is counted but never named,
 * and a JQL is counted by Jira as them, so nobody learns more than their own search would show.
 */
import type { EvidenceEntry, EvidenceInput, EvidenceIssue, EvidenceSummary, Failure, ItemEvidence } from '../../contract';
import { chunkForNewNote, noteCount, requestCount, resizedChunks } from '../../domain/evidence';
import { statusCategoryFromJira } from '../../domain/status-category';
import { nowIso } from '../../adapters/clock';
import { mapWithConcurrency } from '../../adapters/concurrency';
import type { JiraClient } from '../../adapters/jira/client';
import { JiraError } from '../../adapters/jira/errors';
import { visibleIssuesByIds } from '../../adapters/jira/issue-bulk-fetch';
import { approximateCount } from '../../adapters/jira/search';
import { evidenceHeadsOfProject, newEvidenceId, readItemEvidence, writeEvidence } from '../../adapters/storage/evidence-store';
import type { EvidenceHeadRecord, EvidenceStamp, ItemEvidenceRecords, StoredIssue, StoredJql, StoredNote } from '../../adapters/storage/evidence-store';
import { structuralAttempts } from '../../adapters/storage/product-store';
import { itemOf } from '../../adapters/storage/roadmap-store';
import { withoutOrderBy } from '../../validation/jql';
import { limits } from '../../validation/limits';
import { editorCall, viewerCall } from '../calls';
import { conflictWith, notFound } from '../failures';
import { namePeople } from '../people';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { say } from '../../i18n/server-texts';

/** Counts in flight at once: Jira's burst limit punishes wide fan-out with 429s. */
const countConcurrency = 5;

export const listItemEvidence = viewerCall('listItemEvidence', async ({ jira, projectId, payload }) => {
  const [item, read] = await Promise.all([itemOf(projectId, payload.itemId), readItemEvidence(projectId, payload.itemId)]);
  if (!item) return notFound('item');
  return ok(await evidenceView(jira, payload.itemId, read));
});

export const addEvidence = editorCall('addEvidence', async ({ jira, access, projectId, payload }) => {
  const { itemId, evidence } = payload;
  if (!(await itemOf(projectId, itemId))) return notFound('item');
  const checked = await checkAgainstJira(jira, evidence);
  if (!checked.ok) return checked;
  const stamp = await stampOf(jira, access.accountId);
  const id = newEvidenceId();
  return change(jira, projectId, itemId, (read) => {
    const head = read.head ?? emptyHead(projectId, itemId);
    const next: EvidenceHeadRecord = { ...head, version: head.version + 1, updatedAt: stamp.at };
    if (evidence.kind === 'note') {
      if (noteCount(head.noteChunks) >= limits.evidenceNotesPerItem) return tooMany('tooManyNotes', limits.evidenceNotesPerItem);
      const chunk = chunkForNewNote(head.noteChunks);
      const notes = [...(read.chunks.get(chunk)?.notes ?? []), { id, version: 1, ...evidence.note, added: stamp }];
      return { head: { ...next, noteChunks: resizedChunks(head.noteChunks, chunk, 1) }, chunk: { number: chunk, notes } };
    }
    if (evidence.kind === 'issue') {
      if (head.issues.length >= limits.evidenceIssuesPerItem) return tooMany('tooManyIssues', limits.evidenceIssuesPerItem);
      if (head.issues.some((issue) => sameIssue(issue, evidence.issueKey, checked.value.issueId))) return fail('invalid', say('roadmap.evidenceDuplicate', { key: evidence.issueKey }), 'evidence.issueKey');
      return { head: { ...next, issues: [...head.issues, { id, version: 1, key: evidence.issueKey, ...issueIdOf(checked.value), added: stamp }] } };
    }
    if (head.jql.length >= limits.evidenceJqlPerItem) return tooMany('tooManyQueries', limits.evidenceJqlPerItem);
    return { head: { ...next, jql: [...head.jql, { id, version: 1, label: evidence.label, jql: evidence.jql, added: stamp }] } };
  });
});

export const updateEvidence = editorCall('updateEvidence', async ({ jira, access, projectId, payload }) => {
  const { itemId, id, evidence, baseVersion } = payload;
  if (!(await itemOf(projectId, itemId))) return notFound('item');
  const checked = await checkAgainstJira(jira, evidence);
  if (!checked.ok) return checked;
  const stamp = await stampOf(jira, access.accountId);
  return change(jira, projectId, itemId, (read) => {
    const found = locate(read, id);
    if (!found) return notFound('evidence');
    if (found.entry.version !== baseVersion) return 'stale';
    if (found.kind !== evidence.kind) return fail('invalid', say('roadmap.evidenceKeepsKind'), 'evidence.kind');
    const head = read.head as EvidenceHeadRecord;
    const next: EvidenceHeadRecord = { ...head, version: head.version + 1, updatedAt: stamp.at };
    const bumped = { version: found.entry.version + 1, updated: stamp };
    if (evidence.kind === 'note' && found.kind === 'note') {
      const notes = (read.chunks.get(found.chunk)?.notes ?? []).map((note) => (note.id === id ? { ...note, ...evidence.note, ...bumped } : note));
      return { head: next, chunk: { number: found.chunk, notes } };
    }
    if (evidence.kind === 'issue') {
      if (head.issues.some((issue) => issue.id !== id && sameIssue(issue, evidence.issueKey, checked.value.issueId))) return fail('invalid', say('roadmap.evidenceDuplicate', { key: evidence.issueKey }), 'evidence.issueKey');
      return {
        head: {
          ...next,
          issues: head.issues.map((issue) => {
            if (issue.id !== id) return issue;
            const { issueId: _previous, ...rest } = issue;
            return { ...rest, key: evidence.issueKey, ...issueIdOf(checked.value), ...bumped };
          }),
        },
      };
    }
    if (evidence.kind === 'jql') {
      return { head: { ...next, jql: head.jql.map((query) => (query.id === id ? { ...query, label: evidence.label, jql: evidence.jql, ...bumped } : query)) } };
    }
    return fail('invalid', say('roadmap.evidenceKeepsKind'), 'evidence.kind');
  });
});

export const removeEvidence = editorCall('removeEvidence', async ({ jira, projectId, payload }) => {
  const { itemId, id, baseVersion } = payload;
  if (!(await itemOf(projectId, itemId))) return notFound('item');
  const at = nowIso();
  return change(jira, projectId, itemId, (read) => {
    const found = locate(read, id);
    if (!found) return notFound('evidence');
    if (found.entry.version !== baseVersion) return 'stale';
    const head = read.head as EvidenceHeadRecord;
    const next: EvidenceHeadRecord = { ...head, version: head.version + 1, updatedAt: at };
    if (found.kind === 'note') {
      const notes = (read.chunks.get(found.chunk)?.notes ?? []).filter((note) => note.id !== id);
      return { head: { ...next, noteChunks: resizedChunks(head.noteChunks, found.chunk, -1) }, chunk: { number: found.chunk, notes } };
    }
    if (found.kind === 'issue') return { head: { ...next, issues: head.issues.filter((issue) => issue.id !== id) } };
    return { head: { ...next, jql: head.jql.filter((query) => query.id !== id) } };
  });
});

/** The form's live count: the JQL as the user runs it, nothing stored. */
export const previewEvidenceJql = viewerCall('previewEvidenceJql', async ({ jira, payload }) => {
  const counted = await countAsViewer(jira, payload.jql);
  if ('countError' in counted) return fail(counted.refused ? 'invalid' : 'jira-unavailable', counted.countError, 'jql');
  return ok({ count: counted.count });
});

/**
 * The board's JQL counts, asked after it rendered: the heads of the project (no Jira), then one
 * approximate count per DISTINCT query as the viewer, a few at a time. Queries Jira refuses or
 * could not count come back with a reason instead of a number.
 */
export const countEvidenceJql = viewerCall('countEvidenceJql', async ({ jira, projectId, payload }) => {
  const wanted = new Set(payload.itemIds);
  const heads = (await evidenceHeadsOfProject(projectId)).filter((head) => wanted.has(head.itemId));
  const queries = heads.flatMap((head) => head.jql.map((query) => ({ itemId: head.itemId, id: query.id, jql: query.jql })));
  const distinct = [...new Set(queries.map((query) => query.jql))];
  const results = await mapWithConcurrency(distinct, countConcurrency, (jql) => countAsViewer(jira, jql));
  const byJql = new Map(distinct.map((jql, index) => [jql, results[index] as Counted]));
  return ok({
    counts: queries.map((query) => {
      const counted = byJql.get(query.jql) as Counted;
      return { itemId: query.itemId, id: query.id, ...('countError' in counted ? { countError: counted.countError } : { count: counted.count }) };
    }),
  });
});

// ── The write loop ────────────────────────────────────────────────────────────────────────────

type Planned = { head: EvidenceHeadRecord; chunk?: { number: number; notes: StoredNote[] } };

/**
 * Reads the item's evidence, plans the change and writes it on condition that nothing moved. When
 * the write loses a race, the plan runs again on what is there now: another entry changing is not
 * this caller's conflict, but their own entry changing (`stale`) is, and comes back with the
 * evidence as it is now.
 */
async function change(
  jira: JiraClient,
  projectId: string,
  itemId: string,
  plan: (read: ItemEvidenceRecords) => Planned | Failure<never> | 'stale',
) {
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const read = await readItemEvidence(projectId, itemId);
    const planned = plan(read);
    if (planned === 'stale') return conflictWith<ItemEvidence>(await evidenceView(jira, itemId, read), 'evidence');
    if ('ok' in planned) return planned;
    if ((await writeEvidence({ read, ...planned })) === 'committed') {
      const chunks = new Map(read.chunks);
      if (planned.chunk) {
        const before = chunks.get(planned.chunk.number);
        if (planned.chunk.notes.length === 0) chunks.delete(planned.chunk.number);
        else chunks.set(planned.chunk.number, { projectId, itemId, chunk: planned.chunk.number, notes: planned.chunk.notes, version: (before?.version ?? 0) + 1 });
      }
      // Built from what was written: a storage failure after the commit must not answer "failed".
      return ok(await evidenceView(jira, itemId, { head: planned.head, chunks }));
    }
    if (!(await itemOf(projectId, itemId))) return notFound('item');
  }
  return fail('conflict', say('roadmap.evidenceChanging'));
}

const emptyHead = (projectId: string, itemId: string): EvidenceHeadRecord => ({ projectId, itemId, version: 0, noteChunks: [], issues: [], jql: [], updatedAt: '' });

const tooMany = (what: 'tooManyNotes' | 'tooManyIssues' | 'tooManyQueries', max: number) => fail('invalid', say(`roadmap.${what}`, { max }), 'evidence');

async function stampOf(jira: JiraClient, accountId: string): Promise<EvidenceStamp> {
  const people = await namePeople(jira, [accountId]);
  return { at: nowIso(), by: people.ref(accountId) };
}

type Located =
  | { kind: 'note'; entry: StoredNote; chunk: number }
  | { kind: 'issue'; entry: StoredIssue }
  | { kind: 'jql'; entry: StoredJql };

function locate(read: ItemEvidenceRecords, id: string): Located | undefined {
  for (const chunk of read.chunks.values()) {
    const note = chunk.notes.find((candidate) => candidate.id === id);
    if (note) return { kind: 'note', entry: note, chunk: chunk.chunk };
  }
  const issue = read.head?.issues.find((candidate) => candidate.id === id);
  if (issue) return { kind: 'issue', entry: issue };
  const query = read.head?.jql.find((candidate) => candidate.id === id);
  return query ? { kind: 'jql', entry: query } : undefined;
}

/**
 * What only Jira can tell, asked as the editor: an issue key must name an issue they can see (in
 * any project), and a JQL must be one Jira accepts from them. Nothing is stored otherwise.
 */
async function checkAgainstJira(jira: JiraClient, evidence: EvidenceInput): Promise<Outcome<{ issueId?: string }>> {
  if (evidence.kind === 'issue') {
    const [found] = await visibleIssuesByIds(jira, [evidence.issueKey], { fields: ['summary'] });
    if (!found) return fail('invalid', say('roadmap.noSuchIssue', { key: evidence.issueKey }), 'evidence.issueKey');
    // The id too: an issue moved to another project gets a new key, and keeps its id.
    return ok(/^\d{1,18}$/.test(found.id) ? { issueId: found.id } : {});
  }
  if (evidence.kind === 'jql') {
    const counted = await countAsViewer(jira, evidence.jql);
    if ('countError' in counted) return fail(counted.refused ? 'invalid' : 'jira-unavailable', counted.countError, 'evidence.jql');
  }
  return ok({});
}

const issueIdOf = (checked: { issueId?: string }) => (checked.issueId ? { issueId: checked.issueId } : {});

const sameIssue = (stored: StoredIssue, key: string, issueId: string | undefined) => stored.key === key || (issueId !== undefined && stored.issueId === issueId);

type Counted = { count: number } | { countError: string; refused: boolean };

/**
 * Jira's approximate count of the query as the viewer (order does not change a count). A query
 * Jira refuses (400: a field or project they cannot see, bad syntax) says why in Jira's words.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post
 */
async function countAsViewer(jira: JiraClient, jql: string): Promise<Counted> {
  try {
    return { count: await approximateCount(jira, withoutOrderBy(jql)) };
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'bad-request') {
      return { countError: error.messages.length > 0 ? error.messages.join(' ') : say('roadmap.jqlRefused'), refused: true };
    }
    if (error instanceof JiraError && (error.kind === 'unavailable' || error.kind === 'rate-limited' || error.kind === 'out-of-time')) {
      return { countError: say('roadmap.jqlNotCounted'), refused: false };
    }
    throw error;
  }
}

// ── Views ─────────────────────────────────────────────────────────────────────────────────────

/** The card's numbers from the head alone (no Jira): JQL counts are filled in later, as the viewer. */
export function evidenceSummary(head: EvidenceHeadRecord): EvidenceSummary | undefined {
  const notes = noteCount(head.noteChunks);
  if (notes === 0 && head.issues.length === 0 && head.jql.length === 0) return undefined;
  const jql: EvidenceSummary['jql'] = head.jql.map((query) => ({ id: query.id, label: query.label }));
  return { notes, issues: head.issues.length, jql, requests: requestCount({ issues: head.issues.length, jql }) };
}

async function evidenceView(jira: JiraClient, itemId: string, read: ItemEvidenceRecords): Promise<ItemEvidence> {
  const head = read.head ?? emptyHead('', itemId);
  const [visible, counts] = await Promise.all([
    head.issues.length > 0 ? visibleIssuesByIds(jira, head.issues.map((issue) => issue.issueId ?? issue.key), { fields: ['summary', 'status', 'issuetype'] }) : [],
    mapWithConcurrency(head.jql, countConcurrency, (query) => countAsViewer(jira, query.jql)),
  ]);
  const byId = new Map(visible.map((issue) => [issue.id, issue]));
  const byKey = new Map(visible.map((issue) => [issue.key, issue]));
  const seen = (stored: StoredIssue) => (stored.issueId ? byId.get(stored.issueId) : byKey.get(stored.key));
  const notes = [...read.chunks.values()]
    .flatMap((chunk) => chunk.notes)
    .sort((a, b) => (a.date === b.date ? b.added.at.localeCompare(a.added.at) : b.date.localeCompare(a.date)));
  const stamps = (entry: { added: EvidenceStamp; updated?: EvidenceStamp }) => ({ added: entry.added, ...(entry.updated ? { updated: entry.updated } : {}) });
  const entries: EvidenceEntry[] = [
    ...notes.map((note): EvidenceEntry => ({
      kind: 'note',
      id: note.id,
      version: note.version,
      ...stamps(note),
      note: { text: note.text, source: note.source, customer: note.customer, date: note.date },
    })),
    ...[...head.issues].reverse().map((stored): EvidenceEntry => {
      const issue = seen(stored);
      // Not even the key of an issue Jira hides from the viewer: keys name projects and hint at work.
      if (!issue) return { kind: 'issue', id: stored.id, version: stored.version, ...stamps(stored), hidden: true };
      // Jira's key now: the issue may have moved since it was linked.
      return { kind: 'issue', id: stored.id, version: stored.version, ...stamps(stored), issueKey: issue.key, issue: evidenceIssue(issue) };
    }),
    ...head.jql.map((query, index): EvidenceEntry => {
      const counted = counts[index] as Counted;
      return {
        kind: 'jql',
        id: query.id,
        version: query.version,
        ...stamps(query),
        label: query.label,
        jql: query.jql,
        ...('countError' in counted ? { countError: counted.countError } : { count: counted.count }),
      };
    }),
  ];
  const jql = head.jql.map((query, index) => {
    const counted = counts[index] as Counted;
    return { id: query.id, label: query.label, ...('count' in counted ? { count: counted.count } : {}) };
  });
  const notesTotal = noteCount(head.noteChunks);
  return {
    itemId,
    entries,
    summary: { notes: notesTotal, issues: head.issues.length, jql, requests: requestCount({ issues: head.issues.length, jql }) },
    hiddenIssues: head.issues.filter((issue) => !seen(issue)).length,
    limits: { notes: limits.evidenceNotesPerItem, issues: limits.evidenceIssuesPerItem, jql: limits.evidenceJqlPerItem },
  };
}

function evidenceIssue(issue: { id: string; key: string; fields?: Record<string, unknown> }): EvidenceIssue {
  const fields = issue.fields ?? {};
  const status = (fields.status ?? {}) as { name?: unknown; statusCategory?: { key?: unknown } };
  const type = (fields.issuetype ?? {}) as { name?: unknown };
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    status: {
      name: typeof status.name === 'string' ? status.name : '',
      category: statusCategoryFromJira(typeof status.statusCategory?.key === 'string' ? status.statusCategory.key : undefined),
    },
    ...(typeof type.name === 'string' ? { issueType: type.name } : {}),
  };
}

/** Each item's evidence summary, by item id, from the project's heads (storage only; no Jira). */
export async function evidenceSummaries(projectId: string): Promise<Map<string, EvidenceSummary>> {
  const summaries = new Map<string, EvidenceSummary>();
  for (const head of await evidenceHeadsOfProject(projectId)) {
    const summary = evidenceSummary(head);
    if (summary) summaries.set(head.itemId, summary);
  }
  return summaries;
}

/** The roadmap's item views with their evidence summaries (items without evidence stay as they are). */
export function withEvidence<T extends { id: string }>(items: T[], summaries: ReadonlyMap<string, EvidenceSummary>): Array<T & { evidence?: EvidenceSummary }> {
  return items.map((item) => {
    const evidence = summaries.get(item.id);
    return evidence ? { ...item, evidence } : item;
  });
}
