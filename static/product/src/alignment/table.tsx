import type { ReactNode } from 'react';
import { Box, xcss } from '@atlaskit/primitives';

const tableStyles = xcss({ width: '100%', borderCollapse: 'collapse' } as Parameters<typeof xcss>[0]);
const scrollStyles = xcss({ overflowX: 'auto', maxWidth: '100%' });
const headStyles = xcss({
  textAlign: 'start',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width.selected',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  color: 'color.text.subtle',
  font: 'font.body.small',
  fontWeight: 'font.weight.semibold',
  whiteSpace: 'nowrap',
});
const cellStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  verticalAlign: 'middle',
  font: 'font.body',
  color: 'color.text',
});
const rowHeadStyles = xcss({
  textAlign: 'start',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  font: 'font.body',
  fontWeight: 'font.weight.regular',
  color: 'color.text',
});
const numericStyles = xcss({ textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as Parameters<typeof xcss>[0]);
const centredStyles = xcss({ textAlign: 'center' });
const captionStyles = xcss({ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as Parameters<typeof xcss>[0]);

type Align = 'start' | 'end' | 'center';
const alignStyles = (align: Align | undefined) => (align === 'end' ? numericStyles : align === 'center' ? centredStyles : undefined);

/** A plain data table in Jira's look; wide ones scroll sideways inside their own box. */
export function DataTable({ caption, testId, id, rowCount, children }: { caption: string; testId?: string; id?: string; rowCount?: number; children: ReactNode }) {
  return (
    <Box xcss={scrollStyles}>
      {/* `rowCount`: all rows, the header's included, when only some are drawn (a windowed table). */}
      <Box as="table" xcss={tableStyles} testId={testId} id={id} {...(rowCount ? { 'aria-rowcount': rowCount } : {})}>
        <Box as="caption" xcss={captionStyles}>
          {caption}
        </Box>
        {children}
      </Box>
    </Box>
  );
}

export function Th({ children, align, scope = 'col' }: { children: ReactNode; align?: Align; scope?: 'col' | 'row' }) {
  return (
    <Box as="th" xcss={[scope === 'row' ? rowHeadStyles : headStyles, alignStyles(align)]} {...{ scope }}>
      {children}
    </Box>
  );
}

export function Td({ children, align }: { children: ReactNode; align?: Align }) {
  return (
    <Box as="td" xcss={[cellStyles, alignStyles(align)]}>
      {children}
    </Box>
  );
}
