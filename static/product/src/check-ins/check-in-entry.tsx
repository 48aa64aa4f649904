/**
 * One check-in: its status, who posted it and when (relative, the exact time on hover and for
 * screen readers), the owner's words with their links, the facts attached when it was posted, any
 * disagreement it had with them, where its comment went; and, for its author within 24 hours, Edit.
 */
import { useRef, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CheckInFacts, StatusUpdateView } from '../../../../src/contract';
import { ActionButton } from '../../../shared/action-button';
import { formatDay, formatInstant, formatValue } from '../../../shared/format';
import { checkIns as m } from '../../../shared/messages/check-ins';
import { relativeTime } from '../../../shared/relative-time';
import { UserLabel } from '../../../shared/user-label';
import { CheckInForm } from './check-in-form';
import '../../../shared/check-in-badge.css';

const entryStyles = xcss({ padding: 'space.100', borderRadius: 'radius.medium', borderWidth: 'border.width', borderStyle: 'solid', borderColor: 'color.border' });
const textStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: 'font.body', color: 'color.text' });
const factsStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.200', font: 'font.body.small', color: 'color.text.subtle' });
const linkPattern = /https?:\/\/[^\s<>"')\]]+/g;
// Underlined: a link inside text must not be told apart by colour alone (WCAG 1.4.1).
const linkStyle = { color: token('color.link'), textDecoration: 'underline' };

/** The owner's words as written, each http(s) link made a link (opened in a new tab). */
function WithLinks({ text }: { text: string }) {
  const parts: Array<string | { href: string }> = [];
  let at = 0;
  for (const match of text.matchAll(linkPattern)) {
    const start = match.index ?? 0;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ href: match[0] });
    at = start + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer" style={linkStyle}>
            {part.href}
          </a>
        ),
      )}
    </>
  );
}

function factLines(facts: CheckInFacts): string[] {
  if (facts.kind === 'goal') {
    return [
      ...facts.kpis.map((kpi) =>
        m.kpiFact(kpi.name, kpi.value === undefined ? m.kpiNoValue : formatValue(kpi.value, kpi.unit), formatValue(kpi.target, kpi.unit), m.health[kpi.health] ?? kpi.health),
      ),
      ...(facts.timeFrameEnd ? [m.timeFrameEnds(formatDay(facts.timeFrameEnd))] : []),
    ];
  }
  return [
    ...(facts.progress ? [m.progress(facts.progress.done, facts.progress.total)] : []),
    ...(facts.forecastFinish ? [m.forecast(formatDay(facts.forecastFinish))] : []),
    ...(facts.endDate ? [m.endDate(formatDay(facts.endDate))] : []),
    ...(facts.atRisk ? [m.atRisk] : []),
    ...(facts.forecastNote ? [facts.forecastNote] : []),
  ];
}

export function CheckInEntry({ update, onSaved }: { update: StatusUpdateView; onSaved: (saved: StatusUpdateView) => void }) {
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(update);
  const editButton = useRef<HTMLButtonElement>(null);
  const current = shown.version >= update.version ? shown : update;
  const canEdit = current.editableUntil !== undefined && Date.parse(current.editableUntil) > Date.now();
  const facts = factLines(current.facts);
  const when = formatInstant(current.posted.at);

  if (editing) {
    return (
      <Box as="li">
        <CheckInForm
          editing={current}
          onSaved={(saved) => {
            setShown(saved);
            setEditing(false);
            onSaved(saved);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onConflict={(theirs) => setShown(theirs)}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </Box>
    );
  }

  return (
    <Box as="li" xcss={entryStyles} testId={`check-in-${current.id}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap spread="space-between">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <span className="ci-pill" data-status={current.status}>
              {m.status[current.status]}
            </span>
            <UserLabel user={current.posted.by} size="xsmall" textSize="small" />
            <Text size="small" color="color.text.subtlest">
              <time dateTime={current.posted.at} title={when}>
                {relativeTime(current.posted.at)}
              </time>
              {current.editedAt ? ` · ${m.edited}` : ''}
            </Text>
          </Inline>
          {canEdit ? (
            <ActionButton ref={editButton} onClick={() => setEditing(true)}>
              <span aria-hidden="true">{m.edit}</span>
              <span className="ci-hidden">{m.editLabel(when)}</span>
            </ActionButton>
          ) : null}
        </Inline>
        <Box as="p" xcss={textStyles}>
          <WithLinks text={current.text} />
        </Box>
        {current.disagreements.length > 0 ? (
          <Text size="small" color="color.text.warning">
            {current.disagreements.join(' ')}
          </Text>
        ) : null}
        {facts.length > 0 ? (
          <Stack space="space.025">
            <Text size="small" weight="semibold" color="color.text.subtle">
              {m.factsHeading}
            </Text>
            <Box as="ul" xcss={factsStyles}>
              {facts.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Box>
          </Stack>
        ) : null}
        {current.comments && current.comments.posted.length > 0 ? (
          <Text size="small" color="color.text.subtlest">
            {m.commentsPosted(current.comments.posted.map((epic) => epic.key))}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
