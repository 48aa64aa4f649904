import { useState } from 'react';
import { Inline, Stack } from '@atlaskit/primitives';
import type { NumberField } from '../../../src/contract';
import { useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import { Field } from '../../shared/field';
import { admin as m } from '../../shared/messages/admin';
import { NativeSelect } from '../../shared/native-select';
import { ActionButton, Narrow, SaveFeedback, SettingsSection, errorFor } from './ui';
import type { SaveState } from './ui';

type Setting = { fieldId?: string; version: number };

/** The story-point override of the site (projectId null) or of one project, with its save. */
export function StoryPointOverrideForm(props: {
  projectId: string | null;
  label: string;
  noneLabel: string;
  initial: Setting;
  fields: readonly NumberField[];
  readOnly: boolean;
  onSaved?: (setting: Setting) => void;
}) {
  const [saved, setSaved] = useState<Setting>(props.initial);
  const [draft, setDraft] = useState(props.initial.fieldId ?? '');
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const announce = useAnnounce();

  const submit = async () => {
    setSave({ status: 'saving' });
    const result = await attempt(() => invoke('saveStoryPointOverride', { projectId: props.projectId, fieldId: draft || null, baseVersion: saved.version }));
    if (result.ok) {
      setSaved(result.value);
      setSave({ status: 'saved', message: m.saved });
      announce(m.saved);
      props.onSaved?.(result.value);
      return;
    }
    const current = result.error.current;
    if (result.error.code === 'conflict' && current) {
      setSaved(current);
      setDraft(current.fieldId ?? '');
    }
    setSave({ status: 'failed', error: result.error });
    announce(result.error.message);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!props.readOnly) void submit();
      }}
    >
      <Stack space="space.150">
        <Narrow>
          <Field label={props.label} error={errorFor(save, 'fieldId')}>
            {(control) => (
              <NativeSelect
                {...control}
                value={draft}
                options={[{ value: '', label: props.noneLabel }, ...props.fields.map((field) => ({ value: field.id, label: `${field.name} (${field.id})` }))]}
                onChange={(value) => {
                  setDraft(value);
                  setSave({ status: 'idle' });
                }}
              />
            )}
          </Field>
        </Narrow>
        <SaveFeedback state={save} fieldPaths={['fieldId']} />
        <Inline>
          <ActionButton type="submit" appearance="primary" isDisabled={props.readOnly || draft === (saved.fieldId ?? '')} isBusy={save.status === 'saving'}>
            {m.save}
          </ActionButton>
        </Inline>
      </Stack>
    </form>
  );
}

export function SiteStoryPointsSection({ initial, fields, readOnly }: { initial: Setting; fields: readonly NumberField[]; readOnly: boolean }) {
  return (
    <SettingsSection id="story-points" title={m.storyPoints.heading} intro={fields.length > 0 ? m.storyPoints.intro : m.storyPoints.noFields}>
      <StoryPointOverrideForm projectId={null} label={m.storyPoints.siteLabel} noneLabel={m.storyPoints.detect} initial={initial} fields={fields} readOnly={readOnly} />
    </SettingsSection>
  );
}
