import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { Stamp } from '../../src/contract';
import { formatInstant } from './format';
import { common } from './messages/common';
import type { HeadingLevel } from './write-error';

/**
 * "Someone else changed this": who and when, their version, and the way on: reapply my change on
 * top of theirs (the draft is kept), or drop it and take theirs.
 */
export function ConflictNotice(props: {
  stamp?: Stamp;
  /** Their version, as the reader needs to see it to decide. */
  children?: ReactNode;
  onReapply: () => void;
  onDiscard: () => void;
  reapplyLabel?: string;
  isBusy?: boolean;
  headingLevel?: HeadingLevel;
}) {
  const { stamp } = props;
  return (
    <SectionMessage
      appearance="warning"
      title={common.conflictTitle}
      headingLevel={props.headingLevel ?? 'h3'}
      actions={[
        <Button key="reapply" appearance="primary" onClick={props.onReapply} isLoading={props.isBusy}>
          {props.reapplyLabel ?? common.reapply}
        </Button>,
        <Button key="discard" onClick={props.onDiscard} isDisabled={props.isBusy}>
          {common.useTheirs}
        </Button>,
      ]}
    >
      <Stack space="space.100">
        <Text as="p">
          {common.sentences(stamp ? common.conflictBy(stamp.by.displayName, formatInstant(stamp.at)) : common.conflictNoStamp, common.conflictYours)}
        </Text>
        {props.children}
      </Stack>
    </SectionMessage>
  );
}
