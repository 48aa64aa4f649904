/** One product of the portfolio: its vision line, goals with KPI health, roadmap counts, and the way in. */
import { useEffect, useId, useState } from 'react';
import type { MouseEvent } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { PortfolioProduct } from '../../../src/contract';
import { productName } from '../../../src/domain/portfolio';
import { horizons, itemStatuses } from '../../../src/domain/roadmap';
import type { GoalStatus } from '../../../src/domain/strategy';
import { openProductPage, productPageUrl } from '../../shared/bridge';
import { portfolio as m } from '../../shared/messages/portfolio';
import { HealthCounts, HealthDot } from './health';
import { UpdatesDue } from '../../shared/check-in-badge';
import { Tag } from '../../shared/tag';
import type { TagAppearance } from '../../shared/tag';

const card = xcss({
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
  borderRadius: 'radius.large',
  padding: 'space.250',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.200',
  minWidth: '0',
  flexGrow: 1,
});
const nameStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0', overflowWrap: 'anywhere' });
const sectionHeading = xcss({ font: 'font.heading.xxsmall', color: 'color.text.subtle', margin: 'space.0' });
const plainList = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
// css-reset spaces `li + li`; the rows' own padding and divider do that here.
const goalRow = xcss({ paddingBlock: 'space.050', marginBlockStart: 'space.0' });
const dividedGoalRow = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border' });
const countsRow = xcss({ margin: 'space.0', padding: 'space.0', display: 'flex', flexWrap: 'wrap', columnGap: 'space.200', rowGap: 'space.050' });
const countTerm = xcss({ font: 'font.body.small', color: 'color.text.subtle', margin: 'space.0' });
const countValue = xcss({ font: 'font.body.small', fontWeight: 'font.weight.bold', color: 'color.text', margin: 'space.0' });
const footer = xcss({ marginBlockStart: 'auto' });
// A plain anchor (ADS's Anchor brings a router-link provider this page does not need).
const linkStyle = { font: token('font.body'), fontWeight: token('font.weight.medium'), color: token('color.link') };
const warning = xcss({ font: 'font.body.small', color: 'color.text.warning' });

const goalAppearance: Record<GoalStatus, TagAppearance> = {
  'on-track': 'success',
  'at-risk': 'moved',
  'off-track': 'removed',
  done: 'inprogress',
  archived: 'default',
};

export function ProductCard({ product }: { product: PortfolioProduct }) {
  const id = useId();
  const name = productName(product);
  const kpiCount = product.goals.reduce((sum, goal) => sum + goal.kpis.length, 0);
  return (
    <Box as="article" xcss={card} aria-labelledby={`${id}-name`} testId={`product-${product.project.key}`}>
      <Stack space="space.050">
        <Box as="h2" id={`${id}-name`} xcss={nameStyles}>
          {name}
        </Box>
        <Text size="small" color="color.text.subtle">
          {m.projectOf(product.project.name, product.project.key)}
        </Text>
        <UpdatesDue count={product.updatesDue} />
      </Stack>
      <Text as="p" color={product.vision.vision ? 'color.text' : 'color.text.subtlest'}>
        {product.vision.vision || m.noVision}
      </Text>

      <Stack space="space.075">
        <Box as="h3" id={`${id}-kpis`} xcss={sectionHeading}>
          {m.kpiHeading}
        </Box>
        {kpiCount === 0 ? <Text size="small" color="color.text.subtle">{m.kpiEmpty}</Text> : <HealthCounts counts={product.kpiHealth} labelledBy={`${id}-kpis`} />}
      </Stack>

      <Stack space="space.075">
        <Box as="h3" id={`${id}-goals`} xcss={sectionHeading}>
          {product.goals.length === 0 ? m.goalsHeading : m.goalsHeadingCount(product.goals.length)}
        </Box>
        {product.goals.length === 0 ? (
          <Text size="small" color="color.text.subtle">{m.goalsEmpty}</Text>
        ) : (
          <Box as="ul" xcss={plainList} aria-labelledby={`${id}-goals`}>
            {product.goals.map((goal, index) => (
              <Box as="li" key={goal.id} xcss={[goalRow, index > 0 ? dividedGoalRow : undefined]}>
                <Inline space="space.100" alignBlock="center" spread="space-between">
                  <Text weight="medium">{goal.title}</Text>
                  <Tag appearance={goalAppearance[goal.status]}>{m.goalStatus[goal.status]}</Tag>
                </Inline>
                <Inline space="space.100" alignBlock="center">
                  <Text size="small" color="color.text.subtle">{m.goalKpis(goal.kpis.length)}</Text>
                  {goal.kpis.map((kpi) => (
                    <Inline key={kpi.id} space="space.050" alignBlock="center">
                      <HealthDot health={kpi.health} />
                      <Text size="small">{m.kpiWithHealth(kpi.name, kpi.health)}</Text>
                    </Inline>
                  ))}
                </Inline>
              </Box>
            ))}
          </Box>
        )}
      </Stack>

      <Stack space="space.075">
        <Box as="h3" xcss={sectionHeading}>
          {product.roadmap.items === 0 ? m.roadmapHeading : m.roadmapHeadingCount(product.roadmap.items)}
        </Box>
        {product.roadmap.items === 0 ? (
          <Text size="small" color="color.text.subtle">{m.roadmapEmpty}</Text>
        ) : (
          <>
            <Counts label={m.byHorizonLabel} entries={horizons.map((horizon) => [m.horizon[horizon], product.roadmap.byHorizon[horizon]])} testId="by-horizon" />
            <Counts
              label={m.byStatusLabel}
              entries={itemStatuses.filter((status) => product.roadmap.byStatus[status] > 0).map((status) => [m.itemStatus[status], product.roadmap.byStatus[status]])}
              testId="by-status"
            />
            {product.roadmap.pastEndDate > 0 ? (
              <Box as="p" xcss={warning} testId="past-end-date">
                {m.pastEndDate(product.roadmap.pastEndDate)}
              </Box>
            ) : null}
          </>
        )}
      </Stack>

      <Box xcss={footer}>
        <ProductLink projectKey={product.project.key} label={m.openLabel(name)} />
      </Box>
    </Box>
  );
}

/** Counts as a description list: each term with its number, read as pairs by screen readers. */
function Counts({ label, entries, testId }: { label: string; entries: Array<[string, number]>; testId: string }) {
  return (
    <Box as="dl" xcss={countsRow} aria-label={label} testId={testId}>
      {entries.map(([term, count]) => (
        <Inline key={term} as="div" space="space.050" alignBlock="baseline">
          <Box as="dt" xcss={countTerm}>
            {term}
          </Box>
          <Box as="dd" xcss={countValue}>
            {count}
          </Box>
        </Inline>
      ))}
    </Box>
  );
}

/**
 * A real link to the product page (its Jira URL, so "open in new tab" works), followed through
 * Forge's router on a plain click: an iframe cannot move Jira's own page by itself.
 */
function ProductLink({ projectKey, label }: { projectKey: string; label: string }) {
  const [href, setHref] = useState<string>('');
  useEffect(() => {
    let current = true;
    productPageUrl(projectKey).then(
      (url) => current && setHref(url),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [projectKey]);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void openProductPage(projectKey);
  };
  return (
    <a href={href || '#'} onClick={follow} aria-label={label} style={linkStyle} data-testid={`open-${projectKey}`}>
      {m.open}
    </a>
  );
}
