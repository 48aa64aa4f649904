/**
 * What `view.theme.enable()` does in Jira's frame: load the design-token stylesheets and set the
 * two attributes @atlaskit/tokens selects on (`data-color-mode`, `data-theme`). `token('…')`
 * compiles to `var(--ds-…, <light fallback>)`, so an app that never enables theming stays light.
 * Stylesheets are linked from the host's origin: Forge's CSP allows `style-src 'self'` only.
 */

export const TOKEN_THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

/** `dark:dark light:light …`: the format @atlaskit/tokens' themeObjectToString writes. */
export const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography shape:shape';

export function enableThemeStyles(doc: Document = document): void {
  for (const theme of TOKEN_THEMES) {
    if (doc.querySelector(`link[data-sandbox-theme="${theme}"]`)) continue;
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/__sandbox/tokens/${theme}.css`;
    link.dataset['sandboxTheme'] = theme;
    doc.head.appendChild(link);
  }
}

export function applyTheme(colorMode: 'light' | 'dark', doc: Document = document): void {
  const root = doc.documentElement;
  root.setAttribute('data-theme', THEME_ATTRIBUTE);
  root.setAttribute('data-color-mode', colorMode);
}
