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
  expect(csp).toMatch(/img-src 'self' data: blob: [^;]* https:\/\/img\.example\.com;/);
  expect(csp).toContain("font-src 'self' data: https://fonts.example.com;");
  expect(csp).toContain("connect-src 'self' https://api.example.com;");
});

test("allows the images Forge allows every resource: the site, Atlassian's avatar CDN and Gravatar", () => {
  const csp = resourceCsp(manifest(), { siteUrl: 'https://demo.atlassian.net' });
  const images = /img-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
  expect(images).toEqual(
    expect.arrayContaining([
      'https://demo.atlassian.net',
      'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net',
      'https://secure.gravatar.com',
      'https://*.wp.com/avatar-management--avatars.us-west-2.prod.public.atl-paas.net/',
    ]),
  );
  expect(images.some((source) => source.includes('example'))).toBe(false);
});

test('maps every image source to its stand-in origin on the host, paths and wildcards kept', () => {
  const csp = resourceCsp(manifest({ external: { fetchClient: [], images: ['img.example.com'], fonts: [], styles: [], scripts: [] } }), {
    siteUrl: 'https://demo.atlassian.net',
    standInPort: 4300,
  });
  const images = /img-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
  expect(images.slice(0, 3)).toEqual(["'self'", 'data:', 'blob:']);
  expect(images).toEqual(
    expect.arrayContaining([
      'http://demo.atlassian.net.localhost:4300',
      'http://secure.gravatar.com.localhost:4300',
      'http://*.wp.com.localhost:4300/avatar-management--avatars.us-west-2.prod.public.atl-paas.net/',
      'http://img.example.com.localhost:4300',
    ]),
  );
  expect(images.filter((source) => source.startsWith('https:'))).toEqual([]);
});
