/**
 * "What changed": the product's last 30 days as a stakeholder's weekly read, grouped by day, with
 * a goal filter and "Following only". Each sentence links to what it is about.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ActivityEntry, ProductFeed } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import type { UiError } from '../../../shared/errors';
import { ErrorMessage } from '../../../shared/error-message';
import { formatDay, formatLocale } from '../../../shared/format';
import { Loading } from '../../../shared/loading';
import { feed as m } from '../../../shared/messages/feed';
import { NativeSelect } from '../../../shared/native-select';
import { UserLabel } from '../../../shared/user-label';
import { dayOf, groupByDay } from './feed-model';
import { knownFollowing } from './follow-state';

const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const entryStyles = xcss({
  paddingBlock: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});
const linkStyles = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderStyle: 'none',
  padding: 'space.0',
  color: 'color.link',
  textDecoration: 'underline',
  cursor: 'pointer',
  font: 'font.body',
  textAlign: 'start',
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused' },
});

export interface FeedTabProps {
  goals: ReadonlyArray<{ id: string; title: string }>;
  onOpenGoal: (goalId: string) => void;
  onOpenItem: (itemId: string) => void;
  onOpenVision: () => void;
}

type Filter = { goalId: string; following: boolean };
type Pages = { status: 'loading' } | { status: 'failed'; error: UiError } | { status: 'ready'; entries: ActivityEntry[]; nextCursor?: string; more: 'idle' | 'loading'; firstNewIndex?: number };

export function FeedTab(props: FeedTabProps) {
  const [filter, setFilter] = useState<Filter>({ goalId: '', following: false });
  const [pages, setPages] = useState<Pages>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const announce = useAnnounce();
  const firstNew = useRef<HTMLLIElement | null>(null);
  const goalSelect = useId();

  const request = (cursor?: string) =>
    invoke('getProductFeed', { ...(cursor ? { cursor } : {}), ...(filter.goalId ? { goalId: filter.goalId } : {}), ...(filter.following ? { following: true } : {}) });

  useEffect(() => {
    let current = true;
    setPages({ status: 'loading' });
    request().then(
      (result) => {
        if (!current) return;
        if (!result.ok) return setPages({ status: 'failed', error: result.error });
        knownFollowing(result.value.following);
        setPages(readyFrom([], result.value));
        announce(m.shown(result.value.entries.length));
      },
      (error: unknown) => current && setPages({ status: 'failed', error: { code: 'unexpected', message: String(error) } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, attempt]);

  const showMore = async () => {
    if (pages.status !== 'ready' || !pages.nextCursor) return;
    setPages({ ...pages, more: 'loading' });
    const result = await request(pages.nextCursor).catch((error: unknown) => ({ ok: false as const, error: { code: 'unexpected' as const, message: String(error) } }));
    if (!result.ok) return setPages({ status: 'failed', error: result.error });
    const next = readyFrom(pages.entries, result.value);
    setPages(next);
    announce(m.shown(next.entries.length));
    requestAnimationFrame(() => firstNew.current?.focus());
  };

  const goalTitle = (id: string | undefined) => props.goals.find((goal) => goal.id === id)?.title;
  return (
    <Stack space="space.300" testId="feed-tab">
      <Stack space="space.100">
        <Heading size="large" as="h2">
          {m.heading}
        </Heading>
        <Text color="color.text.subtle">{m.intro}</Text>
      </Stack>
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Stack space="space.050">
          <label htmlFor={goalSelect}>
            <Text weight="medium">{m.goalFilter}</Text>
          </label>
          <NativeSelect
            id={goalSelect}
            value={filter.goalId}
            onChange={(goalId) => setFilter({ ...filter, goalId })}
            options={[{ value: '', label: m.allGoals }, ...props.goals.map((goal) => ({ value: goal.id, label: goal.title }))]}
          />
        </Stack>
        <Button isSelected={filter.following} aria-pressed={filter.following} onClick={() => setFilter({ ...filter, following: !filter.following })} testId="feed-following">
          {m.followingOnly}
        </Button>
      </Inline>
      {pages.status === 'loading' ? <Loading label={m.loading} /> : null}
      {pages.status === 'failed' ? <ErrorMessage error={pages.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {pages.status === 'ready' && pages.entries.length === 0 ? (
        <Text color="color.text.subtle">{filter.following ? m.emptyFollowing : filter.goalId ? m.emptyFiltered : m.empty}</Text>
      ) : null}
      {pages.status === 'ready' && pages.entries.length > 0 ? (
        <Stack space="space.300">
          {groupByDay(pages.entries, formatLocale().timeZone).map((day) => (
            <Stack space="space.100" key={day.day} testId={`feed-day-${day.day}`}>
              <Heading size="small" as="h3">
                {dayLabel(day.day)}
              </Heading>
              <Box as="ul" xcss={listStyles}>
                {day.entries.map((entry) => (
                  <Box
                    as="li"
                    key={entry.id}
                    xcss={entryStyles}
                    testId="feed-entry"
                    ref={entry === pages.entries[pages.firstNewIndex ?? -1] ? firstNew : undefined}
                    tabIndex={entry === pages.entries[pages.firstNewIndex ?? -1] ? -1 : undefined}
                  >
                    <Inline space="space.100" alignBlock="center" shouldWrap>
                      {entry.by ? <UserLabel user={entry.by} size="xsmall" /> : <Text weight="medium">{m.someone}</Text>}
                      <Text>{m.sentence(entry.summary)}</Text>
                      <EntryLink entry={entry} goalTitle={goalTitle(entry.goalId)} {...props} />
                      <Text size="small" color="color.text.subtlest">
                        {timeOf(entry.at)}
                      </Text>
                    </Inline>
                  </Box>
                ))}
              </Box>
            </Stack>
          ))}
        </Stack>
      ) : null}
      {pages.status === 'ready' && pages.nextCursor ? (
        <Box>
          <Button onClick={() => void showMore()} isLoading={pages.more === 'loading'} testId="feed-more">
            {m.more}
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}

function readyFrom(shown: ActivityEntry[], page: ProductFeed): Extract<Pages, { status: 'ready' }> {
  return {
    status: 'ready',
    entries: [...shown, ...page.entries],
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    more: 'idle',
    ...(shown.length > 0 ? { firstNewIndex: shown.length } : {}),
  };
}

/** Days and times in the reader's Jira time zone, as every other instant the app shows. */
function dayLabel(day: string): string {
  const now = new Date();
  const zone = formatLocale().timeZone;
  if (day === dayOf(now.toISOString(), zone)) return m.today;
  if (day === dayOf(new Date(now.getTime() - 86_400_000).toISOString(), zone)) return m.yesterday;
  return formatDay(day);
}

function timeOf(iso: string): string {
  const { locale, timeZone } = formatLocale();
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** The link to what an entry is about: the item on the roadmap, the goal, or the vision. */
function EntryLink({ entry, goalTitle, onOpenGoal, onOpenItem, onOpenVision }: FeedTabProps & { entry: ActivityEntry; goalTitle: string | undefined }) {
  const summary = entry.summary;
  if (entry.itemId && 'title' in summary) {
    return (
      <Pressable xcss={linkStyles} onClick={() => onOpenItem(entry.itemId!)}>
        {m.openItem(summary.title)}
      </Pressable>
    );
  }
  if (summary.kind === 'vision-version') {
    return (
      <Pressable xcss={linkStyles} onClick={onOpenVision}>
        {m.openVision}
      </Pressable>
    );
  }
  if (entry.goalId && goalTitle) {
    return (
      <Pressable xcss={linkStyles} onClick={() => onOpenGoal(entry.goalId!)}>
        {m.openGoal(goalTitle)}
      </Pressable>
    );
  }
  return null;
}
