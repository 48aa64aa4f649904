import { useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AlignmentView } from '../../../../src/contract';
import { matchesQuery } from '../../../../src/domain/finding';
import { finding } from '../../../shared/messages/create-epic';
import '../../../shared/find-input.css';
import { messages } from '../../../shared/messages';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import { LinkSyncBadge } from '../../../shared/link-sync-badge';
import { DataTable, Td, Th } from './table';
import { ShowMoreButtons, rowAttributes, usePagedRows } from './paged-rows';
import { RowSpacer, WindowBox } from '../../../shared/windowed-list';

const m = messages.alignment;
const markStyles = xcss({ color: 'color.text.brand', fontWeight: 'font.weight.bold' });
const goalHeadStyles = xcss({ display: 'inline-block', maxWidth: '10rem', whiteSpace: 'normal' });

/** Rows drawn at first and per "Show more", as the unaligned list: a large site's matrix has hundreds of epics. */
export const matrixPageSize = 25;

/**
 * Epics serving at least one goal, as rows; the goals, as columns; a mark where an epic serves a
 * goal. Drawn 25 rows at a time, with a filter over keys, summaries and the goals an epic serves.
 */
export function AlignmentMatrix({ view }: { view: AlignmentView }) {
  const rows = view.epics.filter((epic) => epic.goals.length > 0);
  const [query, setQuery] = useState('');
  const goalTitle = new Map(view.goals.map((goal) => [goal.id, goal.title]));
  const matching = rows.filter((epic) => matchesQuery(query, [epic.key, epic.summary, ...epic.goals.map((link) => goalTitle.get(link.goalId) ?? '')]));
  const { shown, more, showMore, reset, tableRef, window } = usePagedRows(matching, matrixPageSize, (epic) => epic.id);
  return (
    <Box as="section" aria-labelledby="matrix-heading">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="matrix-heading">
          {m.matrixHeading}
        </Heading>
        {view.goals.length === 0 ? (
          <Text>{m.matrixNoGoals}</Text>
        ) : rows.length === 0 ? (
          <Text>{m.matrixEmpty}</Text>
        ) : (
          <>
            <Text color="color.text.subtle">{m.matrixIntro}</Text>
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <Box as="label" {...{ htmlFor: 'matrix-filter' }}>
                <Text size="small" weight="semibold" color="color.text.subtle">
                  {finding.matrixFilter}
                </Text>
              </Box>
              <input
                id="matrix-filter"
                type="search"
                className="find-input"
                value={query}
                placeholder={finding.matrixFilterPlaceholder}
                onChange={(event) => {
                  setQuery(event.target.value);
                  reset();
                }}
              />
              <Box aria-live="polite" testId="matrix-count">
                <Text size="small" color="color.text.subtle">
                  {matching.length === 0 ? finding.matrixNone : finding.matrixCount(shown.length, rows.length)}
                </Text>
              </Box>
            </Inline>
            {matching.length === 0 ? null : (
            <div ref={tableRef}>
            <WindowBox window={window} label={m.matrixCaption}>
            <DataTable caption={m.matrixCaption} testId="alignment-matrix" {...(window.windowed ? { rowCount: shown.length + 1 } : {})}>
              <thead>
                <tr>
                  <Th>{m.epicColumn}</Th>
                  {view.goals.map((goal) => (
                    <Th key={goal.id} align="center">
                      <Box as="span" xcss={goalHeadStyles}>
                        {goal.title}
                      </Box>
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody ref={window.list as React.RefObject<HTMLTableSectionElement>}>
                {window.entries.map((entry) => {
                  if (entry.kind === 'spacer') return <RowSpacer key={`spacer-${entry.from}`} entry={entry} columns={view.goals.length + 1} />;
                  const epic = shown[entry.index]!;
                  const via = new Map(epic.goals.map((link) => [link.goalId, link.via]));
                  return (
                    <tr key={epic.id} {...rowAttributes(entry.index, window.windowed)}>
                      <Th scope="row">
                        <IssueKeyLink issueKey={epic.key} />{' '}
                        <Text>{epic.summary}</Text> <LinkSyncBadge sync={epic.sync} epicKey={epic.key} />
                      </Th>
                      {view.goals.map((goal) => {
                        const kind = via.get(goal.id);
                        return (
                          <Td key={goal.id} align="center">
                            {kind ? (
                              <Box as="span" xcss={markStyles} aria-label={m.viaLabel[kind]} {...{ role: 'img' }}>
                                {m.via[kind]}
                              </Box>
                            ) : (
                              <Box as="span" xcss={hiddenStyles}>
                                {m.notServed}
                              </Box>
                            )}
                          </Td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
            </WindowBox>
            </div>
            )}
            <ShowMoreButtons more={more} pageSize={matrixPageSize} showMore={showMore} moreLabel={finding.matrixMore} allLabel={finding.matrixAll} />
          </>
        )}
      </Stack>
    </Box>
  );
}

const hiddenStyles = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as Parameters<typeof xcss>[0]);
