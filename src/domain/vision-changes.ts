/**
 * What a vision version changed, and which saves belong to one sitting. Pure: "now" is an argument.
 */
import type { VisionBoard } from './strategy';

/** The board's fields in the order the board shows them. */
export const visionFields = ['productName', 'vision', 'targetGroup', 'needs', 'product', 'businessGoals'] as const;
export type VisionField = (typeof visionFields)[number];

/** The fields whose text differs (all non-empty ones for a first version). */
export function changedVisionFields(before: VisionBoard | undefined, after: VisionBoard): VisionField[] {
  return visionFields.filter((field) => (before ? before[field] !== after[field] : after[field].trim() !== ''));
}

/** Saves by one person this close together make one version of the history. */
export const sittingMinutes = 10;

export interface SavedVersion {
  version: number;
  savedAt: string;
  savedBy: string;
  restoredFrom?: number;
}

/**
 * Whether a save by `author` at `now` continues the sitting of `latest` (replacing it) instead of
 * adding a version: the same person, within `sittingMinutes` of that version, neither of the two a
 * restore (a restore is a deliberate step of its own), and never version 1 (the board's first
 * version stays, the portfolio knows a product has a vision by it).
 */
export function continuesSitting(latest: SavedVersion | undefined, author: string, now: string, restoring: boolean): boolean {
  if (!latest || restoring || latest.restoredFrom !== undefined || latest.version <= 1) return false;
  if (latest.savedBy !== author) return false;
  const elapsed = Date.parse(now) - Date.parse(latest.savedAt);
  return elapsed >= 0 && elapsed <= sittingMinutes * 60_000;
}
