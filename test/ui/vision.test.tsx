import { screen, waitFor, within } from '@testing-library/react';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

const board = {
  productName: 'Thrive Web',
  vision: 'Small teams plan their week in minutes.',
  targetGroup: 'Team leads in companies of 20 to 200 people.',
  needs: 'One honest picture of progress.',
  product: 'A planning app inside Jira.',
  businessGoals: '1,000 paying sites by 2027.',
};

const boardOnScreen = () => within(screen.getByTestId('vision-board'));
/** The current board, once it is back on screen (after leaving an earlier version). */
const boardBack = async () => within(await screen.findByTestId('vision-board'));

describe('the Vision tab', () => {
  test('an empty product shows an example; the product manager starts from it in one click', async () => {
    const { user } = await page.open('productManager');
    expect(await screen.findByRole('heading', { name: 'Start with the why' })).toBeTruthy();
    expect(within(screen.getByTestId('vision-example')).getByText(/Every small shipping team knows/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start from this example' }));
    expect(await screen.findByText(/Version 1 · saved by Maya Okafor/)).toBeTruthy();
    expect(boardOnScreen().getByText(/Every small shipping team knows/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Harbourline Tracker: product');
  });

  test('“Write your vision” opens a blank board with the product name ready to type', async () => {
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Write your vision' }));
    const name = screen.getByRole('textbox', { name: 'Product name' });
    expect(document.activeElement).toBe(name);
    await user.type(name, 'Thrive Web');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/Version 1 · saved by Maya Okafor/)).toBeTruthy();
    expect(announcement()).toBe('Product name saved as version 1.');
  });

  test('the product manager edits a field in place, saves with Ctrl+Enter, and sees the new version in history', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit vision' }));
    const field = screen.getByRole('textbox', { name: 'Vision' });
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'Every team knows why its work matters.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await boardOnScreen().findByText('Every team knows why its work matters.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Vision' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit vision' })));
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 2 · saved by Maya Okafor on /);
    expect(announcement()).toBe('Vision saved as version 2.');

    await user.click(screen.getByRole('button', { name: 'History' }));
    const history = await screen.findByTestId('vision-history');
    const entries = within(history).getAllByRole('listitem');
    expect(entries.map((e) => within(e).getByText(/^Version \d$/).textContent)).toEqual(['Version 2', 'Version 1']);
    expect(within(entries[0]!).getByText('“Every team knows why its work matters.”')).toBeTruthy();
    expect(within(entries[0]!).getByText('current')).toBeTruthy();
    expect(entries[0]!.textContent).toContain('Maya Okafor');
    // Each entry tells its own change: version 2 changed the vision, version 1 wrote the whole board.
    expect(within(entries[0]!).getByText('Changed: vision')).toBeTruthy();
    expect(within(entries[1]!).getByText(/^Changed: product name, vision/)).toBeTruthy();
    expect(within(entries[1]!).getByText(`“${board.productName}”`)).toBeTruthy();
  });

  test('Esc leaves an edit without saving', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit needs' }));
    await user.type(screen.getByRole('textbox', { name: 'Needs' }), ' And more.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Needs' })).toBeNull();
    expect(boardOnScreen().getByText(board.needs)).toBeTruthy();
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 1 /);
  });

  test('markup typed into the vision is shown as text, never run', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit target group' }));
    const field = screen.getByRole('textbox', { name: 'Target group' });
    await user.clear(field);
    await user.type(field, '<script>window.pwned = true</script><b>bold</b>');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await boardOnScreen().findByText('<script>window.pwned = true</script><b>bold</b>')).toBeTruthy();
    expect(screen.getByTestId('vision-board').querySelector('script, b')).toBeNull();
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test('a developer reads the board with no way to edit it, and may open its history', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('developer');
    expect(await boardOnScreen().findByText(board.vision)).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^Edit / })).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'History' }));
    expect(await screen.findByTestId('vision-history')).toBeTruthy();
  });

  test('a developer on an empty product sees the example and who writes the vision, with no buttons to start it', async () => {
    await page.open('developer');
    expect(await screen.findByText(/No one has written this product’s vision yet/)).toBeTruthy();
    expect(screen.getByTestId('vision-example')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start from this example' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Write your vision' })).toBeNull();
  });

  test('an earlier version opens read-only and clearly marked; the product manager restores it as a new version', async () => {
    const first = await page.call('saveVision', { board, baseVersion: 0 });
    await page.call('saveVision', { board: { ...board, vision: 'A newer, worse vision.' }, baseVersion: first.version }, 'admin');
    const { user } = await page.open('productManager');
    expect(await boardOnScreen().findByText('A newer, worse vision.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(await screen.findByRole('button', { name: 'View version 1' }));

    expect(await screen.findByText('You’re looking at version 1 (read-only)')).toBeTruthy();
    const old = within(screen.getByTestId('vision-version'));
    expect(old.getByText(board.vision)).toBeTruthy();
    expect(old.queryAllByRole('button')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Restore this version' }));

    expect(await (await boardBack()).findByText(board.vision)).toBeTruthy();
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 3 · saved by Maya Okafor/);
    expect(announcement()).toBe('Version 1 restored as version 3.');
    await waitFor(() => expect(within(screen.getByTestId('vision-history')).getAllByRole('listitem')).toHaveLength(3));
  });

  test('a developer may open an earlier version but not restore it', async () => {
    const first = await page.call('saveVision', { board, baseVersion: 0 });
    await page.call('saveVision', { board: { ...board, needs: 'Other needs.' }, baseVersion: first.version });
    const { user } = await page.open('developer');
    await user.click(await screen.findByRole('button', { name: 'History' }));
    await user.click(await screen.findByRole('button', { name: 'View version 1' }));
    expect(await screen.findByText('You’re looking at version 1 (read-only)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to the current vision' }));
    expect(await (await boardBack()).findByText('Other needs.')).toBeTruthy();
  });

  test('a field the server refuses says why right next to it', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit vision' }));
    const field = screen.getByRole('textbox', { name: 'Vision' });
    await user.clear(field);
    await user.click(field);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages.some((text) => /500 characters or fewer/.test(text))).toBe(true);
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 1 /);
  });

  test('a conflict shows their version, keeps the draft, and reapplying saves it onto theirs', async () => {
    const first = await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit vision' }));
    const field = screen.getByRole('textbox', { name: 'Vision' });
    await user.clear(field);
    await user.type(field, 'My sharper vision.');
    // Meanwhile the Jira admin changes the vision and the needs.
    await page.call('saveVision', { board: { ...board, vision: 'Their vision.', needs: 'Their needs.' }, baseVersion: first.version }, 'admin');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    expect(screen.getByText(/Priya Raman saved a newer version on/)).toBeTruthy();
    expect(screen.getByText('Their vision.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Vision' }) as HTMLTextAreaElement).value).toBe('My sharper vision.');
    // All their fields show, their needs included; both changed the vision, so that is asked.
    expect(within(screen.getByTestId('conflict-their-fields')).getByText('Their needs.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Apply my change to their version' }));
    expect(await screen.findByText('Choose mine or theirs for each field you both changed.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Keep mine: My sharper vision.' }));
    await user.click(screen.getByRole('button', { name: 'Apply my change to their version' }));

    expect(await boardOnScreen().findByText('My sharper vision.')).toBeTruthy();
    expect(boardOnScreen().getByText('Their needs.')).toBeTruthy();
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 3 · saved by Maya Okafor/);
    const saved = await page.call('getStrategy', undefined);
    expect(saved.vision.board).toMatchObject({ vision: 'My sharper vision.', needs: 'Their needs.' });
  });

  test('a conflict can also be settled by taking their version', async () => {
    const first = await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit vision' }));
    await user.type(screen.getByRole('textbox', { name: 'Vision' }), ' Mine.');
    await page.call('saveVision', { board: { ...board, vision: 'Their vision.' }, baseVersion: first.version }, 'admin');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Discard my change' }));
    expect(await boardOnScreen().findByText('Their vision.')).toBeTruthy();
    expect(screen.getByTestId('vision-stamp').textContent).toMatch(/^Version 2 · saved by Priya Raman/);
  });

  test('a product manager who lost edit rights is told plainly when saving', async () => {
    await page.call('saveVision', { board, baseVersion: 0 });
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit needs' }));
    // The page was opened as an editor; the save arrives as someone who may only read.
    page.bridge.setView({ as: 'developer' });
    await user.type(screen.getByRole('textbox', { name: 'Needs' }), ' More.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('You can’t change this product')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Needs' })).toBeTruthy();
  });
});
