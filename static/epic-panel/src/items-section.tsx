import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { EpicContext } from '../../../src/contract';
import { formatDay } from '../../shared/format';
import { Tag } from '../../shared/tag';
import { CheckInBadges } from '../../shared/check-in-badge';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { priority } from '../../shared/messages/priority';
import { Card, PanelSection, PlainList } from './section';

const statusAppearance = { idea: 'default', planned: 'new', 'in-progress': 'inprogress', done: 'success', parked: 'moved' } as const;

/** The roadmap items this epic delivers: when (horizon, dates) and how far along they are. */
export function ItemsSection({ context }: { context: EpicContext }) {
  const goalTitle = new Map(context.options.goals.map((goal) => [goal.id, goal.title]));
  return (
    <PanelSection id="epic-items-heading" title={m.itemsHeading} testId="epic-items">
      {context.items.length === 0 ? (
        <Text as="p">{m.itemsEmpty}</Text>
      ) : (
        <PlainList>
          {context.items.map((item) => {
            const dates = m.itemDates(item.startDate && formatDay(item.startDate), item.endDate && formatDay(item.endDate));
            const goal = item.goalId ? goalTitle.get(item.goalId) : undefined;
            return (
              <Card key={item.id} testId="epic-item">
                <Stack space="space.050">
                  <Inline space="space.100" alignBlock="center" shouldWrap>
                    <Text weight="semibold">{item.title}</Text>
                    <Tag appearance={statusAppearance[item.status]}>{m.itemStatus[item.status]}</Tag>
                    <CheckInBadges checkIn={item.checkIn} />
                  </Inline>
                  <Text size="small" color="color.text.subtle">
                    {[m.horizon[item.horizon], dates, goal ? m.itemGoal(goal) : undefined, item.owner ? priority.ownerLine(item.owner.displayName) : undefined].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </PlainList>
      )}
    </PanelSection>
  );
}
