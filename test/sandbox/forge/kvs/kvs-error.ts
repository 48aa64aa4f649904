/**
 * Errors the KVS backend answers with. @forge/kvs turns any non-2xx response whose JSON body has
 * `code` and `message` into a `ForgeKvsAPIError` carrying that code (out/utils/error-handling.js),
 * and swallows `KEY_NOT_FOUND` on get/delete (out/storage-api.js `handleKeyNotFound`), so the
 * exact code matters more than the status.
 */

/**
 * Codes from Forge's "Error handling for the Key-Value Store / Custom Entity Store" pages and the
 * SDK's own tests. Where the docs name no code (conditional writes, transaction shape, query
 * limits, undeclared entities) the name is ours; the status is what the platform is reported to
 * use (409 for a failed condition or FAIL_IF_EXISTS, 400 for a malformed request).
 */
export type KvsErrorCode =
  | 'KEY_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'KEY_TOO_SHORT'
  | 'EMPTY_KEY'
  | 'KEY_TOO_LONG'
  | 'INVALID_KEY'
  | 'MAX_SIZE'
  | 'MAX_DEPTH'
  | 'ENTITY_TYPE_TOO_SHORT'
  | 'ENTITY_TYPE_TOO_LARGE'
  | 'INVALID_ENTITY_TYPE'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR'
  // Not named by the docs: our names.
  | 'KEY_ALREADY_EXISTS'
  | 'CONDITIONAL_CHECK_FAILED'
  | 'TOO_MANY_OPERATIONS'
  | 'DUPLICATE_KEYS'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_LIMIT'
  | 'INVALID_CURSOR'
  | 'ENTITY_NOT_DECLARED'
  | 'INDEX_NOT_DECLARED'
  | 'INVALID_PARTITION'
  | 'INVALID_ATTRIBUTE'
  | 'INVALID_CONDITION'
  | 'INVALID_TTL';

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  /** The JSON body the platform sends: `{code, message}`. */
  toBody(): { code: KvsErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const badRequest = (code: KvsErrorCode, message: string): KvsError => new KvsError(400, code, message);

export const keyNotFound = (): KvsError => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** A malformed body: the message the SDK's own tests show for it. */
export const invalidBody = (detail: string): KvsError =>
  new KvsError(400, 'BAD_REQUEST', `Provided request body is invalid: ${detail}`);
