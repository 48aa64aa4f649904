import { useState } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { AdminSettings, EditRule } from '../../../src/contract';
import { useAnnounce } from '../../shared/announcer';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import { admin as m } from '../../shared/messages/admin';
import { RadioGroup } from '../../shared/radio-group';
import { ActionButton, SaveFeedback, SettingsSection, errorFor } from './ui';
import type { SaveState } from './ui';

const rules: EditRule[] = ['project-admins', 'issue-editors'];

/** Who may change products: project administrators (default) or everyone who can edit issues. */
export function EditRuleSection({ initial, readOnly }: { initial: AdminSettings['editRule']; readOnly: boolean }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<EditRule>(initial.rule);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const announce = useAnnounce();

  const submit = async () => {
    setSave({ status: 'saving' });
    const result = await attempt(() => invoke('saveEditRule', { rule: draft, baseVersion: saved.version }));
    if (result.ok) {
      setSaved(result.value);
      setSave({ status: 'saved', message: m.editRule.saved(result.value.rule) });
      announce(m.editRule.saved(result.value.rule));
      return;
    }
    const current = result.error.current;
    if (result.error.code === 'conflict' && current) {
      // Show their rule; the admin decides again from there.
      setSaved(current);
      setDraft(current.rule);
    }
    setSave({ status: 'failed', error: result.error });
    announce(result.error.message);
  };

  return (
    <SettingsSection id="edit-rule" title={m.editRule.heading}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly) void submit();
        }}
      >
        <Stack space="space.150">
          <RadioGroup
            legend={m.editRule.legend}
            value={draft}
            options={rules.map((rule) => ({ value: rule, label: m.editRule.options[rule] }))}
            onChange={(rule) => {
              setDraft(rule);
              setSave({ status: 'idle' });
            }}
            error={errorFor(save, 'rule')}
          />
          <Text as="p" size="small" color="color.text.subtlest">
            {m.editRule.helper}
          </Text>
          <SaveFeedback state={save} fieldPaths={['rule']} />
          <Inline>
            <ActionButton type="submit" appearance="primary" isDisabled={readOnly || draft === saved.rule} isBusy={save.status === 'saving'}>
              {m.save}
            </ActionButton>
          </Inline>
        </Stack>
      </form>
    </SettingsSection>
  );
}
