/** Platform limits on function invocations ("Forge platform quotas and limits"). */
export const INVOCATION_LIMITS = {
  /** Resolvers (UI invocations) are stopped after 25 s. */
  resolverTimeoutMs: 25_000,
  /** Triggers, scheduled triggers and queue consumers may run up to 900 s. */
  triggerTimeoutMs: 900_000,
  /** `invoke` payload from the browser: 500 KB (decimal, the stricter reading). */
  maxPayloadBytes: 500_000,
  /** Function response: 5 MB (decimal, the stricter reading). */
  maxResponseBytes: 5_000_000,
} as const;

/**
 * Values cross the platform as JSON: `undefined` fields vanish, a Date becomes its ISO string, a
 * Map or Set becomes `{}`. Returns the JSON text (undefined for `undefined`) and its UTF-8 size.
 */
export function toJson(value: unknown): { text: string | undefined; bytes: number } {
  const text: string | undefined = JSON.stringify(value);
  return { text, bytes: text === undefined ? 0 : Buffer.byteLength(text, 'utf8') };
}

export function fromJson(text: string | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text);
}
