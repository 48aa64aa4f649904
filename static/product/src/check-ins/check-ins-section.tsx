/**
 * The "Check-ins" section of a goal and of a roadmap item: where the status stands and why (the
 * disagreement with the facts said prominently, in the app's sentence), when the next update is
 * due, a form to post one (owners and editors), and the check-ins newest first with who, when and
 * the facts attached when posted. Authors edit theirs for 24 hours. Everything is announced.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CheckInSummary, EpicCommentReport, StatusUpdateTarget, StatusUpdateView } from '../../../../src/contract';
import type { CheckInCadence } from '../../../../src/domain/status-updates';
import { ActionButton } from '../../../shared/action-button';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { CheckInBadges } from '../../../shared/check-in-badge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatDay } from '../../../shared/format';
import { checkIns as m } from '../../../shared/messages/check-ins';
import { Notice } from '../../../shared/notice';
import { WriteError } from '../../../shared/write-error';
import { CheckInEntry } from './check-in-entry';
import { CheckInForm } from './check-in-form';
import { CadenceSetting } from './cadence-setting';

const sectionStyles = xcss({ borderBlockStartWidth: 'border.width', borderBlockStartStyle: 'solid', borderBlockStartColor: 'color.border', paddingBlockStart: 'space.150' });
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });

interface Loaded {
  updates: StatusUpdateView[];
  cursor?: string;
  summary: CheckInSummary;
  cadence: CheckInCadence;
  canPost: boolean;
}

export function CheckInsSection(props: {
  target: StatusUpdateTarget;
  title: string;
  summary?: CheckInSummary;
  headingLevel?: 'h3' | 'h4';
  /** After a post or an edit: the goal's or item's new check-in state, for the card and the header. */
  onSummary?: (summary: CheckInSummary) => void;
  /**
   * Open from the start (the item panel shows one item). Closed, the section costs no call: a
   * Goals tab of 50 goals must not make 50 invocations on opening.
   */
  defaultExpanded?: boolean;
  /**
   * Whether the viewer may post here (editors, and the target's owner), known before the list
   * loads. False: a section with no check-ins offers no "Check in" button, since a reader could
   * only open it onto "No check-ins yet". Undefined: not known, the button stays.
   */
  mayPost?: boolean;
  /** Offer the product's cadence to editors here (the Goals tab's sections). */
  showCadence?: boolean;
}) {
  const { target } = props;
  const announce = useAnnounce();
  const headingId = useId();
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<UiError>();
  const [comments, setComments] = useState<EpicCommentReport>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const olderButton = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState(Boolean(props.defaultExpanded));
  const listId = useId();
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!expanded) return undefined;
    let current = true;
    setLoaded(undefined);
    setComments(undefined);
    void attempt(() => invoke('listStatusUpdates', { target })).then((result) => {
      if (!current) return;
      if (result.ok) setLoaded(result.value);
      else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [target.kind, target.id, expanded]);

  const summary = loaded?.summary ?? props.summary;

  const loadOlder = async () => {
    if (!loaded?.cursor) return;
    setLoadingOlder(true);
    const result = await attempt(() => invoke('listStatusUpdates', { target, cursor: loaded.cursor! }));
    setLoadingOlder(false);
    if (!result.ok) return setLoadError(result.error);
    setLoaded({ ...loaded, updates: [...loaded.updates, ...result.value.updates], ...(result.value.cursor ? { cursor: result.value.cursor } : { cursor: undefined }) });
  };

  return (
    <Box xcss={sectionStyles} testId={`check-ins-${target.id}`}>
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as={props.headingLevel ?? 'h4'} id={headingId}>
            {m.heading}
          </Heading>
          <CheckInBadges checkIn={summary} testIdPrefix="check-in-section-badges" />
        </Inline>
        {summary && summary.disagreements.length > 0 ? (
          <Notice appearance="warning" title={m.disagreementTitle} headingLevel="h3" testId={`check-in-disagreement-${target.id}`}>
            <Stack space="space.050">
              {summary.disagreements.map((sentence) => (
                <Text key={sentence} as="p">
                  {sentence}
                </Text>
              ))}
            </Stack>
          </Notice>
        ) : null}
        {summary?.dueOn ? (
          <Text size="small" color={summary.updateDue ? 'color.text.warning' : 'color.text.subtlest'}>
            {summary.updateDue ? m.updateDueSince(formatDay(summary.dueOn)) : loaded ? m.nextDue(formatDay(summary.dueOn), loaded.cadence) : m.nextDueOn(formatDay(summary.dueOn))}
          </Text>
        ) : null}
        {expanded || (props.mayPost === false && (summary?.count ?? 0) === 0) ? null : (
          <Box>
            <ActionButton
              onClick={() => {
                setExpanded(true);
                // The button gives way to what it opened: focus goes there, not to the page's top.
                requestAnimationFrame(() => region.current?.focus());
              }}
            >
              {summary && summary.count > 0 ? m.show(summary.count) : m.open}
            </ActionButton>
          </Box>
        )}
        {expanded ? <Box id={listId} ref={region} tabIndex={-1} aria-labelledby={headingId} testId={`check-ins-open-${target.id}`}><Stack space="space.150">
        {loadError ? <WriteError error={loadError} headingLevel="h5" /> : null}
        {loaded?.canPost ? (
          <CheckInForm
            target={target}
            onPosted={(posted) => {
              setLoaded((before) => (before ? { ...before, updates: [posted.update, ...before.updates], summary: posted.summary } : before));
              props.onSummary?.(posted.summary);
              setComments(posted.comments);
              announce(posted.comments ? `${m.posted} ${commentSummary(posted.comments)}` : m.posted);
            }}
          />
        ) : null}
        {comments ? <CommentReport report={comments} /> : null}
        {loaded?.canPost && props.showCadence ? <CadenceSetting /> : null}
        {loaded ? (
          loaded.updates.length === 0 ? (
            <Text color="color.text.subtlest">{loaded.canPost ? m.emptyPoster : m.empty}</Text>
          ) : (
            <Box as="ol" xcss={listStyles} aria-label={m.listLabel(props.title)}>
              {loaded.updates.map((update) => (
                <CheckInEntry
                  key={update.id}
                  update={update}
                  onSaved={(saved) => {
                    if (loaded) props.onSummary?.(withLatest(loaded.summary, saved));
                    setLoaded((before) => (before ? { ...before, updates: before.updates.map((u) => (u.id === saved.id ? saved : u)), summary: withLatest(before.summary, saved) } : before));
                    announce(m.saved);
                  }}
                />
              ))}
            </Box>
          )
        ) : loadError ? null : (
          <Text color="color.text.subtlest">{m.loadingOlder}</Text>
        )}
        {loaded?.cursor ? (
          <Box>
            <ActionButton ref={olderButton} onClick={() => void loadOlder()} isBusy={loadingOlder}>
              {m.older}
            </ActionButton>
          </Box>
        ) : null}
        </Stack></Box> : null}
      </Stack>
    </Box>
  );
}

