import { bodyOf, demoSimulator, send } from './simulator-kit';

describe('routing', () => {
  test('an unknown path is a 404 in Jira’s error shape', async () => {
    const response = await send(demoSimulator(), { path: '/rest/api/3/dashboard' });

    expect(response.status).toBe(404);
    expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages).toHaveLength(1);
  });

  test('a known path with the wrong method is a 405 naming the allowed ones', async () => {
    const response = await send(demoSimulator(), { method: 'POST', path: '/rest/api/3/issue/THR-1/properties/x' });

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, PUT, DELETE');
  });

  test('the removed /rest/api/3/search answers 410 Gone, as Jira Cloud does', async () => {
    expect((await send(demoSimulator(), { path: '/rest/api/3/search?jql=project%3DTHR' })).status).toBe(410);
  });
});
