/**
 * The platform's storage limits, in one place. Sources: Forge "KVS and Custom Entity Store limits",
 * "Error handling for the Key-Value Store", "Querying key-value pairs", "KVS Transactions" and
 * "Executing batch operations" pages.
 */
export const KVS_LIMITS = {
  /** "The provided key has exceeded the maximum 500 characters." */
  maxKeyLength: 500,
  /** Persisted JSON values may be up to 240 KiB. */
  maxValueBytes: 240 * 1024,
  /**
   * The docs say "maximum object depth (32)", counting the top-level value as a level, so a value
   * may nest at most 31 objects or arrays inside each other.
   */
  maxContainerDepth: 31,
  /** `query().limit()`: "returns up to 10 values by default … a maximum of 100"; entity queries alike. */
  defaultQueryLimit: 10,
  maxQueryLimit: 100,
  /** "Each transaction can contain a maximum of 25 operations." */
  maxTransactionOperations: 25,
  /** "Each batch operation can contain a maximum of 25 keys." */
  maxBatchItems: 25,
  /** Transactions and batch writes: "limited to a payload size of 4MB". */
  maxRequestBytes: 4 * 1024 * 1024,
  /** Entity names: 3 to 60 characters of `a-z0-9:-_.`. */
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
} as const;

/**
 * The documented key pattern `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/`. Inside the class, `\s-#` is not a
 * range (a class escape cannot start one), so `-` and `#` are literal characters.
 */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export const ENTITY_NAME_PATTERN = /^[_a-z0-9:\-.]+$/;
