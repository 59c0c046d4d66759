// Encrypted, chunked, resumable uploads of one file (PROTOCOL.md §9, API.md "Attachments").
//
// Over Tor a chunk's PUT costs a full round trip plus the server's durable commit, and encrypting a chunk
// costs about 0.25 s at Tor Browser's "Safer" level (no JIT). Sending one chunk at a time leaves the
// connection idle for all of that, so the uploader keeps up to `parallel` PUTs in flight (separate HTTP/1.1
// connections; in Tor Browser separate streams on the same circuit) and encrypts the next chunk while they
// travel. Memory stays bounded whatever the file's size: the file is read one chunk at a time with
// Blob.slice, each plaintext is wiped as soon as it is encrypted (so one plaintext chunk at a time), and at
// most `parallel` records in flight plus one prepared record are held.
//
// Each chunk is encrypted deterministically (§9.2), so after a dropped connection the uploader asks the
// server which chunks it lacks and sends only those.
// §9.2 MUST: a chunk encrypted a second time must have the same plaintext as the first time. The record's
// 16-byte Poly1305 tag is kept from the first pass and compared, before anything is sent, with the tag of
// every later encryption of that chunk (same key and nonce: a different plaintext gives a different tag,
// except with probability under 2^-88). A keyed BLAKE2b digest of the plaintext (the CLI's check) would
// cost more than the encryption itself at "Safer", where the JIT is off; the tag costs nothing. A file
// that changed on disk meanwhile aborts the upload (UploadError 'file_changed'): the record made from the
// changed bytes is wiped unsent, and the person picks the file again and a new upload with new secrets
// starts.
import {
  CHUNK_PLAIN_BYTES,
  base64urlEncode,
  chunkCount,
  equalBytes,
  newFileSecrets,
  wipe,
} from '../lib/protocol.js';
import { ApiError, RETRY_DELAYS, sleep } from './api.js';
import { EncryptError, mainThreadEncrypter } from './encrypter.js';

/** Chunk PUTs kept in flight by default (browsers open up to 6 HTTP/1.1 connections per origin). */
export const UPLOAD_PARALLEL = 3;
/** The most PUTs in flight a caller may ask for: leave the browser's other connections to the page. */
export const UPLOAD_PARALLEL_MAX = 4;

export class UploadError extends Error {
  constructor(code) {
    super(`upload: ${code}`);
    this.name = 'UploadError';
    this.code = code;
  }
}

const transient = (e) => e instanceof ApiError && e.transient;
const aborted = () => new ApiError('aborted', 0);

// The encrypter of `blob`'s chunks under `secrets` (`total` chunks of a file of `size` bytes): record(i)
// has chunk i read and encrypted by `encrypter` (encrypter.js: on the main thread or in a worker, the
// plaintext wiped there), checks its tag (§9.2) and returns the record as the PUT's body (a Uint8Array,
// or from the worker a Blob: the page's thread never copies it). Each index has its own tag slot, so
// calls for different chunks may overlap. A worker that fails is left for the main thread, once.
function chunkRecorder(blob, secrets, size, total, encrypter) {
  const tags = new Array(total); // §9.2: each chunk's tag from its first encryption
  let enc = encrypter;
  return async function record(i) {
    const last = i === total - 1;
    const start = i * CHUNK_PLAIN_BYTES;
    const end = last ? size : start + CHUNK_PLAIN_BYTES;
    let out;
    try {
      out = await enc.encrypt(secrets, i, blob.slice(start, end), end - start, last);
    } catch (e) {
      if (e instanceof EncryptError && e.code === 'file_changed') throw new UploadError('file_changed');
      if (!(e instanceof EncryptError) || enc === mainThreadEncrypter) throw e;
      enc = mainThreadEncrypter;
      return record(i);
    }
    const { body, tag } = out;
    if (tags[i] === undefined) {
      tags[i] = tag;
    } else if (!equalBytes(tags[i], tag)) {
      if (body instanceof Uint8Array) wipe(body); // made from changed bytes under a nonce already used: never sent
      throw new UploadError('file_changed');
    }
    return body;
  };
}

