/**
 * People's avatars in the app's frame, as on a real site: Jira answers URLs on Gravatar and on
 * Atlassian's avatar CDN, other origins than the frame's, and Forge's CSP decides what may load.
 * The host stands in for those hosts (test/sandbox/host/avatar-hosts.ts) and maps the CSP alike.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import { DEMO_USERS } from '../sandbox/demo/users';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(120_000);

const e2e = useSandboxBrowser();

type ImageOutcome = { loaded: boolean; violation?: { directive: string; blocked: string } };

/** Loads an image inside the frame (under its CSP) and reports whether it loaded or the CSP refused it. */
function loadImage(frame: Frame, url: string): Promise<ImageOutcome> {
  return frame.evaluate(
    (src) =>
      new Promise<ImageOutcome>((resolve) => {
        let violation: ImageOutcome['violation'];
        const onViolation = (event: SecurityPolicyViolationEvent): void => {
          if (event.blockedURI.startsWith(src.slice(0, 30))) violation = { directive: event.effectiveDirective, blocked: event.blockedURI };
        };
        document.addEventListener('securitypolicyviolation', onViolation);
        const image = new Image();
        const settle = (loaded: boolean): void => {
          // The violation event is queued as a task; let it arrive before answering.
          setTimeout(() => {
            document.removeEventListener('securitypolicyviolation', onViolation);
            resolve({ loaded, ...(violation ? { violation } : {}) });
          }, 50);
        };
        image.onload = () => settle(image.naturalWidth > 0);
        image.onerror = () => settle(false);
        image.src = src;
      }),
    url,
  );
}

test("a goal owner's avatar loads from Gravatar's stand-in, through its fallback redirect, under the frame's CSP", async () => {
  valueOf(await e2e.invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Teams plan from goals', ownerAccountId: DEMO_USERS.developer }) }));
  const frame = await e2e.openProjectPage({ user: 'productManager' });
  await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
  const card = frame.getByRole('listitem', { name: 'Teams plan from goals' });
  await card.getByText('Lukas Becker').last().waitFor();

  const avatar = card.locator('img').first();
  await avatar.waitFor();
  // The URL as Jira answers it (Gravatar with Atlassian's initials as `d`), on the stand-in origin.
  const src = (await avatar.getAttribute('src')) ?? '';
  expect(src).toMatch(/^http:\/\/secure\.gravatar\.com\.localhost:\d+\/avatar\/[0-9a-f]{32}\?d=http%3A%2F%2Favatar-management--avatars\.us-west-2\.prod\.public\.atl-paas\.net\.localhost%3A\d+%2Finitials%2FLB-\d\.png$/);
  expect(new URL(src).origin).not.toBe(new URL(frame.url()).origin);
  await frame.waitForFunction((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0, await avatar.elementHandle());
  await card.screenshot({ path: join(screenshots, 'goal-owner-avatar.png') });
});

test('the frame loads images from the hosts Forge allows and refuses a host nobody declared', async () => {
  const frame = await e2e.openProjectPage({ user: 'productManager' });
  await frame.waitForSelector('main');
  const port = e2e.host.port;
  const cdn = `http://avatar-management--avatars.us-west-2.prod.public.atl-paas.net.localhost:${port}/initials/MO-2.png?size=48&s=48`;
  await expect(loadImage(frame, cdn)).resolves.toEqual({ loaded: true });

  // The same image on a host that neither Forge's platform list nor permissions.external.images names.
  const undeclared = `http://avatars.example.com.localhost:${port}/initials/MO-2.png`;
  await expect(loadImage(frame, undeclared)).resolves.toEqual({ loaded: false, violation: { directive: 'img-src', blocked: undeclared } });
});
