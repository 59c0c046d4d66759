// Our own tests of protocol/attachment.js (§9): chunks and the streaming decryptor: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { throwsCode, outcome, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §9 attachments

const CS = P.CHUNK_PLAIN_BYTES;

test('chunks: count formula', () => {
  assert.equal(P.chunkCount(0), 1);
  assert.equal(P.chunkCount(1), 1);
  assert.equal(P.chunkCount(CS - 1), 1);
  assert.equal(P.chunkCount(CS), 2);
  assert.equal(P.chunkCount(2 * CS + 5), 3);
  assert.equal(P.chunkCount(2 * 1024 ** 3), 4097);
});

test('chunks: round trips at the size edges, deterministic re-encryption', () => {
  const secrets = P.newFileSecrets();
  for (const size of [0, 1, CS - 1, CS, CS + 1, 2 * CS]) {
    const data = P.randomBytes(size);
    const recs = P.encryptFile(secrets, data);
    assert.equal(recs.length, P.chunkCount(size));
    for (const r of recs) assert.equal(r.length, P.CHUNK_RECORD_BYTES);
    assert.deepEqual(P.decryptChunks(secrets, recs), data, `size ${size}`);
    // Chunk n re-encrypted gives the same bytes (resumable uploads).
    assert.deepEqual(P.encryptFile(secrets, data)[recs.length - 1], recs[recs.length - 1]);
    // Random access with a known count.
    const last = recs.length - 1;
    assert.deepEqual(P.decryptChunk(secrets, last, recs[last], true), data.subarray(last * CS));
  }
});

test('chunks: record layout follows §9.2 exactly', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(10);
  const [rec] = P.encryptFile(secrets, data);
  const nonce = P.concatBytes(secrets.noncePrefix, P.u32(0));
  const ad = P.concatBytes(P.L('dojava/v1/chunk'), Uint8Array.of(1), secrets.fileId, P.u32(0), Uint8Array.of(1));
  const block = P.aeadDecrypt(secrets.fileKey, nonce, ad, rec.subarray(1));
  assert.equal(rec[0], 1);
  assert.deepEqual(block.subarray(0, 10), data);
  assert.equal(block[10], 0x80);
  assert.ok(block.subarray(11).every((b) => b === 0));
});

test('chunks: truncated, extended, reordered, duplicated, foreign, flipped', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(2 * CS + 100);
  const recs = P.encryptFile(secrets, data);
  assert.equal(recs.length, 3);
  const run = (list) => outcome(() => P.decryptChunks(secrets, list));
  assert.equal(run(recs), 'success');
  assert.equal(run([]), 'truncated');
  assert.equal(run(recs.slice(0, 2)), 'truncated');
  assert.equal(run(recs.slice(0, 1)), 'truncated');
  assert.equal(run([...recs, recs[2]]), 'extended');
  assert.equal(run([...recs, P.randomBytes(P.CHUNK_RECORD_BYTES)]), 'extended');
  assert.equal(run([recs[1], recs[0], recs[2]]), 'decrypt_failed');
  assert.equal(run([recs[0], recs[0], recs[1], recs[2]]), 'decrypt_failed');
  assert.equal(run([recs[0], recs[2]]), 'decrypt_failed');
  const other = P.encryptFile(P.newFileSecrets(), data);
  assert.equal(run([recs[0], other[1], recs[2]]), 'decrypt_failed');
  const sameKeyOtherId = { ...secrets, fileId: P.randomBytes(16) };
  assert.equal(outcome(() => P.decryptChunks(sameKeyOtherId, recs)), 'decrypt_failed');
  assert.equal(run([recs[0], recs[1].subarray(0, P.CHUNK_RECORD_BYTES - 1), recs[2]]), 'malformed');
  const v2 = recs[1].slice();
  v2[0] = 2;
  assert.equal(run([recs[0], v2, recs[2]]), 'unsupported_version');
  // §1: the version before the size (a short record with version 2 is unsupported_version).
  assert.equal(run([recs[0], v2.subarray(0, 10)]), 'unsupported_version');
  assert.equal(run([v2.subarray(0, 1)]), 'unsupported_version');
  assert.equal(run([recs[0], new Uint8Array(0)]), 'malformed');
  for (const pos of [1, 1000, P.CHUNK_RECORD_BYTES - 17, P.CHUNK_RECORD_BYTES - 1]) {
    assert.equal(run([recs[0], recs[1], flipped(recs[2], pos)]), 'decrypt_failed', `last chunk byte ${pos}`);
    assert.equal(run([recs[0], flipped(recs[1], pos), recs[2]]), 'decrypt_failed', `middle chunk byte ${pos}`);
  }
});

test('chunks: streaming decryptor emits with one chunk of look-ahead and dies after an error', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(CS + 3);
  const recs = P.encryptFile(secrets, data);
  const d = new P.ChunkStreamDecryptor(secrets);
  assert.equal(d.push(recs[0]), null);
  assert.deepEqual(d.push(recs[1]), data.subarray(0, CS));
  assert.deepEqual(d.finish(), data.subarray(CS));
  throwsCode(() => d.push(recs[1]), 'extended');
  const e = new P.ChunkStreamDecryptor(secrets);
  e.push(recs[1]);
  // Index 0 holds what is really chunk 1 (the last): it opens neither as a middle nor as a last chunk 0.
  throwsCode(() => e.push(recs[0]), 'decrypt_failed');
  throwsCode(() => e.finish(), 'malformed'); // dead after an error
  // Any data after the chunk that opened as last is `extended`, even bytes that are not a record.
  const x = new P.ChunkStreamDecryptor(secrets);
  x.push(recs[0]);
  x.push(recs[1]);
  throwsCode(() => x.push(new Uint8Array(1)), 'extended');
});