// One pass over `missing`: up to `parallel` PUTs in flight, the next `ahead` records prepared meanwhile
// (1 on the main thread; 2 with the worker, so that it reads one chunk while it encrypts another). On a
// transient failure no new PUT starts and the ones in flight are left to finish (they may still be
// stored); on any other failure, or when `signal` fires, the ones in flight are cancelled. Returns only
// once every request of the pass has ended and the prepared records are settled: null when every chunk was
// confirmed, the transient ApiError otherwise. Throws the first non-transient failure. onConfirmed(i) runs
// when the server confirmed chunk i (a throw from it is a failure like any other).
async function sendPass({ api, fileId, missing, record, parallel, ahead, signal, onConfirmed }) {
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) cancel.abort();
  const inflight = new Map(); // index -> promise that settles (never rejects) when the PUT has ended
  let failure = null;
  const fail = (e) => {
    if (failure === null || (transient(failure) && !transient(e))) failure = e;
    if (!transient(e)) cancel.abort();
  };
  const send = (i, rec) => {
    const p = api.putChunk(fileId, i, rec, cancel.signal, parallel).then(
      () => onConfirmed(i),
      (e) => fail(signal?.aborted ? aborted() : e),
    ).catch(fail); // a throwing onProgress is a failure like any other, never a stray rejection
    inflight.set(i, p.finally(() => inflight.delete(i)));
  };
  let pos = 0;
  const prepare = () => {
    if (pos >= missing.length) return null;
    const i = missing[pos++];
    const p = record(i).then((rec) => ({ i, rec }));
    p.catch(() => {}); // handled where it is awaited; a pass that ends early still settles it below
    return p;
  };
  const prepared = []; // promises of { i, rec }, in the order of `missing`
  const fill = () => {
    while (prepared.length < ahead && pos < missing.length) prepared.push(prepare());
  };
  fill();
  try {
    while (prepared.length > 0 && failure === null) {
      let item;
      try {
        item = await prepared[0];
      } catch (e) {
        fail(e);
        break;
      }
      prepared.shift();
      while (inflight.size >= parallel && failure === null) await Promise.race(inflight.values());
      if (signal?.aborted) fail(aborted());
      if (failure !== null) break;
      send(item.i, item.rec);
      fill(); // encrypted while the PUTs travel
    }
    for (const p of prepared) await p.then(() => {}, (e) => fail(e));
    while (inflight.size > 0) await Promise.race(inflight.values());
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw aborted();
  if (failure !== null && !transient(failure)) throw failure;
  return failure;
}

/**
 * Uploads `blob` (a File, a Blob of slices, or anything with `size` and `slice(start, end)` returning a
 * Blob-like with `arrayBuffer()`). `onProgress({ done, total, bytes })` after every chunk the server
 * confirmed (and once per answer of the server about what is missing); `onState('retrying' | 'uploading')`
 * when the connection drops and comes back. `parallel`: chunk PUTs in flight at most (1 to
 * UPLOAD_PARALLEL_MAX). `signal`: an AbortSignal; once it fires, every request in flight is cancelled and
 * the promise rejects with ApiError 'aborted' after all of them have ended (no request of this upload is
 * left running, and none starts afterwards).
 * Returns { fileId, fileKey, noncePrefix, chunks, size } for the FILEREF; the caller adds name and mime.
 * Fails with UploadError 'too_large' | 'file_changed' | 'bad_answer' | 'network' (the connection did not
 * come back within `delays`), or the ApiError of a refused request (e.g. 'insufficient_storage').
 * `maxChunks`: the instance's limit (API.md `max_chunks_per_file`). `encrypter`: where chunks are
 * encrypted (encrypter.js; the main thread by default, a ChunkWorker for large files).
 */
export async function uploadFile(api, blob, { onProgress, onState, signal, maxChunks = 4096, delays = RETRY_DELAYS, parallel = UPLOAD_PARALLEL, encrypter = mainThreadEncrypter } = {}) {
  const ahead = encrypter.ahead ?? 1;
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > UPLOAD_PARALLEL_MAX) throw new RangeError(`upload: parallel must be 1..${UPLOAD_PARALLEL_MAX}`);
  const size = blob.size;
  const total = chunkCount(size);
  if (total > maxChunks) throw new UploadError('too_large');
  if (signal?.aborted) throw aborted();
  const secrets = newFileSecrets();
  const fileId = base64urlEncode(secrets.fileId);
  const record = chunkRecorder(blob, secrets, size, total, encrypter);
  const confirmed = new Set();
  const report = () => onProgress?.({ done: confirmed.size, total, bytes: Math.min(size, confirmed.size * CHUNK_PLAIN_BYTES) });
  let failures = 0;
  const onConfirmed = (i) => {
    confirmed.add(i);
    failures = 0;
    report();
  };
  let status = await api.createUpload(fileId, total, signal);
  for (;;) {
    const missing = status.missing;
    if (!Array.isArray(missing) || missing.some((i) => !Number.isInteger(i) || i < 0 || i >= total)) throw new UploadError('bad_answer');
    const lacking = new Set(missing);
    for (let i = 0; i < total; i++) if (!lacking.has(i)) confirmed.add(i);
    report();
    if (missing.length === 0) break;
    const dropped = await sendPass({ api, fileId, missing, record, parallel, ahead, signal, onConfirmed });
    if (dropped) {
      if (failures >= delays.length) throw new UploadError('network');
      onState?.('retrying');
      await sleep(Math.max(delays[failures++], dropped.retryAfter * 1000), signal);
    }
    // Ask the server what it still lacks (it may have stored a chunk whose answer was lost).
    try {
      status = await api.createUpload(fileId, total, signal);
      if (dropped) onState?.('uploading');
    } catch (e) {
      if (!transient(e)) throw e;
      status = { missing: [...Array(total).keys()].filter((i) => !confirmed.has(i)) };
    }
  }
  return { fileId: secrets.fileId, fileKey: secrets.fileKey, noncePrefix: secrets.noncePrefix, chunks: total, size };
}
