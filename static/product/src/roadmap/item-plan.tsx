import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RoadmapItemView, RoadmapView } from '../../../../src/contract';
import { dependencyWarnings, findCycle, maxDependsOn } from '../../../../src/domain/dependencies';
import type { ItemRelease } from '../../../../src/domain/releases';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatNearDay } from '../../../shared/format';
import { releases as r } from '../../../shared/messages/releases';
import { NativeSelect } from '../../../shared/native-select';
import { WriteError } from '../../../shared/write-error';
import { releaseRiskLines } from './delivery-text';
import { itemInputOf } from './item-priority';
import type { RoadmapChange } from './roadmap-state';
import './item-plan.css';

const sectionStyles = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border', paddingBlockStart: 'space.150' });
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' });
const warningStyles = xcss({
  paddingInline: 'space.100',
  paddingBlock: 'space.050',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.warning',
  color: 'color.text.warning',
});
const riskStyles = xcss({ paddingInline: 'space.100', paddingBlock: 'space.050', borderRadius: 'radius.small', backgroundColor: 'color.background.danger', color: 'color.text.danger' });

/** The item panel's releases (from its epics' issues' fix versions) and what blocks it. */
export function ItemPlan(props: { item: RoadmapItemView; view: RoadmapView; onChange: (change: RoadmapChange) => void; refresh: () => Promise<boolean> }) {
  return (
    <>
      {props.item.delivery ? <ItemReleases item={props.item} /> : null}
      <ItemDependencies {...props} />
    </>
  );
}

function ItemReleases({ item }: { item: RoadmapItemView }) {
  const delivery = item.delivery!;
  const risks = releaseRiskLines(delivery);
  return (
    <Box xcss={sectionStyles} testId="item-releases">
      <Stack space="space.100">
        <Heading size="xsmall" as="h4">
          {r.releasesHeading}
        </Heading>
        {risks.map((line) => (
          <Box key={line} xcss={riskStyles}>
            <Text size="small" color="inherit" weight="semibold">
              {line}
            </Text>
          </Box>
        ))}
        {delivery.releases === undefined ? (
          <Text size="small" color="color.text.subtle">
            {r.releasesUnknown}
          </Text>
        ) : delivery.releases.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            {r.releasesNone}
          </Text>
        ) : (
          <Box as="ul" xcss={listStyles} aria-label={r.releasesHeading}>
            {delivery.releases.map((release) => (
              <li key={release.id}>
                <ReleaseLine release={release} />
              </li>
            ))}
          </Box>
        )}
      </Stack>
    </Box>
  );
}

function ReleaseLine({ release }: { release: ItemRelease }) {
  return (
    <Inline space="space.075" alignBlock="center" shouldWrap>
      <Text size="small" weight="semibold">
        {release.name}
      </Text>
      <span className="rm-pill" data-release-state={release.state}>
        {r.releaseState[release.state]}
      </span>
      {release.archived ? <span className="rm-pill">{r.archived}</span> : null}
      <Text size="small" color="color.text.subtle">
        {release.releaseDate ? r.releaseDue(formatNearDay(release.releaseDate)) : r.releaseUndated} · {r.releaseIssues(release.openIssues, release.issues)}
      </Text>
    </Inline>
  );
}

