/**
 * "Someone else changed this", field by field: all of their saved fields (their changes marked),
 * and a choice only where both changed the same field. Reapplying merges three ways (what I
 * loaded, what I typed, what they saved: src/domain/field-merge.ts), so their description is never
 * overwritten by a draft that did not touch it.
 */
import { useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { Stamp } from '../../src/contract';
import { allClashesSettled, mergeFields, resolveClashes } from '../../src/domain/field-merge';
import { ConflictNotice } from './conflict-notice';
import { feed as m } from './messages/feed';
import { RadioGroup } from './radio-group';
import type { HeadingLevel } from './write-error';

const listStyles = xcss({ margin: 'space.0', padding: 'space.0', display: 'grid', gap: 'space.100' });
const valueStyles = xcss({ margin: 'space.0', overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' });

export interface MergeField<T> {
  key: keyof T & string;
  label: string;
  show: (record: T) => string;
}

export function MergeConflict<T extends object>(props: {
  stamp?: Stamp;
  base: T;
  mine: T;
  theirs: T;
  fields: ReadonlyArray<MergeField<T>>;
  onApply: (merged: T) => void;
  onDiscard: () => void;
  isBusy?: boolean;
  headingLevel?: HeadingLevel;
}) {
  const merge = mergeFields(props.base, props.mine, props.theirs);
  const [choice, setChoice] = useState<Partial<Record<keyof T & string, 'mine' | 'theirs'>>>({});
  const [asked, setAsked] = useState(false);
  const mineCount = Object.values(merge.fields).filter((outcome) => outcome === 'mine').length;
  const who = props.stamp?.by.displayName ?? '';
  return (
    <ConflictNotice
      {...(props.stamp ? { stamp: props.stamp } : {})}
      headingLevel={props.headingLevel ?? 'h4'}
      isBusy={props.isBusy}
      onReapply={() => {
        if (!allClashesSettled(merge, choice)) return setAsked(true);
        props.onApply(resolveClashes(merge, props.mine, choice));
      }}
      onDiscard={props.onDiscard}
    >
      <Text as="p" weight="semibold">
        {m.theirVersion(who)}
      </Text>
      <Box as="dl" xcss={listStyles} testId="conflict-their-fields">
        {props.fields.map((field) => (
          <Stack space="space.025" key={field.key}>
            <Box as="dt">
              <Text weight="bold">{field.label}</Text> {merge.theirChanges.includes(field.key) ? <Lozenge appearance="moved">{m.theyChanged}</Lozenge> : null}
            </Box>
            <Box as="dd" xcss={valueStyles}>
              {field.show(props.theirs) || m.fieldValueEmpty}
            </Box>
          </Stack>
        ))}
      </Box>
      {merge.theirChanges.length === 0 ? <Text as="p">{m.nothingOfTheirs}</Text> : null}
      {merge.clashes.length > 0 ? (
        <Stack space="space.100" testId="conflict-clashes">
          <Text as="p" weight="semibold">
            {m.clashHeading}
          </Text>
          {merge.clashes.map((key) => {
            const field = props.fields.find((candidate) => candidate.key === key);
            const label = field?.label ?? key;
            return (
              <RadioGroup
                key={key}
                legend={label}
                value={choice[key] ?? ''}
                options={[
                  { value: 'mine', label: `${m.keepMine}: ${field?.show(props.mine) || m.fieldValueEmpty}` },
                  { value: 'theirs', label: `${m.keepTheirs}: ${field?.show(props.theirs) || m.fieldValueEmpty}` },
                ]}
                onChange={(value) => setChoice({ ...choice, [key]: value as 'mine' | 'theirs' })}
                {...(asked && !choice[key] ? { error: m.chooseFirst } : {})}
              />
            );
          })}
        </Stack>
      ) : null}
      <Text as="p" size="small" color="color.text.subtle">
        {m.mergeHint(mineCount, merge.theirChanges.length - merge.clashes.length)}
      </Text>
    </ConflictNotice>
  );
}
