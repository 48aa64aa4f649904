import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicChoice, RoadmapEpic, RoadmapItemView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { progressOf } from './delivery-text';
import { EpicPicker } from './epic-picker';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import { LinkSyncBadge } from '../../../shared/link-sync-badge';
import type { RoadmapChange } from './roadmap-state';
import { formatNumber } from '../../../shared/format';

const m = messages.roadmap;
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.150' });
const epicStyles = xcss({
  padding: 'space.100',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});
const statusStyles = xcss({
  paddingInline: 'space.050',
  borderRadius: 'radius.small',
  font: 'font.body.small',
  fontWeight: 'font.weight.bold',
  textTransform: 'uppercase',
  backgroundColor: 'color.background.neutral',
  color: 'color.text.subtle',
});
const statusColours = {
  todo: undefined,
  'in-progress': xcss({ backgroundColor: 'color.background.information', color: 'color.text.information' }),
  done: xcss({ backgroundColor: 'color.background.success', color: 'color.text.success' }),
};

/**
 * The epics that deliver an item: key, summary, status and their children's progress; editors
 * link more with the picker and unlink them. Each link is written on the epic as the viewer.
 */
export function ItemEpics(props: {
  item: RoadmapItemView;
  epics: readonly RoadmapEpic[];
  canLink: boolean;
  onChange: (change: RoadmapChange) => void;
  refresh: () => Promise<boolean>;
}) {
  const { item } = props;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | { code: 'link-conflict' }>();
  const byId = new Map(props.epics.map((e) => [e.id, e]));
  const linked = item.epicIds.map((id) => byId.get(id)).filter((e): e is RoadmapEpic => e !== undefined);

  const change = async (epic: Pick<EpicChoice, 'id' | 'key'>, link: boolean) => {
    const entry = [{ epicId: epic.id, linksVersion: byId.get(epic.id)?.linksVersion ?? 0 }];
    setBusy(true);
    setError(undefined);
    const result = await attempt(() => invoke('linkEpics', { target: { kind: 'item', id: item.id }, link: link ? entry : [], unlink: link ? [] : entry }));
    if (result.ok) {
      props.onChange({ type: 'epic-links', epics: result.value.epics });
      announce(link ? m.epicLinked(epic.key, item.title) : m.epicUnlinked(epic.key, item.title));
      // The item's roll-up and forecast come from the server, which now sees the new link.
      await props.refresh();
    } else if (result.error.code === 'conflict') {
      await props.refresh();
      setError({ code: 'link-conflict' });
      announce(m.linkConflict);
    } else {
      setError(result.error);
    }
    setBusy(false);
  };

  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h4">
        {m.epicsHeading} <Text color="color.text.subtlest">({formatNumber(linked.length)})</Text>
      </Heading>
      {linked.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          {m.epicsEmpty}
        </Text>
      ) : (
        <Box as="ul" xcss={listStyles} testId="item-epics">
          {linked.map((epic) => (
            <EpicRow key={epic.id} epic={epic} canLink={props.canLink} isBusy={busy} onUnlink={() => void change(epic, false)} />
          ))}
        </Box>
      )}
      {error?.code === 'link-conflict' ? (
        <SectionMessage appearance="warning" headingLevel="h5" title={messages.common.conflictTitle}>
          <Text as="p">{m.linkConflict}</Text>
        </SectionMessage>
      ) : error ? (
        <WriteError error={error} headingLevel="h5" />
      ) : null}
      {props.canLink ? <EpicPicker exclude={new Set(item.epicIds)} onPick={(epic) => void change(epic, true)} isDisabled={busy} /> : null}
    </Stack>
  );
}

function EpicRow(props: { epic: RoadmapEpic; canLink: boolean; isBusy: boolean; onUnlink: () => void }) {
  const { epic } = props;
  const progress = epic.rollup ? progressOf(epic.rollup) : undefined;
  return (
    <Box as="li" xcss={epicStyles} testId={`item-epic-${epic.key}`}>
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="start" spread="space-between">
          <Text>
            <IssueKeyLink issueKey={epic.key} />{' '}
            {epic.summary}
          </Text>
          <LinkSyncBadge sync={epic.sync} epicKey={epic.key} />
          {props.canLink ? (
            <Button spacing="compact" appearance="subtle" onClick={props.onUnlink} isDisabled={props.isBusy} aria-label={m.unlinkEpic(epic.key)}>
              {m.unlink}
            </Button>
          ) : null}
        </Inline>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Box as="span" xcss={[statusStyles, statusColours[epic.status.category]]}>
            {epic.status.name}
          </Box>
          <Text size="small" color="color.text.subtle">
            {!epic.rollup ? m.progressLoading : progress ? `${progress.text}${progress.unestimated ? ` · ${progress.unestimated}` : ''}` : m.noChildren}
          </Text>
        </Inline>
        {progress ? (
          <div className="rm-bar" role="img" aria-label={progress.label}>
            <span className="rm-bar-done" style={{ width: `${progress.doneShare}%` }} />
            <span className="rm-bar-progress" style={{ width: `${progress.inProgressShare}%` }} />
          </div>
        ) : null}
      </Stack>
    </Box>
  );
}
