import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { Box, xcss } from '@atlaskit/primitives';
import type { GoalView, StrategyView } from '../../../../src/contract';
import type { StrategyChange } from '../strategy-state';
import { GoalCard } from './goal-card';
import { commandTarget, dropIndex } from './reorder';
import type { Edge, MoveCommand } from './reorder';

// Flex on the list itself: a wrapper between <ol> and <li> would break the list for screen readers.
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.200' });

/**
 * Goals in rank order. When `onMove` is given, goals are sortable: a drop (watched here, once for
 * the list) or a keyboard command becomes a move to an index, and focus stays on the moved goal's
 * handle.
 */
export function GoalList(props: {
  goals: readonly GoalView[];
  canEdit: boolean;
  viewer?: StrategyView['viewer'];
  onMove?: (goalId: string, to: number) => void;
  onChange: (change: StrategyChange) => void;
  onFocusLost: () => void;
  testId: string;
}) {
  const { goals, onMove } = props;
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const [focusId, setFocusId] = useState<string>();
  const latest = useRef({ goals, onMove });
  latest.current = { goals, onMove };

  useLayoutEffect(() => {
    if (!focusId) return;
    handles.current.get(focusId)?.focus();
    setFocusId(undefined);
  }, [goals, focusId]);

  const sortable = Boolean(onMove) && props.canEdit && goals.length > 1;
  useEffect(() => {
    if (!sortable) return;
    return monitorForElements({
      canMonitor: ({ source }) => source.data['type'] === 'goal',
      onDrop: ({ source, location }) => {
        const target = location.current.dropTargets[0];
        const { goals: current, onMove: move } = latest.current;
        if (!target || !move) return;
        const startIndex = current.findIndex((g) => g.id === source.data['goalId']);
        const targetIndex = current.findIndex((g) => g.id === target.data['goalId']);
        if (startIndex < 0 || targetIndex < 0) return;
        move(String(source.data['goalId']), dropIndex({ startIndex, targetIndex, edge: target.data['edge'] as Edge }));
      },
    });
  }, [sortable]);

  const moveBy = (goalId: string, index: number, command: MoveCommand) => {
    const to = commandTarget(command, index, goals.length);
    if (to === index || !onMove) return;
    setFocusId(goalId);
    onMove(goalId, to);
  };

  return (
    <Box as="ol" xcss={listStyles} testId={props.testId}>
        {goals.map((goal, index) => (
          <GoalCard
            key={goal.id}
            goal={goal}
            position={index + 1}
            count={goals.length}
            canEdit={props.canEdit}
            viewer={props.viewer}
            sortable={sortable}
            onMove={(command) => moveBy(goal.id, index, command)}
            registerHandle={(element) => {
              if (element) handles.current.set(goal.id, element);
              else handles.current.delete(goal.id);
            }}
            onChange={props.onChange}
            onFocusLost={props.onFocusLost}
          />
        ))}
    </Box>
  );
}
