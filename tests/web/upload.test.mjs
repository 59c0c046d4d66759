// static/www/js/upload.js in node (no browser): the resume logic and the §9.2 MUST that a chunk is
// encrypted a second time only from the same plaintext. The API object here is a test double at the
// module's boundary (the same methods as www/js/api.js); the real server is exercised by e2e.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as P from '../../static/js/protocol.js';
import { ApiError } from '../../static/www/js/api.js';
import { UploadError, uploadFile } from '../../static/www/js/upload.js';

const CH = 524288;

/** Stores chunks like the server; `dropOnce` indexes fail once with a network error. */
function apiDouble({ dropOnce = [] } = {}) {
  const drops = new Set(dropOnce);
  const st = { chunks: null, stored: new Map(), puts: [] };
  return {
    st,
    async createUpload(fileId, chunks) {
      st.fileId = fileId;
      st.chunks = chunks;
      return { file_id: fileId, chunks, missing: [...Array(chunks).keys()].filter((i) => !st.stored.has(i)) };
    },
    async putChunk(fileId, i, record) {
      st.puts.push(i);
      if (drops.has(i)) {
        drops.delete(i);
        throw new ApiError('network', 0);
      }
      if (st.stored.has(i)) assert.ok(Buffer.from(st.stored.get(i)).equals(Buffer.from(record)), 'a re-sent chunk has the same bytes');
      st.stored.set(i, record.slice());
      return null;
    },
  };
}

test('a dropped chunk is re-sent alone after asking what is missing, and the file decrypts', async () => {
  const data = crypto.randomBytes(3 * CH + 10);
  const api = apiDouble({ dropOnce: [1] });
  const states = [];
  const ref = await uploadFile(api, new Blob([data]), { delays: [1, 1, 1], onState: (s) => states.push(s) });
  assert.equal(ref.chunks, 4);
  // 0 ok, 1 dropped; then the server says 1, 2, 3 are missing: each is sent once more.
  assert.deepEqual(api.st.puts, [0, 1, 1, 2, 3]);
  assert.deepEqual(states, ['retrying', 'uploading']);
  const records = [0, 1, 2, 3].map((i) => api.st.stored.get(i));
  assert.ok(Buffer.from(P.decryptChunks(ref, records, { chunks: 4, size: data.length })).equals(data));
});

test('§9.2: a file that changed between two encryptions of a chunk aborts the upload', async () => {
  const data = crypto.randomBytes(2 * CH);
  let reads = 0;
  // A Blob whose second reading of chunk 1 returns other bytes (the file changed on disk).
  const blob = {
    size: data.length,
    slice(s, e) {
      const part = data.subarray(s, e);
      const changed = s === CH && reads++ > 0;
      return { arrayBuffer: async () => (changed ? Buffer.alloc(part.length, 7) : Buffer.from(part)).buffer.slice(0) };
    },
  };
  const api = apiDouble({ dropOnce: [1] });
  await assert.rejects(uploadFile(api, blob, { delays: [1, 1, 1] }), (e) => e instanceof UploadError && e.code === 'file_changed');
  assert.deepEqual(api.st.puts, [0, 1], 'nothing was encrypted from the changed bytes');
});

test('the connection never comes back: the upload stops with a network error after the retries', async () => {
  const api = apiDouble();
  api.putChunk = async () => {
    throw new ApiError('network', 0);
  };
  await assert.rejects(uploadFile(api, new Blob([Buffer.alloc(10)]), { delays: [1, 1] }), (e) => e.code === 'network');
});

test('a file over the instance limit is refused before anything is sent', async () => {
  const api = apiDouble();
  await assert.rejects(uploadFile(api, { size: 3 * CH, slice() {} }, { maxChunks: 3 }), (e) => e.code === 'too_large');
  assert.equal(api.st.chunks, null);
});
