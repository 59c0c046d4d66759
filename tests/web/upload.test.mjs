// static/www/js/upload.js, the page's uploader.
//
// In node (no browser): the resume logic, the §9.2 MUST that a chunk is encrypted a second time only from
// the same plaintext, and the window of chunk PUTs in flight (never more than `parallel`, at most one
// record prepared ahead, a failure or an abort ending every request). The API object there is a test
// double at the module's boundary (the same methods as www/js/api.js) whose answers the test releases by
// hand, so the order of events is decided by the test, not by timing.
//
// In chromium and firefox-esr at "Safer" against the real dojavad (see the second half of this file).
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
  // One in flight: the order of PUTs is fixed (the window is tested below).
  const ref = await uploadFile(api, new Blob([data]), { delays: [1, 1, 1], onState: (s) => states.push(s), parallel: 1 });
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

// --- The window of PUTs in flight ------------------------------------------------------------------

/** Lets every pending promise and I/O callback run (the double answers only when the test says so). */
const settle = () => new Promise((r) => setTimeout(r, 30));

async function until(cond, what) {
  for (let n = 0; n < 500; n++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never happened: ${what}`);
}

/**
 * A server double whose PUT answers the test releases: `pending` holds { i, resolve, reject } per PUT
 * in flight; `auto` answers at once. Honours the signal like fetch (ApiError 'aborted'). Records the
 * most PUTs in flight at once, every PUT started, and the signals it was given.
 */
function gatedApi() {
  const st = { stored: new Map(), puts: [], pending: [], peak: 0, auto: false, asked: 0, cancelled: [] };
  const api = {
    st,
    async createUpload(fileId, chunks) {
      st.asked++;
      st.chunks = chunks;
      return { file_id: fileId, chunks, missing: [...Array(chunks).keys()].filter((i) => !st.stored.has(i)) };
    },
    putChunk(fileId, i, record, signal) {
      st.puts.push(i);
      if (st.auto) {
        st.stored.set(i, record.slice());
        return Promise.resolve(null);
      }
      return new Promise((resolve, reject) => {
        let open = true;
        const done = () => {
          if (!open) throw new Error(`PUT ${i} answered twice`);
          open = false;
          st.pending.splice(st.pending.indexOf(p), 1);
        };
        const p = {
          i,
          resolve: () => {
            done();
            st.stored.set(i, record.slice());
            resolve(null);
          },
          reject: (e) => {
            done();
            reject(e);
          },
        };
        signal?.addEventListener('abort', () => {
          if (!open) return;
          st.cancelled.push(i);
          p.reject(new ApiError('aborted', 0));
        }, { once: true });
        st.pending.push(p);
        st.peak = Math.max(st.peak, st.pending.length);
      });
    },
  };
  return api;
}

/** A Blob that counts the chunks read from it (uploadFile uses only `size` and `slice`). */
function countedBlob(data) {
  const blob = new Blob([data]);
  const reads = [];
  return { reads, size: blob.size, slice: (s, e) => (reads.push(s / CH), blob.slice(s, e)) };
}

const decrypts = (api, ref, data) => Buffer.from(P.decryptChunks(ref, [...Array(ref.chunks).keys()].map((i) => api.st.stored.get(i)), { chunks: ref.chunks, size: data.length })).equals(data);

test('parallel = 3: three PUTs in flight, one record prepared ahead, progress only for confirmed chunks', async () => {
  const data = crypto.randomBytes(8 * CH - 5);
  const api = gatedApi();
  const blob = countedBlob(data);
  const progress = [];
  const up = uploadFile(api, blob, { onProgress: (p) => progress.push(p.done) });
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  await settle();
  // The window is full: nothing more is sent, and exactly one more chunk was read and encrypted.
  assert.deepEqual(api.st.puts, [0, 1, 2]);
  assert.deepEqual(blob.reads, [0, 1, 2, 3]);
  assert.deepEqual(progress, [0], 'nothing confirmed yet');
  // One answer frees one place: the prepared chunk goes at once, and the one after it is prepared.
  api.st.pending.find((p) => p.i === 1).resolve();
  await until(() => api.st.puts.length === 4, 'the prepared chunk is sent');
  await settle();
  assert.deepEqual(api.st.puts, [0, 1, 2, 3]);
  assert.deepEqual(blob.reads, [0, 1, 2, 3, 4]);
  assert.deepEqual(progress, [0, 1]);
  // Answer the rest in the order they arrive; the window never grows past three.
  while (api.st.puts.length < 8 || api.st.pending.length) {
    await until(() => api.st.pending.length > 0, 'a PUT in flight');
    api.st.pending[0].resolve();
    await settle();
  }
  const ref = await up;
  assert.equal(api.st.peak, 3);
  assert.deepEqual([...api.st.puts].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(blob.reads, [0, 1, 2, 3, 4, 5, 6, 7], 'every chunk read exactly once');
  assert.deepEqual(progress, [0, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
  assert.ok(decrypts(api, ref, data));
});

test('parallel = 1 sends one chunk at a time', async () => {
  const data = crypto.randomBytes(3 * CH - 1);
  const api = gatedApi();
  const up = uploadFile(api, countedBlob(data), { parallel: 1 });
  for (let n = 0; n < 3; n++) {
    await until(() => api.st.pending.length === 1, 'one PUT in flight');
    await settle();
    assert.equal(api.st.pending.length, 1);
    api.st.pending[0].resolve();
  }
  assert.ok(decrypts(api, await up, data));
  assert.equal(api.st.peak, 1);
});

test('a PUT that fails among several: no new PUT starts, the others finish, then only the missing chunks go', async () => {
  const data = crypto.randomBytes(6 * CH - 1);
  const api = gatedApi();
  const states = [];
  const up = uploadFile(api, countedBlob(data), { delays: [1, 1, 1], onState: (s) => states.push(s) });
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  await settle();
  api.st.pending.find((p) => p.i === 1).reject(new ApiError('network', 0));
  await settle();
  assert.deepEqual(api.st.puts, [0, 1, 2], 'nothing new after the failure');
  assert.equal(api.st.asked, 1, 'the server is not asked while PUTs are still in flight');
  assert.deepEqual(states, []);
  // The two others were stored; their answers arrive.
  api.st.pending.find((p) => p.i === 0).resolve();
  api.st.pending.find((p) => p.i === 2).resolve();
  api.st.auto = true;
  const ref = await up;
  assert.deepEqual(states, ['retrying', 'uploading']);
  assert.equal(api.st.asked, 3, 'asked at the start, after the failed pass, after the second pass');
  // Second pass: the server lacked 1, 3, 4, 5 and only those were sent.
  assert.deepEqual(api.st.puts.slice(3).sort(), [1, 3, 4, 5]);
  assert.ok(decrypts(api, ref, data));
});

test('an answer lost after the server stored the chunk: the chunk is not sent again', async () => {
  const data = crypto.randomBytes(4 * CH - 1);
  const api = gatedApi();
  const up = uploadFile(api, countedBlob(data), { delays: [1, 1, 1] });
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  const p1 = api.st.pending.find((p) => p.i === 1);
  api.st.stored.set(1, null); // stored...
  p1.reject(new ApiError('network', 0)); // ...but the answer never arrived
  api.st.pending.find((p) => p.i === 0).resolve();
  api.st.pending.find((p) => p.i === 2).resolve();
  api.st.auto = true;
  await up;
  assert.deepEqual(api.st.puts, [0, 1, 2, 3]);
});

test('a refused PUT (409) cancels the others in flight; the upload fails with it and nothing else starts', async () => {
  const data = crypto.randomBytes(6 * CH);
  const api = gatedApi();
  const up = uploadFile(api, countedBlob(data), { delays: [1, 1, 1] });
  const outcome = up.then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  api.st.pending.find((p) => p.i === 2).reject(new ApiError('conflict', 409));
  const e = await outcome;
  assert.ok(e instanceof ApiError && e.code === 'conflict', String(e));
  // By the time the promise settled, every other PUT had been cancelled through its signal.
  assert.deepEqual(api.st.cancelled.sort(), [0, 1]);
  assert.equal(api.st.pending.length, 0);
  await settle();
  assert.deepEqual(api.st.puts, [0, 1, 2]);
  assert.equal(api.st.asked, 1);
});

test('abort: every PUT in flight is cancelled before the promise settles, and no request follows', async () => {
  const data = crypto.randomBytes(8 * CH);
  const api = gatedApi();
  const blob = countedBlob(data);
  const ctl = new AbortController();
  const outcome = uploadFile(api, blob, { signal: ctl.signal }).then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  await settle();
  ctl.abort();
  const e = await outcome;
  assert.ok(e instanceof ApiError && e.code === 'aborted', String(e));
  assert.deepEqual(api.st.cancelled.sort(), [0, 1, 2]);
  assert.equal(api.st.pending.length, 0);
  await settle();
  assert.deepEqual(api.st.puts, [0, 1, 2]);
  assert.equal(api.st.asked, 1);
  assert.ok(blob.reads.length <= 4);
});

test('abort while waiting to retry stops at once; an aborted signal sends nothing', async () => {
  const api = gatedApi();
  const ctl = new AbortController();
  const states = [];
  const outcome = uploadFile(api, new Blob([crypto.randomBytes(2 * CH - 1)]), { signal: ctl.signal, delays: [60000], onState: (s) => states.push(s) }).then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 2, 'two PUTs in flight');
  for (const p of [...api.st.pending]) p.reject(new ApiError('network', 0));
  await until(() => states.length === 1, 'retrying');
  ctl.abort();
  const e = await outcome;
  assert.equal(e.code, 'aborted');
  assert.equal(api.st.asked, 1);

  const before = api.st.puts.length;
  await assert.rejects(uploadFile(api, new Blob([Buffer.alloc(10)]), { signal: ctl.signal }), (x) => x.code === 'aborted');
  assert.equal(api.st.puts.length, before);
});

test('§9.2 with several in flight: a chunk that changed on re-encryption cancels the upload', async () => {
  const data = crypto.randomBytes(5 * CH - 1);
  let readsOf3 = 0;
  const blob = {
    size: data.length,
    slice(s, e) {
      const part = data.subarray(s, e);
      const changed = s === 3 * CH && readsOf3++ > 0;
      return { arrayBuffer: async () => (changed ? Buffer.alloc(part.length, 7) : Buffer.from(part)).buffer.slice(0) };
    },
  };
  const api = gatedApi();
  const outcome = uploadFile(api, blob, { delays: [1, 1, 1] }).then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 3, 'three PUTs in flight');
  await settle(); // chunk 3 read and encrypted (first pass: its digest is recorded)
  api.st.pending.find((p) => p.i === 0).reject(new ApiError('network', 0));
  api.st.pending.find((p) => p.i === 1).resolve();
  api.st.pending.find((p) => p.i === 2).resolve();
  // Second pass: 0 is sent again, then chunk 3 is read again and differs.
  const e = await outcome;
  assert.ok(e instanceof UploadError && e.code === 'file_changed', String(e));
  assert.deepEqual(api.st.cancelled, [0], 'the PUT in flight was cancelled');
  assert.deepEqual(api.st.puts, [0, 1, 2, 0], 'nothing was sent from the changed bytes');
});

test('parallel outside 1..UPLOAD_PARALLEL_MAX is refused', async () => {
  for (const parallel of [0, 5, 1.5]) await assert.rejects(uploadFile(gatedApi(), new Blob([Buffer.alloc(1)]), { parallel }), RangeError);
});
