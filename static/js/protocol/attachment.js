// Dojava protocol — §9 Attachments (crypto/attachment.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError, fail } from './errors.js';
import { CHUNK_MAX_COUNT, CHUNK_NONCE_PREFIX_BYTES, CHUNK_PAD_MARKER, CHUNK_PLAIN_BYTES, CHUNK_RECORD_BYTES, ID_BYTES, KEY_BYTES, LABEL_CHUNK, VERSION } from './constants.js';
import { concatBytes, randomBytes, requireBytes, u32 } from './bytes.js';
import { L, aeadDecrypt, aeadEncrypt } from './primitives.js';

/** §9.2 count = floor(size / 524288) + 1. */
export function chunkCount(size) {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError('size');
  return Math.floor(size / CHUNK_PLAIN_BYTES) + 1;
}

function chunkNonce(noncePrefix, index) {
  return concatBytes(noncePrefix, u32(index));
}

function chunkAd(fileId, index, last) {
  return concatBytes(L(LABEL_CHUNK), Uint8Array.of(VERSION), fileId, u32(index), Uint8Array.of(last ? 1 : 0));
}

function checkFileSecrets({ fileKey, noncePrefix, fileId }) {
  requireBytes(fileKey, KEY_BYTES, 'file key');
  requireBytes(noncePrefix, CHUNK_NONCE_PREFIX_BYTES, 'nonce prefix');
  requireBytes(fileId, ID_BYTES, 'file id');
}

function checkIndex(index) {
  if (!Number.isInteger(index) || index < 0 || index >= CHUNK_MAX_COUNT) fail('malformed', 'chunk: index');
}

/** §9.1 fresh per-file secrets. */
export function newFileSecrets() {
  return { fileKey: randomBytes(KEY_BYTES), noncePrefix: randomBytes(CHUNK_NONCE_PREFIX_BYTES), fileId: randomBytes(ID_BYTES) };
}

/**
 * §9.2 seal one 524288-byte block at position `index` with the given `last` flag: version(1) || AEAD.
 * No padding is added here (encryptChunk does that); exported so tests can build records that
 * authenticate but break a later rule (e.g. a last chunk without its 0x80 marker).
 */
export function encryptChunkBlock(secrets, index, block, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  requireBytes(block, CHUNK_PLAIN_BYTES, 'chunk block');
  const ct = aeadEncrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), block);
  return concatBytes(Uint8Array.of(VERSION), ct);
}

/**
 * §9.2 encrypt chunk `index`. For the last chunk pass the remaining 0..524287 bytes and last = true: it is
 * padded with 0x80 0x00… here. Other chunks must be exactly 524288 bytes. Deterministic by design.
 */
export function encryptChunk(secrets, index, plain, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  requireBytes(plain, undefined, 'chunk');
  let block;
  if (last) {
    if (plain.length >= CHUNK_PLAIN_BYTES) fail('malformed', 'chunk: last chunk too long');
    block = new Uint8Array(CHUNK_PLAIN_BYTES);
    block.set(plain);
    block[plain.length] = CHUNK_PAD_MARKER;
  } else {
    if (plain.length !== CHUNK_PLAIN_BYTES) fail('malformed', 'chunk: size');
    block = plain;
  }
  return encryptChunkBlock(secrets, index, block, last);
}

/** Encrypt a whole file (Uint8Array) into its chunk records. Fine for tests; pages should stream. */
export function encryptFile(secrets, data) {
  const count = chunkCount(data.length);
  if (count > CHUNK_MAX_COUNT) fail('malformed', 'file too large');
  const out = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const start = i * CHUNK_PLAIN_BYTES;
    out.push(encryptChunk(secrets, i, data.subarray(start, last ? data.length : start + CHUNK_PLAIN_BYTES), last));
  }
  return out;
}

/**
 * Record checks before decryption. §1 puts the version byte first ("before lengths"; an empty record is
 * `malformed`), and vector chunks-short-unknown-version pins it; §9.2's own list still reads "the record
 * size … then the version" (see PROTOCOL-NOTES.md). Version (`unsupported_version`), then size 524305.
 */
export function checkChunkRecord(record) {
  requireBytes(record, undefined, 'chunk record');
  if (record.length < 1) fail('malformed', 'chunk: empty record');
  if (record[0] !== VERSION) fail('unsupported_version', 'chunk: version');
  if (record.length !== CHUNK_RECORD_BYTES) fail('malformed', 'chunk: record size');
}

