import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicContext } from '../../../src/contract';
import { AnnouncerProvider, useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { licence } from '../../shared/messages/licence';
import { linkSync } from '../../shared/messages/link-sync';
import { LinkSyncBadge } from '../../shared/link-sync-badge';
import type { LoadState } from '../../shared/use-result';
import { GoalsSection } from './goals-section';
import { ItemsSection } from './items-section';
import { LinkEditor } from './link-editor';
import type { SaveOutcome } from './link-editor';
import { ProgressSection } from './progress-section';
import { SprintsSection } from './sprints-section';
import { ActionButton } from '../../shared/action-button';
import { Notice } from '../../shared/notice';
import { Loading } from '../../shared/spinner-label';

const panelStyles = xcss({ paddingBlock: 'space.150', paddingInline: 'space.150', backgroundColor: 'elevation.surface', minWidth: '0' });

/** The "Product context" issue panel: why this epic matters (goals, KPIs, items) and how far along it is. */
export function EpicPanel() {
  return (
    <AnnouncerProvider>
      <Box xcss={panelStyles}>
        <PanelBody />
      </Box>
    </AnnouncerProvider>
  );
}

function PanelBody() {
  const [state, setState] = useState<LoadState<EpicContext>>({ status: 'loading' });
  const [loadNo, setLoadNo] = useState(0);
  const [editing, setEditing] = useState(false);
  const announce = useAnnounce();
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void attempt(() => invoke('getEpicContext')).then((result) => {
      if (current) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [loadNo]);

  // Closing the editor puts focus back where the keyboard user opened it.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing, state]);

  const reload = useCallback(() => {
    setEditing(false);
    setLoadNo((n) => n + 1);
  }, []);

  const close = useCallback(() => {
    returnFocus.current = true;
    setEditing(false);
  }, []);

  const onOutcome = useCallback(
    (outcome: SaveOutcome) => {
      if (outcome.kind === 'saved') {
        setState({ status: 'ready', value: outcome.context });
        close();
        announce(m.saved);
        return;
      }
      if (outcome.current) setState({ status: 'ready', value: outcome.current });
      announce(m.announceConflict);
    },
    [announce, close],
  );

  if (state.status === 'loading') return <Loading label={m.loading} />;
  if (state.status === 'failed') {
    const { code, message } = state.error;
    // Not an epic, no access, or gone: trying again would not change the answer.
    const final = code === 'invalid' || code === 'forbidden' || code === 'not-found';
    return (
      <Notice
        appearance={code === 'invalid' ? 'information' : code === 'forbidden' ? 'warning' : 'error'}
        title={code === 'invalid' ? m.notEpicTitle : m.errorTitle(code)}
        headingLevel="h2"
        actions={final ? undefined : <ActionButton onClick={reload}>{m.retry}</ActionButton>}
        testId="epic-panel-failed"
      >
        <p>{message}</p>
      </Notice>
    );
  }

  const context = state.value;
  return (
    <Stack space="space.250" testId="epic-panel">
      {context.links.sync ? (
        <Inline space="space.100" alignBlock="start" testId="epic-link-sync">
          <LinkSyncBadge sync={context.links.sync} epicKey={context.epic.key} />
          <Text size="small" color="color.text.subtle">
            {context.links.sync === 'pending' ? linkSync.pendingHelp : linkSync.refusedHelp}
          </Text>
        </Inline>
      ) : null}
      {context.viewer.canLink ? (
        editing ? (
          <LinkEditor context={context} onOutcome={onOutcome} onCancel={close} onReload={reload} />
        ) : (
          <Inline>
            <ActionButton ref={editButton} onClick={() => setEditing(true)}>
              {m.editLinks}
            </ActionButton>
          </Inline>
        )
      ) : context.viewer.licensed ? (
        <Text as="p" size="small" color="color.text.subtle" testId="epic-read-only">
          {m.readOnly}
        </Text>
      ) : (
        <Notice appearance="warning" title={licence.title} headingLevel="h2" testId="unlicensed-notice">
          <p>{licence.body}</p>
        </Notice>
      )}
      <GoalsSection context={context} />
      <ItemsSection context={context} />
      <ProgressSection rollup={context.rollup} />
      <SprintsSection sprints={context.sprints} />
    </Stack>
  );
}
