/**
 * Priority scores of roadmap items. A product picks one method: RICE (reach × impact × confidence
 * ÷ effort), value ÷ effort, or none. Each input is typed by an editor, or (reach and effort) taken
 * live from the facts: reach from the item's evidence count, effort from the remaining story
 * points of its epics. Pure: the facts are arguments, so the board, the Priority list and the tests
 * compute the same score.
 */

export const scoringMethods = ['none', 'rice', 'value-effort'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];

/** RICE's impact scale (Intercom's): massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const impactScale = [3, 2, 1, 0.5, 0.25] as const;

/** How far inputs may go: wide enough for any real product, far inside storage's float range. */
export const scoreBounds = {
  reach: { min: 0, max: 1_000_000_000 },
  confidence: { min: 0, max: 100 },
  value: { min: 0, max: 1_000 },
  /** Entered effort is more than nothing: an item that costs nothing has no score to rank by. */
  effort: { min: 0.1, max: 1_000_000 },
} as const;

/** An input taken from the facts (`live`), or typed by an editor. */
export type LiveOrEntered = { source: 'live' } | { source: 'entered'; value: number };

/** What an item stores; any input may be missing (the score then says which). */
export interface ScoreInputs {
  /** Live: the item's evidence count. */
  reach?: LiveOrEntered;
  impact?: number;
  /** Percent, 0–100. */
  confidence?: number;
  value?: number;
  /** Live: the remaining story points of the item's epics. */
  effort?: LiveOrEntered;
}

/** The facts live inputs are read from; absent = not known (yet). */
export interface ScoreFacts {
  /** The item's evidence count, and what it counts ("support requests"). */
  evidence?: { count: number; label?: string };
  /** Remaining (to do + in progress) story points of the item's epics, once rolled up. */
  remainingPoints?: number;
}

export type ScoreInputName = 'reach' | 'impact' | 'confidence' | 'value' | 'effort';

/** Where an input's value came from, for the explanation. */
export type TermSource = 'entered' | 'evidence' | 'epics';

export interface ScoreTerm {
  input: ScoreInputName;
  value: number;
  source: TermSource;
  /** For reach from evidence: what the evidence counts. */
  label?: string;
}

export type ItemScore =
  /** The product scores nothing. */
  | { kind: 'off' }
  /** Inputs are missing (never entered, or live and not known): nothing to rank by yet. */
  | { kind: 'missing'; method: Exclude<ScoringMethod, 'none'>; missing: ScoreInputName[] }
  /** Effort is 0 (live: no points left): dividing by it means nothing. */
  | { kind: 'no-effort'; method: Exclude<ScoringMethod, 'none'>; terms: ScoreTerm[] }
  | { kind: 'scored'; method: Exclude<ScoringMethod, 'none'>; score: number; terms: ScoreTerm[] };

/** The inputs a method reads, in the order the explanation says them. */
export const methodInputs: Record<Exclude<ScoringMethod, 'none'>, readonly ScoreInputName[]> = {
  rice: ['reach', 'impact', 'confidence', 'effort'],
  'value-effort': ['value', 'effort'],
};

function termOf(name: ScoreInputName, inputs: ScoreInputs, facts: ScoreFacts): ScoreTerm | undefined {
  switch (name) {
    case 'reach': {
      const reach = inputs.reach;
      if (!reach) return undefined;
      if (reach.source === 'entered') return { input: name, value: reach.value, source: 'entered' };
      if (!facts.evidence) return undefined;
      return { input: name, value: facts.evidence.count, source: 'evidence', ...(facts.evidence.label ? { label: facts.evidence.label } : {}) };
    }
    case 'effort': {
      const effort = inputs.effort;
      if (!effort) return undefined;
      if (effort.source === 'entered') return { input: name, value: effort.value, source: 'entered' };
      return facts.remainingPoints === undefined ? undefined : { input: name, value: facts.remainingPoints, source: 'epics' };
    }
    case 'impact':
    case 'confidence':
    case 'value': {
      const value = inputs[name];
      return value === undefined ? undefined : { input: name, value, source: 'entered' };
    }
  }
}

/** The item's score by the product's method, or why it has none. */
export function scoreItem(method: ScoringMethod, inputs: ScoreInputs | undefined, facts: ScoreFacts): ItemScore {
  if (method === 'none') return { kind: 'off' };
  const names = methodInputs[method];
  const terms: ScoreTerm[] = [];
  const missing: ScoreInputName[] = [];
  for (const name of names) {
    const term = termOf(name, inputs ?? {}, facts);
    if (term && Number.isFinite(term.value)) terms.push(term);
    else missing.push(name);
  }
  if (missing.length > 0) return { kind: 'missing', method, missing };
  const value = (name: ScoreInputName) => terms.find((term) => term.input === name)!.value;
  const effort = value('effort');
  if (effort <= 0) return { kind: 'no-effort', method, terms };
  const score = method === 'rice' ? (value('reach') * value('impact') * (value('confidence') / 100)) / effort : value('value') / effort;
  return { kind: 'scored', method, score, terms };
}

/** The number to sort and filter by: scored items by score, the rest below every score. */
export const scoreValue = (score: ItemScore): number | undefined => (score.kind === 'scored' ? score.score : undefined);

/**
 * Priority order: highest score first; unscored items after every scored one, in their roadmap
 * rank. Ties keep the roadmap's rank, so the order never depends on the sort's stability.
 */
export function compareByScore(a: { score: ItemScore; rank: string }, b: { score: ItemScore; rank: string }): number {
  const sa = scoreValue(a.score);
  const sb = scoreValue(b.score);
  if (sa !== undefined && sb !== undefined && sa !== sb) return sb - sa;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === undefined && sb !== undefined) return 1;
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
}

/** Whether an item passes a "score at least" filter (none set: every item passes; unscored never do). */
export function meetsMinScore(score: ItemScore, minScore: number | undefined): boolean {
  if (minScore === undefined) return true;
  const value = scoreValue(score);
  return value !== undefined && value >= minScore;
}
