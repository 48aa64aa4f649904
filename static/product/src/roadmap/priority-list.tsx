import { useLayoutEffect, useMemo, useState } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { RoadmapItemView, RoadmapView, ScoringSetting } from '../../../../src/contract';
import { scoringMethods } from '../../../../src/domain/scoring';
import type { ScoringMethod } from '../../../../src/domain/scoring';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { formatScore, scoreSentence } from '../../../shared/messages/score-explanation';
import { RadioGroup } from '../../../shared/radio-group';
import { WriteError } from '../../../shared/write-error';
import { ListSpacer, WindowBox, useWindowedRows } from '../../../shared/windowed-list';
import { priorityList } from './priority-model';
import type { RoadmapChange } from './roadmap-state';
import { useScores } from './scores-context';
import { markRender, renderMarks } from './use-roadmap';
import './priority.css';

const p = messages.priority;

/**
 * The Priority view: the shown items ranked by score, each with its score and the sentence that
 * explains it; unscored items after, saying what is missing. Editors choose the scoring method
 * here. A title opens the item's details beside the list, as a card does on the board.
 */
export function PriorityList(props: {
  view: RoadmapView;
  items: readonly RoadmapItemView[];
  minScore?: number;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
  onChange: (change: RoadmapChange) => void;
}) {
  const { view } = props;
  const { byItem } = useScores();
  const ranked = priorityList(props.items, byItem, props.minScore);
  const scored = ranked.filter((entry) => entry.score.kind === 'scored').length;
  // A long ranking scrolls in its own box, drawn a few screens at a time; the open item's row stays drawn.
  const selectedIndex = props.selectedId ? ranked.findIndex((entry) => entry.item.id === props.selectedId) : -1;
  const pinned = useMemo(() => new Set(selectedIndex >= 0 ? [selectedIndex] : []), [selectedIndex]);
  const rows = useWindowedRows({ count: ranked.length, keyOf: (index) => ranked[index]!.item.id, estimate: 62, gap: 8, pinned });
  // User timing for the render benchmark, as the board and the Timeline mark theirs.
  useLayoutEffect(() => markRender(renderMarks.committed), [props.items]);
  return (
    <Stack space="space.200" testId="priority-view">
      <Stack space="space.050">
        <Heading size="small" as="h3">
          {p.priorityHeading}
        </Heading>
        <Text color="color.text.subtle">{p.priorityIntro}</Text>
      </Stack>
      <ScoringMethodChoice view={view} onChange={props.onChange} />
      {view.scoring?.method && view.scoring.method !== 'none' ? (
        <Text size="small" color="color.text.subtle" testId="priority-scored-count">
          {p.scoredCount(scored, ranked.length)}
        </Text>
      ) : null}
      {ranked.length === 0 ? <Text color="color.text.subtle">{p.listEmpty}</Text> : null}
      <WindowBox window={rows} label={p.priorityHeading}>
      <ol ref={rows.list as React.RefObject<HTMLOListElement>} className="pr-list" aria-label={p.priorityHeading}>
        {rows.entries.map((entry) => {
          if (entry.kind === 'spacer') return <ListSpacer key={`spacer-${entry.from}`} entry={entry} />;
          const { item, score } = ranked[entry.index]!;
          const index = entry.index;
          return (
          <li
            key={item.id}
            className="pr-row"
            data-selected={props.selectedId === item.id || undefined}
            data-testid={`priority-row-${item.id}`}
            data-row-index={index}
            aria-posinset={rows.windowed ? index + 1 : undefined}
            aria-setsize={rows.windowed ? ranked.length : undefined}
          >
            <span className="pr-rank" aria-hidden="true">
              {p.rank(index + 1)}
            </span>
            <span className="pr-value" data-unscored={score.kind !== 'scored' || undefined}>
              {score.kind === 'scored' ? formatScore(score.score) : '–'}
            </span>
            <span>
              <button type="button" id={`pr-title-${item.id}`} className="pr-title" aria-expanded={props.selectedId === item.id} onClick={() => props.onOpen(item.id)}>
                {item.title}
              </button>
              <br />
              <span className="pr-why">{scoreSentence(score)}</span>
              {item.owner ? <span className="pr-why"> · {item.owner.displayName}</span> : null}
            </span>
          </li>
          );
        })}
      </ol>
      </WindowBox>
    </Stack>
  );
}

/** The product's scoring method: editors choose it (version-checked); readers see it named. */
function ScoringMethodChoice({ view, onChange }: { view: RoadmapView; onChange: (change: RoadmapChange) => void }) {
  const announce = useAnnounce();
  const [error, setError] = useState<UiError<ScoringSetting>>();
  const [busy, setBusy] = useState(false);
  // The choice shows at once; the roadmap takes it when the server has stored it.
  const [chosen, setChosen] = useState<ScoringMethod>();
  const scoring = view.scoring ?? { method: 'none', version: 0 };
  if (!view.viewer.canEdit) {
    return (
      <Text testId="priority-method">
        {p.methodLegend}: {p.methods[scoring.method]} · {p.methodHelp[scoring.method]}
      </Text>
    );
  }
  const choose = async (method: ScoringMethod) => {
    if (busy || method === scoring.method) return;
    setBusy(true);
    setChosen(method);
    setError(undefined);
    const result = await attempt(() => invoke('saveScoringMethod', { method, baseVersion: scoring.version }));
    setBusy(false);
    setChosen(undefined);
    if (result.ok) {
      onChange({ type: 'loaded', view: { ...view, scoring: result.value } });
      announce(p.methodSaved(result.value.method));
      return;
    }
    setError(result.error);
    if (result.error.code === 'conflict' && result.error.current) onChange({ type: 'loaded', view: { ...view, scoring: result.error.current } });
  };
  return (
    <Stack space="space.100">
      <RadioGroup
        legend={p.methodLegend}
        value={chosen ?? scoring.method}
        options={scoringMethods.map((value) => ({ value, label: `${p.methods[value]}` }))}
        onChange={(method) => void choose(method)}
      />
      <Text size="small" color="color.text.subtle">
        {p.methodHelp[scoring.method]}
      </Text>
      {error?.code === 'conflict' ? (
        <SectionMessage appearance="warning" headingLevel="h4" title={p.methodConflict}>
          <></>
        </SectionMessage>
      ) : error ? (
        <WriteError error={error} headingLevel="h4" />
      ) : null}
    </Stack>
  );
}