/** §9.2 last-chunk padding: 0x80 then only zeros (`malformed` otherwise). Returns the file bytes. */
export function unpadLastChunk(block) {
  let i = block.length - 1;
  while (i >= 0 && block[i] === 0) i--;
  if (i < 0 || block[i] !== CHUNK_PAD_MARKER) fail('malformed', 'chunk: padding');
  return block.subarray(0, i);
}

/** Open chunk `index` knowing whether it is last; the last one comes back without its padding. */
export function decryptChunk(secrets, index, record, last) {
  checkFileSecrets(secrets);
  checkIndex(index);
  checkChunkRecord(record);
  const block = aeadDecrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), record.subarray(1));
  return last ? unpadLastChunk(block) : block;
}

function tryOpen(secrets, index, record, last) {
  try {
    return aeadDecrypt(secrets.fileKey, chunkNonce(secrets.noncePrefix, index), chunkAd(secrets.fileId, index, last), record.subarray(1));
  } catch (e) {
    if (e instanceof DojavaError && e.code === 'decrypt_failed') return null;
    throw e;
  }
}

function checkFileRef(fileRef) {
  if (fileRef === undefined || fileRef === null) return null;
  const { chunks, size } = fileRef;
  if (!Number.isSafeInteger(chunks) || chunks < 1 || !Number.isSafeInteger(size) || size < 0) fail('malformed', 'file reference: chunks/size');
  return { chunks, size };
}

/**
 * §9.2 streaming decryption with one chunk of look-ahead: constant memory whatever the file size.
 * Plaintext of a chunk is released only after it authenticated at its position with its `last` flag.
 *
 * Two ways to feed it (not mixed on one decryptor):
 *  - whole records, e.g. fetched one by one:  `push(record)` → plaintext of the previous chunk or null;
 *  - a byte stream cut anywhere:               `write(bytes)` → array of released plaintexts.
 * Then `finish()` (alias `end()`) → the last chunk's file bytes.
 *
 * Outcomes (§9.2): per record, version (`unsupported_version`) then size 524305 (`malformed`; a stream cut
 * inside a record is `malformed`); a record that opens neither as non-last nor as last at its position is
 * `decrypt_failed`; a stream whose final record opens only as non-last is `truncated`, as is an empty
 * stream; any byte after the record that opened as last is `extended` (the held record is resolved before
 * the next record's first byte is looked at); more than 2^20 records is `malformed`; bad last-chunk padding
 * is `malformed`. With a file reference `{ chunks, size }` (§11 FILEREF), the chunk count and plaintext
 * size are compared after the stream (`malformed`). After any error the decryptor is dead.
 */
export class ChunkStreamDecryptor {
  constructor(secrets, fileRef) {
    checkFileSecrets(secrets);
    this._secrets = secrets;
    this._fileRef = checkFileRef(fileRef);
    this._held = null;
    this._index = 0; // index of the held chunk
    this._plainBytes = 0; // plaintext bytes released so far
    this._state = 'open'; // 'open' | 'done' | 'failed'
    this._mode = null; // 'records' | 'bytes'
    this._buf = null; // byte mode: the record being filled
    this._bufLen = 0;
    this._spare = null; // byte mode: a free record buffer (constant memory: two records in all)
  }

  _fail(code, msg) {
    this._state = 'failed';
    this._held = null;
    this._buf = null;
    this._spare = null;
    fail(code, msg);
  }

  _guard(fn) {
    try {
      return fn();
    } catch (e) {
      this._state = 'failed';
      this._held = null;
      this._buf = null;
      throw e;
    }
  }

  _enter(mode) {
    if (this._state === 'failed') fail('malformed', 'decryptor already failed');
    if (this._mode !== null && this._mode !== mode) throw new Error('ChunkStreamDecryptor: push() and write() cannot be mixed');
    this._mode = mode;
  }

