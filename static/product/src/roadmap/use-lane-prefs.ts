import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../../../shared/bridge';
import { useAnnounce } from '../../../shared/announcer';
import { attempt } from '../../../shared/errors';
import { finding } from '../../../shared/messages/create-epic';

/**
 * The lanes this person keeps collapsed on this product's roadmap, from Forge storage (per account,
 * not per browser: see src/adapters/storage/lane-prefs.ts). A toggle shows at once and is saved
 * behind it; a save that fails leaves the lane as clicked for this visit.
 */
export function useLanePrefs(): { collapsed: ReadonlySet<string>; toggle: (laneId: string, laneName: string) => void } {
  const announce = useAnnounce();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(collapsed);
  latest.current = collapsed;
  const touched = useRef(false);

  useEffect(() => {
    let live = true;
    void attempt(() => invoke('getLanePrefs')).then((result) => {
      // A click before the answer came wins over what was stored; the same set again would only
      // redraw the board (up to 1,000 cards) for nothing.
      if (!live || !result.ok || touched.current) return;
      const stored = new Set(result.value.collapsedLaneIds);
      if (stored.size === latest.current.size && [...stored].every((id) => latest.current.has(id))) return;
      setCollapsed(stored);
    });
    return () => {
      live = false;
    };
  }, []);

  const toggle = useCallback(
    (laneId: string, laneName: string) => {
      touched.current = true;
      const next = new Set(latest.current);
      const collapsing = !next.has(laneId);
      if (collapsing) next.add(laneId);
      else next.delete(laneId);
      latest.current = next;
      setCollapsed(next);
      announce(collapsing ? finding.laneCollapsed(laneName) : finding.laneExpanded(laneName));
      void attempt(() => invoke('saveLanePrefs', { collapsedLaneIds: [...next] }));
    },
    [announce],
  );
  return { collapsed, toggle };
}
