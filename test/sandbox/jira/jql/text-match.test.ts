import { parseTextQuery, textMatches } from './text-match';

describe('textMatches', () => {
  it.each<[string, string, string, boolean]>([
    ['finds a word', 'Release the beta', 'beta', true],
    ['ignores case', 'Release the beta', 'BETA', true],
    ['does not find part of a word', 'Release the beta', 'bet', false],
    ['folds -ed and -es onto the stem', 'Released the fixes', 'release fix', true],
    ['folds -ing onto the stem', 'Exporting reports', 'export', true],
    ['folds -ies onto -y', 'New stories', 'story', true],
    ['folds a plural query onto the singular summary', 'Checkout performance', 'checkouts', true],
    ['needs every word', 'Release the beta', 'beta launch', false],
    ['takes words in any order', 'Release the beta', 'beta release', true],
    ['keeps a quoted phrase in order', 'Release the beta', '"the beta"', true],
    ['refuses a quoted phrase out of order', 'Release the beta', '"beta release"', false],
    ['expands * to any ending', 'Release the beta', 'rel*', true],
    ['expands ? to one character', 'Release the beta', 'b?ta', true],
    ['ignores punctuation', 'Fix: crash (on export)', 'crash export', true],
    ['finds nothing for a query without words', 'Release the beta', '...', false],
    ['ignores stop words in the query', 'Checkout performance', 'the checkout', true],
    ['ignores stop words in a quoted phrase', 'Checkout performance', '"checkout of performance"', true],
    ['finds nothing for a query of stop words only', 'The end of it', 'the of', false],
    ['does not index stop words, so a prefix cannot reach them', 'Release the beta', 'th*', false],
    ['matches a prefix against the stems, not the words', 'Checkout performance', 'performance*', false],
    ['finds a shorter prefix of the stem', 'Checkout performance', 'perf*', true],
    ['finds a prefix at any word', 'Checkout performance', 'check*', true],
    ['keeps an escaped wildcard literal', 'Checkout performance', 'check\\*', false],
    ['takes OR between words', 'Checkout performance', 'banana OR checkout', true],
    ['takes || between words', 'Checkout performance', 'banana || checkout', true],
    ['takes AND between words', 'Checkout performance', 'banana AND checkout', false],
    ['excludes a word after -', 'Checkout performance', 'checkout -performance', false],
    ['excludes a word after NOT', 'Checkout performance', 'checkout NOT banana', true],
    ['matches nothing with only excluded words', 'Checkout performance', '-banana', false],
    ['groups with parentheses', 'Checkout performance', '(banana OR check*) AND perf*', true],
    ['ignores a boost and a fuzzy marker', 'Checkout performance', 'checkout^2 performance~', true],
    ['takes escaped special characters as text', 'C++ (beta) rollout', 'C\\+\\+ \\(beta\\)', true],
    ['takes an unescaped + inside a word as text', 'C++ rollout', 'C++ rollout', true],
    ['takes a colon as text: Jira escapes it itself', 'Fix: crash', 'fix: crash', true],
    ['keeps a combining accent inside its word', 'Cafe\u0301 menu', 'cafe\u0301 menu', true],
  ])('%s', (_, haystack, query, expected) => {
    expect(textMatches(haystack, query)).toBe(expected);
  });
});

describe('parseTextQuery refuses what Lucene cannot parse', () => {
  it.each<[string, string, string]>([
    ['an unclosed group', 'C++ (beta', 'syntax'],
    ['a closing parenthesis alone', 'beta)', 'syntax'],
    ['an empty group', '()', 'syntax'],
    ['a trailing minus', 'beta -', 'syntax'],
    ['a lone exclamation mark', '!', 'syntax'],
    ['a leading AND', 'AND beta', 'syntax'],
    ['a trailing OR', 'beta ||', 'syntax'],
    ['an unclosed quote', '"beta', 'syntax'],
    ['a caret without a number', 'beta^', 'syntax'],
    ['a tilde with nothing before it', '~beta', 'syntax'],
    ['a closing bracket alone', 'beta]', 'syntax'],
    ['a bracket that is not a range', '[draft] beta', 'range'],
    ['a leading *', '*port', 'leading-wildcard'],
    ['a leading ?', 'ex ?port', 'leading-wildcard'],
    ['a lone *', 'beta *', 'leading-wildcard'],
  ])('%s: %p', (_, query, error) => {
    expect(parseTextQuery(query)).toEqual({ ok: false, error });
  });

  it.each(['ex*', 'plain words', 'C++', 'a & b', 'x && y', 'beta\\', 'why\\?'])('accepts %p', (query) => {
    expect(parseTextQuery(query).ok).toBe(true);
  });
});
