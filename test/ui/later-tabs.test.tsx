/**
 * The product page's later tabs load as chunks of their own (static/product/src/later-tabs.tsx):
 * the tab renders once its chunk is here, with its props; a chunk that does not come is said in
 * the tab with a retry, instead of taking the page down.
 */
import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { later } from '../../static/product/src/later-tabs';
import { laterTabs } from '../../static/shared/messages/later-tabs';

test('a later tab shows its component with the props it was given once the chunk has come', async () => {
  const Greeting = later(async () => (props: { name: string }) => <p>Hello {props.name}</p>);
  render(<Greeting name="Maya" />);
  expect(await screen.findByText('Hello Maya')).toBeTruthy();
});

test('a chunk that does not load is said in the tab, with a way to try again', async () => {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const Broken = later<object>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: ./roadmap-tab-x.js')));
  render(
    <main>
      <h1>Page stays</h1>
      <Broken />
    </main>,
  );
  expect(await screen.findByText(laterTabs.failed)).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Page stays' })).toBeTruthy();
  expect(screen.getByRole('button').textContent).toBeTruthy();
  expect(screen.queryByText(/Failed to fetch/)).toBeNull();
  expect(quiet).toHaveBeenCalled();
  quiet.mockRestore();
});
