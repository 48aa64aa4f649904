/** The history object view.createHistory() resolves to in the frame. */
import { createFrameHistory, resolveLocation } from './browser/frame-history';
import type { HistoryLocation } from './browser/protocol';

const root: HistoryLocation = { pathname: '/goals', search: '', hash: '', state: undefined, key: 'initial' };

test.each([
  ['/roadmap?lane=now#top', { pathname: '/roadmap', search: '?lane=now', hash: '#top' }],
  ['kpis', { pathname: '/kpis', search: '', hash: '' }],
  [{ pathname: '/vision', search: 'v=2' }, { pathname: '/vision', search: '?v=2', hash: '' }],
  [{ search: '?tab=1' }, { pathname: '/goals', search: '?tab=1', hash: '' }],
])('resolves %j against /goals', (input, expected) => {
  expect(resolveLocation(root, input, undefined)).toMatchObject(expected);
});

test('push and replace notify listeners with (location, action) and report to the host', () => {
  const reported: string[] = [];
  const heard: string[] = [];
  const history = createFrameHistory(root, (action, location) => reported.push(`${action} ${location.pathname}`), () => undefined);
  const stop = history.listen((location, action) => heard.push(`${action} ${location.pathname}`));
  history.push('/roadmap', { from: 'goals' });
  history.replace('/roadmap/now');
  stop();
  history.push('/vision');
  expect(reported).toEqual(['PUSH /roadmap', 'REPLACE /roadmap/now', 'PUSH /vision']);
  expect(heard).toEqual(['PUSH /roadmap', 'REPLACE /roadmap/now']);
  expect(history.location.pathname).toBe('/vision');
  expect(history.length).toBe(3);
});

test('a pop from the host moves the location and tells listeners', () => {
  const history = createFrameHistory(root, () => undefined, () => undefined);
  const heard: string[] = [];
  history.listen((location, action) => heard.push(`${action} ${location.pathname}`));
  history.pop({ ...root, pathname: '/kpis' });
  expect(heard).toEqual(['POP /kpis']);
});