  /** More data follows the held record, so it is not last: open it as a middle chunk and release it. */
  _resolveHeld() {
    if (this._state === 'done') this._fail('extended', 'data after the last chunk');
    if (this._held === null) return null;
    const idx = this._index;
    const plain = tryOpen(this._secrets, idx, this._held, false);
    if (plain === null) {
      if (tryOpen(this._secrets, idx, this._held, true) !== null) this._fail('extended', 'data after the last chunk');
      this._fail('decrypt_failed', 'chunk does not open at its position');
    }
    if (idx + 1 >= CHUNK_MAX_COUNT) this._fail('malformed', 'more than 2^20 chunks');
    this._spare = this._mode === 'bytes' ? this._held : null;
    this._held = null;
    this._index = idx + 1;
    this._plainBytes += plain.length;
    return plain;
  }

  /** Record mode: one whole record. Returns the previous chunk's plaintext once it is known not last. */
  push(record) {
    this._enter('records');
    requireBytes(record, undefined, 'chunk record');
    const out = this._resolveHeld();
    this._guard(() => checkChunkRecord(record));
    this._held = record;
    return out;
  }

  /** Byte mode: any slice of the concatenated records. Returns the plaintexts released by this call. */
  write(bytes) {
    this._enter('bytes');
    requireBytes(bytes, undefined, 'bytes');
    const out = [];
    let o = 0;
    while (o < bytes.length) {
      if (this._buf === null) {
        // The first byte of a new record: whatever is held is not last (or is followed by extra data).
        const plain = this._resolveHeld();
        if (plain !== null) out.push(plain);
        // §1: the version byte first, as soon as it arrives.
        if (bytes[o] !== VERSION) this._fail('unsupported_version', 'chunk: version');
        this._buf = this._spare || new Uint8Array(CHUNK_RECORD_BYTES);
        this._spare = null;
        this._bufLen = 0;
      }
      const n = Math.min(bytes.length - o, CHUNK_RECORD_BYTES - this._bufLen);
      this._buf.set(bytes.subarray(o, o + n), this._bufLen);
      this._bufLen += n;
      o += n;
      if (this._bufLen === CHUNK_RECORD_BYTES) {
        this._held = this._buf;
        this._buf = null;
        this._bufLen = 0;
      }
    }
    return out;
  }

  /** End of the stream: open the held record as last. Returns the last chunk's file bytes. */
  finish() {
    if (this._state === 'failed') fail('malformed', 'decryptor already failed');
    if (this._state === 'done') fail('malformed', 'decryptor already finished');
    // Byte mode: a record cut short (its version byte was already checked).
    if (this._buf !== null) this._fail('malformed', 'stream ends inside a record');
    if (this._held === null) this._fail('truncated', 'no chunks');
    const block = tryOpen(this._secrets, this._index, this._held, true);
    if (block === null) {
      if (tryOpen(this._secrets, this._index, this._held, false) !== null) this._fail('truncated', 'stream ends before the last chunk');
      this._fail('decrypt_failed', 'chunk does not open at its position');
    }
    const out = this._guard(() => unpadLastChunk(block));
    this._plainBytes += out.length;
    const count = this._index + 1;
    if (this._fileRef && (this._fileRef.chunks !== count || this._fileRef.size !== this._plainBytes)) {
      this._fail('malformed', 'chunk count or size differs from the file reference');
    }
    this._held = null;
    this._spare = null;
    this._state = 'done';
    return out;
  }

  end() {
    return this.finish();
  }

  /** Chunks that authenticated so far (after finish(): the file's chunk count). */
  get chunksOpened() {
    return this._index + (this._state === 'done' ? 1 : 0);
  }

  /** Plaintext bytes released so far (after finish(): the file's size). */
  get bytesReleased() {
    return this._plainBytes;
  }
}

/** Decrypt a whole list of chunk records (concatenated plaintext). `fileRef` { chunks, size } optional. */
export function decryptChunks(secrets, records, fileRef) {
  const d = new ChunkStreamDecryptor(secrets, fileRef);
  const parts = [];
  for (const r of records) {
    const p = d.push(r);
    if (p) parts.push(p);
  }
  parts.push(d.finish());
  return concatBytes(...parts);
}

/**
 * Decrypt a byte stream given as an iterable of byte slices cut anywhere (e.g. network reads).
 * Returns { plaintext, chunks, size }.
 */
export function decryptChunkStream(secrets, slices, fileRef) {
  const d = new ChunkStreamDecryptor(secrets, fileRef);
  const parts = [];
  for (const s of slices) parts.push(...d.write(s));
  parts.push(d.finish());
  return { plaintext: concatBytes(...parts), chunks: d.chunksOpened, size: d.bytesReleased };
}
