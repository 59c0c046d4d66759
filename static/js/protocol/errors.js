// Dojava protocol — Errors: the outcome names of §13.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.
/** The outcome names of §13, other than `success`. */
export const OUTCOMES = Object.freeze([
  'malformed',
  'unsupported_version',
  'decrypt_failed',
  'bad_signature',
  'rollback',
  'truncated',
  'extended',
  'bad_checksum',
  'wrong_passphrase',
  'unknown_author',
  'permission_denied',
  // Protocol version 2 (§13).
  'expired',
  'broken_chain',
  'wrong_key',
  'retired_author',
  'reordered',
]);

/** Every rejection throws this; `.code` is one of OUTCOMES. Messages never contain secret data. */
export class DojavaError extends Error {
  constructor(code, message) {
    super(message ? `${code}: ${message}` : code);
    this.name = 'DojavaError';
    this.code = code;
  }
}

export function fail(code, message) {
  throw new DojavaError(code, message);
}
