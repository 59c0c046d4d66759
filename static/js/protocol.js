// Dojava protocol — the web client's crypto module.
//
// An independent implementation of crypto/PROTOCOL.md, written from that document alone (not from the
// C++ sources) and checked against tests/vectors/*.json. Section numbers (§n) refer to PROTOCOL.md.
//
// Browser-compatible ES modules: no Node APIs. Randomness comes from crypto.getRandomValues only.
// Primitives come from the audited pure-JavaScript @noble libraries, which stay usable in Tor Browser's
// "Safer" level (no JIT, no WebAssembly). In the page they are resolved as relative paths by
// static/tools/build-www.mjs; under Node by static/node_modules.
//
// This file is the public API; the code lives in protocol/, one module per section of PROTOCOL.md,
// mirroring crypto/ (roster.js ↔ roster.h, message.js ↔ message.h, ...).

export {
  DojavaError,
  OUTCOMES,
} from './protocol/errors.js';
export {
  AUTHOR_REVIEWER,
  AUTHOR_SOURCE,
  BUCKETS,
  BUCKET_MAX,
  BUCKET_MIN,
  CHUNK_MAX_COUNT,
  CHUNK_NONCE_PREFIX_BYTES,
  CHUNK_PLAIN_BYTES,
  CHUNK_RECORD_BYTES,
  DAMM_TABLE,
  ED25519_PUBLIC_BYTES,
  ED25519_SEED_BYTES,
  FINGERPRINT_BYTES,
  ID_BYTES,
  KEY_BYTES,
  KEY_FILE_BYTES,
  KEY_FILE_HEADER_BYTES,
  KEY_FILE_KDF_ARGON2ID13,
  KEY_FILE_KIND_ADMIN,
  KEY_FILE_KIND_REVIEWER,
  KEY_FILE_MAGIC,
  KEY_FILE_M_MAX,
  KEY_FILE_M_MIN,
  KEY_FILE_T_MAX,
  KEY_FILE_T_MIN,
  KEY_FILE_WRITE_M,
  KEY_FILE_WRITE_T,
  KIND_CONVERSATION,
  KIND_NOTES,
  LABEL_ADMIN_ED25519,
  LABEL_CHUNK,
  LABEL_FINGERPRINT,
  LABEL_KEY_FILE,
  LABEL_LOGIN,
  LABEL_LOOKUP_HASH,
  LABEL_MESSAGE,
  LABEL_MESSAGE_SIGNATURE,
  LABEL_RECEIPT_LOOKUP,
  LABEL_RECEIPT_WRAP,
  LABEL_RECEIPT_X25519,
  LABEL_REVIEWER_ED25519,
  LABEL_REVIEWER_X25519,
  LABEL_ROSTER,
  LABEL_SEAL_AD,
  LABEL_SEAL_KEY,
  LABEL_SOURCE_WRAP_AD,
  LABEL_SOURCE_WRAP_KEY,
  LOGIN_CHALLENGE_BYTES,
  MAX_BODY_REVIEWER,
  MAX_BODY_SOURCE,
  MESSAGE_HEADER_BYTES,
  NONCE_BYTES,
  RECEIPT_ARGON2_M_KIB,
  RECEIPT_ARGON2_T,
  RECEIPT_DIGITS,
  RECEIPT_GROUP,
  RECEIPT_INPUT_MAX_BYTES,
  RECEIPT_RANDOM_DIGITS,
  ROLE_CK,
  ROLE_NK,
  ROSTER_MAX_ENTRIES,
  ROSTER_NAME_MAX,
  ROSTER_NAME_MIN,
  SALT_BYTES,
  SEALED_KEY_BYTES,
  SIGNATURE_BYTES,
  SOURCE_WRAP_RANDOM_BYTES,
  TAG_BYTES,
  VERSION,
  WRAPPED_KEY_BYTES,
  X25519_BYTES,
  VERSION_2,
  LABEL_RECEIPT_ED25519,
  LABEL_ROSTER_V2,
  LABEL_ROSTER_DIGEST_V2,
  LABEL_NOTES_GENESIS,
  LABEL_NOTES_GENESIS_CK,
  LABEL_REKEY,
  LABEL_MESSAGE_V2,
  LABEL_MESSAGE_KEY_V2,
  LABEL_MESSAGE_COMMIT_V2,
  LABEL_MESSAGE_SIGNATURE_V2,
  LABEL_EVENT,
  LABEL_CK_ANCHOR,
  KEY_FILE_KIND_ENCRYPTION,
  DIGEST_BYTES,
  COMMIT_BYTES,
  ROSTER_MAX_VALIDITY_DAYS,
  ROSTER_DEFAULT_VALIDITY_DAYS,
  MESSAGE_HEADER_BYTES_V2,
  SOURCE_INNER_FIXED_V2,
  REVIEWER_INNER_FIXED_V2,
  MAX_BODY_SOURCE_V2,
  MAX_BODY_REVIEWER_V2,
  CK_ANCHOR_BYTES,
  REKEY_BYTES,
  GENESIS_FIXED_BYTES,
  STATEMENT_GENESIS,
  STATEMENT_ANCHOR,
  STATEMENT_REKEY,
  ENVELOPE_HEADER_BYTES,
} from './protocol/constants.js';
export {
  concatBytes,
  decodeUtf8,
  equalBytes,
  randomBytes,
  u16,
  u32,
  u64,
  utf8,
  wipe,
} from './protocol/bytes.js';
export {
  base64urlDecode,
  base64urlEncode,
  hexDecode,
  hexEncode,
} from './protocol/encoding.js';
export {
  L,
  aeadDecrypt,
  aeadEncrypt,
  argon2,
  argon2Async,
  ed25519Public,
  kdf,
  labeledHash,
  sign,
  verify,
  verifyStrict,
  x25519Public,
  x25519Shared,
} from './protocol/primitives.js';
export {
  RECEIPT_SEPARATORS,
  dammCheckDigit,
  dammInterim,
  deriveReceiptKeys,
  deriveReceiptKeysAsync,
  formatReceipt,
  generateReceipt,
  lookupHash,
  parseReceipt,
} from './protocol/receipt.js';
export {
  adminFingerprint,
  deriveAdminKeys,
  deriveReviewerKeys,
  formatFingerprint,
} from './protocol/keys.js';
export {
  openKeyFile,
  parseKeyFileHeader,
  sealKeyFile,
} from './protocol/key_file.js';
export {
  ROSTER_NAME_FORBIDDEN,
  checkRosterRollback,
  isLowOrderX25519,
  isValidEd25519Point,
  parseRoster,
  rosterDigest,
  signRoster,
  verifyRoster,
} from './protocol/roster.js';
export {
  openSealedKey,
  sealKey,
} from './protocol/sealed_key.js';
export {
  openSourceKey,
  wrapSourceKey,
} from './protocol/source_key_wrap.js';
export {
  bucket,
  decryptMessage,
  encryptMessage,
  pad,
  parseMessageHeader,
  unpad,
} from './protocol/message.js';
export {
  ChunkStreamDecryptor,
  checkChunkRecord,
  chunkCount,
  decryptChunk,
  decryptChunkStream,
  decryptChunks,
  encryptChunk,
  encryptChunkBlock,
  encryptFile,
  newFileSecrets,
  unpadLastChunk,
} from './protocol/attachment.js';
export {
  signLogin,
  verifyLogin,
} from './protocol/login.js';
// Protocol version 2 (PROTOCOL.md §16); the v1 roster and message above stay until every caller switched.
export {
  checkRosterChain,
  checkRosterFloor,
  entryActiveAt,
  findRosterEntry,
  parseRosterV2,
  rosterDigestV2,
  signRosterV2,
  verifyRosterV2,
} from './protocol/roster_v2.js';
export {
  decryptMessageV2,
  encryptMessageV2,
  eventHash,
  keyCommitment,
  maxBodySizeV2,
  parseMessageHeaderV2,
} from './protocol/message_v2.js';
export {
  checkNotesGenesis,
  makeNotesGenesis,
} from './protocol/notes_genesis.js';
export {
  checkRekey,
  checkRekeyNewKey,
  makeRekey,
  openRekeyForSource,
} from './protocol/rekey.js';
export {
  checkCaseOrder,
} from './protocol/case_order.js';
export {
  isStatementSize,
  openStatement,
  parseStatementEnvelope,
  sealStatement,
} from './protocol/statement_envelope.js';
export {
  checkCaseKeyAnchor,
  makeCaseKeyAnchor,
} from './protocol/case_key_anchor.js';
export {
  checkCaseDelete,
  makeCaseDelete,
} from './protocol/case_delete.js';
export {
  InstancePin,
  activeEntries,
  dayOf,
  parseAddressFragment,
  verifyAnyRoster,
} from './protocol/instance_pin.js';
export {
  SourceCaseReader,
} from './protocol/source_case.js';
