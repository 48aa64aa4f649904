import { useEffect, useRef, useState } from 'react';
import Button, { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { LaneView, RoadmapView } from '../../../../src/contract';
import type { LaneMode } from '../../../../src/domain/roadmap';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { ConflictNotice } from '../../../shared/conflict-notice';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { FieldMessage } from '../../../shared/field';
import { AddIcon, ChevronDownIcon, ChevronUpIcon, CrossIcon } from '../../../shared/icons';
import { messages } from '../../../shared/messages';
import { RadioGroup } from '../../../shared/radio-group';
import { WriteError } from '../../../shared/write-error';
import type { RoadmapChange } from './roadmap-state';

const m = messages.roadmap;
type LaneSetup = { laneMode: LaneMode; lanes: LaneView[]; setupVersion: number };
interface DraftLane {
  /** Null for a lane not saved yet; `key` keeps React's identity for it. */
  id: string | null;
  key: string;
  name: string;
}

const editorStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border.focused',
  backgroundColor: 'elevation.surface.raised',
  maxWidth: '36rem',
});
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const nameStyles = xcss({ flexGrow: 1 });

let nextKey = 0;
const draftOf = (lanes: readonly LaneView[]): DraftLane[] => lanes.map((l) => ({ id: l.id, key: l.id, name: l.name }));

/**
 * The lane setup: goal lanes, or custom lanes that editors add, rename, reorder and remove, saved
 * at once with `saveLaneSetup` on the version it started from. Someone else's newer setup is shown
 * with the choice to save this draft over it or take theirs.
 */
export function LaneEditor(props: { view: RoadmapView; onChange: (change: RoadmapChange) => void; onClose: () => void }) {
  const announce = useAnnounce();
  const [mode, setMode] = useState<LaneMode>(props.view.laneMode);
  const [lanes, setLanes] = useState<DraftLane[]>(draftOf(props.view.lanes));
  const [baseVersion, setBaseVersion] = useState(props.view.setupVersion);
  const [error, setError] = useState<UiError<LaneSetup>>();
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState<string>();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusKey) inputs.current.get(focusKey)?.focus();
  }, [focusKey, lanes]);

  const missingName = mode === 'custom' && lanes.some((l) => !l.name.trim());
  const save = async (version = baseVersion) => {
    if (missingName) return setError({ code: 'invalid', field: 'lanes', message: m.laneNameRequired });
    setBusy(true);
    const payload = { mode, lanes: mode === 'custom' ? lanes.map((l) => ({ id: l.id, name: l.name.trim() })) : draftLanesKept(lanes), baseVersion: version };
    const result = await attempt(() => invoke('saveLaneSetup', payload));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    props.onChange({ type: 'lanes', ...result.value });
    announce(m.lanesSaved);
    props.onClose();
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...lanes];
    const [lane] = next.splice(index, 1);
    if (!lane) return;
    next.splice(index + by, 0, lane);
    setLanes(next);
    setFocusKey(undefined);
  };

  const conflict = error?.code === 'conflict' ? error.current : undefined;
  return (
    <Box xcss={editorStyles} role="region" aria-labelledby="roadmap-lane-editor" testId="lane-editor">
      <Stack space="space.200">
        <Heading size="small" as="h3" id="roadmap-lane-editor">
          <span ref={heading} tabIndex={-1}>
            {m.laneEditorHeading}
          </span>
        </Heading>
        <RadioGroup legend={m.laneModeLegend} value={mode} options={(['goals', 'custom'] as const).map((value) => ({ value, label: m.laneModes[value] }))} onChange={setMode} />
        {mode === 'custom' ? (
          <Stack space="space.100">
            {lanes.length === 0 ? (
              <Text size="small" color="color.text.subtle">
                {m.lanesEmpty}
              </Text>
            ) : (
              <Box as="ol" xcss={listStyles}>
                {lanes.map((lane, index) => {
                  const name = lane.name.trim() || m.newLaneName;
                  return (
                    <li key={lane.key}>
                      <Inline space="space.050" alignBlock="center">
                        <Box xcss={nameStyles}>
                          <Textfield
                            ref={(element: HTMLInputElement | null) => {
                              if (element) inputs.current.set(lane.key, element);
                              else inputs.current.delete(lane.key);
                            }}
                            aria-label={m.laneName(index + 1)}
                            value={lane.name}
                            isInvalid={Boolean(error) && !lane.name.trim()}
                            onChange={(e) => {
                              const value = (e.target as HTMLInputElement).value;
                              setLanes((all) => all.map((l) => (l.key === lane.key ? { ...l, name: value } : l)));
                            }}
                          />
                        </Box>
                        <IconButton icon={ChevronUpIcon} label={m.laneUp(name)} appearance="subtle" spacing="compact" isDisabled={index === 0} onClick={() => move(index, -1)} />
                        <IconButton icon={ChevronDownIcon} label={m.laneDown(name)} appearance="subtle" spacing="compact" isDisabled={index === lanes.length - 1} onClick={() => move(index, 1)} />
                        <IconButton icon={CrossIcon} label={m.removeLane(name)} appearance="subtle" spacing="compact" onClick={() => setLanes((all) => all.filter((l) => l.key !== lane.key))} />
                      </Inline>
                    </li>
                  );
                })}
              </Box>
            )}
            <Inline>
              <Button
                iconBefore={AddIcon}
                onClick={() => {
                  const key = `new-${(nextKey += 1)}`;
                  setLanes((all) => [...all, { id: null, key, name: '' }]);
                  setFocusKey(key);
                }}
              >
                {m.addLane}
              </Button>
            </Inline>
            <Text size="small" color="color.text.subtlest">
              {m.removeLaneHint}
            </Text>
          </Stack>
        ) : null}
        {error?.code === 'invalid' && error.field === 'lanes' ? <FieldMessage>{error.message}</FieldMessage> : null}
        {conflict ? (
          <ConflictNotice
            headingLevel="h4"
            isBusy={busy}
            onReapply={() => {
              setBaseVersion(conflict.setupVersion);
              setError(undefined);
              void save(conflict.setupVersion);
            }}
            onDiscard={() => {
              props.onChange({ type: 'lanes', ...conflict });
              setMode(conflict.laneMode);
              setLanes(draftOf(conflict.lanes));
              setBaseVersion(conflict.setupVersion);
              setError(undefined);
            }}
          >
            <Text as="p">{m.lanesTheirs(conflict.lanes.map((l) => l.name).join(', '))}</Text>
          </ConflictNotice>
        ) : error && !(error.code === 'invalid' && error.field === 'lanes') ? (
          <WriteError error={error} headingLevel="h4" />
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" onClick={() => void save()} isLoading={busy}>
            {m.saveLanes}
          </Button>
          <Button appearance="subtle" onClick={props.onClose} isDisabled={busy}>
            {messages.common.cancel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

/** Switching to goal lanes keeps the custom lanes stored, so switching back finds them. */
const draftLanesKept = (lanes: readonly DraftLane[]) => lanes.filter((l) => l.id !== null && l.name.trim()).map((l) => ({ id: l.id, name: l.name.trim() }));
