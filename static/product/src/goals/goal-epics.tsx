import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LinkedEpic } from '../../../../src/contract';
import { LinkSyncBadge } from '../../../shared/link-sync-badge';
import { messages } from '../../../shared/messages';
import { ProgressSegments } from '../../../shared/progress-segments';

const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });

/** The epics that serve a goal, with their children's progress; links arrive with the roadmap. */
export function GoalEpics({ epics }: { epics: readonly LinkedEpic[] }) {
  return (
    <Stack space="space.100">
      <Heading size="xxsmall" as="h4">
        {messages.goals.epicsHeading}
      </Heading>
      {epics.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          {messages.goals.epicsEmpty}
        </Text>
      ) : (
        <Box as="ul" xcss={listStyles}>
            {epics.map((epic) => (
              <Box as="li" key={epic.id}>
                <Inline space="space.200" alignBlock="center" spread="space-between" shouldWrap>
                  <Text>
                    <Text size="small" color="color.text.subtle">
                      {epic.key}
                    </Text>{' '}
                    {epic.summary}
                  </Text>
                  <LinkSyncBadge sync={epic.sync} epicKey={epic.key} />
                  <ProgressSegments counts={epic.children} />
                </Inline>
              </Box>
            ))}
        </Box>
      )}
    </Stack>
  );
}
