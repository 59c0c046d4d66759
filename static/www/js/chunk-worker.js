// The chunk encrypter (and the receipt's key derivation) in a Web Worker (module worker, same origin: the CSP's script-src 'self' covers
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
import { deriveReceiptKeysAsync, encryptChunk, wipe } from '../lib/protocol.js';

// { id, op: 'receipt', receipt, salt }: the receipt's keys (§4.3, Argon2id), which block the page's
// thread for seconds at "Safer" (Firefox runs no timer or input meanwhile). Answers { id, progress }
// while it runs, then { id, keys } (copied into the message; this copy is wiped) or { id, error }.
async function receiptKeys({ id, receipt, salt }) {
  let keys = null;
  try {
    keys = await deriveReceiptKeysAsync(receipt, salt, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, keys });
  } catch {
    self.postMessage({ id, error: 'derive_failed' });
  } finally {
    if (keys) wipe(...Object.values(keys));
  }
}

self.addEventListener('message', async (ev) => {
  if (ev.data?.op === 'receipt') {
    await receiptKeys(ev.data);
    return;
  }
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
