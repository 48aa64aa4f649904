/**
 * A word-level diff of two texts, for a vision version opened beside the one before it. Pure.
 *
 * Words are split as people read them: runs of letters or digits (with inner apostrophes and
 * hyphens) are one token each, whitespace runs and punctuation marks are tokens of their own, and
 * text without spaces between words (Chinese, Japanese, Thai) is split per character, since each
 * character there is a word or part of one and no dictionary is at hand. The diff is the longest
 * common subsequence of tokens, so the unchanged parts are as long as they can be.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Scripts written without spaces between words: one token per character. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  const characters = [...text];
  let index = 0;
  while (index < characters.length) {
    const character = characters[index]!;
    if (/\s/u.test(character)) {
      let end = index + 1;
      while (end < characters.length && /\s/u.test(characters[end]!)) end += 1;
      tokens.push(characters.slice(index, end).join(''));
      index = end;
    } else if (unspacedScript.test(character) || !wordCharacter.test(character)) {
      tokens.push(character);
      index += 1;
    } else {
      let end = index + 1;
      while (end < characters.length) {
        const next = characters[end]!;
        const joiner = (next === '\'' || next === '’' || next === '-') && end + 1 < characters.length && isWordCharacter(characters[end + 1]!);
        if (!(isWordCharacter(next) || joiner)) break;
        end += joiner ? 2 : 1;
      }
      tokens.push(characters.slice(index, end).join(''));
      index = end;
    }
  }
  return tokens;
}

const isWordCharacter = (character: string) => wordCharacter.test(character) && !unspacedScript.test(character);

/** Past this many token pairs the diff gives up on detail and shows a whole replacement (bounded work). */
export const maxDiffCells = 4_000_000;

/** The parts of `after` against `before`: same, removed and added runs, in reading order, adjacent runs of one kind merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = wordTokens(before);
  const b = wordTokens(after);
  // Common ends first: most edits touch a small middle, and the table is then small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if ((middleA.length + 1) * (middleB.length + 1) > maxDiffCells) {
    push('removed', middleA.join(''));
    push('added', middleB.join(''));
  } else {
    for (const part of lcsDiff(middleA, middleB)) push(part.kind, part.text);
  }
  push('same', a.slice(endA).join(''));
  return regroup(parts);
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      parts.push({ kind: 'added', text: b[j]! });
      j += 1;
    } else {
      parts.push({ kind: 'removed', text: a[i]! });
      i += 1;
    }
  }
  return parts;
}

/**
 * Reads better: a lone space kept "same" between two changes joins them ("-old words- +new words+"
 * instead of "-old- +new- -words- +words+"), and removals come before additions in each change.
 */
function regroup(parts: DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const before = joined.at(-1);
    const after = parts[index + 1];
    if (part.kind === 'same' && /^\s+$/u.test(part.text) && before && before.kind !== 'same' && after && after.kind !== 'same') {
      joined.push({ kind: 'removed', text: part.text }, { kind: 'added', text: part.text });
    } else {
      joined.push({ ...part });
    }
  }
  // Each run of changes between two "same" parts: all removed text, then all added text.
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const part of joined) {
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      flush();
      const last = out.at(-1);
      if (last && last.kind === 'same') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}
