import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, MouseEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EvidenceEntry, EvidenceInput, ItemEvidence, Result, RoadmapItemView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke, issueSearchUrl, openIssueSearch } from '../../../shared/bridge';
import { attempt, fieldError, isFieldError } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { Field } from '../../../shared/field';
import { formatDay } from '../../../shared/format';
import { IssueKeyLink } from '../../../shared/issue-key-link';
import { evidence as m } from '../../../shared/messages/evidence';
import { WriteError } from '../../../shared/write-error';
import { publishJqlCounts } from './evidence-counts';
import type { RoadmapChange } from './roadmap-state';

type Kind = EvidenceInput['kind'];
type Editing = { kind: Kind; entry?: EvidenceEntry } | undefined;

const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.100' });
const entryStyles = xcss({ padding: 'space.100', borderRadius: 'radius.medium', borderWidth: 'border.width', borderStyle: 'solid', borderColor: 'color.border' });
const quoteStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: 'font.body', color: 'color.text' });
const formStyles = xcss({ padding: 'space.150', borderRadius: 'radius.medium', backgroundColor: 'color.background.neutral.subtle', borderWidth: 'border.width', borderStyle: 'solid', borderColor: 'color.border' });

/**
 * The item's evidence in its panel: customer notes, Jira issues linked by key (those the viewer
 * may not see are counted, never named) and saved searches with their live counts and a link to
 * Jira's issue search. Editors add, edit and remove; each change is announced.
 */
