import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicContext } from '../../../src/contract';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import type { UiError } from '../../shared/errors';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { ActionButton } from '../../shared/action-button';
import { Notice } from '../../shared/notice';

const fieldsetStyles = xcss({ borderStyle: 'none', padding: 'space.0', margin: 'space.0', minWidth: '0' });
const legendStyles = xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle', paddingInline: 'space.0', marginBlockEnd: 'space.050' });
const optionStyles = xcss({ display: 'flex', alignItems: 'flex-start', gap: 'space.075', font: 'font.body', color: 'color.text', cursor: 'pointer' });
const editorStyles = xcss({
  padding: 'space.150',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.sunken',
});
const headingStyles = xcss({ font: 'font.heading.xsmall', color: 'color.text', margin: 'space.0' });

export type SaveOutcome = { kind: 'saved'; context: EpicContext } | { kind: 'conflict'; current?: EpicContext };

/**
 * Checkbox lists of the product's goals and roadmap items; saving sends the whole selection with
 * the links version it was opened on, so a change made meanwhile comes back as a conflict.
 */
export function LinkEditor(props: { context: EpicContext; onOutcome: (outcome: SaveOutcome) => void; onCancel: () => void; onReload: () => void }) {
  const { context } = props;
  const [goals, setGoals] = useState(() => new Set(context.links.directGoalIds));
  const [items, setItems] = useState(() => new Set(context.links.roadmapItemIds));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<UiError<EpicContext>>();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  // After a conflict the panel shows their links: the checkboxes start again from those.
  useEffect(() => {
    setGoals(new Set(context.links.directGoalIds));
    setItems(new Set(context.links.roadmapItemIds));
  }, [context.links.linksVersion, context.links.directGoalIds, context.links.roadmapItemIds]);

  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  async function save() {
    setSaving(true);
    setError(undefined);
    const result = await attempt(() =>
      invoke('setEpicLinks', { directGoalIds: [...goals], roadmapItemIds: [...items], linksVersion: context.links.linksVersion }),
    );
    setSaving(false);
    if (result.ok) return props.onOutcome({ kind: 'saved', context: result.value });
    setError(result.error);
    if (result.error.code === 'conflict') props.onOutcome({ kind: 'conflict', ...(result.error.current ? { current: result.error.current } : {}) });
  }

  const goalTitle = new Map(context.options.goals.map((goal) => [goal.id, goal.title]));
  return (
    <Box xcss={editorStyles} testId="epic-link-editor">
      <Box as="form" aria-labelledby={headingId} onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void save();
      }}>
        <Stack space="space.150">
          <Box as="h2" id={headingId} xcss={headingStyles} ref={heading} tabIndex={-1}>
            {m.editHeading}
          </Box>
          {error ? <SaveError error={error} onReload={props.onReload} /> : null}
          <Choices
            legend={m.goalsLegend}
            empty={m.noGoalOptions}
            options={context.options.goals.map((goal) => ({ id: goal.id, label: goal.title }))}
            selected={goals}
            onToggle={(id) => setGoals((current) => toggle(current, id))}
          />
          <Choices
            legend={m.itemsLegend}
            empty={m.noItemOptions}
            options={context.options.items.map((item) => {
              const goal = item.goalId ? goalTitle.get(item.goalId) : undefined;
              return { id: item.id, label: item.title, ...(goal ? { detail: m.itemGoal(goal) } : {}) };
            })}
            selected={items}
            onToggle={(id) => setItems((current) => toggle(current, id))}
          />
          <Inline space="space.100">
            <ActionButton appearance="primary" type="submit" isBusy={saving}>
              {saving ? m.saving : m.save}
            </ActionButton>
            <ActionButton onClick={props.onCancel} isDisabled={saving}>
              {m.cancel}
            </ActionButton>
          </Inline>
        </Stack>
      </Box>
    </Box>
  );
}

function Choices(props: {
  legend: string;
  empty: string;
  options: ReadonlyArray<{ id: string; label: string; detail?: string }>;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  return (
    <Box as="fieldset" xcss={fieldsetStyles}>
      <Box as="legend" xcss={legendStyles}>
        {props.legend}
      </Box>
      {props.options.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          {props.empty}
        </Text>
      ) : (
        <Stack space="space.075">
          {props.options.map((option) => (
            <Box as="label" key={option.id} xcss={optionStyles}>
              <input
                type="checkbox"
                checked={props.selected.has(option.id)}
                onChange={() => props.onToggle(option.id)}
                // The native box follows the theme through `color-scheme`; token() would bring its whole name map.
                style={{ marginBlockStart: '0.2em', flexShrink: 0 }}
              />
              <span>
                {option.label}
                {option.detail ? (
                  <>
                    {' '}
                    <Text size="small" color="color.text.subtle">
                      ({option.detail})
                    </Text>
                  </>
                ) : null}
              </span>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** Why the links were not saved: a conflict says whose links are shown and offers a fresh load; a refusal says why. */
function SaveError({ error, onReload }: { error: UiError<EpicContext>; onReload: () => void }) {
  if (error.code === 'conflict') {
    return (
      <Notice appearance="warning" title={m.conflictTitle} actions={<ActionButton onClick={onReload}>{m.conflictReload}</ActionButton>} testId="epic-links-conflict">
        <p>{error.message}</p>
      </Notice>
    );
  }
  const title = error.code === 'forbidden' ? m.forbiddenTitle : error.code === 'invalid' ? m.saveFailedTitle : m.errorTitle(error.code);
  return (
    <Notice appearance={error.code === 'forbidden' ? 'warning' : 'error'} title={title} testId="epic-links-error">
      <p>{error.message}</p>
    </Notice>
  );
}
