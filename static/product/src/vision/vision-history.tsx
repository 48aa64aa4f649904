import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { invoke } from '../../../shared/bridge';
import { ErrorMessage } from '../../../shared/error-message';
import { formatInstant } from '../../../shared/format';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { useResult } from '../../../shared/use-result';
import { UserLabel } from '../../../shared/user-label';
import { feed as feedMessages } from '../../../shared/messages/feed';
import { VersionDiff } from './version-diff';

const panelStyles = xcss({
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
  padding: 'space.200',
});
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' });
const itemStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  // Dividers go between versions: none under the last one, where the panel's own edge is.
  ':last-child': { borderBlockEndStyle: 'none', paddingBlockEnd: 'space.0' },
});
const selectedStyles = xcss({ backgroundColor: 'color.background.selected', borderRadius: 'radius.small', paddingInline: 'space.100' });
const quoteStyles = xcss({ font: 'font.body', color: 'color.text', overflowWrap: 'anywhere' });

/**
 * Every saved version of the vision, newest first: who, when, and its vision sentence. Any reader
 * may open one; restoring is offered on the version's own view.
 */
export function VisionHistory(props: { id: string; refreshKey: number; currentVersion: number; viewing?: number; onView: (version: number) => void }) {
  const { state, reload } = useResult(() => invoke('listVisionVersions'));
  const [diffOpen, setDiffOpen] = useState<number>();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [props.refreshKey, reload]);

  return (
    <Box as="section" id={props.id} xcss={panelStyles} aria-labelledby={`${props.id}-heading`}>
      <Stack space="space.150">
        <Heading size="small" as="h3" id={`${props.id}-heading`}>
          {messages.vision.historyHeading}
        </Heading>
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <ErrorMessage error={state.error} onRetry={reload} headingLevel="h4" />}
        {state.status === 'ready' && state.value.length === 0 && <Text color="color.text.subtle">{messages.vision.historyEmpty}</Text>}
        {state.status === 'ready' && state.value.length > 0 && (
          <Box as="ol" xcss={listStyles} testId="vision-history">
            {[...state.value]
              .sort((a, b) => b.version - a.version)
              .map((entry, index, sorted) => {
                const isCurrent = entry.version === props.currentVersion;
                const previous = sorted[index + 1]?.version;
                return (
                  <Box as="li" key={entry.version} xcss={[itemStyles, entry.version === props.viewing ? selectedStyles : undefined]}>
                    <Stack space="space.075">
                      <Inline space="space.100" alignBlock="center" spread="space-between">
                        <Inline space="space.100" alignBlock="center">
                          <Text weight="semibold">{messages.vision.historyVersion(entry.version)}</Text>
                          {isCurrent ? <Lozenge appearance="success">{messages.vision.historyCurrent}</Lozenge> : null}
                        </Inline>
                        {isCurrent ? null : (
                          <Button spacing="compact" onClick={() => props.onView(entry.version)} aria-label={messages.vision.viewVersion(entry.version)}>
                            {messages.vision.view}
                          </Button>
                        )}
                      </Inline>
                      {entry.changed ? (
                        <>
                          <Text size="small" weight="medium">
                            {entry.restoredFrom !== undefined ? feedMessages.restored(entry.restoredFrom) : feedMessages.changedFields(entry.changed)}
                          </Text>
                          {entry.excerpt ? <Box xcss={quoteStyles}>{`“${entry.excerpt}”`}</Box> : null}
                          {entry.changed.length > 0 ? (
                            <Box>
                              <Button
                                spacing="compact"
                                appearance="subtle"
                                aria-expanded={diffOpen === entry.version}
                                onClick={() => setDiffOpen(diffOpen === entry.version ? undefined : entry.version)}
                                testId={`vision-diff-toggle-${entry.version}`}
                              >
                                {feedMessages.diffHeading(entry.version)}
                              </Button>
                            </Box>
                          ) : null}
                          {diffOpen === entry.version ? <VersionDiff version={entry.version} previous={previous} fields={entry.changed} /> : null}
                        </>
                      ) : (
                        <Box xcss={quoteStyles}>{entry.vision.trim() ? `“${entry.vision}”` : messages.vision.untitledVision}</Box>
                      )}
                      <Inline space="space.100" alignBlock="center" shouldWrap>
                        <UserLabel user={entry.saved.by} size="xsmall" textSize="small" />
                        <Text size="small" color="color.text.subtle">
                          <time dateTime={entry.saved.at}>{formatInstant(entry.saved.at)}</time>
                        </Text>
                      </Inline>
                    </Stack>
                  </Box>
                );
              })}
          </Box>
        )}
      </Stack>
    </Box>
  );
}
