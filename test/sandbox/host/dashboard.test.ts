/**
 * The host's Dashboard view with the real manifest's gadgets: each gadget's frames and their
 * context (no project; the saved configuration; `entryPoint: 'edit'` in the edit view), what
 * `view.submit` saves as Jira would accept it, and resolver calls made from a gadget.
 */
import { startHost } from './host';
import type { RunningHost } from './host';

let host: RunningHost;

interface FrameConfig {
  resourceKey: string;
  moduleType: string;
  context: { moduleKey: string; extension: Record<string, unknown> };
  invoke: Record<string, unknown>;
}
interface GadgetFrames {
  id: string;
  title: string;
  refresh?: number;
  view: FrameConfig;
  edit?: FrameConfig;
}

async function dashboardPage(query = ''): Promise<{ html: string; gadgets: GadgetFrames[] }> {
  const html = await (await fetch(`${host.url}/?module=dashboard&user=productManager${query}`)).text();
  const attribute = /<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}';
  const decoded = attribute.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { html, gadgets: (JSON.parse(decoded) as { gadgets?: GadgetFrames[] }).gadgets ?? [] };
}

const post = (path: string, body: unknown) => fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  host = await startHost({ port: 0 });
});

afterAll(async () => {
  await host.close();
});

beforeEach(async () => {
  expect((await post('/__sandbox/reset', {})).status).toBe(200);
});

test('the Dashboard view shows one gadget of each gadget module, with a view frame and an edit frame', async () => {
  const { html, gadgets } = await dashboardPage();
  expect(gadgets.map((gadget) => [gadget.title, gadget.view.context.moduleKey])).toEqual([
    ['Goal health', 'throughline-goal-health'],
    ['Roadmap now', 'throughline-roadmap-now'],
    ['Unaligned work', 'throughline-unaligned-work'],
  ]);
  for (const gadget of gadgets) {
    expect(html).toContain(`data-gadget-slot="${gadget.id}"`);
    expect(html).toContain(`data-gadget-edit="${gadget.id}"`);
    expect(gadget.view.context.extension).toEqual({
      type: 'jira:dashboardGadget',
      dashboard: { id: '10000' },
      gadget: { id: gadget.id },
      gadgetConfiguration: {},
      location: expect.stringMatching(/\/jira\/dashboards\/10000$/),
    });
    expect(gadget.view.context.extension).not.toHaveProperty('project');
    expect(gadget.edit?.context.extension).toMatchObject({ entryPoint: 'edit', gadget: { id: gadget.id } });
    expect(gadget.edit?.invoke).toMatchObject({ gadget: gadget.id, edit: true });
  }
});

test('view.submit saves a gadget’s configuration; the page, the context and resolver calls carry it until a reset', async () => {
  const [goalHealth] = (await dashboardPage()).gadgets;
  const configuration = { projectId: '10000', rows: 3, refresh: 15 };
  const saved = await post('/__sandbox/dashboard/gadget', { gadgetId: goalHealth!.id, configuration, user: 'productManager' });
  expect(saved.status).toBe(200);
  const answer = (await saved.json()) as { frames: GadgetFrames };
  expect(answer.frames.view.context.extension['gadgetConfiguration']).toEqual(configuration);
  expect(answer.frames.refresh).toBe(15);

  const [reloaded] = (await dashboardPage()).gadgets;
  expect(reloaded!.view.context.extension['gadgetConfiguration']).toEqual(configuration);
  const context = (await (await fetch(`${host.url}/__sandbox/context?module=throughline-goal-health&gadget=${goalHealth!.id}&user=developer`)).json()) as { extension: Record<string, unknown> };
  expect(context.extension['gadgetConfiguration']).toEqual(configuration);

  const invoked = await post('/__sandbox/invoke', { user: 'developer', module: 'throughline-goal-health', gadget: goalHealth!.id, functionKey: 'getGoalHealthGadget', payload: { projectId: '10000', rows: 3 } });
  expect(invoked.status).toBe(200);
  expect(await invoked.json()).toMatchObject({ ok: true, value: { project: { key: 'THR' } } });

  await post('/__sandbox/reset', {});
  expect((await dashboardPage()).gadgets[0]!.view.context.extension['gadgetConfiguration']).toEqual({});
});

test('Jira refuses what it would not store: no object, a refresh that is not a positive whole number, more than 32,768 characters', async () => {
  const [gadget] = (await dashboardPage()).gadgets;
  for (const configuration of [[1, 2], 'text', null, { refresh: 0 }, { refresh: 1.5 }, { refresh: '15' }, { note: 'x'.repeat(32_800) }]) {
    const response = await post('/__sandbox/dashboard/gadget', { gadgetId: gadget!.id, configuration });
    expect({ configuration: JSON.stringify(configuration).slice(0, 20), status: response.status }).toEqual({ configuration: JSON.stringify(configuration).slice(0, 20), status: 400 });
  }
  expect((await post('/__sandbox/dashboard/gadget', { gadgetId: '99999', configuration: {} })).status).toBe(404);
  expect((await dashboardPage()).gadgets[0]!.view.context.extension['gadgetConfiguration']).toEqual({});
});

test('a gadget module’s resolver call names its gadget', async () => {
  const response = await post('/__sandbox/invoke', { user: 'developer', module: 'throughline-goal-health', functionKey: 'getGoalHealthGadget', payload: { projectId: '10000', rows: 3 } });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unknown-gadget');
});
