import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { closestEdge } from './reorder';
import type { Edge } from './reorder';

/**
 * Makes a goal card draggable by its handle and a drop target for other goals, telling the card
 * whether it is being dragged and on which edge a drop would land. The list's monitor turns the
 * drop into a move (goal-list.tsx).
 */
export function useGoalDrag(options: { goalId: string; enabled: boolean; card: RefObject<HTMLElement | null>; handle: RefObject<HTMLElement | null> }) {
  const { goalId, enabled, card, handle } = options;
  const [edge, setEdge] = useState<Edge | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const element = card.current;
    const dragHandle = handle.current;
    if (!enabled || !element || !dragHandle) return;
    return combine(
      draggable({
        element,
        dragHandle,
        getInitialData: () => ({ type: 'goal', goalId }),
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => source.data['type'] === 'goal' && source.data['goalId'] !== goalId,
        getData: ({ input, element: target }) => ({ type: 'goal', goalId, edge: closestEdge(input.clientY, target.getBoundingClientRect()) }),
        onDrag: ({ self }) => setEdge(self.data['edge'] as Edge),
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    );
  }, [goalId, enabled, card, handle]);

  return { edge, dragging };
}
