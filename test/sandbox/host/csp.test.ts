/** The resource CSP follows the manifest's content and external permissions, like Forge's. */
import { resourceCsp } from './csp';
import type { HostManifest } from './manifest';

function manifest(change: Partial<Pick<HostManifest, 'content' | 'external'>> = {}): HostManifest {
  return {
    appUuid: 'app',
    appAri: 'ari:cloud:ecosystem::app/app',
    modules: [],
    resources: {},
    functions: {},
    content: { scripts: [], styles: [] },
    external: { fetchClient: [], images: [], fonts: [], styles: [], scripts: [] },
    ...change,
  };
}

test('allows only the resource itself by default', () => {
  const csp = resourceCsp(manifest());
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("style-src 'self';");
  expect(csp).toContain("connect-src 'self';");
});

test('widens styles and scripts by permissions.content, quoting keywords written bare', () => {
  const csp = resourceCsp(manifest({ content: { scripts: ["'unsafe-hashes'"], styles: ['unsafe-inline'] } }));
  expect(csp).toContain("script-src 'self' 'unsafe-hashes';");
  expect(csp).toContain("style-src 'self' 'unsafe-inline';");
});

test('adds external images, fonts and client fetch addresses', () => {
  const csp = resourceCsp(
    manifest({ external: { fetchClient: ['https://api.example.com'], images: ['https://img.example.com'], fonts: ['https://fonts.example.com'], styles: [], scripts: [] } }),
  );
  expect(csp).toContain("img-src 'self' data: blob: https://img.example.com;");
  expect(csp).toContain("font-src 'self' data: https://fonts.example.com;");
  expect(csp).toContain("connect-src 'self' https://api.example.com;");
});
