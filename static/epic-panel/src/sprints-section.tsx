import { Box, Inline, Text } from '@atlaskit/primitives';
import type { EpicContext } from '../../../src/contract';
import { formatNumber } from '../../shared/format';
import { Tag } from '../../shared/tag';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { PanelSection, PlainList } from './section';

const stateAppearance = { active: 'inprogress', future: 'new', closed: 'default' } as const;

type Work = EpicContext['sprints']['past'][number];

/** Which sprints carry the epic's work: past, active and future, and what is left in the backlog. */
export function SprintsSection({ sprints }: { sprints: EpicContext['sprints'] }) {
  // One list in timeline order; the lozenge says past, active or future in words.
  const work = [...sprints.past, ...sprints.active, ...sprints.future];
  const backlog = sprints.unscheduled;
  return (
    <PanelSection id="epic-sprints-heading" title={m.sprintsHeading} testId="epic-sprints">
      {work.length === 0 ? (
        <Text as="p">{m.sprintsEmpty}</Text>
      ) : (
        <PlainList>
          {work.map((entry) => (
            <SprintLine key={entry.sprintId} work={entry} />
          ))}
        </PlainList>
      )}
      {backlog.issues > 0 ? (
        <Text as="p" size="small" color="color.text.subtle">
          {m.backlog(backlog.issues, formatNumber(backlog.points))}
        </Text>
      ) : null}
    </PanelSection>
  );
}

function SprintLine({ work }: { work: Work }) {
  return (
    <Box as="li" testId="epic-sprint">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Tag appearance={stateAppearance[work.state]}>{m.sprintGroup[work.state]}</Tag>
        <Text weight="medium">{work.name}</Text>
        <Text size="small" color="color.text.subtle">
          {m.sprintWork(work.issues, work.done, formatNumber(work.points))}
          {work.carriedOver > 0 ? ` · ${m.carriedOver(work.carriedOver)}` : ''}
        </Text>
      </Inline>
    </Box>
  );
}
