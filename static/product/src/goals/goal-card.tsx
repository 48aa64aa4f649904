import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import type { GoalView, StrategyView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { MenuButton } from '../../../shared/menu-button';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { KpiList } from '../kpis/kpi-list';
import type { StrategyChange } from '../strategy-state';
import { GoalDeleteConfirm } from './goal-delete';
import { GoalEpics } from './goal-epics';
import { GoalForm, goalInput } from './goal-form';
import { GoalMeta } from './goal-meta';
import { FollowToggle } from '../feed/follow-toggle';
import { GoalStatusLozenge } from './goal-status';
import type { MoveCommand } from './reorder';
import { useGoalDrag } from './use-goal-drag';
import { DragHandleIcon, MoreIcon } from '../../../shared/icons';
import { CheckInBadges } from '../../../shared/check-in-badge';
import { CheckInsSection } from '../check-ins/check-ins-section';

const m = messages.goals;

const cardStyles = xcss({
  position: 'relative',
  padding: 'space.200',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
});
const draggingStyles = xcss({ opacity: 'opacity.disabled' });
const indicatorStyles = xcss({
  position: 'absolute',
  insetInline: 'space.0',
  height: '2px',
  backgroundColor: 'color.background.selected.bold',
  borderRadius: 'radius.full',
});
const indicatorEdge = { top: xcss({ insetBlockStart: 'space.negative.100' }), bottom: xcss({ insetBlockEnd: 'space.negative.100' }) };
const positionStyles = xcss({
  minWidth: '1.5rem',
  textAlign: 'center',
  borderRadius: 'radius.full',
  backgroundColor: 'color.background.neutral',
  font: 'font.body.small',
  fontWeight: 'font.weight.semibold',
  color: 'color.text.subtle',
});
const descriptionStyles = xcss({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: 'font.body', color: 'color.text' });
const dividerStyles = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border', paddingBlockStart: 'space.150' });

export interface GoalCardProps {
  goal: GoalView;
  position: number;
  count: number;
  canEdit: boolean;
  /** Who is looking: a goal's owner may check in on it without the edit rule (as postStatusUpdate allows). */
  viewer?: StrategyView['viewer'];
  /** Whether this card can be moved (editors, active goals, more than one). */
  sortable: boolean;
  onMove: (command: MoveCommand) => void;
  registerHandle: (element: HTMLButtonElement | null) => void;
  onChange: (change: StrategyChange) => void;
  /** Called when the card leaves the place focus was in (archived, deleted). */
  onFocusLost: () => void;
}

/**
 * One goal: title, status, owner, time frame, description, its KPIs and its epics. Editors edit it
 * in place, archive or delete it, and move it by dragging the handle or with the handle's menu
 * (or Alt+↑/↓ on the handle).
 */
export function GoalCard(props: GoalCardProps) {
  const { goal, canEdit } = props;
  const announce = useAnnounce();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [error, setError] = useState<UiError<GoalView>>();
  const [busy, setBusy] = useState(false);
  const card = useRef<HTMLLIElement>(null);
  const handle = useRef<HTMLButtonElement | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  const { edge, dragging } = useGoalDrag({ goalId: goal.id, enabled: props.sortable && mode === 'view', card, handle });

  const setStatus = async (status: GoalView['status'], baseVersion = goal.version) => {
    setBusy(true);
    const result = await attempt(() => invoke('updateGoal', { id: goal.id, goal: { ...goalInput(goal), status }, baseVersion }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    props.onChange({ type: 'goal', goal: result.value });
    announce(status === 'archived' ? m.archived(goal.title) : m.unarchived(goal.title));
    props.onFocusLost();
  };
  const archiveTarget = goal.status === 'archived' ? 'on-track' : 'archived';

  if (mode === 'edit') {
    return (
      <Box as="li">
        <GoalForm
          goal={goal}
          onSaved={(saved) => {
            props.onChange({ type: 'goal', goal: saved });
            announce(m.saved(saved.title));
            setMode('view');
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setMode('view');
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </Box>
    );
  }

  const moveItems = (
    [
      ['up', m.moveUp],
      ['down', m.moveDown],
      ['top', m.moveTop],
      ['bottom', m.moveBottom],
    ] as const
  ).map(([command, label]) => ({
    id: command,
    label,
    onSelect: () => props.onMove(command),
    isDisabled: command === 'up' || command === 'top' ? props.position === 1 : props.position === props.count,
  }));

  return (
    <Box as="li" ref={card} xcss={[cardStyles, dragging ? draggingStyles : undefined]} aria-labelledby={titleId} testId={`goal-${goal.id}`}>
      {edge ? <Box xcss={[indicatorStyles, indicatorEdge[edge]]} aria-hidden="true" testId="drop-indicator" /> : null}
      <Stack space="space.200">
        <Inline space="space.150" alignBlock="start" spread="space-between">
          <Inline space="space.100" alignBlock="center">
            {props.sortable ? (
              <MenuButton
                ref={(element) => {
                  handle.current = element;
                  props.registerHandle(element);
                }}
                icon={DragHandleIcon}
                label={m.reorder(goal.title)}
                items={moveItems}
                onTriggerKeyDown={(event) => {
                  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                  event.preventDefault();
                  props.onMove(event.key === 'ArrowUp' ? 'up' : 'down');
                }}
              />
            ) : null}
            {goal.status !== 'archived' ? (
              <Box xcss={positionStyles} aria-hidden="true">
                {props.position}
              </Box>
            ) : null}
            <Heading size="small" as="h3" id={titleId}>
              {goal.title}
            </Heading>
          </Inline>
          <Inline space="space.100" alignBlock="center">
            {goal.checkIn?.latest ? null : <GoalStatusLozenge status={goal.status} />}
            <CheckInBadges checkIn={goal.checkIn} />
            <FollowToggle target={{ kind: 'goal', id: goal.id }} title={goal.title} />
            {canEdit ? (
              <>
                <Button ref={editButton} spacing="compact" onClick={() => setMode('edit')} aria-label={m.editGoal(goal.title)}>
                  {messages.common.edit}
                </Button>
                <MenuButton
                  icon={MoreIcon}
                  label={m.actions(goal.title)}
                  items={[
                    { id: 'archive', label: goal.status === 'archived' ? m.unarchive : m.archive, onSelect: () => void setStatus(archiveTarget), isDisabled: busy },
                    { id: 'delete', label: messages.common.delete, onSelect: () => setMode('delete') },
                  ]}
                />
              </>
            ) : null}
          </Inline>
        </Inline>
        <GoalMeta goal={goal} />
        {goal.description.trim() ? <Box xcss={descriptionStyles}>{goal.description}</Box> : null}
        {error?.code === 'conflict' && error.current ? (
          <ConflictNotice
            headingLevel="h4"
            stamp={error.current.updated}
            isBusy={busy}
            onReapply={() => void setStatus(archiveTarget, error.current!.version)}
            onDiscard={() => {
              props.onChange({ type: 'goal', goal: error.current! });
              setError(undefined);
            }}
          />
        ) : error ? (
          <WriteError error={error} headingLevel="h4" />
        ) : null}
        {mode === 'delete' ? (
          <GoalDeleteConfirm
            goal={goal}
            onCancel={() => setMode('view')}
            onTheirs={(theirs) => {
              props.onChange({ type: 'goal', goal: theirs });
              setMode('view');
            }}
            onDeleted={(deleted) => {
              props.onChange({ type: 'goal-removed', id: goal.id });
              announce(m.deleted(goal.title, deleted.kpis, deleted.measurements));
              props.onFocusLost();
            }}
          />
        ) : null}
        <Box xcss={dividerStyles}>
          <KpiList goal={goal} canEdit={canEdit} onChange={props.onChange} />
        </Box>
        <Box xcss={dividerStyles}>
          <GoalEpics epics={goal.epics} />
        </Box>
        <CheckInsSection
          target={{ kind: 'goal', id: goal.id }}
          title={goal.title}
          summary={goal.checkIn}
          mayPost={canEdit || (props.viewer?.licensed === true && goal.owner !== undefined && goal.owner.accountId === props.viewer.accountId)}
          showCadence
          onSummary={(checkIn) => props.onChange({ type: 'goal', goal: { ...goal, checkIn } })} />
      </Stack>
    </Box>
  );
}
