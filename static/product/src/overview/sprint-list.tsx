import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SprintSummary } from '../../../../src/contract';
import { messages } from '../../../shared/messages';
import { formatDay, formatNumber, localToday } from '../../../shared/format';

const stateAppearance = { active: 'inprogress', future: 'new', closed: 'default' } as const;

const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const itemStyles = xcss({
  paddingBlock: 'space.100',
  paddingInline: 'space.150',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
});

// A sprint's start and end are instants; the reader's calendar day of each, in their Jira zone and locale.
const formatDate = (iso: string | undefined) => (iso ? formatDay(localToday(new Date(iso))) : undefined);

export function SprintList({ sprints }: { sprints: readonly SprintSummary[] }) {
  return (
    <section aria-labelledby="sprints-heading"><Stack space="space.150">
      <Heading size="medium" as="h2" id="sprints-heading">
        {messages.sprintsHeading} <Text color="color.text.subtlest">({formatNumber(sprints.length)})</Text>
      </Heading>
      {sprints.length === 0 ? (
        <Text>{messages.sprintsEmpty}</Text>
      ) : (
        <Box as="ul" xcss={listStyles} testId="sprint-list">
            {sprints.map((sprint) => (
              <Box as="li" key={sprint.id} xcss={itemStyles}>
                <Inline space="space.150" alignBlock="center" spread="space-between">
                  <Inline space="space.150" alignBlock="center">
                    <Lozenge appearance={stateAppearance[sprint.state]}>{messages.sprintState[sprint.state]}</Lozenge>
                    <Text weight="medium">{sprint.name}</Text>
                  </Inline>
                  <Text color="color.text.subtle" size="small">
                    {messages.sprintDates(formatDate(sprint.startDate), formatDate(sprint.endDate))}
                  </Text>
                </Inline>
              </Box>
            ))}
        </Box>
      )}
    </Stack></section>
  );
}
