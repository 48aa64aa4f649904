/**
 * The icons the UI uses, in one place. `@atlaskit/icon`'s glyphs ship as CommonJS only, and this
 * package is `"type": "module"`, so Vite imports them the way Node would: the default import is
 * the whole `exports` object, not the component. ADS's own ES builds (and the jsdom tests, which
 * run through TypeScript's interop) get the component. `glyph` accepts both.
 */
import AddGlyph from '@atlaskit/icon/core/add';
import ChevronDownGlyph from '@atlaskit/icon/core/chevron-down';
import ChevronUpGlyph from '@atlaskit/icon/core/chevron-up';
import CrossGlyph from '@atlaskit/icon/core/cross';
import DragHandleGlyph from '@atlaskit/icon/core/drag-handle-vertical';
import EditGlyph from '@atlaskit/icon/core/edit';
import RefreshGlyph from '@atlaskit/icon/core/refresh';
import MoreGlyph from '@atlaskit/icon/core/show-more-horizontal';
import ErrorGlyph from '@atlaskit/icon/core/status-error';

type Glyph = typeof AddGlyph;
const glyph = (imported: Glyph): Glyph => (imported as unknown as { default?: Glyph }).default ?? imported;

export const AddIcon = glyph(AddGlyph);
export const ChevronDownIcon = glyph(ChevronDownGlyph);
export const ChevronUpIcon = glyph(ChevronUpGlyph);
export const CrossIcon = glyph(CrossGlyph);
export const DragHandleIcon = glyph(DragHandleGlyph);
export const EditIcon = glyph(EditGlyph);
export const RefreshIcon = glyph(RefreshGlyph);
export const MoreIcon = glyph(MoreGlyph);
export const ErrorIcon = glyph(ErrorGlyph);
