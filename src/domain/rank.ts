/**
 * Fractional ranks (LexoRank-style): ordering by plain string comparison, so moving one item writes
 * one record. A rank is a non-empty string of `0-9a-z` that never ends in `0`; that invariant is
 * what guarantees a string exists between any two distinct ranks, and below the lowest one.
 * Repeated inserts at one spot lengthen ranks by about one character per five inserts; the roadmap,
 * which reuses this, can rebalance with `initialRanks` if ranks ever grow long.
 */

const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
const base = digits.length;
const rankPattern = /^[0-9a-z]*[1-9a-z]$/;

export const isRank = (text: string): boolean => rankPattern.test(text);

/**
 * A rank strictly between `before` and `after`. Either may be missing: `rankBetween()` starts an
 * empty list, `rankBetween(last)` appends, `rankBetween(undefined, first)` prepends. Throws on a
 * malformed rank or when `before` is not below `after`: the caller holds a stale order (a bug or a
 * conflict to report), and guessing would scramble the list.
 */
export function rankBetween(before?: string, after?: string): string {
  for (const rank of [before, after]) {
    if (rank !== undefined && !isRank(rank)) throw new RangeError(`Not a rank: '${rank}'`);
  }
  if (before !== undefined && after !== undefined && before >= after) {
    throw new RangeError(`No rank between '${before}' and '${after}': they are not in order`);
  }
  return midpoint(before ?? '', after);
}

/**
 * A rank strictly between `before` and `after` that no other record placed in the same gap at the
 * same time can also get: the gap's midpoint followed by `salt`, a few digits derived from the
 * record's own id (`rankSalt`). Two editors who create or move different records into one gap read
 * the same neighbours and compute the same midpoint; without the salt both records would hold one
 * rank, and no later move could go between them. Same preconditions as `rankBetween`.
 */
export function uniqueRankBetween(before: string | undefined, after: string | undefined, salt: string): string {
  if (!isRank(salt)) throw new RangeError(`Not a rank salt: '${salt}'`);
  const middle = rankBetween(before, after);
  // Anything that starts with `middle` sorts above it, and so above `before`; it stays below
  // `after` unless `after` itself starts with `middle` ('h' below 'h5'). Then the salt goes after
  // the longest prefix of `after` whose next digit is lowered by one ('h4…' below 'h5').
  if (after === undefined || !after.startsWith(middle)) return middle + salt;
  let next = middle.length;
  while (after[next] === '0') next += 1;
  return after.slice(0, next) + (digits[digitValue(after[next] as string) - 1] as string) + salt;
}

/**
 * Six rank digits from a record id (FNV-1a), never ending in `0`: unique enough that two records
 * placed in one gap at once differ (a clash needs two ids with the same 32-bit hash and the same
 * neighbours at the same moment), and stable, so the same id always gets the same salt.
 */
export function rankSalt(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const text = hash.toString(base).padStart(7, '0').slice(-6);
  return text.endsWith('0') ? `${text.slice(0, 5)}1` : text;
}

/** `count` ranks spread evenly over the shortest width that holds them, in ascending order. */
export function initialRanks(count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  let width = 1;
  while (base ** width <= count) width += 1;
  const step = base ** width / (count + 1);
  return Array.from({ length: count }, (_, i) =>
    // Dropping trailing zeros keeps the order of equal-width strings and restores the invariant.
    Math.floor(step * (i + 1)).toString(base).padStart(width, '0').replace(/0+$/, ''),
  );
}

/** A string strictly between `low` ('' = the bottom) and `high` (undefined = the top). */
function midpoint(low: string, high: string | undefined): string {
  if (high !== undefined) {
    // Skip the common prefix; a shorter `low` reads as padded with zeros.
    let shared = 0;
    while (shared < high.length && (low[shared] ?? '0') === high[shared]) shared += 1;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low.length > 0 ? digitValue(low[0] as string) : 0;
  const highDigit = high !== undefined ? digitValue(high[0] as string) : base;
  if (highDigit - lowDigit > 1) return digits[Math.round((lowDigit + highDigit) / 2)] as string;
  // Adjacent first digits: `high`'s first digit alone fits when `high` goes on after it...
  if (high !== undefined && high.length > 1) return high.slice(0, 1);
  // ...otherwise keep `low`'s first digit and find room above the rest of `low`.
  return (digits[lowDigit] as string) + midpoint(low.slice(1), undefined);
}

function digitValue(char: string): number {
  return digits.indexOf(char);
}
