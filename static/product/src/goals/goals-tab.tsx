import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GoalView, StrategyView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { messages } from '../../../shared/messages';
import type { StrategyChange } from '../strategy-state';
import { GoalForm } from './goal-form';
import { GoalList } from './goal-list';
import { useGoalMoves } from './use-goal-moves';
import type { MoveNotice } from './use-goal-moves';
import { AddIcon } from '../../../shared/icons';
import { formatNumber } from '../../../shared/format';

const m = messages.goals;
const headingStyles = xcss({ ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused' } });

/** The Goals & KPIs tab: the product's goals in priority order, each with its KPIs and epics. */
export function GoalsTab(props: { goals: readonly GoalView[]; canEdit: boolean; viewer?: StrategyView['viewer']; onChange: (change: StrategyChange) => void; refresh: () => Promise<boolean> }) {
  const { canEdit } = props;
  const announce = useAnnounce();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<MoveNotice>();
  const heading = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const active = props.goals.filter((g) => g.status !== 'archived');
  const archived = props.goals.filter((g) => g.status === 'archived');
  const move = useGoalMoves({ goals: active, onChange: props.onChange, refresh: props.refresh, onNotice: setNotice });
  const focusHeading = () => requestAnimationFrame(() => heading.current?.focus());

  return (
    <Stack space="space.300">
      <Inline space="space.200" alignBlock="end" spread="space-between" shouldWrap>
        <Stack space="space.050">
          <Box ref={heading} tabIndex={-1} xcss={headingStyles}>
            <Heading size="medium" as="h2">
              {m.heading} <Text color="color.text.subtlest">({formatNumber(active.length)})</Text>
            </Heading>
          </Box>
          <Text color="color.text.subtle">{m.intro}</Text>
        </Stack>
        {canEdit && !creating ? (
          <Button ref={addButton} appearance="primary" iconBefore={AddIcon} onClick={() => setCreating(true)}>
            {m.add}
          </Button>
        ) : null}
      </Inline>
      {notice ? (
        <SectionMessage
          appearance={notice.kind === 'conflict' ? 'warning' : 'error'}
          headingLevel="h3"
          title={notice.kind === 'conflict' ? messages.common.conflictTitle : m.moveFailed(notice.title)}
          actions={[
            <Button key="dismiss" onClick={() => setNotice(undefined)}>
              {messages.common.dismiss}
            </Button>,
          ]}
        >
          <Text as="p">{notice.kind === 'conflict' ? m.moveConflict : notice.error.message}</Text>
        </SectionMessage>
      ) : null}
      {creating ? (
        <GoalForm
          onSaved={(goal) => {
            props.onChange({ type: 'goal', goal });
            announce(m.created(goal.title));
            setCreating(false);
            focusHeading();
          }}
          onCancel={() => {
            setCreating(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : null}
      {active.length === 0 && !creating ? <Text color="color.text.subtle">{canEdit ? m.emptyEditor : m.emptyReader}</Text> : null}
      {canEdit && active.length > 1 ? (
        <Text size="small" color="color.text.subtlest">
          {m.reorderHint}
        </Text>
      ) : null}
      <GoalList goals={active} canEdit={canEdit} viewer={props.viewer} onMove={move} onChange={props.onChange} onFocusLost={focusHeading} testId="goal-list" />
      {archived.length > 0 ? (
        <Stack space="space.200">
          <Heading size="small" as="h2">
            {m.archivedHeading} <Text color="color.text.subtlest">({formatNumber(archived.length)})</Text>
          </Heading>
          <GoalList goals={archived} canEdit={canEdit} viewer={props.viewer} onChange={props.onChange} onFocusLost={focusHeading} testId="archived-goal-list" />
        </Stack>
      ) : null}
    </Stack>
  );
}
