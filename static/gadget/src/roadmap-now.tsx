/** Roadmap now: the open Now items with progress, forecast and risk, each linking to that item in the product page. */
import { useCallback } from 'react';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { RoadmapNowGadget } from '../../../src/contract';
import { invoke } from '../../shared/bridge';
import { formatDay } from '../../shared/format';
import { itemRoute } from '../../shared/product-route';
import { gadgets as m } from '../../shared/messages/gadgets';
import { Tag } from '../../shared/tag';
import { checkIns as checkInWords } from '../../shared/messages/check-ins';
import { useResult } from '../../shared/use-result';
import type { SavedConfig } from './config';
import { loadSettled } from './load';
import { GadgetFailure, Loading, More, ProductLine, ProductLink, Section, gadgetStyles } from './parts';

type Item = RoadmapNowGadget['items'][number];

function Progress({ item }: { item: Item }) {
  if (!item.progress) return <Text size="small" color="color.text.subtlest">{m.noEpics}</Text>;
  const { done, total } = item.progress;
  return (
    <Inline space="space.075" alignBlock="center">
      <Box as="progress" value={done} max={Math.max(total, 1)} aria-label={m.progressLabel(done, total)} />
      <Text size="small">{m.progress(done, total)}</Text>
    </Inline>
  );
}

export function RoadmapNow({ config }: { config: SavedConfig & { projectId: string } }) {
  const load = useCallback(
    () => loadSettled(() => invoke('getRoadmapNowGadget', { projectId: config.projectId, rows: config.rows, goalId: config.goalId ?? null })),
    [config.projectId, config.rows, config.goalId],
  );
  const { state, reload } = useResult(load);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <GadgetFailure error={state.error} onRetry={reload} />;
  const view = state.value;
  return (
    <Stack space="space.150" testId="roadmap-now">
      <ProductLine project={view.project} />
      {view.goal ? <Text color="color.text.subtle">{m.forGoal(view.goal.title)}</Text> : null}
      <Section label={m.itemsLabel}>
        {view.items.length === 0 ? (
          <Text color="color.text.subtle">{view.goal ? m.nowEmptyForGoal(view.goal.title) : m.nowEmpty}</Text>
        ) : (
          <Box as="ul" xcss={gadgetStyles.list}>
            {view.items.map((item) => (
              <Box as="li" key={item.id} xcss={gadgetStyles.row} testId="now-item">
                <Stack space="space.075">
                  <Inline space="space.100" alignBlock="center" spread="space-between">
                    <ProductLink project={view.project} path={itemRoute(item.id)} label={m.openItem(item.title)}>
                      {item.title}
                    </ProductLink>
                    <Inline space="space.050">
                      {item.atRisk ? (
                        <Box as="span" title={m.atRiskOf(item.title, item.endDate && formatDay(item.endDate))}>
                          <Tag appearance="removed">{m.atRisk}</Tag>
                        </Box>
                      ) : null}
                      {item.updateDue ? <Tag appearance="new">{checkInWords.updateDue}</Tag> : null}
                      <Tag appearance={item.status === 'in-progress' ? 'inprogress' : 'default'}>{m.itemStatus[item.status]}</Tag>
                    </Inline>
                  </Inline>
                  <Inline space="space.150" alignBlock="center" shouldWrap>
                    <Progress item={item} />
                    {item.finishDate ? <Text size="small" color="color.text.subtle">{m.finish(formatDay(item.finishDate))}</Text> : null}
                    {item.goalTitle && !view.goal ? <Text size="small" color="color.text.subtlest">{item.goalTitle}</Text> : null}
                  </Inline>
                </Stack>
              </Box>
            ))}
          </Box>
        )}
        <More n={view.more} />
      </Section>
      {view.loading ? <Text size="small" color="color.text.subtle">{m.stillLoading}</Text> : null}
    </Stack>
  );
}
