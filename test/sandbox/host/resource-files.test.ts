/** Shim injection and path safety of the resource server. */
import { injectShim, resolveResourceFile, SHIM_TAG } from './resource-files';

describe('injectShim', () => {
  test.each([
    ['<!doctype html><html><head><title>x</title></head><body></body></html>', `<!doctype html><html><head>${SHIM_TAG}<title>x</title></head><body></body></html>`],
    ['<html lang="en"><HEAD data-x="1"><script type="module" src="./a.js"></script></HEAD></html>', `<html lang="en"><HEAD data-x="1">${SHIM_TAG}<script type="module" src="./a.js"></script></HEAD></html>`],
    ['<!doctype html><html><body></body></html>', `<!doctype html><html><head>${SHIM_TAG}</head><body></body></html>`],
    ['<!doctype html><p>bare</p>', `<!doctype html><head>${SHIM_TAG}</head><p>bare</p>`],
  ])('puts the shim first in <head>: %s', (input, output) => {
    expect(injectShim(input)).toBe(output);
  });

  test('does not take <header> for <head>', () => {
    expect(injectShim('<html><body><header>h</header></body></html>')).toBe(`<html><head>${SHIM_TAG}</head><body><header>h</header></body></html>`);
  });
});

describe('resolveResourceFile', () => {
  test.each([
    ['', '/srv/app/index.html'],
    ['assets/', '/srv/app/assets/index.html'],
    ['assets/a%20b.js', '/srv/app/assets/a b.js'],
  ])('%s → %s', (path, file) => {
    expect(resolveResourceFile('/srv/app', path)).toBe(file);
  });

  test.each([['../secret'], ['..%2F..%2Fetc%2Fpasswd'], ['assets/../../x']])('refuses %s', (path) => {
    expect(() => resolveResourceFile('/srv/app', path)).toThrow('leaves the resource directory');
  });
});
