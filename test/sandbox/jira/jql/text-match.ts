/**
 * `summary ~ "…"` as a word search, close to what Jira's text index does: case-insensitive, every
 * word of the query must appear (in any order), `*` and `?` are wildcards inside a word, an inner
 * quoted phrase (`summary ~ "\"full screen\""`) must appear as is, and plural/verb endings are
 * folded by a light stemmer. Jira's analyser is richer (stop words, full stemming): keep KPI
 * queries to plain words.
 */

const WORD = /[\p{L}\p{N}*?]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Applied to both sides, so it only has to be consistent: release/released/releases → releas. */
function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function wildcardPattern(word: string): RegExp {
  const body = word
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'u');
}

/** A query word that starts with a wildcard: Jira rejects the whole query. */
export function hasLeadingWildcard(query: string): boolean {
  return words(query).some((w) => w.startsWith('*') || w.startsWith('?'));
}

export function textMatches(haystack: string, query: string): boolean {
  const trimmed = query.trim();
  const hayWords = words(haystack).filter((w) => !w.includes('*') && !w.includes('?'));
  const phrase = /^"(.*)"$/s.exec(trimmed);
  if (phrase) {
    const wanted = words(phrase[1] ?? '').map(stem);
    if (wanted.length === 0) return false;
    const stems = hayWords.map(stem);
    for (let i = 0; i + wanted.length <= stems.length; i++) {
      if (wanted.every((w, j) => stems[i + j] === w)) return true;
    }
    return false;
  }
  const wanted = words(trimmed);
  if (wanted.length === 0) return false;
  const stems = new Set(hayWords.map(stem));
  return wanted.every((w) => {
    if (w.includes('*') || w.includes('?')) {
      const pattern = wildcardPattern(w);
      return hayWords.some((h) => pattern.test(h));
    }
    return stems.has(stem(w));
  });
}
