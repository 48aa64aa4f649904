import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';

export type Edge = 'top' | 'bottom';

/** What a dragged card and its drop targets carry; the board's monitor reads it (roadmap-board.tsx). */
export const cardDragType = 'roadmap-item';

export const closestEdge = (clientY: number, rect: { top: number; height: number }): Edge => (clientY < rect.top + rect.height / 2 ? 'top' : 'bottom');

/**
 * Makes a card draggable and a drop target for other cards, saying on which edge a drop would
 * land. Registered in an effect (no state until a drag starts), so 1,000 cards stay cheap.
 */
export function useCardDrag(options: { itemId: string; enabled: boolean; card: RefObject<HTMLElement | null> }) {
  const { itemId, enabled, card } = options;
  const [edge, setEdge] = useState<Edge | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const element = card.current;
    if (!enabled || !element) return;
    return combine(
      draggable({
        element,
        getInitialData: () => ({ type: cardDragType, itemId }),
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => source.data['type'] === cardDragType && source.data['itemId'] !== itemId,
        getData: ({ input, element: target }) => ({ type: cardDragType, itemId, edge: closestEdge(input.clientY, target.getBoundingClientRect()) }),
        onDrag: ({ self }) => setEdge(self.data['edge'] as Edge),
        onDragLeave: () => setEdge(null),
        onDrop: () => setEdge(null),
      }),
    );
  }, [itemId, enabled, card]);

  return { edge, dragging };
}
