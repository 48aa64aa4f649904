/**
 * Evidence on a roadmap item, as pure values: where a new note goes, what the card says, and the
 * link to Jira's issue search. No I/O, no clock.
 */

/** Notes per stored chunk: 25 notes of the longest text stay near 100 KiB, far below storage's 240 KiB a value. */
export const notesPerChunk = 25;

/** The chunk a new note goes to: the first with room, else a new one at the end. */
export function chunkForNewNote(noteChunks: readonly number[]): number {
  const withRoom = noteChunks.findIndex((size) => size < notesPerChunk);
  return withRoom === -1 ? noteChunks.length : withRoom;
}

/** Chunk sizes after `chunk` gains (`+1`) or loses (`-1`) a note; trailing empty chunks are dropped. */
export function resizedChunks(noteChunks: readonly number[], chunk: number, delta: 1 | -1): number[] {
  const next = [...noteChunks];
  while (next.length <= chunk) next.push(0);
  next[chunk] = Math.max(0, (next[chunk] ?? 0) + delta);
  while (next.length > 0 && next[next.length - 1] === 0) next.pop();
  return next;
}

export const noteCount = (noteChunks: readonly number[]): number => noteChunks.reduce((sum, size) => sum + size, 0);

export interface EvidenceCounts {
  notes: number;
  issues: number;
  jql: ReadonlyArray<{ count?: number }>;
}

/** Issues linked by key plus every JQL count known: what the card calls requests. */
export function requestCount(counts: Pick<EvidenceCounts, 'issues' | 'jql'>): number {
  return counts.jql.reduce((sum, query) => sum + (query.count ?? 0), counts.issues);
}

/** The path of Jira's issue search for a JQL (relative to the site, as `router.navigate` takes it). */
export function issueSearchPath(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}
