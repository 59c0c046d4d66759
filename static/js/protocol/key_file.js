// Dojava protocol — §5.3 Key files (crypto/key_file.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError, fail } from './errors.js';
import { KEY_FILE_BYTES, KEY_FILE_HEADER_BYTES, KEY_FILE_KDF_ARGON2ID13, KEY_FILE_KIND_ADMIN, KEY_FILE_KIND_ENCRYPTION, KEY_FILE_KIND_REVIEWER, KEY_FILE_MAGIC, KEY_FILE_M_MAX, KEY_FILE_M_MIN, KEY_FILE_T_MAX, KEY_FILE_T_MIN, KEY_FILE_WRITE_M, KEY_FILE_WRITE_T, LABEL_KEY_FILE, NONCE_BYTES, SALT_BYTES, VERSION } from './constants.js';
import { concatBytes, randomBytes, readU32, requireBytes, u32, utf8, wipe } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt, argon2 } from './primitives.js';

/**
 * Parse and check a key file's header without running Argon2id, in §5.3's order: size 104, magic,
 * version (`unsupported_version`), kdf = 1, reserved = 0, bounds of t and m, kind ∈ {1, 2, 3}; every failure
 * but the version is `malformed` (the bounds stop a crafted file demanding unbounded work).
 */
export function parseKeyFileHeader(file) {
  requireBytes(file, undefined, 'key file');
  if (file.length !== KEY_FILE_BYTES) fail('malformed', 'key file: size');
  for (let i = 0; i < 4; i++) if (file[i] !== KEY_FILE_MAGIC[i]) fail('malformed', 'key file: magic');
  if (file[4] !== VERSION) fail('unsupported_version', 'key file: version');
  if (file[6] !== KEY_FILE_KDF_ARGON2ID13) fail('malformed', 'key file: kdf');
  if (file[7] !== 0) fail('malformed', 'key file: reserved');
  const t = readU32(file, 8);
  const m = readU32(file, 12);
  if (t < KEY_FILE_T_MIN || t > KEY_FILE_T_MAX) fail('malformed', 'key file: t');
  if (m < KEY_FILE_M_MIN || m > KEY_FILE_M_MAX) fail('malformed', 'key file: m');
  const kind = file[5];
  if (kind !== KEY_FILE_KIND_REVIEWER && kind !== KEY_FILE_KIND_ADMIN && kind !== KEY_FILE_KIND_ENCRYPTION) fail('malformed', 'key file: kind');
  return { kind, t, m, salt: file.slice(16, 32), nonce: file.slice(32, 56) };
}

function keyFilePassphrase(passphrase) {
  // "its UTF-8 bytes, exactly as entered": no trimming, no Unicode normalisation.
  if (typeof passphrase === 'string') return utf8(passphrase);
  return requireBytes(passphrase, undefined, 'passphrase');
}

function keyFileAd(file) {
  return concatBytes(L(LABEL_KEY_FILE), file.subarray(0, KEY_FILE_HEADER_BYTES));
}

/**
 * §5.3 open a key file: returns { kind, t, m, seed }. Header checks first; then an empty passphrase is
 * `wrong_passphrase` without running Argon2id; a failed AEAD open is `wrong_passphrase`.
 */
export function openKeyFile(file, passphrase) {
  const h = parseKeyFileHeader(file);
  const pw = keyFilePassphrase(passphrase);
  if (pw.length === 0) fail('wrong_passphrase', 'empty passphrase');
  const wk = argon2(pw, h.salt, h.t, h.m);
  let seed;
  try {
    seed = aeadDecrypt(wk, h.nonce, keyFileAd(file), file.subarray(KEY_FILE_HEADER_BYTES));
  } catch (e) {
    if (e instanceof DojavaError && e.code === 'decrypt_failed') fail('wrong_passphrase', 'wrong passphrase, or the key file is damaged');
    throw e;
  } finally {
    wipe(wk);
  }
  return { kind: h.kind, t: h.t, m: h.m, seed };
}

/**
 * §5.3 write a key file. Writers use t = 3, m = 262144; tests may pass smaller (in-bounds) values and
 * fixed salt/nonce for reproducible vectors. An empty passphrase is refused.
 */
export function sealKeyFile(seed, passphrase, { kind = KEY_FILE_KIND_REVIEWER, t = KEY_FILE_WRITE_T, m = KEY_FILE_WRITE_M, salt, nonce } = {}) {
  requireBytes(seed, 32, 'seed');
  const pw = keyFilePassphrase(passphrase);
  if (pw.length === 0) fail('malformed', 'empty passphrase');
  if (kind !== KEY_FILE_KIND_REVIEWER && kind !== KEY_FILE_KIND_ADMIN && kind !== KEY_FILE_KIND_ENCRYPTION) fail('malformed', 'key file: kind');
  if (!(t >= KEY_FILE_T_MIN && t <= KEY_FILE_T_MAX) || !(m >= KEY_FILE_M_MIN && m <= KEY_FILE_M_MAX)) fail('malformed', 'key file: bounds');
  salt = salt === undefined ? randomBytes(SALT_BYTES) : requireBytes(salt, SALT_BYTES, 'salt');
  nonce = nonce === undefined ? randomBytes(NONCE_BYTES) : requireBytes(nonce, NONCE_BYTES, 'nonce');
  const header = concatBytes(
    Uint8Array.from(KEY_FILE_MAGIC),
    Uint8Array.of(VERSION, kind, KEY_FILE_KDF_ARGON2ID13, 0),
    u32(t),
    u32(m),
    salt,
    nonce,
  );
  const wk = argon2(pw, salt, t, m);
  const sealed = aeadEncrypt(wk, nonce, concatBytes(L(LABEL_KEY_FILE), header), seed);
  wipe(wk);
  return concatBytes(header, sealed);
}
