import { maxDiffCells, wordDiff, wordTokens } from '../../../src/domain/word-diff';
import type { DiffPart } from '../../../src/domain/word-diff';

/** A diff written compactly: `[-removed-]`, `{+added+}`, the rest unchanged. */
const show = (parts: DiffPart[]): string => parts.map((part) => (part.kind === 'same' ? part.text : part.kind === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`)).join('');

describe('word tokens', () => {
  test.each<[string, string, string[]]>([
    ['words and spaces', 'Fast checkout now', ['Fast', ' ', 'checkout', ' ', 'now']],
    ['punctuation is its own token', 'Fast, simple.', ['Fast', ',', ' ', 'simple', '.']],
    ['inner apostrophes and hyphens stay in the word', 'shopper’s one-tap', ['shopper’s', ' ', 'one-tap']],
    ['a trailing hyphen does not', 'one- two', ['one', '-', ' ', 'two']],
    ['Chinese: one token per character', '让顾客更快结账', ['让', '顾', '客', '更', '快', '结', '账']],
    ['Japanese kana and kanji', 'すぐに購入', ['す', 'ぐ', 'に', '購', '入']],
    ['mixed scripts', 'API速度', ['API', '速', '度']],
    ['accents belong to their word', 'café naïve', ['café', ' ', 'naïve']],
    ['runs of whitespace are one token', 'a  \n b', ['a', '  \n ', 'b']],
    ['emoji are their own token', 'ship 🚀 it', ['ship', ' ', '🚀', ' ', 'it']],
    ['empty text', '', []],
  ])('%s', (_name, text, tokens) => {
    expect(wordTokens(text)).toEqual(tokens);
    expect(wordTokens(text).join('')).toBe(text);
  });
});

describe('word diff', () => {
  test.each<[string, string, string, string]>([
    ['nothing changed', 'Fast checkout', 'Fast checkout', 'Fast checkout'],
    ['both empty', '', '', ''],
    ['everything new', '', 'Fast checkout', '{+Fast checkout+}'],
    ['everything removed', 'Fast checkout', '', '[-Fast checkout-]'],
    ['one word replaced', 'Every shopper pays fast', 'Every shopper pays instantly', 'Every shopper pays [-fast-]{+instantly+}'],
    ['a word inserted', 'Every shopper pays', 'Every returning shopper pays', 'Every {+returning +}shopper pays'],
    ['a word removed', 'Every returning shopper pays', 'Every shopper pays', 'Every [-returning -]shopper pays'],
    ['two neighbouring words replaced read as one change', 'under a minute', 'in ten seconds', '[-under a minute-]{+in ten seconds+}'],
    ['punctuation only', 'Fast checkout', 'Fast checkout!', 'Fast checkout{+!+}'],
    ['case matters', 'fast', 'Fast', '[-fast-]{+Fast+}'],
    ['Chinese without spaces: only the changed characters', '让顾客更快结账', '让顾客更安全地结账', '让顾客更[-快-]{+安全地+}结账'],
    ['Japanese insertion', 'すぐに購入', 'すぐに安全に購入', 'すぐに{+安全に+}購入'],
    ['changes in two places', 'Grow repeat revenue by 20% this year', 'Grow new revenue by 30% this year', 'Grow [-repeat-]{+new+} revenue by [-20-]{+30+}% this year'],
  ])('%s', (_name, before, after, expected) => {
    const parts = wordDiff(before, after);
    expect(show(parts)).toBe(expected);
    // Both sides can be read back from the parts.
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  test('a huge rewrite stays bounded: a whole replacement past the table limit', () => {
    const side = Math.ceil(Math.sqrt(maxDiffCells)) + 10;
    const before = Array.from({ length: side }, (_, n) => `a${n}`).join(' ');
    const after = Array.from({ length: side }, (_, n) => `b${n}`).join(' ');
    const parts = wordDiff(before, after);
    expect(parts.map((p) => p.kind)).toEqual(['removed', 'added']);
  });
});
