import { useEffect, useRef, useState } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RoadmapItemInput, RoadmapItemView, RoadmapView } from '../../../../src/contract';
import type { WorkBySprint } from '../../../../src/domain/work-sprints';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/format';
import { CrossIcon } from '../../../shared/icons';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { datesText, forecastDetail, forecastLine, progressOf, sprintsLine } from './delivery-text';
import { CreateEpic } from './create-epic';
import { ItemEpics } from './item-epics';
import { ItemPlan } from './item-plan';
import { ItemPriority } from './item-priority';
import { FollowToggle } from '../feed/follow-toggle';
import { ItemEvidenceSection } from './item-evidence';
import { CheckInsSection } from '../check-ins/check-ins-section';
import { ItemForm } from './item-form';
import type { RoadmapChange } from './roadmap-state';

const m = messages.roadmap;

export type PanelState = { kind: 'view'; itemId: string } | { kind: 'create'; preset: Partial<RoadmapItemInput> };

const panelStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.overflow',
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused' },
});
const sectionStyles = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border', paddingBlockStart: 'space.150' });
const descriptionStyles = xcss({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: 'font.body', color: 'color.text' });
const termStyles = xcss({ margin: 'space.0', font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle' });
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' });
const factsStyles = xcss({ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 'space.150', rowGap: 'space.050', margin: 'space.0' });

/**
 * The details of one item beside the board (Forge's iframe makes modals awkward): everything the
 * card shows and more, edited in place by editors, deleted after a confirmation, with its epics.
 * Escape closes it and focus goes back to the card.
 */
export function ItemPanel(props: {
  panel: PanelState;
  view: RoadmapView;
  onChange: (change: RoadmapChange) => void;
  refresh: () => Promise<boolean>;
  onClose: (focusItemId?: string) => void;
}) {
  const { panel, view } = props;
  const announce = useAnnounce();
  const canEdit = view.viewer.canEdit;
  const item = panel.kind === 'view' ? view.items.find((i) => i.id === panel.itemId) : undefined;
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const region = useRef<HTMLDivElement>(null);
  const headingId = 'roadmap-item-panel-heading';

  useEffect(() => {
    setMode('view');
    if (panel.kind === 'view') region.current?.focus();
  }, [panel]);

  if (panel.kind === 'create') {
    return (
      <Box xcss={panelStyles} role="region" aria-label={m.createHeading} testId="roadmap-item-panel">
        <ItemForm
          view={view}
          preset={panel.preset}
          onSaved={(saved) => {
            props.onChange({ type: 'item', item: saved });
            announce(m.created(saved.title));
            props.onClose(saved.id);
          }}
          onCancel={() => props.onClose()}
        />
      </Box>
    );
  }
  if (!item) return null;

  return (
    <Box
      ref={region}
      xcss={panelStyles}
      role="region"
      aria-labelledby={headingId}
      tabIndex={-1}
      testId="roadmap-item-panel"
      onKeyDown={(event: React.KeyboardEvent) => {
        if (event.key === 'Escape' && mode === 'view') props.onClose(item.id);
      }}
    >
      {mode === 'edit' ? (
        <ItemForm
          item={item}
          view={view}
          onSaved={(saved) => {
            props.onChange({ type: 'item', item: saved });
            announce(m.saved(saved.title));
            setMode('view');
            region.current?.focus();
          }}
          onCancel={() => {
            setMode('view');
            region.current?.focus();
          }}
        />
      ) : (
        <Stack space="space.200">
          <Inline space="space.100" alignBlock="start" spread="space-between">
            <Heading size="small" as="h3" id={headingId}>
              {item.title}
            </Heading>
            <IconButton icon={CrossIcon} label={m.closeDetails} appearance="subtle" spacing="compact" onClick={() => props.onClose(item.id)} />
          </Inline>
          {canEdit ? (
            <Inline space="space.100">
              <Button spacing="compact" onClick={() => setMode('edit')} aria-label={m.editItem(item.title)}>
                {messages.common.edit}
              </Button>
              <Button spacing="compact" appearance="subtle" onClick={() => setMode('delete')} aria-label={m.deleteItem(item.title)}>
                {messages.common.delete}
              </Button>
            </Inline>
          ) : null}
          {mode === 'delete' ? (
            <ItemDelete item={item} onCancel={() => setMode('view')} refresh={props.refresh} onDeleted={() => {
              props.onChange({ type: 'item-removed', id: item.id });
              announce(m.deleted(item.title));
              props.onClose();
            }} />
          ) : null}
          <FollowToggle target={{ kind: 'item', id: item.id }} title={item.title} />
          <ItemFacts item={item} view={view} />
          <ItemPriority item={item} view={view} onChange={props.onChange} refresh={props.refresh} />
          <Box xcss={descriptionStyles}>{item.description.trim() ? item.description : <Text color="color.text.subtlest">{m.descriptionEmpty}</Text>}</Box>
          {item.delivery ? (
            <Box xcss={sectionStyles}>
              <ItemDelivery item={item} />
            </Box>
          ) : null}
          <ItemPlan item={item} view={view} onChange={props.onChange} refresh={props.refresh} />
          <Box xcss={sectionStyles}>
            <ItemEpics item={item} epics={view.epics} canLink={view.viewer.canLink} onChange={props.onChange} refresh={props.refresh} />
            <CreateEpic item={item} canEdit={canEdit} onChange={props.onChange} />
          </Box>
          <Box xcss={sectionStyles}>
            <ItemEvidenceSection item={item} canEdit={canEdit} onChange={props.onChange} />
          </Box>
          <CheckInsSection target={{ kind: 'item', id: item.id }} title={item.title} summary={item.checkIn} defaultExpanded onSummary={(checkIn) => props.onChange({ type: 'item', item: { ...item, checkIn } })} />
          <Text size="small" color="color.text.subtlest">
            {m.updatedBy(item.updated.by.displayName, formatInstant(item.updated.at))}
          </Text>
        </Stack>
      )}
    </Box>
  );
}

function ItemFacts({ item, view }: { item: RoadmapItemView; view: RoadmapView }) {
  const goal = view.goals.find((g) => g.id === item.goalId);
  const lane = view.lanes.find((l) => l.id === item.laneId);
  const facts: Array<[string, string]> = [
    [m.statusLabel, m.status[item.status]],
    [m.goal, goal?.title ?? m.noGoalOption],
    ...(view.laneMode === 'custom' || lane ? [[m.lane, lane?.name ?? m.noLaneOption] as [string, string]] : []),
    [m.horizon, m.horizons[item.horizon]],
    ...(item.startDate || item.endDate ? [[m.datesTerm, datesText(item, true)] as [string, string]] : []),
  ];
  return (
    <Box as="dl" xcss={factsStyles}>
      {facts.map(([term, value]) => (
        <Fact key={term} term={term} value={value} />
      ))}
      {item.delivery?.forecast.atRisk ? <Fact term={m.atRisk} value={m.atRiskDetail(item.delivery.forecast.kind === 'forecast' ? item.delivery.forecast.daysLate : undefined)} /> : null}
    </Box>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <Box as="dt" xcss={termStyles}>
        {term}
      </Box>
      <Box as="dd" xcss={xcss({ margin: 'space.0' })}>
        <Text>{value}</Text>
      </Box>
    </>
  );
}

function ItemDelivery({ item }: { item: RoadmapItemView }) {
  const delivery = item.delivery!;
  const progress = progressOf(delivery.rollup);
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h4">
        {m.deliveryHeading}
      </Heading>
      {progress ? (
        <Stack space="space.050">
          <div className="rm-bar" role="img" aria-label={progress.label}>
            <span className="rm-bar-done" style={{ width: `${progress.doneShare}%` }} />
            <span className="rm-bar-progress" style={{ width: `${progress.inProgressShare}%` }} />
          </div>
          <Text size="small">
            {progress.text}
            {progress.unestimated ? ` · ${progress.unestimated}` : ''}
          </Text>
        </Stack>
      ) : (
        <Text size="small" color="color.text.subtle">
          {m.noChildren}
        </Text>
      )}
      <Text weight="semibold">{forecastLine(delivery.forecast)}</Text>
      {forecastDetail(delivery.forecast).map((line) => (
        <Text key={line} size="small" color="color.text.subtle">
          {line}
        </Text>
      ))}
      <Text size="small" color="color.text.subtle">
        {sprintsLine(delivery.sprints)}
      </Text>
      <SprintTable sprints={delivery.sprints} />
    </Stack>
  );
}

function SprintTable({ sprints }: { sprints: WorkBySprint }) {
  const rows = [...sprints.past, ...sprints.active, ...sprints.future];
  if (rows.length === 0 && sprints.unscheduled.issues === 0) return null;
  return (
    <Box as="ul" xcss={listStyles} aria-label={m.sprintsLabel}>
      {rows.map((sprint) => (
        <li key={sprint.sprintId}>
          <Text size="small">
            <Text size="small" weight="semibold">
              {sprint.name}
            </Text>{' '}
            ({m.sprintState[sprint.state]}) · {m.sprintWork(sprint.issues, sprint.done)}
          </Text>
        </li>
      ))}
      {sprints.unscheduled.issues > 0 ? (
        <li>
          <Text size="small" color="color.text.subtle">
            {m.sprintsBacklog(sprints.unscheduled.issues)}
          </Text>
        </li>
      ) : null}
    </Box>
  );
}

function ItemDelete(props: { item: RoadmapItemView; onDeleted: () => void; onCancel: () => void; refresh: () => Promise<boolean> }) {
  const { item } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();
  const remove = async () => {
    setBusy(true);
    const result = await attempt(() => invoke('deleteRoadmapItem', { id: item.id, baseVersion: item.version }));
    if (result.ok) return props.onDeleted();
    // A conflict: the item changed; show it as it is now and ask again.
    if (result.error.code === 'conflict') await props.refresh();
    setBusy(false);
    setError(result.error);
  };
  if (error?.code === 'conflict') {
    return (
      <ConflictNotice headingLevel="h4" stamp={item.updated} isBusy={busy} reapplyLabel={m.confirmDelete} onReapply={() => void remove()} onDiscard={props.onCancel} />
    );
  }
  return (
    <SectionMessage
      appearance="warning"
      title={m.confirmDeleteTitle(item.title)}
      headingLevel="h4"
      actions={[
        <Button key="delete" appearance="danger" onClick={() => void remove()} isLoading={busy}>
          {m.confirmDelete}
        </Button>,
        <Button key="cancel" onClick={props.onCancel} isDisabled={busy} autoFocus>
          {messages.common.cancel}
        </Button>,
      ]}
    >
      <Text as="p">{m.confirmDeleteBody(item.epicIds.length)}</Text>
      {error ? <WriteError error={error} headingLevel="h5" /> : null}
    </SectionMessage>
  );
}
