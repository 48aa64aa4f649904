/** An item's owner and score inputs: what an input changes on the record, and what a view shows. */
import type { RoadmapItemView, UserRef } from '../../contract';
import type { ScoreInputs } from '../../domain/scoring';
import type { RoadmapItemRecord } from '../../adapters/storage/records';

/**
 * Applies what the input says to the record about to be written: `undefined` leaves a field as
 * stored, `null` removes it (storage takes no nulls: the attribute is left out), a value sets it.
 */
export function applyPriority(record: RoadmapItemRecord, owner: UserRef | null | undefined, scoreInputs: ScoreInputs | null | undefined): void {
  if (owner === null) {
    delete record.ownerAccountId;
    delete record.owner;
  } else if (owner !== undefined) {
    record.ownerAccountId = owner.accountId;
    record.owner = owner;
  }
  if (scoreInputs === null || (scoreInputs !== undefined && Object.keys(scoreInputs).length === 0)) delete record.scoreInputs;
  else if (scoreInputs !== undefined) record.scoreInputs = scoreInputs;
}

export function priorityView(record: Pick<RoadmapItemRecord, 'owner' | 'scoreInputs'>): Pick<RoadmapItemView, 'owner' | 'scoreInputs'> {
  return { ...(record.owner ? { owner: record.owner } : {}), ...(record.scoreInputs ? { scoreInputs: record.scoreInputs } : {}) };
}
