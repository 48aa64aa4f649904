/**
 * What the platform refuses, as typed errors the host page and tests can tell apart. On Forge
 * these reach the Custom UI as a failed `invoke`; here they reject `callResolver` / `fireTrigger`.
 */
export type SandboxErrorCode = 'PAYLOAD_TOO_LARGE' | 'RESPONSE_TOO_LARGE' | 'INVOCATION_TIMEOUT' | 'INVOCATION_RATE_LIMITED';

export abstract class ForgeSandboxError extends Error {
  abstract readonly code: SandboxErrorCode;
  /** The status a host page can answer its browser with. */
  abstract readonly httpStatus: number;
}

/** The invoke payload from the browser exceeds the platform's 500 KB. */
export class PayloadTooLargeError extends ForgeSandboxError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly httpStatus = 413;
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Invocation payload is ${bytes} bytes; Forge accepts at most ${limit}`);
    this.name = 'PayloadTooLargeError';
  }
}

/** The function's result exceeds the platform's 5 MB response limit. */
export class ResponseTooLargeError extends ForgeSandboxError {
  readonly code = 'RESPONSE_TOO_LARGE';
  readonly httpStatus = 502;
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Function response is ${bytes} bytes; Forge returns at most ${limit}`);
    this.name = 'ResponseTooLargeError';
  }
}

/** The function ran past its time limit (25 s for resolvers); Forge stops it there. */
export class InvocationTimeoutError extends ForgeSandboxError {
  readonly code = 'INVOCATION_TIMEOUT';
  readonly httpStatus = 504;
  constructor(readonly limitMs: number) {
    super(`Function did not finish within ${limitMs} ms and was stopped`);
    this.name = 'InvocationTimeoutError';
  }
}

/**
 * A user-led invocation past the per-user (1,200) or per-installation (5,000) invocations of the
 * current one-minute window ("Invocation limits"). Forge refuses it before the function runs and
 * does not retry it. The status and wording the browser sees are not documented: 429 and this
 * message are ours.
 */
export class InvocationRateLimitedError extends ForgeSandboxError {
  readonly code = 'INVOCATION_RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(
    readonly scope: 'user' | 'installation',
    readonly limit: number,
    /** When the current window ends (epoch ms). */
    readonly resetAt: number,
  ) {
    super(`Rate limit exceeded: more than ${limit} invocations per minute ${scope === 'user' ? 'by this user' : 'on this installation'}`);
    this.name = 'InvocationRateLimitedError';
  }
}
