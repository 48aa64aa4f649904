import type { SimUser } from '../jira/model';

/** The people the demo is told through. Atlassian accountIds of this era look like `712020:<uuid>`. */
export const DEMO_USERS = {
  /** Jira administrator (global ADMINISTER), project admin everywhere. */
  admin: '712020:3f6b2a1e-8c4d-4e7a-9b12-5d0c7e9a4f21',
  /** Product manager: project admin of THR and MOB, browses OPS, cannot see FIN. */
  productManager: '712020:9a1c4e57-2b3d-4f68-8e0a-1c7d5b3e9f02',
  /** Developer: browses and edits issues in THR, MOB and OPS, administers nothing. */
  developer: '712020:5e2d8b90-4a1f-4c3e-a7b6-0f9e2d1c8a53',
  /** Finance analyst: works in FIN only, no permission at all in THR or MOB. */
  outsider: '712020:c7b0e3d4-6f2a-4b81-9d5c-3a8e1f0b6c74',
} as const;

export type DemoUserRole = keyof typeof DEMO_USERS;

/** The app's own user (what `asApp()` calls run as). App users have the `557058:` prefix style. */
export const DEMO_APP_ACCOUNT_ID = '557058:0b6c2f4e-9d1a-4e3b-8c7f-2a5d9e0f1b36';

/** Teammates who hold issues too, so assignees are not always the four people above. */
const TEAMMATES = {
  chen: '712020:1d4f7a2c-5b8e-4a9d-b3c6-7e0f2a1d9b85',
  sofia: '712020:6b9e2c5f-8a1d-4f7b-9c3e-0d4a7b2e5f16',
  jonas: '712020:0e3a6d9c-2f5b-4e8a-a1d7-4c9f3b6e0a27',
  amara: '712020:8c2f5b1e-4d7a-4a0c-9e6b-1f3d8a5c2e98',
} as const;

export const DEMO_TEAM = {
  /** Works on the product projects (THR, MOB, OPS). */
  product: [DEMO_USERS.developer, TEAMMATES.chen, TEAMMATES.sofia, TEAMMATES.jonas],
  /** Works on FIN. */
  finance: [DEMO_USERS.outsider, TEAMMATES.amara],
};

export const TEAMMATE_IDS = Object.values(TEAMMATES);

/**
 * Profile time zones (Jira reads each person's JQL dates in theirs) span UTC+11 to UTC−8 and two
 * DST rules (Sydney changes on the first Sundays of October and April; Los Angeles in March and
 * November), so code that writes JQL dates or cuts days in UTC fails for someone here.
 */
function person(accountId: string, displayName: string, timeZone: string): SimUser {
  const email = `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@harbourline.example`;
  return { accountId, displayName, emailAddress: email, accountType: 'atlassian', active: true, timeZone, locale: 'en_US' };
}

export function demoUsers(): SimUser[] {
  return [
    person(DEMO_USERS.admin, 'Priya Raman', 'Australia/Sydney'),
    person(DEMO_USERS.productManager, 'Maya Okafor', 'Europe/Berlin'),
    person(DEMO_USERS.developer, 'Lukas Becker', 'Europe/Berlin'),
    person(DEMO_USERS.outsider, 'Sam Rivera', 'America/Los_Angeles'),
    person(TEAMMATES.chen, 'Chen Wei', 'Asia/Singapore'),
    person(TEAMMATES.sofia, 'Sofia Alvarez', 'Europe/Madrid'),
    person(TEAMMATES.jonas, 'Jonas Lindqvist', 'Europe/Stockholm'),
    person(TEAMMATES.amara, 'Amara Nwosu', 'Europe/London'),
    {
      accountId: DEMO_APP_ACCOUNT_ID,
      displayName: 'Throughline',
      emailAddress: '',
      accountType: 'app',
      active: true,
      // An app user's zone is the site's default user time zone; one behind UTC makes a literal
      // written in UTC by asApp() code start late, as it would on such a site.
      timeZone: 'America/Los_Angeles',
      locale: 'en_US',
    },
  ];
}