export function ItemEvidenceSection(props: { item: RoadmapItemView; canEdit: boolean; onChange: (change: RoadmapChange) => void }) {
  const { item, canEdit } = props;
  const announce = useAnnounce();
  const [evidence, setEvidence] = useState<ItemEvidence>();
  const [loadError, setLoadError] = useState<UiError>();
  const [editing, setEditing] = useState<Editing>();
  const [removing, setRemoving] = useState<string>();
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);
  const headingId = `evidence-heading-${item.id}`;
  const addButtons = useRef<Partial<Record<Kind, HTMLButtonElement | null>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes when a form closes or an entry goes: the Add button of that kind, else the heading. */
  const [focusTo, setFocusTo] = useState<{ kind?: Kind }>();
  const refocus = (kind?: Kind) => setFocusTo(kind ? { kind } : {});
  // After the render that drew the target (the buttons come back only once the form has gone).
  useEffect(() => {
    if (!focusTo) return;
    const target = focusTo.kind ? addButtons.current[focusTo.kind] : heading.current;
    if (!target) return;
    target.focus();
    setFocusTo(undefined);
  }, [focusTo, editing, evidence]);

  const show = (next: ItemEvidence) => {
    setEvidence(next);
    publishJqlCounts(next.itemId, Object.fromEntries(next.summary.jql.map((query) => [query.id, query.count])));
    const hasAny = next.entries.length > 0;
    props.onChange({ type: 'item', item: { ...withoutEvidence(item), ...(hasAny ? { evidence: next.summary } : {}) } });
  };

  useEffect(() => {
    let live = true;
    setEvidence(undefined);
    setEditing(undefined);
    setLoadError(undefined);
    void attempt(() => invoke('listItemEvidence', { itemId: item.id })).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEvidence(result.value);
        publishJqlCounts(item.id, Object.fromEntries(result.value.summary.jql.map((query) => [query.id, query.count])));
      } else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, [item.id]);

  const write = async (call: () => Promise<Result<ItemEvidence>>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    const result = await attempt(call);
    setBusy(false);
    if (result.ok) {
      show(result.value);
      announce(done);
      return true;
    }
    if (result.error.code === 'conflict' && result.error.current) {
      show(result.error.current as ItemEvidence);
      setEditing(undefined);
      setRemoving(undefined);
      setError({ code: 'conflict', message: m.conflict });
      announce(m.conflict);
      return false;
    }
    setError(result.error);
    return false;
  };

  const remove = async (entry: EvidenceEntry) => {
    if (await write(() => invoke('removeEvidence', { itemId: item.id, id: entry.id, baseVersion: entry.version }), m.removed(nameOf(entry)))) {
      setRemoving(undefined);
      refocus();
    }
  };

  const atLimit = (kind: Kind) => {
    if (!evidence) return true;
    const have = kind === 'note' ? evidence.summary.notes : kind === 'issue' ? evidence.summary.issues : evidence.summary.jql.length;
    return have >= evidence.limits[kind === 'note' ? 'notes' : kind === 'issue' ? 'issues' : 'jql'];
  };

  return (
    <Stack space="space.100" testId="item-evidence">
      <Heading size="xsmall" as="h4" id={headingId}>
        <span ref={heading} tabIndex={-1}>
          {m.heading}
        </span>
      </Heading>
      <Text size="small" color="color.text.subtle">
        {m.intro}
      </Text>
      {loadError ? <WriteError error={loadError} headingLevel="h5" /> : null}
      {!evidence && !loadError ? (
        <Text size="small" color="color.text.subtlest">
          {m.loading}
        </Text>
      ) : null}
      {evidence && evidence.entries.length === 0 ? (
        <Text size="small" color="color.text.subtlest">
          {canEdit ? m.emptyEditor : m.empty}
        </Text>
      ) : null}
      {evidence && evidence.entries.length > 0 ? (
        <Box as="ul" xcss={listStyles} aria-labelledby={headingId} testId="evidence-list">
          {evidence.entries.map((entry) =>
            editing?.entry?.id === entry.id ? (
              <li key={entry.id}>
                <EvidenceForm
                  kind={entry.kind}
                  entry={entry}
                  busy={busy}
                  error={error}
                  onCancel={() => (setEditing(undefined), refocus())}
                  onSubmit={async (input) => {
                    if (await write(() => invoke('updateEvidence', { itemId: item.id, id: entry.id, evidence: input, baseVersion: entry.version }), m.saved(nameOf(entry)))) {
                      setEditing(undefined);
                      refocus();
                    }
                  }}
                />
              </li>
            ) : (
              <Box as="li" key={entry.id} xcss={entryStyles} testId={`evidence-${entry.kind}`}>
                <Stack space="space.050">
                  <EntryBody entry={entry} />
                  {canEdit && removing === entry.id ? (
                    <Inline space="space.100" alignBlock="center">
                      <Text size="small" weight="semibold">
                        {m.confirmRemove(nameOf(entry))}
                      </Text>
                      <Button spacing="compact" appearance="danger" isLoading={busy} onClick={() => void remove(entry)}>
                        {m.remove}
                      </Button>
                      <Button spacing="compact" appearance="subtle" isDisabled={busy} onClick={() => setRemoving(undefined)} autoFocus>
                        {m.cancel}
                      </Button>
                    </Inline>
                  ) : canEdit ? (
                    <Inline space="space.100">
                      {entry.kind === 'issue' && entry.hidden ? null : (
                        <Button spacing="compact" appearance="subtle" aria-label={m.editLabel(nameOf(entry))} onClick={() => setEditing({ kind: entry.kind, entry })}>
                          {m.edit}
                        </Button>
                      )}
                      <Button spacing="compact" appearance="subtle" aria-label={m.removeLabel(nameOf(entry))} onClick={() => setRemoving(entry.id)}>
                        {m.remove}
                      </Button>
                    </Inline>
                  ) : null}
                </Stack>
              </Box>
            ),
          )}
        </Box>
      ) : null}
      {evidence && evidence.hiddenIssues > 0 ? (
        <Text size="small" color="color.text.subtle">
          {m.hiddenIssues(evidence.hiddenIssues)}
        </Text>
      ) : null}
      {error && !editing && error.code !== 'conflict' ? <WriteError error={error} headingLevel="h5" /> : null}
      {error?.code === 'conflict' ? (
        <Box role="status">
          <Text size="small" color="color.text.warning">
            {m.conflict}
          </Text>
        </Box>
      ) : null}
      {canEdit && evidence && editing && !editing.entry ? (
        <EvidenceForm
          kind={editing.kind}
          busy={busy}
          error={error}
          onCancel={() => (setEditing(undefined), refocus(editing.kind))}
          onSubmit={async (input) => {
            if (await write(() => invoke('addEvidence', { itemId: item.id, evidence: input }), m.addedKind(input.kind))) {
              setEditing(undefined);
              refocus(input.kind);
            }
          }}
        />
      ) : null}
      {canEdit && evidence
        ? (['note', 'issue', 'jql'] as const)
            .filter(atLimit)
            .map((kind) => (
              <Text key={kind} size="small" color="color.text.subtle">
                {m.limitReached(m.limitWhat[kind]!, evidence.limits[kind === 'note' ? 'notes' : kind === 'issue' ? 'issues' : 'jql'])}
              </Text>
            ))
        : null}
      {canEdit && evidence && !editing ? (
        <Inline space="space.100" shouldWrap>
          {(['note', 'issue', 'jql'] as const).map((kind) => (
            <Button
              key={kind}
              ref={(element: HTMLButtonElement | null) => {
                addButtons.current[kind] = element;
              }}
              spacing="compact"
              isDisabled={atLimit(kind)} onClick={() => (setError(undefined), setEditing({ kind }))}>
              {kind === 'note' ? m.addNote : kind === 'issue' ? m.addIssue : m.addJql}
            </Button>
          ))}
        </Inline>
      ) : null}
    </Stack>
  );
}

