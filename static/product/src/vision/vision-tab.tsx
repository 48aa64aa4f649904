import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Flex, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { VisionView } from '../../../../src/contract';
import type { VisionBoard } from '../../../../src/domain/strategy';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { Attempt, UiError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/format';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import type { StrategyChange } from '../strategy-state';
import { ReadOnlyBoard, VisionBoardLayout, visionFields } from './vision-board';
import type { VisionField } from './vision-board';
import { VisionEmpty } from './vision-empty';
import { EditableVisionField } from './vision-field';
import { VisionHistory } from './vision-history';
import { VisionVersionView } from './vision-version-view';

type Viewing = { status: 'loading'; version: number } | { status: 'ready'; view: VisionView } | { status: 'failed'; version: number; error: UiError };

const mainStyles = xcss({ flexGrow: 1, flexShrink: 1, flexBasis: '36rem', minWidth: '0' });
const asideStyles = xcss({ flexGrow: 0, flexShrink: 1, flexBasis: '20rem', minWidth: '16rem' });

/** The Vision tab: the Product Vision Board, edited in place by editors, with its version history. */
export function VisionTab({ vision, canEdit, onChange }: { vision: VisionView; canEdit: boolean; onChange: (change: StrategyChange) => void }) {
  const announce = useAnnounce();
  const [started, setStarted] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [viewing, setViewing] = useState<Viewing>();
  const [emptyBusy, setEmptyBusy] = useState(false);
  const [emptyError, setEmptyError] = useState<UiError>();
  // Saves of different fields follow each other; each must build on the newest version.
  const latest = useRef(vision);
  useEffect(() => {
    latest.current = vision;
  }, [vision]);

  const accept = useCallback(
    (view: VisionView) => {
      latest.current = view;
      onChange({ type: 'vision', vision: view });
      setHistoryKey((k) => k + 1);
    },
    [onChange],
  );

  const saveBoard = async (board: VisionBoard, baseVersion: number): Promise<Attempt<VisionView>> => {
    const result = await attempt(() => invoke('saveVision', { board, baseVersion }));
    if (result.ok) accept(result.value);
    return result;
  };

  const saveField = async (field: VisionField, text: string, base: VisionView = latest.current) => {
    const result = await saveBoard({ ...base.board, [field]: text }, base.version);
    if (result.ok) announce(messages.vision.fieldSaved(messages.vision.fields[field], result.value.version));
    return result;
  };

  const startFromExample = async () => {
    setEmptyBusy(true);
    const result = await saveBoard({ ...messages.vision.example }, latest.current.version);
    setEmptyBusy(false);
    if (result.ok) {
      setStarted(true);
      announce(messages.vision.fieldSaved(messages.vision.heading, result.value.version));
    } else setEmptyError(result.error);
  };

  const openVersion = async (version: number) => {
    setViewing({ status: 'loading', version });
    const result = await attempt(() => invoke('getVisionVersion', { version }));
    setViewing(result.ok ? { status: 'ready', view: result.value } : { status: 'failed', version, error: result.error });
  };

  const isEmpty = vision.version === 0 && !started;
  if (isEmpty && !viewing) {
    return (
      <VisionEmpty
        canEdit={canEdit}
        busy={emptyBusy}
        error={emptyError}
        onStartFromExample={() => void startFromExample()}
        onWriteOwn={() => setStarted(true)}
      />
    );
  }

  let board: ReactNode;
  if (viewing?.status === 'loading') board = <Loading />;
  else if (viewing?.status === 'failed')
    board = (
      <Stack space="space.150">
        <WriteError error={viewing.error} />
        <Inline>
          <Button onClick={() => setViewing(undefined)}>{messages.vision.backToCurrent}</Button>
        </Inline>
      </Stack>
    );
  else if (viewing?.status === 'ready')
    board = (
      <VisionVersionView
        version={viewing.view}
        current={vision}
        canEdit={canEdit}
        onBack={() => setViewing(undefined)}
        onCurrentChanged={accept}
        onRestored={(view, from) => {
          accept(view);
          setViewing(undefined);
          announce(messages.vision.restored(from, view.version));
        }}
      />
    );
  else if (!canEdit) board = <ReadOnlyBoard board={vision.board} testId="vision-board" />;
  else {
    const slots = Object.fromEntries(
      visionFields.map((field) => [
        field,
        <EditableVisionField
          key={field}
          field={field}
          value={vision.board[field]}
          save={saveField}
          onTakeTheirs={accept}
          startEditing={started && vision.version === 0 && field === 'productName'}
        />,
      ]),
    ) as Record<VisionField, ReactNode>;
    board = <VisionBoardLayout slots={slots} testId="vision-board" />;
  }

  const historyId = 'vision-history-panel';
  return (
    <Stack space="space.200">
      <Inline space="space.200" alignBlock="end" spread="space-between" shouldWrap>
        <Stack space="space.050">
          <Heading size="medium" as="h2">
            {messages.vision.heading}
          </Heading>
          <Text size="small" color="color.text.subtle" testId="vision-stamp">
            {vision.saved ? messages.vision.saved(vision.version, vision.saved.by.displayName, formatInstant(vision.saved.at)) : messages.vision.neverSaved}
          </Text>
        </Stack>
        <Button onClick={() => setHistoryOpen((o) => !o)} aria-expanded={historyOpen} aria-controls={historyOpen ? historyId : undefined} isSelected={historyOpen}>
          {messages.vision.history}
        </Button>
      </Inline>
      <Flex gap="space.300" wrap="wrap" alignItems="start">
        <Box xcss={mainStyles}>{board}</Box>
        {historyOpen ? (
          <Box xcss={asideStyles}>
            <VisionHistory
              id={historyId}
              refreshKey={historyKey}
              currentVersion={vision.version}
              viewing={viewing?.status === 'ready' ? viewing.view.version : undefined}
              onView={(version) => void openVersion(version)}
            />
          </Box>
        ) : null}
      </Flex>
    </Stack>
  );
}
