/** Unaligned work: how many open epics serve no goal, the largest of them, and goals with no work. */
import { useCallback } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { invoke } from '../../shared/bridge';
import { IssueKeyLink } from '../../shared/issue-key-link';
import { gadgets as m } from '../../shared/messages/gadgets';
import { useResult } from '../../shared/use-result';
import type { SavedConfig } from './config';
import { loadSettled } from './load';
import { GadgetFailure, Loading, ProductLine, Section, gadgetStyles } from './parts';

const countStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });

export function UnalignedWork({ config }: { config: SavedConfig & { projectId: string } }) {
  const load = useCallback(() => loadSettled(() => invoke('getUnalignedWorkGadget', { projectId: config.projectId, rows: config.rows })), [config.projectId, config.rows]);
  const { state, reload } = useResult(load);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <GadgetFailure error={state.error} onRetry={reload} />;
  const view = state.value;
  return (
    <Stack space="space.150" testId="unaligned-work">
      <ProductLine project={view.project} />
      <Box as="p" xcss={countStyles} testId="unaligned-count">
        {m.unalignedCount(view.unalignedCount)}
      </Box>
      {view.epics.length > 0 ? (
        <Section label={m.largestLabel}>
          <Box as="ul" xcss={gadgetStyles.list}>
            {view.epics.map((epic) => (
              <Box as="li" key={epic.id} xcss={gadgetStyles.row} testId="unaligned-epic">
                <Inline space="space.100" alignBlock="center" spread="space-between">
                  <Text>
                    <IssueKeyLink issueKey={epic.key} /> {epic.summary}
                  </Text>
                  <Text size="small" color="color.text.subtle">
                    {m.epicSize(epic.issues)}
                  </Text>
                </Inline>
              </Box>
            ))}
          </Box>
        </Section>
      ) : null}
      <Section label={m.goalsWithoutWorkLabel}>
        {view.goalsWithoutWork.length === 0 ? (
          <Text color="color.text.subtle">{m.goalsWithoutWorkNone}</Text>
        ) : (
          <Box as="ul" xcss={gadgetStyles.list}>
            {view.goalsWithoutWork.map((goal) => (
              <Box as="li" key={goal.id} xcss={gadgetStyles.row} testId="goal-without-work">
                <Text>{goal.title}</Text>
              </Box>
            ))}
          </Box>
        )}
      </Section>
      {view.loading ? <Text size="small" color="color.text.subtle">{m.stillLoading}</Text> : null}
    </Stack>
  );
}
