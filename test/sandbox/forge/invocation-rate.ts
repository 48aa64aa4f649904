/**
 * Forge's invocation rate limits, as a switchable fault. "User-led invocations have the following
 * rate limits, which are applied on a fixed one-minute window: per user 1,200, per install 5,000"
 * (https://developer.atlassian.com/platform/forge/limits-invocation/). Interactive invocations (UI,
 * web triggers) are refused past them and not retried; scheduled triggers and events are not
 * counted (RFC-130, "Upcoming changes to invocation rate limits").
 */
import { InvocationRateLimitedError } from './errors';
import { INVOCATION_LIMITS } from './invocation-limits';

export interface InvocationRateLimits {
  /** Default 1,200; a test can lower it to reach the limit in a few calls. */
  perUser?: number;
  /** Default 5,000. */
  perInstallation?: number;
  /** Epoch ms; default Date.now. Windows are whole minutes of this clock. */
  clock?: () => number;
}

const WINDOW_MS = 60_000;

export class InvocationRateLimiter {
  private armed: Required<InvocationRateLimits> | undefined;
  private window = -1;
  private installationCount = 0;
  private readonly userCounts = new Map<string, number>();

  /** Arms the limits (fresh counts); undefined disarms them. */
  set(limits: InvocationRateLimits | undefined): void {
    this.armed = limits && {
      perUser: limits.perUser ?? INVOCATION_LIMITS.perUserPerMinute,
      perInstallation: limits.perInstallation ?? INVOCATION_LIMITS.perInstallationPerMinute,
      clock: limits.clock ?? Date.now,
    };
    this.window = -1;
  }

  /** Counts one user-led invocation, or refuses it before the function runs. */
  admit(user: string): void {
    const armed = this.armed;
    if (!armed) return;
    const now = armed.clock();
    const window = Math.floor(now / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.installationCount = 0;
      this.userCounts.clear();
    }
    const resetAt = (window + 1) * WINDOW_MS;
    const byUser = this.userCounts.get(user) ?? 0;
    if (byUser >= armed.perUser) throw new InvocationRateLimitedError('user', armed.perUser, resetAt);
    if (this.installationCount >= armed.perInstallation) throw new InvocationRateLimitedError('installation', armed.perInstallation, resetAt);
    this.userCounts.set(user, byUser + 1);
    this.installationCount += 1;
  }
}
