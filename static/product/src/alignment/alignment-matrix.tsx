import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AlignmentView } from '../../../../src/contract';
import { messages } from '../../../shared/messages';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import { LinkSyncBadge } from '../../../shared/link-sync-badge';
import { DataTable, Td, Th } from './table';

const m = messages.alignment;
const markStyles = xcss({ color: 'color.text.brand', fontWeight: 'font.weight.bold' });
const goalHeadStyles = xcss({ display: 'inline-block', maxWidth: '10rem', whiteSpace: 'normal' });

/** Epics serving at least one goal, as rows; the goals, as columns; a mark where an epic serves a goal. */
export function AlignmentMatrix({ view }: { view: AlignmentView }) {
  const rows = view.epics.filter((epic) => epic.goals.length > 0);
  return (
    <Box as="section" aria-labelledby="matrix-heading">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="matrix-heading">
          {m.matrixHeading}
        </Heading>
        {view.goals.length === 0 ? (
          <Text>{m.matrixNoGoals}</Text>
        ) : rows.length === 0 ? (
          <Text>{m.matrixEmpty}</Text>
        ) : (
          <>
            <Text color="color.text.subtle">{m.matrixIntro}</Text>
            <DataTable caption={m.matrixCaption} testId="alignment-matrix">
              <thead>
                <tr>
                  <Th>{m.epicColumn}</Th>
                  {view.goals.map((goal) => (
                    <Th key={goal.id} align="center">
                      <Box as="span" xcss={goalHeadStyles}>
                        {goal.title}
                      </Box>
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((epic) => {
                  const via = new Map(epic.goals.map((link) => [link.goalId, link.via]));
                  return (
                    <tr key={epic.id}>
                      <Th scope="row">
                        <IssueKeyLink issueKey={epic.key} />{' '}
                        <Text>{epic.summary}</Text> <LinkSyncBadge sync={epic.sync} epicKey={epic.key} />
                      </Th>
                      {view.goals.map((goal) => {
                        const kind = via.get(goal.id);
                        return (
                          <Td key={goal.id} align="center">
                            {kind ? (
                              <Box as="span" xcss={markStyles} aria-label={m.viaLabel[kind]} {...{ role: 'img' }}>
                                {m.via[kind]}
                              </Box>
                            ) : (
                              <Box as="span" xcss={hiddenStyles}>
                                {m.notServed}
                              </Box>
                            )}
                          </Td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          </>
        )}
      </Stack>
    </Box>
  );
}

const hiddenStyles = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as Parameters<typeof xcss>[0]);
