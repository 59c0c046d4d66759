// Where the chunks of an upload are encrypted: on the page's main thread (mainThreadEncrypter) or in a
// Web Worker (ChunkWorker, js/chunk-worker.js). Both have `ahead` (how many records upload.js prepares
// ahead) and one method,
//   encrypt(secrets, index, slice, length, last) -> Promise<{ body, tag }>,
// read `slice` (a Blob of `length` bytes, else EncryptError 'file_changed'), encrypt it (§9.2) and wipe
// the plaintext; `body` is the record (a Uint8Array on the main thread; a Blob from the worker, which
// fetch sends without the page's thread copying it: in Chromium a Uint8Array body costs the main
// thread tens of milliseconds per chunk on a busy machine), `tag` its last 16 bytes, for upload.js's
// §9.2 check. The records are byte for byte the same (tests/web/source.test.mjs, the §9.2 vectors).
//
// Integrity of the worker's code: a module worker's imports cannot carry `integrity` (no browser takes
// it there, and an import map is an inline script, which the CSP forbids). The page carries, from
// tools/build-www.mjs, the SHA-384 of every module of the worker's graph (<meta name="dojava-worker">);
// before it starts the worker it fetches each of them with that `integrity`, and uses the worker only if
// every one matches. This holds the worker to the same build as the page (the purpose of the page's SRI,
// static/README.md); it is not a proof about the bytes the worker then loads, which the browser fetches
// again (the server sends no-store), and a server that serves other bytes the second time could change
// them, as it could change the page itself.
import { encryptChunk, wipe } from '../lib/protocol.js';

/** The AEAD tag at the end of a chunk record (§3, §9.2): what upload.js's §9.2 check compares. */
export const TAG_BYTES = 16;

export class EncryptError extends Error {
  constructor(code) {
    super(`encrypt: ${code}`);
    this.name = 'EncryptError';
    this.code = code;
  }
}

/** Encrypts on the calling thread. */
export const mainThreadEncrypter = Object.freeze({
  kind: 'main',
  ahead: 1, // records upload.js prepares ahead: one, encrypted while the PUTs travel
  async encrypt(secrets, index, slice, length, last) {
    const plain = new Uint8Array(await slice.arrayBuffer());
    try {
      if (plain.length !== length) throw new EncryptError('file_changed');
      const body = encryptChunk(secrets, index, plain, last);
      return { body, tag: body.slice(body.length - TAG_BYTES) };
    } finally {
      wipe(plain);
    }
  },
});

/** How long the worker may take to load its modules before the page encrypts on its own (ms). */
export const WORKER_START_TIMEOUT_MS = 60000;

/** The worker's entry and its modules' SRI hashes, from <meta name="dojava-worker" content="path hash …">. */
export function workerManifest(doc = document) {
  const meta = doc.querySelector('meta[name="dojava-worker"]');
  const words = (meta?.getAttribute('content') || '').trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length % 2 !== 0) return null;
  const files = [];
  for (let i = 0; i < words.length; i += 2) files.push({ path: words[i], integrity: words[i + 1] });
  return { entry: files[0].path, files };
}

/** Encrypts in a module Web Worker. Start it with ChunkWorker.start(); end it with close(). */
export class ChunkWorker {
  constructor(worker) {
    this.kind = 'worker';
    // Two records prepared ahead: the worker reads one chunk from the file while it encrypts the other.
    this.ahead = 2;
    this.worker = worker;
    this.pending = new Map(); // id -> { resolve, reject }
    this.nextId = 1;
    this.broken = null;
    worker.addEventListener('message', (ev) => {
      const { id, body, tag, error, progress, keys } = ev.data || {};
      const p = this.pending.get(id);
      if (!p) return;
      if (progress !== undefined) {
        p.onProgress?.(progress);
        return;
      }
      this.pending.delete(id);
      if (p.keys) {
        if (error || !keys) p.reject(new EncryptError(error || 'worker_failed'));
        else p.resolve(keys);
        return;
      }
      if (error) p.reject(new EncryptError(error));
      else if (!(body instanceof Blob) || !(tag instanceof Uint8Array) || tag.length !== TAG_BYTES) p.reject(new EncryptError('worker_failed'));
      else p.resolve({ body, tag });
    });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault?.();
      this.fail(new EncryptError('worker_failed'));
    });
  }

  /**
   * Checks the worker's modules against the page's hashes, starts the worker and waits until its imports
   * have loaded. Resolves with a ChunkWorker, or null when the browser has no module workers, the page
   * names none, a module differs from the build or the worker does not start in time: the caller then
   * encrypts on the main thread.
   */
  static async start({ manifest = workerManifest(), timeoutMs = WORKER_START_TIMEOUT_MS, signal } = {}) {
    if (typeof Worker !== 'function' || !manifest) return null;
    try {
      await Promise.all(
        manifest.files.map(async ({ path, integrity }) => {
          const r = await fetch(path, { integrity, credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer', signal });
          if (!r.ok) throw new EncryptError('worker_unavailable');
          await r.arrayBuffer();
        }),
      );
    } catch {
      return null;
    }
    if (signal?.aborted) return null;
    let worker;
    try {
      worker = new Worker(manifest.entry, { type: 'module', name: 'dojava-chunks' });
    } catch {
      return null;
    }
    const ready = await new Promise((resolve) => {
      const done = (ok) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const onMessage = (ev) => done(ev.data?.ready === true);
      const onError = (ev) => {
        ev.preventDefault?.();
        done(false);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    if (!ready) {
      worker.terminate();
      return null;
    }
    return new ChunkWorker(worker);
  }

  encrypt(secrets, index, slice, length, last) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The secrets are copied into the message (structured clone); the worker wipes its copy.
      this.worker.postMessage({ id, secrets: { fileKey: secrets.fileKey, noncePrefix: secrets.noncePrefix, fileId: secrets.fileId }, index, last, slice, length });
    });
  }

  /**
   * The receipt's keys (protocol.js deriveReceiptKeysAsync, §4.3) computed in the worker, so the page
   * stays responsive; `onProgress(0..1)` as it runs. Rejects with EncryptError when the worker fails (the
   * caller then derives them itself).
   */
  deriveReceiptKeys(receipt, salt, onProgress) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, keys: true });
      this.worker.postMessage({ id, op: 'receipt', receipt, salt });
    });
  }

  fail(e) {
    this.broken = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  close() {
    this.fail(new EncryptError('closed'));
    this.worker.terminate();
  }
}
