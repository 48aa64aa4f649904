import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RoadmapEpic, RoadmapItemView } from '../../../../src/contract';
import { roadmapItemSearchAlias } from '../../../../src/domain/epic-links';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt, exactFieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import { createEpic as m } from '../../../shared/messages/create-epic';
import { messages } from '../../../shared/messages';
import { WriteError } from '../../../shared/write-error';
import type { RoadmapChange } from './roadmap-state';

const formStyles = xcss({
  padding: 'space.150',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.sunken',
});
const codeStyles = xcss({ font: 'font.code', overflowWrap: 'anywhere' });

/**
 * "Create epic" in the item panel: the epic is created in Jira as the viewer, with the item's title
 * as its summary unless they change it, and linked to the item. It shows on the item at once (the
 * server answers the epic as the roadmap holds it). A field Jira requires that this form lacks is
 * named, with the way on: create it in Jira and link it.
 */
export function CreateEpic(props: { item: RoadmapItemView; canEdit: boolean; onChange: (change: RoadmapChange) => void }) {
  const { item } = props;
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState(item.title);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();
  const [created, setCreated] = useState<RoadmapEpic>();
  const summaryInput = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = `create-epic-${item.id}`;

  useEffect(() => {
    setOpen(false);
    setCreated(undefined);
    setError(undefined);
  }, [item.id]);
  useEffect(() => {
    if (open) summaryInput.current?.focus();
  }, [open]);

  if (!props.canEdit) return null;

  const close = () => {
    setOpen(false);
    setError(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };

  const submit = async () => {
    const clean = summary.trim();
    if (!clean) {
      setError({ code: 'invalid', field: 'summary', message: messages.common.fieldRequired(m.summary) });
      summaryInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await attempt(() => invoke('createEpicFromItem', { itemId: item.id, summary: clean, ...(description.trim() ? { description: description.trim() } : {}) }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    props.onChange({ type: 'epic-created', itemId: result.value.itemId, epic: result.value.epic });
    setCreated(result.value.epic);
    announce(m.created(result.value.epic.key, item.title));
    setOpen(false);
    setDescription('');
  };

  const required = error?.code === 'invalid' && error.requiredFields?.length ? error.requiredFields : undefined;
  return (
    <Stack space="space.100">
      {created ? (
        <SectionMessage appearance="success" title={m.createdTitle} headingLevel="h5" testId="create-epic-success">
          <Text as="p">
            <IssueKeyLink issueKey={created.key} /> {created.summary}
          </Text>
          <Text as="p" size="small">
            {m.createdBody}{' '}
            <Box as="span" xcss={codeStyles}>
              {`${roadmapItemSearchAlias} = "${item.id}"`}
            </Box>
            {created.sync ? ` ${m.syncing}` : ''}
          </Text>
        </SectionMessage>
      ) : null}
      {open ? (
        <Box
          as="form"
          xcss={formStyles}
          aria-labelledby={headingId}
          noValidate
          testId="create-epic-form"
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault();
            void submit();
          }}
          onKeyDown={(event: React.KeyboardEvent) => {
            if (event.key === 'Escape' && !busy) {
              event.stopPropagation();
              close();
            }
          }}
        >
          <Stack space="space.150">
            <Heading size="xsmall" as="h5" id={headingId}>
              {m.heading}
            </Heading>
            <Field label={m.summary} isRequired helper={m.summaryHelp} error={exactFieldError(error, 'summary')}>
              {(control) => <Textfield {...control} ref={summaryInput} value={summary} maxLength={255} onChange={(e) => setSummary((e.target as HTMLInputElement).value)} />}
            </Field>
            <Field label={m.description} helper={m.descriptionHelp} error={exactFieldError(error, 'description')}>
              {(control) => <TextArea {...control} value={description} minimumRows={2} resize="vertical" onChange={(e) => setDescription(e.target.value)} />}
            </Field>
            {required ? (
              <SectionMessage appearance="warning" title={m.requiredTitle} headingLevel="h6" testId="create-epic-required">
                <Text as="p">{error?.message}</Text>
                <Text as="p" weight="semibold">
                  {m.requiredList}
                </Text>
                <Box as="ul">
                  {required.map((field) => (
                    <li key={field.id}>{field.name}</li>
                  ))}
                </Box>
              </SectionMessage>
            ) : error && !exactFieldError(error, 'summary') && !exactFieldError(error, 'description') ? (
              <WriteError error={error} headingLevel="h6" />
            ) : null}
            <Inline space="space.100">
              <Button appearance="primary" type="submit" isLoading={busy}>
                {m.create}
              </Button>
              <Button appearance="subtle" onClick={close} isDisabled={busy}>
                {messages.common.cancel}
              </Button>
            </Inline>
          </Stack>
        </Box>
      ) : (
        <Box>
          <Button
            ref={opener}
            spacing="compact"
            onClick={() => {
              setSummary(item.title);
              setCreated(undefined);
              setOpen(true);
            }}
            aria-label={m.openLabel(item.title)}
            testId="create-epic-open"
          >
            {m.open}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
