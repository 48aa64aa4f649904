/** Goal health: a product's goals with their status and their KPIs' health. */
import { useCallback } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { GoalStatus, KpiHealth } from '../../../src/domain/strategy';
import { invoke } from '../../shared/bridge';
import { gadgets as m } from '../../shared/messages/gadgets';
import { Tag } from '../../shared/tag';
import type { TagAppearance } from '../../shared/tag';
import { useResult } from '../../shared/use-result';
import type { SavedConfig } from './config';
import { GadgetFailure, Loading, More, ProductLine, Section, gadgetStyles } from './parts';

const statusLook: Record<GoalStatus, TagAppearance> = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', done: 'inprogress', archived: 'default' };
const healthLook: Record<KpiHealth, TagAppearance> = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', 'no-data': 'default' };

export function GoalHealth({ config }: { config: SavedConfig & { projectId: string } }) {
  const load = useCallback(() => invoke('getGoalHealthGadget', { projectId: config.projectId, rows: config.rows }), [config.projectId, config.rows]);
  const { state, reload } = useResult(load);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <GadgetFailure error={state.error} onRetry={reload} />;
  const view = state.value;
  return (
    <Stack space="space.150" testId="goal-health">
      <ProductLine project={view.project} />
      <Section label={m.goalsLabel}>
        {view.goals.length === 0 ? (
          <Text color="color.text.subtle">{m.goalsEmpty}</Text>
        ) : (
          <Box as="ul" xcss={gadgetStyles.list}>
            {view.goals.map((goal) => (
              <Box as="li" key={goal.id} xcss={gadgetStyles.row} testId="goal-row">
                <Stack space="space.075">
                  <Inline space="space.100" alignBlock="center" spread="space-between">
                    <Box as="h4" xcss={gadgetStyles.title}>
                      {goal.title}
                    </Box>
                    <Tag appearance={statusLook[goal.status]}>{m.goalStatus[goal.status]}</Tag>
                  </Inline>
                  {goal.kpis.length === 0 ? (
                    <Text size="small" color="color.text.subtlest">
                      {m.noKpis}
                    </Text>
                  ) : (
                    <Inline space="space.100" shouldWrap>
                      {goal.kpis.map((kpi) => (
                        <Box as="span" key={kpi.id} title={kpi.healthReason}>
                          <Inline space="space.050" alignBlock="center">
                            <Text size="small">{kpi.name}</Text>
                            <Tag appearance={healthLook[kpi.health]}>{m.health[kpi.health]}</Tag>
                          </Inline>
                        </Box>
                      ))}
                    </Inline>
                  )}
                </Stack>
              </Box>
            ))}
          </Box>
        )}
        <More n={view.more} />
      </Section>
    </Stack>
  );
}
