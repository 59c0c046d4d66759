// Verified downloads of one attachment with several chunks in flight (PROTOCOL.md §9.2, API.md
// "Returning with a receipt").
//
// Over Tor a chunk's GET costs a full round trip through the onion circuit; fetching one chunk at a time
// leaves the circuit idle for all of it. The downloader keeps up to `parallel` GETs in flight (separate
// HTTP/1.1 connections; in Tor Browser separate streams of the same circuit), as the uploader keeps its
// PUTs (upload.js), and hands the records to the stream decryptor strictly in order: a chunk's plaintext
// is used only after it authenticated at its position, and the count and size are checked against the
// FILEREF at the end (ChunkStreamDecryptor). A record that arrives before the ones below it waits; the
// next GET starts only once fewer than `parallel` records are fetched or waiting, so at most `parallel`
// records are held whatever the file's size.
import { CHUNK_PLAIN_BYTES, ChunkStreamDecryptor, base64urlEncode } from '../lib/protocol.js';
import { ApiError } from './api.js';

/** Chunk GETs kept in flight by default (as UPLOAD_PARALLEL). */
export const DOWNLOAD_PARALLEL = 3;
/** The most GETs in flight a caller may ask for: leave the browser's other connections to the page. */
export const DOWNLOAD_PARALLEL_MAX = 4;

/** Decrypted parts are gathered into one Blob every so many chunks, which the browser may keep on disk. */
const PARTS_PER_BLOB = 16;

const aborted = () => new ApiError('aborted', 0);

/**
 * Downloads and decrypts `file` (a FILEREF as parsed by payload.js: fileId, fileKey, noncePrefix, chunks,
 * size). `onProgress({ bytes, total })` after every chunk handed to the decryptor, in order (plaintext
 * bytes, the last one once the whole file checked out).
 * `parallel`: GETs in flight at most (1 to DOWNLOAD_PARALLEL_MAX); each gets the deadline of one chunk
 * times `parallel` (they share one circuit: api.js sourceChunk). `signal`: an AbortSignal; once it fires,
 * every request in flight is cancelled and the promise rejects with ApiError 'aborted' after all of them
 * have ended. Each GET is retried while its failure is transient (api.js). Returns a Blob of the
 * plaintext. Rejects with the first failure: a DojavaError ('decrypt_failed', 'truncated', ...) when a
 * chunk is damaged, substituted or missing, an ApiError otherwise; then no GET of it is left running.
 */
export async function downloadFile(api, file, { onProgress, signal, parallel = DOWNLOAD_PARALLEL } = {}) {
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > DOWNLOAD_PARALLEL_MAX) throw new RangeError(`download: parallel must be 1..${DOWNLOAD_PARALLEL_MAX}`);
  if (signal?.aborted) throw aborted();
  const d = new ChunkStreamDecryptor({ fileKey: file.fileKey, noncePrefix: file.noncePrefix, fileId: file.fileId }, { chunks: file.chunks, size: file.size });
  const id = base64urlEncode(file.fileId);
  const total = file.chunks;
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const arrived = new Map(); // index -> record, waiting for its turn
  const inflight = new Set(); // promises that settle (never reject) when their GET has ended
  let failure = null;
  const fail = (e) => {
    if (failure === null) failure = signal?.aborted ? aborted() : e;
    cancel.abort();
  };
  const fetchChunk = (i) => {
    const p = api.sourceChunk(id, i, cancel.signal, parallel).then((rec) => arrived.set(i, rec), fail);
    const settled = p.finally(() => inflight.delete(settled));
    inflight.add(settled);
  };
  let blob = new Blob([]);
  let parts = [];
  const keep = (plain) => {
    if (!plain) return;
    parts.push(plain.slice());
    if (parts.length >= PARTS_PER_BLOB) {
      blob = new Blob([blob, ...parts]);
      parts = [];
    }
  };
  let next = 0; // the next record for the decryptor
  let issued = 0;
  try {
    while (next < total && failure === null) {
      while (issued < total && issued - next < parallel) fetchChunk(issued++);
      if (arrived.has(next)) {
        const rec = arrived.get(next);
        arrived.delete(next++);
        try {
          keep(d.push(rec));
        } catch (e) {
          fail(e);
          break;
        }
        if (next < total) onProgress?.({ bytes: Math.min(file.size, next * CHUNK_PLAIN_BYTES), total: file.size });
        continue;
      }
      if (signal?.aborted) fail(aborted());
      else if (inflight.size === 0) fail(new ApiError('bad_answer', 0)); // cannot happen: a GET ended with neither
      else await Promise.race(inflight);
    }
    while (inflight.size > 0) await Promise.race(inflight);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw aborted();
  if (failure !== null) throw failure;
  keep(d.finish());
  onProgress?.({ bytes: file.size, total: file.size });
  return new Blob([blob, ...parts], { type: 'application/octet-stream' });
}
