import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { GoalView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { messages } from '../../../shared/messages';
import type { StrategyChange } from '../strategy-state';
import { KpiForm } from './kpi-form';
import { KpiRow } from './kpi-row';
import { AddIcon } from '../../../shared/icons';

const k = messages.kpis;
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' });

/** A goal's KPIs, and for editors the way to add one. */
export function KpiList({ goal, canEdit, onChange }: { goal: GoalView; canEdit: boolean; onChange: (change: StrategyChange) => void }) {
  const announce = useAnnounce();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Heading size="xxsmall" as="h4">
          {messages.goals.kpisHeading}
        </Heading>
        {canEdit && !adding ? (
          <Button ref={addButton} spacing="compact" appearance="subtle" iconBefore={AddIcon} onClick={() => setAdding(true)} aria-label={k.addTo(goal.title)}>
            {k.add}
          </Button>
        ) : null}
      </Inline>
      {goal.kpis.length === 0 && !adding ? (
        <Text size="small" color="color.text.subtle">
          {k.none}
        </Text>
      ) : null}
      {goal.kpis.length > 0 ? (
        <Box as="ul" xcss={listStyles}>
          {goal.kpis.map((kpi) => (
            <KpiRow key={kpi.id} kpi={kpi} canEdit={canEdit} onChange={onChange} />
          ))}
        </Box>
      ) : null}
      {adding ? (
        <KpiForm
          goalId={goal.id}
          onCancel={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
          onSaved={(kpi) => {
            onChange({ type: 'kpi', kpi });
            announce(k.kpiCreated(kpi.name));
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : null}
    </Stack>
  );
}
