/**
 * A button in Jira's look. Not @atlaskit/button: its new button brings tooltip, popper, portal and
 * the feature-gate client along, several times the size of this panel.
 */
import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import { Pressable, xcss } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';

const base = xcss({
  display: 'inline-flex',
  alignItems: 'center',
  gap: 'space.075',
  paddingBlock: 'space.050',
  paddingInline: 'space.150',
  minHeight: '2rem',
  borderRadius: 'radius.small',
  font: 'font.body',
  fontWeight: 'font.weight.medium',
  whiteSpace: 'nowrap',
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused', outlineOffset: 'space.025' },
});

const appearances = {
  default: xcss({
    backgroundColor: 'color.background.neutral.subtle',
    color: 'color.text.subtle',
    borderWidth: 'border.width',
    borderStyle: 'solid',
    borderColor: 'color.border',
    ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
    ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
  }),
  primary: xcss({
    backgroundColor: 'color.background.brand.bold',
    color: 'color.text.inverse',
    borderWidth: 'border.width',
    borderStyle: 'solid',
    borderColor: 'color.border.brand',
    ':hover': { backgroundColor: 'color.background.brand.bold.hovered' },
    ':active': { backgroundColor: 'color.background.brand.bold.pressed' },
  }),
};

const disabled = xcss({ opacity: 'opacity.disabled', cursor: 'not-allowed' });

export const ActionButton = forwardRef<
  HTMLButtonElement,
  { appearance?: 'default' | 'primary'; type?: 'button' | 'submit'; onClick?: () => void; isDisabled?: boolean; isBusy?: boolean; children: ReactNode }
>(function ActionButton({ appearance = 'default', type = 'button', onClick, isDisabled, isBusy, children }, ref) {
  const inactive = Boolean(isDisabled || isBusy);
  return (
    <Pressable
      ref={ref}
      type={type}
      xcss={[base, appearances[appearance], ...(inactive ? [disabled] : [])]}
      // aria-disabled, not disabled: the button keeps its place in the tab order while busy.
      aria-disabled={inactive || undefined}
      aria-busy={isBusy || undefined}
      onClick={(event) => {
        if (inactive) event.preventDefault();
        else onClick?.();
      }}
    >
      {isBusy ? <Spinner size="small" appearance={appearance === 'primary' ? 'invert' : 'inherit'} /> : null}
      {children}
    </Pressable>
  );
});
