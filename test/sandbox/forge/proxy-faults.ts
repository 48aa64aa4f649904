/** A switch that makes the Forge proxy fail, to test how app code meets platform failures. */

export interface ProxyFault {
  /** Which remote fails: 'jira' (product calls), 'kvs' (storage) or any. Default: any. */
  remote?: 'jira' | 'kvs' | 'any';
  /** The `forge-proxy-error` value. NEEDS_AUTHENTICATION_ERR → NeedsAuthenticationError. Default PROXY_ERR. */
  error?: string;
  /** Status of the failed response. Default 500 (401 for NEEDS_AUTHENTICATION_ERR). */
  status?: number;
  /** How many calls fail before the proxy recovers; all calls when omitted. */
  times?: number;
}

export class ProxyFaults {
  private fault: ProxyFault | undefined;

  set(fault: ProxyFault | undefined): void {
    this.fault = fault ? { ...fault } : undefined;
  }

  /** The failure for a call to `remote`, consuming one of `times`, or undefined to proceed. */
  take(remote: string | undefined): { error: string; status: number } | undefined {
    const fault = this.fault;
    if (!fault) return undefined;
    const target = fault.remote ?? 'any';
    if (target !== 'any' && target !== remote) return undefined;
    if (fault.times !== undefined) {
      if (fault.times <= 0) return undefined;
      fault.times -= 1;
    }
    const error = fault.error ?? 'PROXY_ERR';
    return { error, status: fault.status ?? (error === 'NEEDS_AUTHENTICATION_ERR' ? 401 : 500) };
  }
}
