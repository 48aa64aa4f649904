import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AlignmentEpic, AlignmentView } from '../../../../src/contract';
import { sortUnaligned } from '../../../../src/domain/alignment';
import { matchesQuery } from '../../../../src/domain/finding';
import type { UnalignedOrder } from '../../../../src/domain/alignment';
import type { StatusCategory } from '../../../../src/domain/model';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { NativeSelect } from '../../../shared/native-select';
import { WriteError } from '../../../shared/write-error';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import '../../../shared/find-input.css';
import { LinkSyncBadge } from '../../../shared/link-sync-badge';
import { DataTable, Td, Th } from './table';
import { ShowMoreButtons, rowAttributes, usePagedRows } from './paged-rows';
import { RowSpacer, WindowBox } from '../../../shared/windowed-list';

const m = messages.alignment;
const appearance: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = { todo: 'default', 'in-progress': 'inprogress', done: 'success' };
const summaryStyles = xcss({ maxWidth: '28rem' });
/** Rows drawn at first and per "Show more": 245 rows of a table were a 30,000 px page. */
export const unalignedPageSize = 25;

/** Open epics serving no goal, sortable, each with a one-step "link to goal" for editors. */
export function UnalignedEpics({ view, onLinked }: { view: AlignmentView; onLinked: () => Promise<boolean> }) {
  const [order, setOrder] = useState<UnalignedOrder>('size');
  const [error, setError] = useState<UiError | undefined>();
  const byId = new Map(view.epics.map((epic) => [epic.id, epic]));
  const epics = sortUnaligned(
    view.unalignedEpicIds.flatMap((id) => byId.get(id) ?? []),
    order,
  );
  const [query, setQuery] = useState('');
  const matching = epics.filter((epic) => matchesQuery(query, [epic.key, epic.summary]));
  const { shown, more, showMore, reset, tableRef, window } = usePagedRows(matching, unalignedPageSize, (epic) => epic.id);
  const filterTo = (next: string) => {
    setQuery(next);
    reset();
  };
  const canLink = view.viewer.canLink && view.goals.length > 0;
  return (
    <Box as="section" aria-labelledby="unaligned-heading">
      <Stack space="space.150">
        <Heading size="medium" as="h2" id="unaligned-heading">
          {m.unalignedHeading(epics.length)}
        </Heading>
        <Text color="color.text.subtle">{m.unalignedIntro}</Text>
        {epics.length === 0 ? (
          <Text>{m.unalignedEmpty}</Text>
        ) : (
          <>
            <Inline space="space.200" alignBlock="center" shouldWrap>
              <Inline space="space.100" alignBlock="center">
                <Box as="label" {...{ htmlFor: 'unaligned-filter' }}>
                  <Text size="small" weight="semibold" color="color.text.subtle">
                    {m.unalignedFilterLabel}
                  </Text>
                </Box>
                <input id="unaligned-filter" type="search" className="find-input" value={query} placeholder={m.unalignedFilterPlaceholder} onChange={(event) => filterTo(event.target.value)} />
              </Inline>
              <Inline space="space.100" alignBlock="center">
                <Box as="label" {...{ htmlFor: 'unaligned-order' }}>
                  <Text size="small" weight="semibold" color="color.text.subtle">
                    {m.sortLabel}
                  </Text>
                </Box>
                <NativeSelect id="unaligned-order" value={order} onChange={setOrder} options={(['size', 'activity'] as const).map((value) => ({ value, label: m.sortOptions[value] }))} />
              </Inline>
            </Inline>
            <Box aria-live="polite" testId="unaligned-count">
              <Text size="small" color="color.text.subtle">
                {matching.length === 0 ? m.unalignedNoMatch(query.trim()) : m.unalignedShowing(shown.length, matching.length, epics.length)}
              </Text>
            </Box>
            {view.viewer.canLink && view.goals.length === 0 ? <Text color="color.text.subtle">{m.noGoalsToLink}</Text> : null}
            {error ? <WriteError error={error} /> : null}
            {matching.length === 0 ? null : (
              <div ref={tableRef}>
                <WindowBox window={window} label={m.unalignedHeading(epics.length)}>
                <DataTable caption={m.unalignedHeading(epics.length)} testId="unaligned-epics" {...(window.windowed ? { rowCount: shown.length + 1 } : {})}>
                  <thead>
                    <tr>
                      <Th>{m.epicColumn}</Th>
                      <Th align="end">{m.sizeColumn}</Th>
                      <Th>{m.activityColumn}</Th>
                      {canLink ? <Th>{m.actionColumn}</Th> : null}
                    </tr>
                  </thead>
                  <tbody ref={window.list as React.RefObject<HTMLTableSectionElement>}>
                    {window.entries.map((entry) => {
                      if (entry.kind === 'spacer') return <RowSpacer key={`spacer-${entry.from}`} entry={entry} columns={canLink ? 4 : 3} />;
                      const epic = shown[entry.index]!;
                      return (
                      <tr key={epic.id} data-testid={`unaligned-${epic.key}`} {...rowAttributes(entry.index, window.windowed)}>
                        <Td>
                          <Stack space="space.025">
                            <Inline space="space.100" alignBlock="center">
                              <IssueKeyLink issueKey={epic.key} />
                              <Lozenge appearance={appearance[epic.status.category]}>{epic.status.name}</Lozenge>
                              <LinkSyncBadge sync={epic.sync} epicKey={epic.key} />
                            </Inline>
                            <Box xcss={summaryStyles}>
                              <Text weight="medium">{epic.summary}</Text>
                            </Box>
                          </Stack>
                        </Td>
                        <Td align="end">{epic.size ? m.size(epic.size.points, epic.size.issues, epic.size.unestimated) : m.sizeLoading}</Td>
                        <Td>{epic.updated ? formatInstant(epic.updated) : m.neverUpdated}</Td>
                        {canLink ? (
                          <Td>
                            <LinkToGoal epic={epic} goals={view.goals} onError={setError} onLinked={onLinked} />
                          </Td>
                        ) : null}
                      </tr>
                      );
                    })}
                  </tbody>
                </DataTable>
                </WindowBox>
              </div>
            )}
            <ShowMoreButtons more={more} pageSize={unalignedPageSize} showMore={showMore} moreLabel={m.unalignedShowMore} allLabel={m.unalignedShowAll(matching.length)} />
          </>
        )}
      </Stack>
    </Box>
  );
}

