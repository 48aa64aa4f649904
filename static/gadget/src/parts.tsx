/** Pieces every gadget shares: the product line with its link, the notices, the list styles. */
import { useEffect, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { AppError, ProjectRef } from '../../../src/contract';
import { openProductPage, productPageUrl } from '../../shared/bridge';
import { gadgets as m } from '../../shared/messages/gadgets';
import { Notice } from '../../shared/notice';

export const gadgetStyles = {
  page: xcss({ paddingBlock: 'space.150', paddingInline: 'space.200', backgroundColor: 'elevation.surface', color: 'color.text' }),
  list: xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' }),
  row: xcss({
    marginBlockStart: 'space.0',
    paddingBlock: 'space.100',
    borderBlockEndWidth: 'border.width',
    borderBlockEndStyle: 'solid',
    borderBlockEndColor: 'color.border',
  }),
  heading: xcss({ font: 'font.heading.xxsmall', color: 'color.text.subtle', margin: 'space.0' }),
  title: xcss({ font: 'font.body', fontWeight: 'font.weight.medium', color: 'color.text', margin: 'space.0', overflowWrap: 'anywhere' }),
  button: xcss({
    font: 'font.body',
    fontWeight: 'font.weight.medium',
    color: 'color.text',
    backgroundColor: 'color.background.neutral',
    borderRadius: 'radius.small',
    paddingBlock: 'space.075',
    paddingInline: 'space.150',
    cursor: 'pointer',
    ':hover': { backgroundColor: 'color.background.neutral.hovered' },
    ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused', outlineOffset: 'space.025' },
  }),
};

/** The product page's URL (at `path`, its own route), for links that also open in a new tab. */
export function useProductUrl(projectKey: string, path?: string): string {
  const [url, setUrl] = useState('');
  useEffect(() => {
    let current = true;
    productPageUrl(projectKey, path).then(
      (value) => current && setUrl(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [projectKey, path]);
  return url;
}

const linkStyle = { font: token('font.body'), color: token('color.link') };

/**
 * A link into the product page (at `path`, its route: static/shared/product-route.ts): a click
 * navigates Jira's top window there; the href serves a new tab.
 */
export function ProductLink(props: { project: ProjectRef; path?: string; label?: string; children: ReactNode }) {
  const url = useProductUrl(props.project.key, props.path);
  const onClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void openProductPage(props.project.key, props.path);
  };
  return (
    // A plain anchor (ADS's Anchor brings a router-link provider a gadget does not need).
    <a style={linkStyle} href={url || '#'} onClick={onClick} {...(props.label ? { 'aria-label': props.label } : {})}>
      {props.children}
    </a>
  );
}

export function ProductLine({ project }: { project: ProjectRef }) {
  return (
    <Inline space="space.100" alignBlock="baseline" shouldWrap>
      <Text weight="semibold">{m.projectOf(project.name, project.key)}</Text>
      <ProductLink project={project} label={m.openProductOf(project.name)}>
        {m.openProduct}
      </ProductLink>
    </Inline>
  );
}

export function NotConfigured() {
  return (
    <Notice appearance="information" title={m.notConfiguredTitle} headingLevel="h2" testId="gadget-not-configured">
      {m.notConfigured}
    </Notice>
  );
}

/** A failure as a plain notice: a denied gadget says only that, never anything of the project. */
export function GadgetFailure({ error, onRetry }: { error: AppError | { code: 'unexpected'; message: string }; onRetry: () => void }) {
  const retryable = error.code !== 'forbidden' && error.code !== 'not-found' && error.code !== 'invalid';
  return (
    <Notice
      appearance={error.code === 'forbidden' ? 'information' : 'warning'}
      title={m.errorTitle(error.code)}
      headingLevel="h2"
      testId="gadget-failure"
      actions={
        retryable ? (
          <Pressable xcss={gadgetStyles.button} onClick={onRetry}>
            {m.retry}
          </Pressable>
        ) : undefined
      }
    >
      {error.message}
    </Notice>
  );
}

export function Loading({ label = m.loading }: { label?: string }) {
  return (
    <Box role="status" testId="gadget-loading">
      <Text color="color.text.subtle">{label}</Text>
    </Box>
  );
}

export function More({ n }: { n: number }) {
  return n > 0 ? <Text color="color.text.subtle">{m.more(n)}</Text> : null;
}

export function Section(props: { label: string; children: ReactNode }) {
  return (
    <Stack space="space.050">
      <Box as="h3" xcss={gadgetStyles.heading}>
        {props.label}
      </Box>
      {props.children}
    </Stack>
  );
}
