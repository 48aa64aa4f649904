/** The expected failures many calls share, worded once per kind of record (one sentence each, so each language can inflect it). */
import type { Failure } from '../contract';
import { say } from '../i18n/server-texts';
import { fail } from './results';

/** What a call can find missing or changed. */
export type RecordKind = 'goal' | 'item' | 'kpi' | 'measurement' | 'checkIn' | 'evidence' | 'neighbouringGoal' | 'visionVersion' | 'vision' | 'kpiMeasurements';

/** Someone else saved first: the caller gets the record as it is now, to look at and reapply to. */
export function conflictWith<T>(current: T | undefined, what: RecordKind): Failure<T> {
  return {
    ok: false,
    error: {
      code: 'conflict',
      message: say(`records.conflict.${what}`),
      ...(current === undefined ? {} : { current }),
    },
  };
}

/** Missing, or another project's: the same answer, so ids of other projects reveal nothing. */
export const notFound = (what: RecordKind) => fail('not-found', say(`records.notFound.${what}`));
