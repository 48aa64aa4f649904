/**
 * `new Modal({…}).open()`: the host draws Jira's blanket and a dialog holding the modal's
 * resource in its own iframe (with its own bridge shim). Closing it (view.close / view.submit
 * inside, Escape, a click on the blanket) ends with `onClose(payload)` in the opener's frame.
 */
import type { ModalMessage } from './protocol';

const NAMED_WIDTHS: Record<string, string> = {
  small: '400px',
  medium: '600px',
  large: '800px',
  xlarge: '968px',
  max: 'calc(100vw - 120px)',
  fullscreen: '100vw',
  resizable: '600px',
};

export interface OpenModal {
  modal: ModalMessage;
  frame: HTMLIFrameElement;
  element: HTMLElement;
}

export function modalDimensions(size: ModalMessage['size']): { width: string; height: string } {
  if (typeof size === 'object') return { width: size.width, height: size.height ?? 'auto' };
  if (size === 'fullscreen') return { width: '100vw', height: '100vh' };
  if (size === 'max') return { width: NAMED_WIDTHS['max'] ?? '90vw', height: 'calc(100vh - 120px)' };
  return { width: NAMED_WIDTHS[size] ?? '600px', height: 'auto' };
}

export function renderModal(options: {
  root: HTMLElement;
  modal: ModalMessage;
  src: string;
  onDismiss: () => void;
}): OpenModal {
  const { root, modal, src, onDismiss } = options;
  const blanket = document.createElement('div');
  blanket.className = 'modal-blanket';
  blanket.dataset['modalId'] = modal.modalId;
  blanket.addEventListener('click', (event) => {
    if (event.target === blanket && modal.closeOnOverlayClick) onDismiss();
  });

  const dialog = document.createElement('section');
  dialog.className = `modal-dialog${modal.size === 'fullscreen' ? ' modal-fullscreen' : ''}`;
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-label', modal.title || 'App dialog');
  const { width, height } = modalDimensions(modal.size);
  dialog.style.width = width;
  if (height !== 'auto') dialog.style.height = height;

  if (modal.title) {
    const header = document.createElement('header');
    header.className = 'modal-header';
    const title = document.createElement('h2');
    title.textContent = modal.title;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'modal-close';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '×';
    close.addEventListener('click', onDismiss);
    header.append(title, close);
    dialog.append(header);
  }

  const frame = document.createElement('iframe');
  frame.className = 'modal-frame';
  frame.title = modal.title || 'App dialog';
  frame.src = src;
  dialog.append(frame);
  blanket.append(dialog);
  root.append(blanket);
  return { modal, frame, element: blanket };
}
