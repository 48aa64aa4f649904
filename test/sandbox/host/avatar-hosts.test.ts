/** Avatar hosts' stand-ins: Jira stays real, the host maps what the browser loads and serves it. */
import { request } from 'node:http';
import { buildDemoSite } from '../demo/index';
import { DEMO_USERS } from '../demo/users';
import { JiraSimulator } from '../jira/simulator';
import { startHost } from './host';
import type { RunningHost } from './host';

let host: RunningHost;

/** A GET to the host under another name (Node does not resolve `*.localhost` the way browsers do). */
function getAs(hostName: string, path: string): Promise<{ status: number; type?: string; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port: host.port, path, headers: { host: `${hostName}:${host.port}` } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          ...(response.headers['content-type'] ? { type: response.headers['content-type'] } : {}),
          ...(response.headers.location ? { location: response.headers.location } : {}),
          body,
        }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

async function myselfAvatar(jira: { handle: JiraSimulator['handle'] }): Promise<string> {
  const response = await jira.handle({ method: 'GET', path: '/rest/api/3/myself', caller: { kind: 'user', accountId: DEMO_USERS.productManager } });
  return (JSON.parse(response.body) as { avatarUrls: Record<string, string> }).avatarUrls['48x48'] ?? '';
}

beforeAll(async () => {
  host = await startHost({ port: 0 });
});

afterAll(async () => {
  await host.close();
});

test('the simulator answers the real hosts: Gravatar with Atlassian initials as the fallback', async () => {
  const url = await myselfAvatar(new JiraSimulator(buildDemoSite()));
  expect(url).toMatch(/^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{32}\?d=https%3A%2F%2Favatar-management--avatars\.us-west-2\.prod\.public\.atl-paas\.net%2Finitials%2FMO-\d\.png$/);
});

test('through the host, the same answer names the stand-ins, fallback included', async () => {
  const url = await myselfAvatar(host.jira);
  const standIn = (real: string): string => `http://${real}.localhost:${host.port}`;
  expect(url.startsWith(`${standIn('secure.gravatar.com')}/avatar/`)).toBe(true);
  expect(new URL(url).searchParams.get('d')).toMatch(new RegExp(`^${standIn('avatar-management--avatars.us-west-2.prod.public.atl-paas.net').replaceAll('.', '\\.')}/initials/MO-\\d\\.png$`));
});

test("Gravatar's stand-in redirects to its proxy of the fallback, which serves the initials image", async () => {
  const avatarHost = 'avatar-management--avatars.us-west-2.prod.public.atl-paas.net';
  const fallback = encodeURIComponent(`http://${avatarHost}.localhost:${host.port}/initials/MO-3.png`);
  const gravatar = await getAs('secure.gravatar.com.localhost', `/avatar/${'a'.repeat(32)}?d=${fallback}`);
  expect(gravatar.status).toBe(302);
  expect(gravatar.location).toBe(`http://i0.wp.com.localhost:${host.port}/${avatarHost}/initials/MO-3.png?ssl=1`);
  const proxied = await getAs('i0.wp.com.localhost', `/${avatarHost}/initials/MO-3.png?ssl=1`);
  expect(proxied).toMatchObject({ status: 200, type: 'image/svg+xml' });
  expect(proxied.body).toContain('>MO</text>');
  await expect(getAs(`${avatarHost}.localhost`, '/initials/MO-3.png')).resolves.toMatchObject({ status: 200, type: 'image/svg+xml' });
});

test('stand-in names serve avatars only: the sandbox API is not behind them', async () => {
  await expect(getAs('secure.gravatar.com.localhost', '/__sandbox/state')).resolves.toMatchObject({ status: 404 });
  await expect(getAs('avatars.example.com.localhost', '/initials/MO-3.png')).resolves.toMatchObject({ status: 404 });
});
