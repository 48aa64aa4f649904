/** The "Product portfolio" global page: every product the viewer may browse, one card each. */
import { useCallback } from 'react';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import { invoke } from '../../shared/bridge';
import { portfolio as m } from '../../shared/messages/portfolio';
import { useResult } from '../../shared/use-result';
import { ProductCard } from './product-card';

const page = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', backgroundColor: 'elevation.surface', minHeight: '100vh' });
const title = xcss({ font: 'font.heading.large', color: 'color.text', margin: 'space.0' });
const grid = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
  gap: 'space.300',
  alignItems: 'stretch',
});
const cell = xcss({ display: 'flex', minWidth: '0', marginBlockStart: 'space.0' });
const empty = xcss({
  paddingBlock: 'space.400',
  paddingInline: 'space.300',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'dashed',
  borderColor: 'color.border',
  maxWidth: '640px',
});
const emptyTitle = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });
const notice = xcss({
  paddingBlock: 'space.150',
  paddingInline: 'space.200',
  borderRadius: 'radius.small',
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  maxWidth: '640px',
});
const warningNotice = xcss({ backgroundColor: 'color.background.warning', borderInlineStartColor: 'color.border.warning' });
const errorNotice = xcss({ backgroundColor: 'color.background.danger', borderInlineStartColor: 'color.border.danger' });
const button = xcss({
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  color: 'color.text',
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused', outlineOffset: 'space.025' },
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.pressed' },
});

export function PortfolioPage() {
  const load = useCallback(() => invoke('getPortfolio'), []);
  const { state, reload } = useResult(load);
  return (
    <Box as="main" xcss={page} testId="portfolio">
      <Stack space="space.300">
        <Stack space="space.100">
          <Box as="h1" xcss={title}>
            {m.title}
          </Box>
          <Text as="p" color="color.text.subtle">
            {m.intro}
          </Text>
        </Stack>
        {state.status === 'loading' ? (
          <Inline space="space.100" alignBlock="center">
            <Spinner size="medium" label={m.loading} />
            <Text>{m.loading}</Text>
          </Inline>
        ) : state.status === 'failed' ? (
          <Box xcss={[notice, state.error.code === 'forbidden' ? warningNotice : errorNotice]} role="alert" testId="portfolio-failed">
            <Stack space="space.100">
              <Box as="h2" xcss={emptyTitle}>
                {m.errorTitle(state.error.code)}
              </Box>
              <Text as="p">{state.error.message}</Text>
              {state.error.code === 'forbidden' ? null : (
                <Inline>
                  <Pressable xcss={button} onClick={reload}>
                    {m.retry}
                  </Pressable>
                </Inline>
              )}
            </Stack>
          </Box>
        ) : state.value.products.length === 0 ? (
          <Box xcss={empty} testId="portfolio-empty">
            <Stack space="space.100">
              <Box as="h2" xcss={emptyTitle}>
                {m.emptyTitle}
              </Box>
              <Text as="p" color="color.text.subtle">
                {m.emptyBody}
              </Text>
            </Stack>
          </Box>
        ) : (
          <Box as="ul" xcss={grid} aria-label={m.productsLabel}>
            {state.value.products.map((product) => (
              <Box as="li" key={product.project.id} xcss={cell}>
                <ProductCard product={product} />
              </Box>
            ))}
          </Box>
        )}
      </Stack>
    </Box>
  );
}
