/** The host page and the resources it frames, over HTTP (the browser test checks them live). */
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { startHost } from './host';
import type { RunningHost } from './host';
import { SHIM_TAG } from './resource-files';

let host: RunningHost;

async function page(query: string): Promise<{ response: Response; html: string; config: Record<string, unknown> }> {
  const response = await fetch(`${host.url}/${query}`);
  const html = await response.text();
  const attribute = /<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}';
  const decoded = attribute.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { response, html, config: JSON.parse(decoded) as Record<string, unknown> };
}

beforeAll(async () => {
  await buildProbe();
  host = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR });
});

afterAll(async () => {
  await host.close();
});

describe('GET /', () => {
  test('serves the Jira-like frame under a CSP without inline script', async () => {
    const { response, html } = await page('');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<script src="/__sandbox/host-page.js" defer></script>');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toContain('class="sidebar"');
    expect(html).toContain('id="app-frame-slot"');
  });

  test('lists the manifest modules and disables the ones it lacks', async () => {
    const { html } = await page('');
    expect(html).toContain('<option value="project-page" selected>Project page · Probe page</option>');
    expect(html).toContain('<option value="admin-page" disabled>Admin page (not in manifest yet)</option>');
  });

  test('offers the demo people by name and role, and Anonymous', async () => {
    const { html } = await page('');
    expect(html).toContain('Maya Okafor · Product manager');
    expect(html).toContain('Sam Rivera · Outsider (FIN only)');
    expect(html).toContain('<option value="anonymous">Anonymous · not logged in</option>');
  });

  test('defaults to the product manager on THR and tells the script the whole view', async () => {
    const { config } = await page('');
    expect(config['view']).toEqual({ module: 'project-page', project: 'THR', user: 'productManager', theme: 'light' });
    expect(config['frame']).toMatchObject({
      resourceKey: 'probe',
      invoke: { user: 'productManager', module: 'probe-page', project: 'THR' },
      context: { moduleKey: 'probe-page', extension: { type: 'jira:projectPage', project: { key: 'THR' } } },
    });
  });

  test('shows the epic panel on the first epic of the project and lists its epics', async () => {
    const { html, config } = await page('?module=issue-panel&project=MOB&theme=dark');
    expect(html).toContain('data-color-mode="dark"');
    expect(html).toContain('<select name="issue">');
    const view = config['view'] as { issue: string };
    expect(view.issue).toMatch(/^MOB-\d+$/);
    expect(html).toContain('class="issue-panel"');
  });

  test('follows an issue into its own project', async () => {
    const { config } = await page('?module=issue-panel&project=MOB&issue=THR-1');
    expect(config['view']).toMatchObject({ project: 'THR', issue: 'THR-1' });
  });

  test('warns when Jira would not show the page to the acting user', async () => {
    const { html } = await page('?project=THR&user=outsider');
    expect(html).toContain('Jira would not show this page to Sam Rivera');
  });

  test('says which query values named nothing', async () => {
    const { html } = await page('?project=NOPE&user=ghost');
    expect(html).toContain('No project &quot;NOPE&quot;');
    expect(html).toContain('No user &quot;ghost&quot;');
  });

  test('explains a module the manifest lacks instead of framing nothing', async () => {
    const { html, config } = await page('?module=admin-page');
    expect(html).toContain('Not in the manifest yet');
    expect(config['frame']).toBeUndefined();
  });
});

describe('GET /resources/<key>/', () => {
  test('serves index.html with the shim first in <head> under the resource CSP', async () => {
    const response = await fetch(`${host.url}/resources/probe/`);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<head>${SHIM_TAG.replace(/[/.]/g, '\\$&')}`));
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(response.headers.get('content-security-policy')).toMatch(/style-src 'self';/);
  });

  test('serves the built assets as they are', async () => {
    const response = await fetch(`${host.url}/resources/probe/probe.js`);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).not.toContain(SHIM_TAG);
  });

  test('redirects the bare resource path to its directory', async () => {
    const response = await fetch(`${host.url}/resources/probe`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/resources/probe/');
  });

  test.each([
    ['/resources/probe/..%2F..%2F..%2Fpackage.json', 403],
    ['/resources/nope/', 404],
    ['/resources/probe/missing.js', 404],
  ])('refuses %s with %i', async (path, status) => {
    expect((await fetch(host.url + path)).status).toBe(status);
  });
});

describe('sandbox assets', () => {
  test.each([
    ['/__sandbox/bridge-shim.js', 'text/javascript'],
    ['/__sandbox/host-page.js', 'text/javascript'],
    ['/__sandbox/host.css', 'text/css'],
    ['/__sandbox/tokens/atlassian-dark.css', 'text/css'],
  ])('serves %s', async (path, type) => {
    const response = await fetch(host.url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  });
});