function withoutEvidence(item: RoadmapItemView): RoadmapItemView {
  const { evidence: _evidence, ...rest } = item;
  return rest;
}

function nameOf(entry: EvidenceEntry): string {
  if (entry.kind === 'note') return m.noteName(entry.note.text);
  if (entry.kind === 'issue') return entry.issueKey ? m.issueName(entry.issueKey) : m.hiddenIssueName;
  return m.jqlName(entry.label);
}

function EntryBody({ entry }: { entry: EvidenceEntry }) {
  if (entry.kind === 'note') {
    return (
      <>
        <Box as="blockquote" xcss={quoteStyles}>
          {entry.note.text}
        </Box>
        <Text size="small" color="color.text.subtle">
          {m.noteBy(entry.note.customer, entry.note.source, entry.note.date && formatDay(entry.note.date))}
        </Text>
      </>
    );
  }
  if (entry.kind === 'issue') {
    if (!entry.issue) {
      return (
        <Text size="small" color="color.text.subtle">
          {m.hiddenIssue}
        </Text>
      );
    }
    return (
      <Inline space="space.100" alignBlock="baseline" shouldWrap>
        <IssueKeyLink issueKey={entry.issue.key} />
        <Text>{entry.issue.summary}</Text>
        <Text size="small" color="color.text.subtle">
          {[entry.issue.issueType, entry.issue.status.name].filter(Boolean).join(' · ')}
        </Text>
      </Inline>
    );
  }
  return (
    <Inline space="space.100" alignBlock="baseline" shouldWrap>
      <SearchLink label={entry.label} jql={entry.jql} />
      <Text weight="semibold">{entry.count === undefined ? m.jqlNoCount : m.jqlCount(entry.count)}</Text>
      {entry.countError ? (
        <Text size="small" color="color.text.warning">
          {entry.countError}
        </Text>
      ) : null}
    </Inline>
  );
}

