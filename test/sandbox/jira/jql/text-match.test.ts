import { hasLeadingWildcard, textMatches } from './text-match';

describe('textMatches', () => {
  it.each<[string, string, string, boolean]>([
    ['finds a word', 'Release the beta', 'beta', true],
    ['ignores case', 'Release the beta', 'BETA', true],
    ['does not find part of a word', 'Release the beta', 'bet', false],
    ['folds -ed and -es onto the stem', 'Released the fixes', 'release fix', true],
    ['folds -ing onto the stem', 'Exporting reports', 'export', true],
    ['folds -ies onto -y', 'New stories', 'story', true],
    ['needs every word', 'Release the beta', 'beta launch', false],
    ['takes words in any order', 'Release the beta', 'beta release', true],
    ['keeps a quoted phrase in order', 'Release the beta', '"the beta"', true],
    ['refuses a quoted phrase out of order', 'Release the beta', '"beta the"', false],
    ['expands * to any ending', 'Release the beta', 'rel*', true],
    ['expands ? to one character', 'Release the beta', 'b?ta', true],
    ['ignores punctuation', 'Fix: crash (on export)', 'crash export', true],
    ['finds nothing for a query without words', 'Release the beta', '...', false],
  ])('%s', (_, haystack, query, expected) => {
    expect(textMatches(haystack, query)).toBe(expected);
  });
});

describe('hasLeadingWildcard', () => {
  it.each<[string, boolean]>([
    ['*port', true],
    ['ex ?port', true],
    ['ex*', false],
    ['plain words', false],
  ])('says %p → %p', (query, expected) => {
    expect(hasLeadingWildcard(query)).toBe(expected);
  });
});
