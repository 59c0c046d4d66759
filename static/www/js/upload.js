// Encrypted, chunked, resumable uploads of one file (PROTOCOL.md §9, API.md "Attachments").
//
// The file is read one chunk at a time with Blob.slice: at most one plaintext chunk and one record are
// in memory, whatever the file's size. Each chunk is encrypted deterministically (§9.2), so after a
// dropped connection the uploader asks the server which chunks it lacks and sends only those.
// §9.2 MUST: a chunk encrypted a second time must have the same plaintext as the first time; its keyed
// BLAKE2b digest is recorded on the first pass and compared on every later one. A file that changed on
// disk meanwhile aborts the upload (UploadError 'file_changed'): the person picks the file again and a
// new upload with new secrets starts.
import {
  CHUNK_PLAIN_BYTES,
  base64urlEncode,
  chunkCount,
  concatBytes,
  encryptChunk,
  equalBytes,
  newFileSecrets,
  u32,
  wipe,
} from '../lib/protocol.js';
import { blake2b } from '../lib/noble/hashes/blake2.js';
import { ApiError, RETRY_DELAYS, sleep } from './api.js';

export class UploadError extends Error {
  constructor(code) {
    super(`upload: ${code}`);
    this.name = 'UploadError';
    this.code = code;
  }
}

/** §9.2: BLAKE2b-256(key = file_key, u32(i) || last_i || plain_i), the local check before re-encrypting. */
export function chunkDigest(fileKey, index, last, plain) {
  return blake2b(concatBytes(u32(index), Uint8Array.of(last ? 1 : 0), plain), { key: fileKey, dkLen: 32 });
}

/**
 * Uploads `blob` (a File or a Blob of slices). `onProgress({ done, total, bytes })` after every chunk
 * the server confirmed; `onState('retrying' | 'uploading')` when the connection drops and comes back.
 * Returns { fileId, fileKey, noncePrefix, chunks, size } for the FILEREF; the caller adds name and mime.
 * `maxChunks`: the instance's limit (API.md `max_chunks_per_file`).
 */
export async function uploadFile(api, blob, { onProgress, onState, signal, maxChunks = 4096, delays = RETRY_DELAYS } = {}) {
  const size = blob.size;
  const total = chunkCount(size);
  if (total > maxChunks) throw new UploadError('too_large');
  const secrets = newFileSecrets();
  const fileId = base64urlEncode(secrets.fileId);
  const digests = new Array(total);
  const confirmed = new Set();
  const report = () => onProgress?.({ done: confirmed.size, total, bytes: Math.min(size, confirmed.size * CHUNK_PLAIN_BYTES) });

  async function record(i) {
    const last = i === total - 1;
    const start = i * CHUNK_PLAIN_BYTES;
    const end = last ? size : start + CHUNK_PLAIN_BYTES;
    const plain = new Uint8Array(await blob.slice(start, end).arrayBuffer());
    if (plain.length !== end - start) throw new UploadError('file_changed');
    const d = chunkDigest(secrets.fileKey, i, last, plain);
    if (digests[i] === undefined) digests[i] = d;
    else if (!equalBytes(digests[i], d)) throw new UploadError('file_changed');
    const rec = encryptChunk(secrets, i, plain, last);
    wipe(plain);
    return rec;
  }

  let failures = 0;
  let status = await api.createUpload(fileId, total);
  for (;;) {
    const missing = status.missing;
    if (!Array.isArray(missing) || missing.some((i) => !Number.isInteger(i) || i < 0 || i >= total)) throw new UploadError('bad_answer');
    for (let i = 0; i < total; i++) if (!missing.includes(i)) confirmed.add(i);
    report();
    if (missing.length === 0) break;
    let dropped = false;
    for (const i of missing) {
      try {
        const rec = await record(i);
        await api.putChunk(fileId, i, rec, signal);
        confirmed.add(i);
        failures = 0;
        report();
      } catch (e) {
        if (e instanceof UploadError) throw e;
        if (!(e instanceof ApiError) || !e.transient) throw e;
        dropped = true;
        break;
      }
    }
    if (dropped) {
      if (failures >= delays.length) throw new UploadError('network');
      onState?.('retrying');
      await sleep(delays[failures++], signal);
    }
    // Ask the server what it still lacks (it may have stored a chunk whose answer was lost).
    try {
      status = await api.createUpload(fileId, total);
      if (dropped) onState?.('uploading');
    } catch (e) {
      if (!(e instanceof ApiError) || !e.transient) throw e;
      status = { missing: [...Array(total).keys()].filter((i) => !confirmed.has(i)) };
    }
  }
  return { fileId: secrets.fileId, fileKey: secrets.fileKey, noncePrefix: secrets.noncePrefix, chunks: total, size };
}
