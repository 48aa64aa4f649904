import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { EpicContext, KpiView } from '../../../src/contract';
import type { KpiHealth } from '../../../src/domain/strategy';
import { formatValue } from '../../shared/format';
import { Tag } from '../../shared/tag';
import { CheckInBadges } from '../../shared/check-in-badge';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { kpis as kpiMessages } from '../../shared/messages/kpis';
import { Card, PanelSection, PlainList } from './section';

const healthAppearance = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', 'no-data': 'default' } as const satisfies Record<KpiHealth, string>;
const goalAppearance = { 'on-track': 'success', 'at-risk': 'moved', 'off-track': 'removed', done: 'new', archived: 'default' } as const;

type Goal = EpicContext['goals'][number];

/** The goals the epic serves, each with how (directly or through which item) and its KPIs' health. */
export function GoalsSection({ context }: { context: EpicContext }) {
  const { goals, items, viewer } = context;
  return (
    <PanelSection id="epic-goals-heading" title={m.goalsHeading} testId="epic-goals">
      {goals.length === 0 ? (
        <Stack space="space.050">
          <Text as="p">{m.goalsEmpty}</Text>
          <Text as="p" size="small" color="color.text.subtle">
            {viewer.canLink ? m.goalsEmptyEditor : m.goalsEmptyReader}
          </Text>
        </Stack>
      ) : (
        <PlainList>
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} throughItems={items.filter((item) => item.goalId === goal.id).map((item) => item.title)} />
          ))}
        </PlainList>
      )}
    </PanelSection>
  );
}

function GoalCard({ goal, throughItems }: { goal: Goal; throughItems: string[] }) {
  const how = [goal.direct ? m.direct : undefined, throughItems.length > 0 ? m.through(throughItems) : undefined]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card testId="epic-goal">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="semibold">{goal.title}</Text>
          <Tag appearance={goalAppearance[goal.status]}>{m.goalStatus[goal.status]}</Tag>
          <CheckInBadges checkIn={goal.checkIn} />
        </Inline>
        {how ? (
          <Text size="small" color="color.text.subtle">
            {how}
          </Text>
        ) : null}
        {goal.kpis.length === 0 ? (
          <Text size="small" color="color.text.subtlest">
            {m.kpisEmpty}
          </Text>
        ) : (
          <PlainList label={m.kpisLabel(goal.title)}>
            {goal.kpis.map((kpi) => (
              <KpiLine key={kpi.id} kpi={kpi} />
            ))}
          </PlainList>
        )}
      </Stack>
    </Card>
  );
}

/** A KPI's health in a word and why, in the server's one sentence: never a colour alone. */
function KpiLine({ kpi }: { kpi: KpiView }) {
  const target = formatValue(kpi.target.value, kpi.unit);
  return (
    <Box as="li" testId="epic-kpi">
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text>{kpi.name}</Text>
          <Tag appearance={healthAppearance[kpi.health]}>{kpiMessages.health[kpi.health]}</Tag>
          <Text size="small" color="color.text.subtle">
            {kpi.latest ? m.kpiLatest(formatValue(kpi.latest.value, kpi.unit), target) : m.kpiNoValue(target)}
          </Text>
        </Inline>
        <Text as="p" size="small" color="color.text.subtle">
          {kpi.healthReason}
        </Text>
      </Stack>
    </Box>
  );
}
