/**
 * The admin page's building blocks. The button, notice and spinner are the light ones it shares
 * with the epic panel (no @atlaskit/button or section-message stack), so this bundle stays small.
 */
import type { ReactNode } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { UiError } from '../../shared/errors';
import { admin as m } from '../../shared/messages/admin';
import { Notice } from '../../shared/notice';

export { ActionButton } from '../../shared/action-button';
export { Loading } from '../../shared/spinner-label';
export { Notice };

const sectionStyles = xcss({
  paddingBlock: 'space.200',
  paddingInline: 'space.250',
  borderRadius: 'radius.large',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
});
const headingStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });

/** One part of the page under its own h2, listed by screen readers as a region named by it. */
export function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} xcss={sectionStyles} testId={`section-${id}`}>
      <Stack space="space.150">
        <Box as="h2" id={id} xcss={headingStyles}>
          {title}
        </Box>
        {intro ? (
          <Text as="p" color="color.text.subtle">
            {intro}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Box>
  );
}

/** A save's state: one of four, never booleans. */
export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; message: string } | { status: 'failed'; error: UiError };

/** What a failed save says above the form (field errors are said next to their field instead). */
export function SaveFeedback({ state, fieldPaths = [] }: { state: SaveState; fieldPaths?: readonly string[] }) {
  if (state.status === 'saved') {
    return (
      <Text as="p" color="color.text.success" testId="save-feedback">
        {state.message}
      </Text>
    );
  }
  if (state.status !== 'failed') return null;
  const { error } = state;
  if (error.code === 'invalid' && error.field && fieldPaths.includes(error.field)) return null;
  if (error.code === 'conflict') {
    return (
      <Notice appearance="warning" title={m.conflictTitle}>
        <p>{error.message}</p>
        <p>{m.conflictBody}</p>
      </Notice>
    );
  }
  return (
    <Notice appearance="error" title={m.errorTitle}>
      <p>{error.message}</p>
    </Notice>
  );
}

/** The field's error when the failure names it. */
export const errorFor = (state: SaveState, field: string): string | undefined =>
  state.status === 'failed' && state.error.code === 'invalid' && state.error.field === field ? state.error.message : undefined;

const narrowStyles = xcss({ maxWidth: '28rem' });

/** Keeps a select or a file field to a readable width instead of the whole section's. */
export function Narrow({ children }: { children: ReactNode }) {
  return <Box xcss={narrowStyles}>{children}</Box>;
}

// In the reader's Jira locale and zone (static/shared/i18n.ts sets them at boot), not the browser's.
export { formatInstant } from '../../shared/format';