/** A saved search's label, linking to Jira's issue search (router.navigate; the href for a new tab). */
function SearchLink({ label, jql }: { label: string; jql: string }) {
  const [href, setHref] = useState('');
  useEffect(() => {
    let live = true;
    issueSearchUrl(jql).then(
      (url) => live && setHref(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [jql]);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void openIssueSearch(jql).catch(() => undefined);
  };
  return (
    <a href={href || '#'} onClick={follow} className="issue-key-link" title={m.openSearch(label)} data-testid="evidence-search-link">
      {label}
    </a>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function EvidenceForm(props: {
  kind: Kind;
  entry?: EvidenceEntry;
  busy: boolean;
  error: UiError | undefined;
  onSubmit: (input: EvidenceInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { kind, entry, error } = props;
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [text, setText] = useState(entry?.kind === 'note' ? entry.note.text : '');
  const [source, setSource] = useState(entry?.kind === 'note' ? entry.note.source : '');
  const [customer, setCustomer] = useState(entry?.kind === 'note' ? entry.note.customer : '');
  const [date, setDate] = useState(entry?.kind === 'note' ? entry.note.date : today());
  const [issueKey, setIssueKey] = useState(entry?.kind === 'issue' ? (entry.issueKey ?? '') : '');
  const [label, setLabel] = useState(entry?.kind === 'jql' ? entry.label : '');
  const [jql, setJql] = useState(entry?.kind === 'jql' ? entry.jql : '');
  const [preview, setPreview] = useState<{ busy: boolean; count?: number; error?: UiError }>({ busy: false });
  useEffect(() => first.current?.focus(), []);

  const input = (): EvidenceInput =>
    kind === 'note' ? { kind, note: { text, source, customer, date } } : kind === 'issue' ? { kind, issueKey } : { kind, label, jql };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit(input());
  };
  const check = async () => {
    setPreview({ busy: true });
    const result = await attempt(() => invoke('previewEvidenceJql', { jql }));
    setPreview(result.ok ? { busy: false, count: result.value.count } : { busy: false, error: result.error });
  };
  const paths = ['evidence.note', 'evidence.issueKey', 'evidence.label', 'evidence.jql', 'evidence.kind'];

  return (
    <Box
      as="form"
      xcss={formStyles}
      onSubmit={submit}
      testId="evidence-form"
      aria-label={entry ? m.editHeading[kind] : m.addHeading[kind]}
      onKeyDown={(event: KeyboardEvent) => {
        // Escape closes this form, not the whole item panel around it.
        if (event.key !== 'Escape' || props.busy) return;
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <Stack space="space.100">
        <Heading size="xxsmall" as="h5">
          {entry ? m.editHeading[kind] : m.addHeading[kind]}
        </Heading>
        {kind === 'note' ? (
          <>
            <Field label={m.noteText} isRequired error={fieldError(error, 'evidence.note.text')}>
              {(control) => <TextArea {...control} ref={first} value={text} minimumRows={2} resize="vertical" onChange={(e) => setText(e.target.value)} />}
            </Field>
            <Inline space="space.100" shouldWrap>
              <Field label={m.noteCustomer} error={fieldError(error, 'evidence.note.customer')}>
                {(control) => <Textfield {...control} value={customer} onChange={(e) => setCustomer((e.target as HTMLInputElement).value)} />}
              </Field>
              <Field label={m.noteDate} isRequired error={fieldError(error, 'evidence.note.date')}>
                {(control) => <Textfield {...control} type="date" value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />}
              </Field>
            </Inline>
            <Field label={m.noteSource} helper={m.noteSourceHelper} error={fieldError(error, 'evidence.note.source')}>
              {(control) => <Textfield {...control} value={source} onChange={(e) => setSource((e.target as HTMLInputElement).value)} />}
            </Field>
          </>
        ) : kind === 'issue' ? (
          <Field label={m.issueKey} isRequired helper={m.issueKeyHelper} error={fieldError(error, 'evidence.issueKey')}>
            {(control) => <Textfield {...control} ref={first} value={issueKey} onChange={(e) => setIssueKey((e.target as HTMLInputElement).value)} />}
          </Field>
        ) : (
          <>
            <Field label={m.jqlLabel} isRequired helper={m.jqlLabelHelper} error={fieldError(error, 'evidence.label')}>
              {(control) => <Textfield {...control} ref={first} value={label} onChange={(e) => setLabel((e.target as HTMLInputElement).value)} />}
            </Field>
            <Field label={m.jql} isRequired helper={m.jqlHelper} error={fieldError(error, 'evidence.jql') ?? fieldError(preview.error, 'jql')}>
              {(control) => <TextArea {...control} testId="evidence-jql-input" value={jql} minimumRows={2} resize="vertical" onChange={(e) => (setJql(e.target.value), setPreview({ busy: false }))} />}
            </Field>
            <Inline space="space.100" alignBlock="center">
              <Button spacing="compact" onClick={() => void check()} isLoading={preview.busy} isDisabled={jql.trim() === ''}>
                {m.preview}
              </Button>
              <Box role="status">
                <Text size="small">{preview.count !== undefined ? m.previewCount(preview.count) : ''}</Text>
              </Box>
            </Inline>
            {preview.error && !fieldError(preview.error, 'jql') ? <WriteError error={preview.error} headingLevel="h6" /> : null}
          </>
        )}
        {error && !isFieldError(error, paths) && error.code !== 'conflict' ? <WriteError error={error} headingLevel="h6" /> : null}
        <Inline space="space.100">
          <Button appearance="primary" type="submit" isLoading={props.busy}>
            {entry ? m.save : m.add}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel} isDisabled={props.busy}>
            {m.cancel}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