function ItemDependencies({ item, view, onChange, refresh }: { item: RoadmapItemView; view: RoadmapView; onChange: (change: RoadmapChange) => void; refresh: () => Promise<boolean> }) {
  const canEdit = view.viewer.canEdit;
  const announce = useAnnounce();
  const selectId = useId();
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();
  const byId = useMemo(() => new Map(view.items.map((candidate) => [candidate.id, candidate])), [view.items]);
  const title = (id: string) => byId.get(id)?.title ?? id;
  const blockers = (item.dependsOn ?? []).filter((id) => byId.has(id));
  const warnings = useMemo(() => dependencyWarnings(view.items).filter((warning) => warning.itemId === item.id || warning.blockedById === item.id), [view.items, item.id]);
  // Only items that would not close a loop are offered: the server refuses those anyway.
  const candidates = view.items.filter((candidate) => candidate.id !== item.id && !blockers.includes(candidate.id) && !findCycle(view.items, item.id, [...blockers, candidate.id]));
  const suggestions = (view.suggestedDependencies ?? []).filter((suggestion) => suggestion.itemId === item.id && byId.has(suggestion.blockedById) && !blockers.includes(suggestion.blockedById));

  const save = async (dependsOn: string[], said: string) => {
    setBusy(true);
    setError(undefined);
    const result = await attempt(() => invoke('updateRoadmapItem', { id: item.id, item: { ...itemInputOf(item), dependsOn }, baseVersion: item.version }));
    setBusy(false);
    if (result.ok) {
      onChange({ type: 'item', item: result.value });
      announce(said);
      setChoice('');
      return;
    }
    setError(result.error.code === 'conflict' ? { ...result.error, message: r.conflict } : result.error);
    if (result.error.code === 'conflict') await refresh();
  };
  const add = (blockerId: string) => void save([...blockers, blockerId], r.added(title(blockerId), item.title));
  const remove = (blockerId: string) => void save(blockers.filter((id) => id !== blockerId), r.removed(title(blockerId), item.title));

  return (
    <Box xcss={sectionStyles} testId="item-dependencies">
      <Stack space="space.100">
        <Heading size="xsmall" as="h4">
          {r.dependenciesHeading}
        </Heading>
        {blockers.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            {r.dependenciesNone}
          </Text>
        ) : (
          <Box as="ul" xcss={listStyles} aria-label={r.dependenciesHeading}>
            {blockers.map((id) => (
              <li key={id}>
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <Text size="small" weight="semibold">
                    {title(id)}
                  </Text>
                  <Text size="small" color="color.text.subtle">
                    {r.blockerDates(byId.get(id)?.endDate && formatNearDay(byId.get(id)!.endDate!))}
                  </Text>
                  {canEdit ? (
                    <Button spacing="compact" appearance="subtle" isDisabled={busy} aria-label={r.removeLabel(title(id))} onClick={() => remove(id)}>
                      {r.remove}
                    </Button>
                  ) : null}
                </Inline>
              </li>
            ))}
          </Box>
        )}
        {warnings.length > 0 ? (
          <Box as="ul" xcss={listStyles} aria-label={r.warningsLabel}>
            {warnings.map((warning) => (
              <li key={`${warning.itemId}:${warning.blockedById}`}>
                <Box xcss={warningStyles}>
                  <Text size="small" color="inherit">
                    {warning.itemId === item.id
                      ? r.lateWarning(title(warning.blockedById), formatNearDay(warning.blockerEnd), formatNearDay(warning.dependentStart))
                      : r.blocksLate(title(warning.itemId), formatNearDay(warning.blockerEnd), formatNearDay(warning.dependentStart))}
                  </Text>
                </Box>
              </li>
            ))}
          </Box>
        ) : null}
        {canEdit && suggestions.length > 0 ? (
          <Stack space="space.050">
            <Text size="small" weight="semibold" color="color.text.subtle">
              {r.suggestionsHeading}
            </Text>
            <Text size="small" color="color.text.subtlest">
              {r.suggestionHelp}
            </Text>
            <Box as="ul" xcss={listStyles} aria-label={r.suggestionsHeading}>
              {suggestions.map((suggestion) => {
                const keys = r.blockLink(suggestion.epicKeys[0], suggestion.epicKeys[1]);
                return (
                  <li key={suggestion.blockedById}>
                    <Inline space="space.100" alignBlock="center" shouldWrap>
                      <Text size="small">{r.suggestion(title(suggestion.blockedById), keys)}</Text>
                      <Button spacing="compact" isDisabled={busy || blockers.length >= maxDependsOn} aria-label={r.acceptLabel(title(suggestion.blockedById), keys)} onClick={() => add(suggestion.blockedById)}>
                        {r.accept}
                      </Button>
                    </Inline>
                  </li>
                );
              })}
            </Box>
          </Stack>
        ) : null}
        {canEdit ? (
          candidates.length === 0 ? (
            <Text size="small" color="color.text.subtlest">
              {r.noCandidates}
            </Text>
          ) : blockers.length < maxDependsOn ? (
            <Stack space="space.050">
              <label htmlFor={selectId}>
                <Text size="small" weight="semibold" color="color.text.subtle">
                  {r.addBlocker}
                </Text>
              </label>
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <NativeSelect
                  id={selectId}
                  value={choice}
                  options={[{ value: '', label: r.chooseBlocker }, ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.title }))]}
                  onChange={setChoice}
                />
                <Button spacing="compact" isDisabled={busy || choice === ''} aria-label={r.addBlockerLabel(item.title)} onClick={() => add(choice)}>
                  {r.add}
                </Button>
              </Inline>
            </Stack>
          ) : null
        ) : null}
        {error ? <WriteError error={error} headingLevel="h5" /> : null}
      </Stack>
    </Box>
  );
}
