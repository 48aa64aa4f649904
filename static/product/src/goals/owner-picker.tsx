import { useEffect, useId, useRef, useState } from 'react';
import { IconButton } from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { UserRef } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { messages } from '../../../shared/messages';
import { UserLabel } from '../../../shared/user-label';
import { CrossIcon } from '../../../shared/icons';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; users: UserRef[] } | { status: 'failed'; message: string };

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  paddingBlock: 'space.050',
  paddingInline: 'space.0',
  borderRadius: 'radius.medium',
  backgroundColor: 'elevation.surface.overlay',
  boxShadow: 'elevation.shadow.overlay',
  maxHeight: '14rem',
  overflowY: 'auto',
});
const optionStyles = xcss({ paddingBlock: 'space.075', paddingInline: 'space.150', cursor: 'pointer', ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' } });
const activeStyles = xcss({ backgroundColor: 'color.background.selected' });
const pickerStyles = xcss({ maxWidth: '24rem' });
const chipStyles = xcss({
  paddingBlock: 'space.050',
  paddingInlineStart: 'space.075',
  paddingInlineEnd: 'space.025',
  borderRadius: 'radius.full',
  backgroundColor: 'color.background.neutral',
});

/**
 * The goal owner: a search field over the people who can browse the project (`searchUsers`), in
 * the ARIA combobox pattern (arrows choose, Enter picks, Esc closes), and the chosen person with a
 * way to remove them.
 */
export function OwnerPicker({ value, onChange, error }: { value: UserRef | null; onChange: (user: UserRef | null) => void; error?: string }) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) return setSearch({ status: 'idle' });
    setSearch({ status: 'searching' });
    let current = true;
    const timer = setTimeout(() => {
      void attempt(() => invoke('searchUsers', { query: text })).then((result) => {
        if (!current) return;
        setActive(0);
        setSearch(result.ok ? { status: 'done', users: result.value } : { status: 'failed', message: result.error.message });
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const users = search.status === 'done' ? search.users : [];
  const open = search.status !== 'idle';
  const choose = (user: UserRef) => {
    onChange(user);
    setQuery('');
    input.current?.focus();
  };

  return (
    <Box xcss={pickerStyles}>
      <Stack space="space.075">
        {value ? (
          <Inline>
            <Box xcss={chipStyles} testId="owner-chosen">
              <Inline space="space.050" alignBlock="center">
                <UserLabel user={value} size="xsmall" />
                <IconButton icon={CrossIcon} label={messages.goals.ownerClear(value.displayName)} appearance="subtle" spacing="compact" shape="circle" onClick={() => onChange(null)} />
              </Inline>
            </Box>
          </Inline>
        ) : null}
        <Field label={messages.goals.ownerSearch} error={error}>
          {(control) => (
            <Textfield
              {...control}
              ref={input}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open && users.length > 0}
              aria-controls={listId}
              aria-activedescendant={open && users[active] ? `${listId}-${active}` : undefined}
              placeholder={messages.goals.ownerSearchPlaceholder}
              value={query}
              autoComplete="off"
              onChange={(event) => setQuery((event.target as HTMLInputElement).value)}
              onKeyDown={(event) => {
                if (!open) return;
                if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  event.preventDefault();
                  const step = event.key === 'ArrowDown' ? 1 : -1;
                  setActive((i) => (users.length ? (i + step + users.length) % users.length : 0));
                } else if (event.key === 'Enter') {
                  event.preventDefault();
                  const user = users[active];
                  if (user) choose(user);
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  setQuery('');
                }
              }}
            />
          )}
        </Field>
        <Box as="ul" id={listId} role="listbox" aria-label={messages.goals.ownerResults} xcss={users.length ? listStyles : undefined} hidden={!users.length}>
          {users.map((user, index) => (
            <Box
              as="li"
              key={user.accountId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              xcss={[optionStyles, index === active ? activeStyles : undefined]}
              onMouseDown={(event: React.MouseEvent) => event.preventDefault()}
              onClick={() => choose(user)}
            >
              <UserLabel user={user} size="xsmall" />
            </Box>
          ))}
        </Box>
        {search.status === 'searching' ? <Text size="small" color="color.text.subtlest">{messages.goals.ownerSearching}</Text> : null}
        {search.status === 'done' && users.length === 0 ? <Text size="small" color="color.text.subtle">{messages.goals.ownerNone}</Text> : null}
        {search.status === 'failed' ? <Text size="small" color="color.text.danger">{search.message}</Text> : null}
        <VisuallyHidden>
          <span aria-live="polite">{search.status === 'done' ? (users.length ? messages.goals.ownerCount(users.length) : messages.goals.ownerNone) : ''}</span>
        </VisuallyHidden>
      </Stack>
    </Box>
  );
}
