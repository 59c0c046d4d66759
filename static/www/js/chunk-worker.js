// The chunk encrypter in a Web Worker (module worker, same origin: the CSP's script-src 'self' covers
// it). It does one thing: §9.2 encryption of one chunk, read from the Blob slice it is given, so that a
// large upload does not hold the page's main thread (at Tor Browser's "Safer" level, without the JIT,
// a chunk takes about a quarter of a second). The page checks the records it gets back (upload.js: the
// §9.2 tag comparison) exactly as it checks its own.
//
// Messages in: { id, secrets: { fileKey, noncePrefix, fileId }, index, last, slice: Blob, length }.
// Messages out: { ready: true } once the imports loaded; { id, body, tag }: the record as a Blob (the
// page sends it as the PUT's body without copying it on its own thread) and its last 16 bytes (the AEAD
// tag, for the page's §9.2 check); or { id, error: 'file_changed' | 'encrypt_failed' }. The plaintext
// and this copy of the secrets are wiped before the answer leaves (best effort in JavaScript).
import { encryptChunk, wipe } from '../lib/protocol.js';

self.addEventListener('message', async (ev) => {
  const { id, secrets, index, last, slice, length } = ev.data || {};
  let plain = null;
  try {
    plain = new Uint8Array(await slice.arrayBuffer());
    if (plain.length !== length) {
      self.postMessage({ id, error: 'file_changed' });
      return;
    }
    const record = encryptChunk(secrets, index, plain, last);
    const tag = record.slice(record.length - 16);
    self.postMessage({ id, body: new Blob([record], { type: 'application/octet-stream' }), tag });
  } catch {
    self.postMessage({ id, error: 'encrypt_failed' });
  } finally {
    if (plain) wipe(plain);
    if (secrets) wipe(secrets.fileKey, secrets.noncePrefix, secrets.fileId);
  }
});

self.postMessage({ ready: true });