/** An edit of the latest check-in changes the status shown. */
function withLatest(summary: CheckInSummary, saved: StatusUpdateView): CheckInSummary {
  return summary.latest?.id === saved.id ? { ...summary, latest: { ...summary.latest, status: saved.status } } : summary;
}

function commentSummary(report: EpicCommentReport): string {
  const parts: string[] = [];
  if (report.posted.length > 0) parts.push(m.commentsPosted(report.posted.map((epic) => epic.key)));
  if (report.refused.length > 0) parts.push(m.commentsRefusedTitle(report.refused.length));
  if (parts.length === 0) parts.push(m.noEpics);
  return parts.join(' ');
}

/** Where the comment went: the epics it was posted on, and each refusal with Jira's reason. */
function CommentReport({ report }: { report: EpicCommentReport }) {
  if (report.refused.length === 0) {
    return (
      <Text size="small" color="color.text.subtle" testId="check-in-comments">
        {report.posted.length > 0 ? m.commentsPosted(report.posted.map((epic) => epic.key)) : m.noEpics}
      </Text>
    );
  }
  return (
    <Notice appearance="warning" title={m.commentsRefusedTitle(report.refused.length)} headingLevel="h3" testId="check-in-comments">
      <Stack space="space.050">
        {report.posted.length > 0 ? <Text as="p">{m.commentsPosted(report.posted.map((epic) => epic.key))}</Text> : null}
        {report.refused.map((refusal) => (
          <Text key={refusal.epicId} as="p">
            {m.commentsRefused(refusal.key ?? m.hiddenEpic, refusal.message)}
          </Text>
        ))}
      </Stack>
    </Notice>
  );
}