test('chunks: a byte stream cut anywhere gives the same outcomes as whole records', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(2 * CS + 77);
  const recs = P.encryptFile(secrets, data);
  const cuts = [1, 7, 4096, CS, P.CHUNK_RECORD_BYTES, P.CHUNK_RECORD_BYTES + 1, 3 * P.CHUNK_RECORD_BYTES];
  const runBytes = (parts, n, ref) => {
    const all = P.concatBytes(...parts);
    const slices = [];
    for (let o = 0; o < all.length; o += n) slices.push(all.subarray(o, o + n));
    return P.decryptChunkStream(secrets, slices, ref);
  };
  const outcomeBytes = (parts, n, ref) => outcome(() => runBytes(parts, n, ref));
  for (const n of cuts) {
    const r = runBytes(recs, n);
    assert.deepEqual(r.plaintext, data, `slice ${n}`);
    assert.equal(r.chunks, 3);
    assert.equal(r.size, data.length);
    assert.equal(outcomeBytes(recs, n, { chunks: 3, size: data.length }), 'success');
    assert.equal(outcomeBytes([], n), 'truncated');
    assert.equal(outcomeBytes(recs.slice(0, 2), n), 'truncated');
    assert.equal(outcomeBytes([...recs, Uint8Array.of(0)], n), 'extended'); // even a byte whose "version" is 0
    assert.equal(outcomeBytes([...recs, recs[2]], n), 'extended');
    assert.equal(outcomeBytes([recs[0], recs[1].subarray(0, 1000)], n), 'malformed'); // cut inside a record
    assert.equal(outcomeBytes([recs[0], recs[1], recs[2].subarray(0, P.CHUNK_RECORD_BYTES - 1)], n), 'malformed');
    const v2 = recs[1].slice();
    v2[0] = 2;
    assert.equal(outcomeBytes([recs[0], v2.subarray(0, 10)], n), 'unsupported_version');
    assert.equal(outcomeBytes([recs[1], recs[0], recs[2]], n), 'decrypt_failed');
  }
  // Plaintext is released only after the chunk authenticated, one record behind the input.
  const d = new P.ChunkStreamDecryptor(secrets);
  assert.deepEqual(d.write(recs[0]), []);
  assert.deepEqual(d.write(recs[1].subarray(0, 1)), [data.subarray(0, CS)]);
  assert.throws(() => d.push(recs[2]), /cannot be mixed/);
});

test('chunks: the file reference (§11) must match what the stream delivered', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(CS + 5);
  const recs = P.encryptFile(secrets, data);
  assert.deepEqual(P.decryptChunks(secrets, recs, { chunks: 2, size: CS + 5 }), data);
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 3, size: CS + 5 })), 'malformed');
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 2, size: CS + 4 })), 'malformed');
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 2, size: -1 })), 'malformed');
  // Stream outcomes come first: a truncated stream is `truncated`, whatever the reference says.
  assert.equal(outcome(() => P.decryptChunks(secrets, recs.slice(0, 1), { chunks: 2, size: CS + 5 })), 'truncated');
});

test('chunks: more than 2^20 records is malformed', () => {
  const secrets = P.newFileSecrets();
  const max = P.CHUNK_MAX_COUNT;
  // Building 2^20 records is 512 GiB; start the decryptor at the last allowed index instead (internal).
  const d = new P.ChunkStreamDecryptor(secrets);
  d._index = max - 1;
  const middle = P.encryptChunk(secrets, max - 1, new Uint8Array(CS), false);
  assert.equal(d.push(middle), null);
  throwsCode(() => d.push(middle), 'malformed');
  // Index 2^20 − 1 as the last chunk is fine.
  const e = new P.ChunkStreamDecryptor(secrets);
  e._index = max - 1;
  e.push(P.encryptChunk(secrets, max - 1, Uint8Array.of(1, 2), true));
  assert.deepEqual(e.finish(), Uint8Array.of(1, 2));
});

test('chunks: last-chunk padding must be 0x80 then zeros', () => {
  const secrets = P.newFileSecrets();
  const seal = (block) =>
    P.concatBytes(
      Uint8Array.of(1),
      P.aeadEncrypt(secrets.fileKey, P.concatBytes(secrets.noncePrefix, P.u32(0)), P.concatBytes(P.L('dojava/v1/chunk'), Uint8Array.of(1), secrets.fileId, P.u32(0), Uint8Array.of(1)), block),
    );
  const zero = new Uint8Array(CS);
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(zero)])), 'malformed'); // no marker at all
  const b1 = zero.slice();
  b1[5] = 0x80;
  b1[CS - 1] = 1;
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(b1)])), 'malformed'); // junk after marker
  const b2 = zero.slice();
  b2[5] = 0x81;
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(b2)])), 'malformed'); // wrong marker
  const b3 = zero.slice();
  b3[CS - 1] = 0x80;
  assert.equal(P.decryptChunks(secrets, [seal(b3)]).length, CS - 1); // fullest possible last chunk
  const b4 = zero.slice();
  b4[0] = 0x80;
  assert.equal(P.decryptChunks(secrets, [seal(b4)]).length, 0); // the empty file
});
