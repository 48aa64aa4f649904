import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { VisionView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import { ReadOnlyBoard } from './vision-board';

/**
 * An earlier version, read-only and marked as such (a notice on top, a dashed frame), with the way
 * back and, for editors, a restore that saves it as a new version on top of the current one.
 */
export function VisionVersionView(props: {
  version: VisionView;
  current: VisionView;
  canEdit: boolean;
  onBack: () => void;
  onRestored: (view: VisionView, from: number) => void;
  onCurrentChanged: (view: VisionView) => void;
}) {
  const { version, current } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError<VisionView>>();

  const restore = async () => {
    setBusy(true);
    const result = await attempt(() => invoke('restoreVisionVersion', { version: version.version, baseVersion: current.version }));
    setBusy(false);
    if (result.ok) return props.onRestored(result.value, version.version);
    setError(result.error);
    if (result.error.code === 'conflict' && result.error.current) props.onCurrentChanged(result.error.current);
  };

  const actions = [
    <Button key="back" onClick={props.onBack} autoFocus>
      {messages.vision.backToCurrent}
    </Button>,
    ...(props.canEdit
      ? [
          <Button key="restore" appearance="primary" onClick={() => void restore()} isLoading={busy}>
            {error?.code === 'conflict' ? messages.vision.restoreAnyway : messages.vision.restore}
          </Button>,
        ]
      : []),
  ];
  return (
    <Stack space="space.200">
      <SectionMessage appearance="information" title={messages.vision.viewingTitle(version.version)} actions={actions} headingLevel="h3">
        <Text as="p">{version.saved ? messages.vision.viewingBody(version.saved.by.displayName, formatInstant(version.saved.at)) : null}</Text>
      </SectionMessage>
      {error?.code === 'conflict' ? (
        <SectionMessage appearance="warning" title={messages.common.conflictTitle} headingLevel="h3">
          <Text as="p">{messages.vision.restoreConflict}</Text>
        </SectionMessage>
      ) : error ? (
        <WriteError error={error} />
      ) : null}
      <ReadOnlyBoard board={version.board} variant="past" testId="vision-version" />
    </Stack>
  );
}
