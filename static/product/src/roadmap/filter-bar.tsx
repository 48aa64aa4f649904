import Button from '@atlaskit/button/new';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { emptyRoadmapFilter, isFiltering, noGoal } from '../../../../src/domain/finding';
import type { RoadmapFilter } from '../../../../src/domain/finding';
import { horizons, itemStatuses } from '../../../../src/domain/roadmap';
import type { Horizon } from '../../../../src/domain/roadmap';
import { finding } from '../../../shared/messages/create-epic';
import { messages } from '../../../shared/messages';
import { NativeSelect } from '../../../shared/native-select';
import { PriorityFilters } from './priority-filters';
import '../../../shared/find-input.css';

const m = messages.roadmap;
const barStyles = xcss({
  paddingBlock: 'space.100',
  paddingInline: 'space.150',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral.subtle',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
});
const visuallyHidden = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', whiteSpace: 'nowrap' });
const checkboxStyles = { accentColor: 'var(--ds-background-selected-bold, #0c66e4)', width: '1rem', height: '1rem', margin: 0 } as const;

const Label = ({ htmlFor, children }: { htmlFor: string; children: string }) => (
  <Box as="label" {...{ htmlFor }}>
    <Text size="small" weight="semibold" color="color.text.subtle">
      {children}
    </Text>
  </Box>
);

/**
 * The roadmap's filter: a search field and three choices in one row, with the count of items shown.
 * The count is a polite live region, so a screen reader hears "12 of 240 items" as the list narrows.
 */
export function FilterBar(props: { filter: RoadmapFilter; goals: ReadonlyArray<{ id: string; title: string }>; shown: number; total: number; onChange: (next: RoadmapFilter) => void }) {
  const { filter, onChange } = props;
  const set = (part: Partial<RoadmapFilter>) => onChange({ ...filter, ...part });
  return (
    <Box as="section" xcss={barStyles} aria-label={m.filterLegend} testId="roadmap-filter">
      <Inline space="space.200" alignBlock="center" shouldWrap>
        <Inline space="space.100" alignBlock="center">
          <Label htmlFor="roadmap-filter-text">{m.filterText}</Label>
          <input
            id="roadmap-filter-text"
            type="search"
            className="find-input"
            value={filter.text}
            placeholder={m.filterTextPlaceholder}
            onChange={(event) => set({ text: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && filter.text) {
                event.stopPropagation();
                set({ text: '' });
              }
            }}
          />
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Label htmlFor="roadmap-filter-goal">{m.filterGoal}</Label>
          <NativeSelect
            id="roadmap-filter-goal"
            value={filter.goal}
            onChange={(goal) => set({ goal })}
            options={[{ value: '', label: m.filterAnyGoal }, ...props.goals.map((goal) => ({ value: goal.id, label: goal.title })), { value: noGoal, label: m.noGoalOption }]}
          />
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Label htmlFor="roadmap-filter-status">{m.filterStatus}</Label>
          <NativeSelect<RoadmapFilter['status']>
            id="roadmap-filter-status"
            value={filter.status}
            onChange={(status) => set({ status })}
            options={[{ value: '', label: m.filterAnyStatus }, ...itemStatuses.map((status) => ({ value: status, label: m.status[status] }))]}
          />
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Label htmlFor="roadmap-filter-horizon">{finding.horizon}</Label>
          <NativeSelect<Horizon | ''>
            id="roadmap-filter-horizon"
            value={filter.horizon ?? ''}
            onChange={(horizon) => {
              const { horizon: _previous, ...rest } = filter;
              onChange(horizon ? { ...rest, horizon } : rest);
            }}
            options={[{ value: '', label: finding.anyHorizon }, ...horizons.map((horizon) => ({ value: horizon, label: m.horizons[horizon] }))]}
          />
        </Inline>
        <Inline space="space.075" alignBlock="center">
          <input
            id="roadmap-filter-no-epics"
            type="checkbox"
            style={checkboxStyles}
            checked={filter.noEpics === true}
            aria-describedby="roadmap-filter-no-epics-help"
            onChange={(event) => {
              const { noEpics: _previous, ...rest } = filter;
              onChange(event.target.checked ? { ...rest, noEpics: true } : rest);
            }}
          />
          <Label htmlFor="roadmap-filter-no-epics">{finding.noEpics}</Label>
          <Box as="span" xcss={visuallyHidden} id="roadmap-filter-no-epics-help">
            {finding.noEpicsLabel}
          </Box>
        </Inline>
        <Inline space="space.075" alignBlock="center">
          <input id="roadmap-filter-risk" type="checkbox" style={checkboxStyles} checked={filter.atRisk} onChange={(event) => set({ atRisk: event.target.checked })} />
          <Label htmlFor="roadmap-filter-risk">{m.filterAtRisk}</Label>
        </Inline>
        <PriorityFilters filter={filter} onChange={onChange} />
        {isFiltering(filter) ? (
          <Button spacing="compact" appearance="subtle" onClick={() => onChange(emptyRoadmapFilter)}>
            {m.filterClear}
          </Button>
        ) : null}
        <Box aria-live="polite" aria-atomic="true" testId="roadmap-filter-count">
          <Text size="small" color="color.text.subtle">
            {m.filterCount(props.shown, props.total)}
          </Text>
        </Box>
      </Inline>
    </Box>
  );
}