function LinkToGoal(props: { epic: AlignmentEpic; goals: AlignmentView['goals']; onError: (error: UiError | undefined) => void; onLinked: () => Promise<boolean> }) {
  const { epic, goals } = props;
  const [goalId, setGoalId] = useState('');
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const selectId = `link-goal-${epic.id}`;
  const link = async () => {
    const goal = goals.find((g) => g.id === goalId);
    if (!goal) return;
    setBusy(true);
    props.onError(undefined);
    const result = await attempt(() => invoke('linkEpics', { target: { kind: 'goal', id: goal.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] }));
    setBusy(false);
    if (!result.ok) return props.onError(result.error);
    const refused = result.value.refused[0];
    if (refused) return props.onError({ code: 'forbidden', message: m.refused(refused.message) });
    announce(m.linked(epic.key, goal.title));
    await props.onLinked();
  };
  return (
    <Inline space="space.075" alignBlock="center">
      <Box as="label" {...{ htmlFor: selectId }} xcss={visuallyHidden}>
        {m.goalChoice(epic.key)}
      </Box>
      <NativeSelect id={selectId} value={goalId} onChange={setGoalId} options={[{ value: '', label: m.chooseGoal }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))]} />
      <Button appearance="primary" spacing="compact" isDisabled={!goalId || busy} onClick={() => void link()} aria-label={m.linkButton(epic.key)}>
        {m.link}
      </Button>
    </Inline>
  );
}

const visuallyHidden = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as Parameters<typeof xcss>[0]);
