import type { AlignmentView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { usePendingLoad } from '../../../shared/use-pending-load';
import type { LoadState } from '../../../shared/use-result';

export interface AlignmentStore {
  state: LoadState<AlignmentView>;
  reload: () => void;
  /** Loads again behind what is shown (after a link); false when that failed. */
  refresh: () => Promise<boolean>;
}

/**
 * The Alignment view, loaded when its tab is first shown. While a cold load leaves epics pending,
 * it asks again (as the roadmap does) so sizes and sprint investment fill in.
 */
export function useAlignment(): AlignmentStore {
  const { state, reload, refresh } = usePendingLoad(() => invoke('getAlignment'));
  return { state, reload, refresh };
}
