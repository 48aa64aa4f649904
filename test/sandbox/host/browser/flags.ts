/**
 * Jira's flags: a stack in the bottom-left corner, newest on top, an icon by type, bold when
 * `appearance` is set, action links, a dismiss button, auto-dismiss after 8 s when asked.
 */
import type { FlagMessage } from './protocol';

const AUTO_DISMISS_MS = 8000;
const ICONS: Record<FlagMessage['type'], string> = { info: 'i', success: '✓', warning: '!', error: '×' };

export interface FlagHandlers {
  onAction(flagId: string, index: number): void;
}

export class FlagStack {
  private readonly flags = new Map<string, HTMLElement>();

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: FlagHandlers,
  ) {}

  show(flag: FlagMessage, source: string): void {
    this.close(flag.id);
    const type = flag.appearance ?? flag.type;
    const element = document.createElement('div');
    element.className = `flag flag-${type}${flag.appearance ? ' flag-bold' : ''}`;
    element.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    element.dataset['flagId'] = flag.id;
    element.dataset['source'] = source;

    const icon = document.createElement('span');
    icon.className = 'flag-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[type];

    const body = document.createElement('div');
    body.className = 'flag-body';
    const title = document.createElement('div');
    title.className = 'flag-title';
    title.textContent = flag.title ?? '';
    body.append(title);
    if (flag.description) {
      const description = document.createElement('div');
      description.className = 'flag-description';
      description.textContent = flag.description;
      body.append(description);
    }
    if (flag.actions.length > 0) {
      const actions = document.createElement('div');
      actions.className = 'flag-actions';
      flag.actions.forEach((label, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'flag-action';
        button.textContent = label;
        button.addEventListener('click', () => this.handlers.onAction(flag.id, index));
        actions.append(button);
      });
      body.append(actions);
    }

    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'flag-dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.textContent = '×';
    dismiss.addEventListener('click', () => this.close(flag.id));

    element.append(icon, body, dismiss);
    this.container.prepend(element);
    this.flags.set(flag.id, element);
    if (flag.isAutoDismiss) setTimeout(() => this.close(flag.id), AUTO_DISMISS_MS);
  }

  close(flagId: string): boolean {
    const element = this.flags.get(flagId);
    if (!element) return false;
    element.remove();
    this.flags.delete(flagId);
    return true;
  }
}
