import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Flex, Stack, Text, xcss } from '@atlaskit/primitives';
import type { KpiView } from '../../../../src/contract';
import { formatDay, formatValue } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import type { StrategyChange } from '../strategy-state';
import { KpiDetail } from './kpi-detail';
import { KpiHealthNote } from './kpi-health';
import { KpiJqlLinks } from './kpi-jql-links';
import { KpiProgress } from './kpi-progress';
import { Sparkline } from './sparkline';
import { ChevronDownIcon, ChevronUpIcon } from '../../../shared/icons';

const k = messages.kpis;
const rowStyles = xcss({ paddingBlock: 'space.150', borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border' });
const nameStyles = xcss({ flexGrow: 2, flexShrink: 1, flexBasis: '14rem', minWidth: '0' });
const latestStyles = xcss({ flexGrow: 1, flexShrink: 1, flexBasis: '7rem' });
const progressStyles = xcss({ flexGrow: 1, flexShrink: 1, flexBasis: '12rem' });
const valueStyles = xcss({ font: 'font.heading.small', color: 'color.text' });

/**
 * One KPI on its goal's card: name and plan, latest value, progress, health with its reason, and
 * the trend. "Details" opens its chart and measurements right below.
 */
export function KpiRow({ kpi, canEdit, onChange }: { kpi: KpiView; canEdit: boolean; onChange: (change: StrategyChange) => void }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const latest = kpi.latest;
  return (
    <Box as="li" xcss={rowStyles} testId={`kpi-${kpi.id}`}>
      <Stack space="space.100">
        <Flex gap="space.200" alignItems="center" wrap="wrap">
          <Box xcss={nameStyles}>
            <Stack space="space.025">
              <Text weight="semibold">{kpi.name}</Text>
              <Text size="small" color="color.text.subtle">
                {k.baselineToTarget(formatValue(kpi.baseline.value, kpi.unit), formatValue(kpi.target.value, kpi.unit), formatDay(kpi.target.date))}
              </Text>
              <KpiJqlLinks kpi={kpi} />
            </Stack>
          </Box>
          <Box xcss={latestStyles}>
            {latest ? (
              <Stack space="space.025">
                <Box xcss={valueStyles}>{formatValue(latest.value, kpi.unit)}</Box>
                <Text size="small" color="color.text.subtle">
                  {k.latestOn()[0]}<time dateTime={latest.date}>{formatDay(latest.date)}</time>{k.latestOn()[1]}
                </Text>
              </Stack>
            ) : (
              <Text color="color.text.subtlest">{k.noValue}</Text>
            )}
          </Box>
          <Box xcss={progressStyles}>
            <KpiProgress progress={kpi.progress} health={kpi.health} name={kpi.name} />
          </Box>
          <Sparkline kpi={kpi} />
          <Button
            spacing="compact"
            appearance="subtle"
            iconAfter={open ? ChevronUpIcon : ChevronDownIcon}
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            aria-label={k.details(kpi.name)}
            onClick={() => setOpen((o) => !o)}
          >
            {k.showDetails}
          </Button>
        </Flex>
        <KpiHealthNote health={kpi.health} reason={kpi.healthReason} />
        {open ? (
          <Box id={detailId}>
            <KpiDetail kpi={kpi} canEdit={canEdit} onChange={onChange} onDeleted={() => setOpen(false)} />
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
