// Dojava protocol — Constants; names mirror PROTOCOL.md and crypto/protocol_constants.h.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.
/** §1: the only version this document defines. */
export const VERSION = 1;
/** §1: ids (case, message, file, reviewer, instance) are 16 bytes. */
export const ID_BYTES = 16;
export const KEY_BYTES = 32;
export const X25519_BYTES = 32;
export const ED25519_PUBLIC_BYTES = 32;
export const ED25519_SEED_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;

/** §3 labels. */
export const LABEL_RECEIPT_LOOKUP = 'dojava/v1/receipt/lookup';
export const LABEL_RECEIPT_X25519 = 'dojava/v1/receipt/x25519';
export const LABEL_RECEIPT_WRAP = 'dojava/v1/receipt/wrap';
export const LABEL_LOOKUP_HASH = 'dojava/v1/lookup-hash';
export const LABEL_REVIEWER_ED25519 = 'dojava/v1/reviewer/ed25519';
export const LABEL_REVIEWER_X25519 = 'dojava/v1/reviewer/x25519';
export const LABEL_ADMIN_ED25519 = 'dojava/v1/admin/ed25519';
export const LABEL_FINGERPRINT = 'dojava/v1/fingerprint';
export const LABEL_KEY_FILE = 'dojava/v1/key-file';
export const LABEL_ROSTER = 'dojava/v1/roster';
export const LABEL_SEAL_KEY = 'dojava/v1/seal/key';
export const LABEL_SEAL_AD = 'dojava/v1/seal/ad';
export const LABEL_SOURCE_WRAP_KEY = 'dojava/v1/source-wrap/key';
export const LABEL_SOURCE_WRAP_AD = 'dojava/v1/source-wrap/ad';
export const LABEL_MESSAGE = 'dojava/v1/message';
export const LABEL_MESSAGE_SIGNATURE = 'dojava/v1/message/signature';
export const LABEL_CHUNK = 'dojava/v1/chunk';
export const LABEL_LOGIN = 'dojava/v1/login';

/** §4 receipts. */
export const RECEIPT_RANDOM_DIGITS = 27;
export const RECEIPT_DIGITS = 28;
export const RECEIPT_GROUP = 4;
export const RECEIPT_ARGON2_T = 2;
export const RECEIPT_ARGON2_M_KIB = 8192;
export const SALT_BYTES = 16;
/** §4.1: Damm's weakly totally anti-symmetric quasigroup of order 10. */
export const DAMM_TABLE = Object.freeze([
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
].map((row) => Object.freeze(row)));

/** §5.2 */
export const FINGERPRINT_BYTES = 20;

/** §5.3 key file. */
export const KEY_FILE_MAGIC = Object.freeze([0x44, 0x4a, 0x4b, 0x46]); // "DJKF"
export const KEY_FILE_BYTES = 104;
export const KEY_FILE_HEADER_BYTES = 56;
export const KEY_FILE_KIND_REVIEWER = 1;
export const KEY_FILE_KIND_ADMIN = 2;
export const KEY_FILE_KDF_ARGON2ID13 = 1;
export const KEY_FILE_T_MIN = 1;
export const KEY_FILE_T_MAX = 16;
export const KEY_FILE_M_MIN = 8192;
export const KEY_FILE_M_MAX = 1048576;
export const KEY_FILE_WRITE_T = 3;
export const KEY_FILE_WRITE_M = 262144;

/** §6 roster. */
export const ROSTER_MAX_ENTRIES = 1000;
export const ROSTER_NAME_MIN = 1;
export const ROSTER_NAME_MAX = 64;
export const ROSTER_HEADER_BYTES = 1 + ID_BYTES + 8 + 2; // 27
export const ROSTER_ENTRY_FIXED_BYTES = ID_BYTES + 32 + 32 + 1; // 81

/** §7 sealed keys. */
export const ROLE_CK = 1;
export const ROLE_NK = 2;
export const SEALED_KEY_BYTES = 82;
/** §7.1 the source's wrapped case key: the sealed key's layout, a random r in place of the epk. */
export const SOURCE_WRAP_RANDOM_BYTES = 32;
export const WRAPPED_KEY_BYTES = 1 + 1 + SOURCE_WRAP_RANDOM_BYTES + KEY_BYTES + TAG_BYTES; // 82

/** §8 messages. */
export const KIND_CONVERSATION = 1;
export const KIND_NOTES = 2;
export const AUTHOR_SOURCE = 0;
export const AUTHOR_REVIEWER = 1;
export const MESSAGE_HEADER_BYTES = 58;
export const BUCKET_MIN = 512; // 2^9
export const BUCKET_MAX = 524288; // 2^19
export const BUCKETS = Object.freeze(Array.from({ length: 11 }, (_, i) => BUCKET_MIN << i));

