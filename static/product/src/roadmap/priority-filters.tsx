import { useEffect, useState } from 'react';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { RoadmapFilter } from '../../../../src/domain/finding';
import { messages } from '../../../shared/messages';
import { useScores } from './scores-context';
import './priority.css';

const p = messages.priority;

const Label = ({ htmlFor, children }: { htmlFor: string; children: string }) => (
  <Box as="label" {...{ htmlFor }}>
    <Text size="small" weight="semibold" color="color.text.subtle">
      {children}
    </Text>
  </Box>
);

/**
 * The filter bar's part for owners and scores: "Mine", lanes by owner, and "score at least" while
 * the product scores its items. The number is applied as typed once it is a number; cleared, it
 * filters nothing.
 */
export function PriorityFilters({ filter, onChange }: { filter: RoadmapFilter; onChange: (next: RoadmapFilter) => void }) {
  const { method } = useScores();
  const [minText, setMinText] = useState(filter.minScore === undefined ? '' : String(filter.minScore));
  useEffect(() => {
    setMinText((text) => (Number(text) === filter.minScore || (text === '' && filter.minScore === undefined) ? text : filter.minScore === undefined ? '' : String(filter.minScore)));
  }, [filter.minScore]);
  const without = (key: 'mine' | 'minScore' | 'byOwner') => {
    const { [key]: _dropped, ...rest } = filter;
    return rest;
  };
  return (
    <>
      <Inline space="space.075" alignBlock="center">
        <input id="roadmap-filter-mine" type="checkbox" className="pr-check" checked={filter.mine === true} onChange={(event) => onChange(event.target.checked ? { ...filter, mine: true } : without('mine'))} />
        <Label htmlFor="roadmap-filter-mine">{p.mine}</Label>
      </Inline>
      <Inline space="space.075" alignBlock="center">
        <input id="roadmap-lanes-owner" type="checkbox" className="pr-check" checked={filter.byOwner === true} onChange={(event) => onChange(event.target.checked ? { ...filter, byOwner: true } : without('byOwner'))} />
        <Label htmlFor="roadmap-lanes-owner">{p.groupByOwner}</Label>
      </Inline>
      {method !== 'none' ? (
        <Inline space="space.100" alignBlock="center">
          <Label htmlFor="roadmap-filter-min-score">{p.minScore}</Label>
          <input
            id="roadmap-filter-min-score"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            className="find-input pr-number"
            value={minText}
            onChange={(event) => {
              const text = event.target.value;
              setMinText(text);
              const value = Number(text);
              if (text.trim() === '') onChange(without('minScore'));
              else if (Number.isFinite(value) && Math.abs(value) <= 1e12) onChange({ ...filter, minScore: value });
            }}
          />
        </Inline>
      ) : null}
    </>
  );
}
