import { useEffect, useId, useRef, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import VisuallyHidden from '@atlaskit/visually-hidden';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicChoice } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { messages } from '../../../shared/messages';

const m = messages.roadmap;
/** Typing pauses this long before Jira is searched: one search per word, not per key. */
const searchDelayMs = 250;

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; epics: EpicChoice[] } | { status: 'failed'; message: string };

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  paddingBlock: 'space.050',
  paddingInline: 'space.0',
  borderRadius: 'radius.medium',
  backgroundColor: 'elevation.surface.overlay',
  boxShadow: 'elevation.shadow.overlay',
  maxHeight: '16rem',
  overflowY: 'auto',
});
const optionStyles = xcss({ paddingBlock: 'space.075', paddingInline: 'space.150', cursor: 'pointer', ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' } });
const activeStyles = xcss({ backgroundColor: 'color.background.selected' });

/**
 * Finds the project's epics as the viewer's Jira search does (`searchEpics`, debounced), in the
 * ARIA combobox pattern: arrows choose, Enter picks, Esc clears. Epics already linked are left out.
 */
export function EpicPicker(props: { exclude: ReadonlySet<string>; onPick: (epic: EpicChoice) => void; isDisabled?: boolean }) {
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
      void attempt(() => invoke('searchEpics', { query: text })).then((result) => {
        if (!current) return;
        setActive(0);
        setSearch(result.ok ? { status: 'done', epics: result.value } : { status: 'failed', message: result.error.message });
      });
    }, searchDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const epics = search.status === 'done' ? search.epics.filter((e) => !props.exclude.has(e.id)) : [];
  const open = search.status !== 'idle';
  const choose = (epic: EpicChoice) => {
    props.onPick(epic);
    setQuery('');
    input.current?.focus();
  };

  return (
    <Stack space="space.075">
      <Field label={m.epicSearch}>
        {(control) => (
          <Textfield
            {...control}
            ref={input}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open && epics.length > 0}
            aria-controls={listId}
            aria-activedescendant={open && epics[active] ? `${listId}-${active}` : undefined}
            placeholder={m.epicSearchPlaceholder}
            value={query}
            autoComplete="off"
            isDisabled={props.isDisabled}
            onChange={(event) => setQuery((event.target as HTMLInputElement).value)}
            onKeyDown={(event) => {
              if (!open) return;
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActive((i) => (epics.length ? (i + step + epics.length) % epics.length : 0));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                const epic = epics[active];
                if (epic) choose(epic);
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                setQuery('');
              }
            }}
          />
        )}
      </Field>
      <Box as="ul" id={listId} role="listbox" aria-label={m.epicResults} xcss={epics.length ? listStyles : undefined} hidden={!epics.length}>
        {epics.map((epic, index) => (
          <Box
            as="li"
            key={epic.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            xcss={[optionStyles, index === active ? activeStyles : undefined]}
            onMouseDown={(event: React.MouseEvent) => event.preventDefault()}
            onClick={() => choose(epic)}
          >
            <Text size="small" color="color.text.subtle">
              {epic.key}
            </Text>{' '}
            <Text>{epic.summary}</Text>
          </Box>
        ))}
      </Box>
      {search.status === 'searching' ? (
        <Text size="small" color="color.text.subtlest">
          {m.epicSearching}
        </Text>
      ) : null}
      {search.status === 'done' && epics.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          {m.epicNone}
        </Text>
      ) : null}
      {search.status === 'failed' ? (
        <Text size="small" color="color.text.danger">
          {search.message}
        </Text>
      ) : null}
      <VisuallyHidden>
        <span aria-live="polite">{search.status === 'done' ? (epics.length ? m.epicCountFound(epics.length) : m.epicNone) : ''}</span>
      </VisuallyHidden>
    </Stack>
  );
}