/** §9 attachments. */
export const CHUNK_PLAIN_BYTES = 524288;
export const CHUNK_RECORD_BYTES = 1 + CHUNK_PLAIN_BYTES + TAG_BYTES; // 524305
export const CHUNK_NONCE_PREFIX_BYTES = 20;
export const CHUNK_MAX_COUNT = 2 ** 20;
export const CHUNK_PAD_MARKER = 0x80;

/** §10 */
export const LOGIN_CHALLENGE_BYTES = 32;

/** §4.2: longer input is refused before anything else. */
export const RECEIPT_INPUT_MAX_BYTES = 256;

/** §11 MaxBodySize: the largest body that fits the largest bucket (524288 − 4 − 1, and − 16 − 64 more signed). */
export const MAX_BODY_SOURCE = BUCKET_MAX - 4 - 1; // 524283
export const MAX_BODY_REVIEWER = BUCKET_MAX - 4 - 1 - ID_BYTES - SIGNATURE_BYTES; // 524203

// ---------------------------------------------------------------------------------------------------
// Protocol version 2 (§16): the formats that changed carry version byte 2; the others keep VERSION (1).
export const VERSION_2 = 2;
export const LABEL_RECEIPT_ED25519 = 'dojava/v2/receipt/ed25519';
export const LABEL_ROSTER_V2 = 'dojava/v2/roster';
export const LABEL_ROSTER_DIGEST_V2 = 'dojava/v2/roster/digest';
export const LABEL_NOTES_GENESIS = 'dojava/v2/notes-genesis';
export const LABEL_NOTES_GENESIS_CK = 'dojava/v2/notes-genesis/ck';
export const LABEL_REKEY = 'dojava/v2/rekey';
export const LABEL_MESSAGE_V2 = 'dojava/v2/message';
export const LABEL_MESSAGE_KEY_V2 = 'dojava/v2/message/key';
export const LABEL_MESSAGE_COMMIT_V2 = 'dojava/v2/message/commit';
export const LABEL_MESSAGE_SIGNATURE_V2 = 'dojava/v2/message/signature';
export const LABEL_EVENT = 'dojava/v2/event';
export const LABEL_CK_ANCHOR = 'dojava/v2/ck-anchor';
export const LABEL_CASE_DELETE = 'dojava/v2/case-delete';
export const LABEL_STATEMENT_KEY = 'dojava/v2/statement/key';
export const LABEL_STATEMENT = 'dojava/v2/statement';
/** §5.3 key file kind 3: the X25519 secret of a reviewer's key epoch ≥ 2. */
export const KEY_FILE_KIND_ENCRYPTION = 3;
export const DIGEST_BYTES = 32;
export const COMMIT_BYTES = 32;
/** §6: writers set expires_day at most this many days ahead (the admin tool's default is 30). */
export const ROSTER_MAX_VALIDITY_DAYS = 90;
export const ROSTER_DEFAULT_VALIDITY_DAYS = 30;
/** §8.1 v2 header: version, kind, case id, message id, kc, nonce. */
export const MESSAGE_HEADER_BYTES_V2 = 1 + 1 + ID_BYTES + ID_BYTES + COMMIT_BYTES + NONCE_BYTES; // 90
/** §8.3 the fixed part of an inner plaintext before the body. */
export const SOURCE_INNER_FIXED_V2 = 1 + 32 + 8 + 4 + DIGEST_BYTES + SIGNATURE_BYTES; // 141
export const REVIEWER_INNER_FIXED_V2 = 1 + ID_BYTES + 8 + 4 + DIGEST_BYTES + SIGNATURE_BYTES; // 125
export const MAX_BODY_SOURCE_V2 = BUCKET_MAX - 4 - SOURCE_INNER_FIXED_V2; // 524143
export const MAX_BODY_REVIEWER_V2 = BUCKET_MAX - 4 - REVIEWER_INNER_FIXED_V2; // 524159
/** §7.2, §7.3, §8.5 sizes. */
export const CK_ANCHOR_BYTES = 1 + ID_BYTES + ID_BYTES + COMMIT_BYTES + SIGNATURE_BYTES; // 129
export const REKEY_BYTES = 1 + ID_BYTES + ID_BYTES + 2 * COMMIT_BYTES + SEALED_KEY_BYTES + 8 + SIGNATURE_BYTES; // 251
/** §8.6 the signed delete: version, case id, reviewer id, u32 day, signature; accepted within a day. */
export const CASE_DELETE_BYTES = 1 + ID_BYTES + ID_BYTES + 4 + SIGNATURE_BYTES; // 101
export const CASE_DELETE_DAY_WINDOW = 1;
export const GENESIS_FIXED_BYTES = 1 + ID_BYTES + ID_BYTES + 2 * COMMIT_BYTES + 8 + 2 + SIGNATURE_BYTES;
/** §7.4 statement envelopes: the types, and the header (version, type, kc, nonce). */
export const STATEMENT_GENESIS = 1;
export const STATEMENT_ANCHOR = 2;
export const STATEMENT_REKEY = 3;
export const ENVELOPE_HEADER_BYTES = 1 + 1 + COMMIT_BYTES + NONCE_BYTES; // 58
