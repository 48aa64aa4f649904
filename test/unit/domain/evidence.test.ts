import { chunkForNewNote, issueSearchPath, noteCount, notesPerChunk, requestCount, resizedChunks } from '../../../src/domain/evidence';

describe('where a new note goes', () => {
  test.each<[number[], number]>([
    [[], 0],
    [[3], 0],
    [[notesPerChunk], 1],
    [[notesPerChunk, 4], 1],
    [[notesPerChunk, notesPerChunk], 2],
    [[2, notesPerChunk], 0],
    [[notesPerChunk, 0, notesPerChunk], 1],
  ])('chunks %j → chunk %i', (chunks, expected) => {
    expect(chunkForNewNote(chunks)).toBe(expected);
  });
});

describe('chunk sizes after a change', () => {
  test.each<[number[], number, 1 | -1, number[]]>([
    [[], 0, 1, [1]],
    [[notesPerChunk], 1, 1, [notesPerChunk, 1]],
    [[3, 1], 1, -1, [3]],
    [[1, 2], 0, -1, [0, 2]],
    [[0, 0, 1], 2, -1, []],
    [[0], 0, -1, []],
  ])('%j, chunk %i, %i → %j', (chunks, chunk, delta, expected) => {
    expect(resizedChunks(chunks, chunk, delta)).toEqual(expected);
    expect(noteCount(resizedChunks(chunks, chunk, delta))).toBe(Math.max(0, noteCount(chunks) + delta));
  });
});

describe('what the card calls requests', () => {
  test.each<[number, Array<{ count?: number }>, number]>([
    [0, [], 0],
    [3, [], 3],
    [0, [{ count: 35 }], 35],
    [3, [{ count: 35 }, { count: 2 }], 40],
    // A query not counted yet (or refused) adds nothing rather than a guess.
    [3, [{}, { count: 2 }], 5],
  ])('%i issues and queries %j → %i', (issues, jql, expected) => {
    expect(requestCount({ issues, jql })).toBe(expected);
  });
});

test('Jira’s issue search path carries the JQL encoded', () => {
  expect(issueSearchPath('project = "SUP" AND labels = checkout & more')).toBe('/issues/?jql=project%20%3D%20%22SUP%22%20AND%20labels%20%3D%20checkout%20%26%20more');
});
