import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { IconButton } from '@atlaskit/button/new';
import type { IconProp } from '@atlaskit/button/new';
import { Box, Pressable, xcss } from '@atlaskit/primitives';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  isDisabled?: boolean;
}

const anchorStyles = xcss({ position: 'relative', display: 'inline-block' });
const menuStyles = xcss({
  position: 'absolute',
  insetBlockStart: '100%',
  insetInlineStart: 'space.0',
  zIndex: 'layer',
  minWidth: '12rem',
  marginBlockStart: 'space.050',
  paddingBlock: 'space.050',
  borderRadius: 'radius.medium',
  backgroundColor: 'elevation.surface.overlay',
  boxShadow: 'elevation.shadow.overlay',
  listStyle: 'none',
});
const itemStyles = xcss({
  display: 'block',
  width: '100%',
  whiteSpace: 'nowrap',
  textAlign: 'start',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderStyle: 'none',
  backgroundColor: 'color.background.neutral.subtle',
  color: 'color.text',
  font: 'font.body',
  cursor: 'pointer',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':focus-visible': { outlineWidth: 'border.width.focused', outlineStyle: 'solid', outlineColor: 'color.border.focused', outlineOffset: 'space.negative.025' },
  ':disabled': { color: 'color.text.disabled', cursor: 'not-allowed' },
});

/**
 * An icon button that opens a small menu (the WAI-ARIA menu button pattern): arrows, Home and End
 * move between items, Enter picks, Escape and Tab close, and focus returns to the button.
 * Hand-rolled instead of @atlaskit/dropdown-menu, which would cost ~17 KB gzipped of the budget.
 */
export const MenuButton = forwardRef(function MenuButton(
  props: { label: string; icon: IconProp; items: readonly MenuItem[]; onTriggerKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void },
  triggerRef: Ref<HTMLButtonElement>,
) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const itemButtons = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
  const focusTrigger = () => anchor.current?.querySelector<HTMLButtonElement>('button[aria-haspopup]')?.focus();
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) focusTrigger();
  };

  useEffect(() => {
    if (!open) return;
    itemButtons()[0]?.focus();
    const onPointerDown = (event: Event) => {
      if (!anchor.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = itemButtons();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(buttons.length - 1),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    action();
  };

  return (
    <Box ref={anchor} xcss={anchorStyles}>
      <IconButton
        ref={triggerRef}
        icon={props.icon}
        label={props.label}
        appearance="subtle"
        spacing="compact"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.altKey) {
            event.preventDefault();
            setOpen(true);
          }
          props.onTriggerKeyDown?.(event);
        }}
      />
      {open ? (
        <Box as="ul" ref={menu} id={menuId} role="menu" aria-label={props.label} xcss={menuStyles} onKeyDown={onMenuKeyDown}>
          {props.items.map((item) => (
            <li key={item.id} role="none">
              <Pressable
                role="menuitem"
                tabIndex={-1}
                xcss={itemStyles}
                isDisabled={item.isDisabled}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </Pressable>
            </li>
          ))}
        </Box>
      ) : null}
    </Box>
  );
});
