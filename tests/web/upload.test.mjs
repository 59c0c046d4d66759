// static/www/js/upload.js, the page's uploader.
//
// In node (no browser): the resume logic, the §9.2 MUST that a chunk is encrypted a second time only from
// the same plaintext, and the window of chunk PUTs in flight (never more than `parallel`, at most one
// record prepared ahead, a failure or an abort ending every request). The API object there is a test
// double at the module's boundary (the same methods as www/js/api.js) whose answers the test releases by
// hand, so the order of events is decided by the test, not by timing.
//
// In chromium and firefox-esr at "Safer" against the real dojavad (see the second half of this file).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { ApiError } from '../../static/www/js/api.js';
import { buildReport, encodeBody, fileRef } from '../../static/www/js/payload.js';
import { UPLOAD_PARALLEL, UploadError, uploadFile } from '../../static/www/js/upload.js';
import { BROWSERS, artifactsDir, launch, tmpDir, watch } from './browsers.mjs';
import { Instance, b64, dojavaCliPath, dojavadPath, haveDojavad, runCli } from './dojavad.mjs';

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

test('a rate-limited PUT waits at least the Retry-After the server asked for', async () => {
  const api = gatedApi();
  const ctl = new AbortController();
  const states = [];
  const outcome = uploadFile(api, new Blob([crypto.randomBytes(10)]), { signal: ctl.signal, delays: [1, 1, 1], onState: (s) => states.push(s) }).then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 1, 'one PUT in flight');
  api.st.pending[0].reject(new ApiError('rate_limited', 429, 3600));
  await until(() => states.length === 1, 'retrying');
  await settle();
  // The backoff of 1 ms would have asked again by now; the server said to wait an hour.
  assert.equal(api.st.asked, 1);
  ctl.abort();
  assert.equal((await outcome).code, 'aborted');
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
  await settle(); // chunk 3 read and encrypted (first pass: its tag is recorded)
  api.st.pending.find((p) => p.i === 0).reject(new ApiError('network', 0));
  api.st.pending.find((p) => p.i === 1).resolve();
  api.st.pending.find((p) => p.i === 2).resolve();
  // Second pass: 0 is sent again, then chunk 3 is read again and differs.
  const e = await outcome;
  assert.ok(e instanceof UploadError && e.code === 'file_changed', String(e));
  assert.deepEqual(api.st.cancelled, [0], 'the PUT in flight was cancelled');
  assert.deepEqual(api.st.puts, [0, 1, 2, 0], 'nothing was sent from the changed bytes');
});

// Regression: the per-request deadline (api.js REQUEST_TIMEOUT_MS, "a 512 KiB chunk at 10 KB/s takes about
// 52 s") was applied to each of the `parallel` PUTs in flight, which share one circuit: at 10 KB/s three
// chunks take about 157 s together, so every PUT hit the 120 s deadline, was retried, hit it again, and
// the upload ended as 'network' where one chunk at a time (no deadline before) got through. Here a real
// Api against a server on 127.0.0.1 that takes each PUT's body 1.5 deadlines to arrive (three streams
// sharing a link on which one alone would take half a deadline); an abandoned PUT stores nothing.
test('parallel PUTs sharing one link: the deadline of each counts the others in flight', async () => {
  const { Api } = await import('../../static/www/js/api.js');
  const http = await import('node:http');
  const timeoutMs = 500;
  const stored = new Map();
  let chunks = 0;
  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      if (req.method === 'POST') {
        chunks = JSON.parse(Buffer.concat(parts)).chunks;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ missing: [...Array(chunks).keys()].filter((i) => !stored.has(i)) }));
        return;
      }
      const i = Number(req.url.split('/').pop());
      // The body's last bytes "arrive" then: a PUT the client gave up on meanwhile stores nothing.
      setTimeout(() => {
        if (res.destroyed || req.socket.destroyed) return;
        stored.set(i, new Uint8Array(Buffer.concat(parts)));
        res.writeHead(204);
        res.end();
      }, 1.5 * timeoutMs);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const api = new Api({ base: `http://127.0.0.1:${server.address().port}`, timeoutMs, delays: [] });
    const data = crypto.randomBytes(3 * CH - 7);
    const ref = await uploadFile(api, new Blob([data]), { parallel: 3, delays: [1, 1] });
    const records = [0, 1, 2].map((i) => stored.get(i));
    assert.ok(Buffer.from(P.decryptChunks(ref, records, { chunks: 3, size: data.length })).equals(data));
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('parallel outside 1..UPLOAD_PARALLEL_MAX is refused', async () => {
  for (const parallel of [0, 5, 1.5]) await assert.rejects(uploadFile(gatedApi(), new Blob([Buffer.alloc(1)]), { parallel }), RangeError);
});

// --- In the browser, against the real dojavad ----------------------------------------------------------
//
// The page's own modules (www/js/api.js, upload.js) run in a page served by dojavad, on a real File
// picked through a file input; the uploaded file is then bound to a case and read back by a reviewer,
// with protocol.js and with the C++ CLI `dojava get` when it is built. What the page sends is observed
// from inside it: a wrapper around window.fetch, installed before the page's scripts, counts the chunk
// PUTs in flight (peak), the PUTs started and their answers. To hold PUTs in flight deterministically the
// test freezes dojavad (SIGSTOP: the kernel still accepts the connections and buffers what it can, the
// server answers nothing, like a stalled circuit) and thaws it (SIGCONT). A dropped connection is
// dojavad stopped and started again, as in e2e.test.mjs.

const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;
const SLOW = 180000;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs in the page before its scripts: counts chunk PUTs in flight and records them. */
function installFetchCounter() {
  const seen = (window.__net = { inflight: 0, peak: 0, puts: [], answers: [], failed: [], asked: [] });
  const orig = window.fetch;
  window.fetch = function (input, init) {
    if (init && init.method === 'POST' && /\/api\/v1\/uploads$/.test(String(input))) {
      // What the server said it lacks, and how many PUTs had started by then.
      return orig.apply(this, arguments).then((r) => {
        if (r.ok) {
          const entry = { at: seen.puts.length, missing: null };
          seen.asked.push(entry);
          r.clone().json().then((j) => (entry.missing = j.missing));
        }
        return r;
      });
    }
    const m = init && init.method === 'PUT' ? /\/chunks\/(\d+)$/.exec(String(input)) : null;
    if (!m) return orig.apply(this, arguments);
    const i = Number(m[1]);
    seen.inflight++;
    seen.peak = Math.max(seen.peak, seen.inflight);
    seen.puts.push(i);
    return orig.apply(this, arguments).then(
      (r) => {
        seen.inflight--;
        seen.answers.push([i, r.status]);
        return r;
      },
      (e) => {
        seen.inflight--;
        seen.failed.push(i);
        throw e;
      },
    );
  };
}

/**
 * A TCP relay on loopback to `port` that holds every byte `ms` milliseconds in each direction: a long
 * round trip like a Tor circuit's (bandwidth is not limited). Only for the timings recorded below.
 */
function slowLink(port, ms) {
  const sockets = new Set();
  const server = net.createServer((a) => {
    const b = net.connect(port, '127.0.0.1');
    for (const [from, to] of [[a, b], [b, a]]) {
      sockets.add(from);
      // Timers of one duration fire in the order they were set: the byte order is kept.
      from.on('data', (d) => setTimeout(() => to.destroyed || to.write(d), ms));
      from.on('end', () => setTimeout(() => to.end(), ms));
      from.on('error', () => setTimeout(() => to.destroy(), ms));
      from.on('close', () => sockets.delete(from));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => {
          for (const x of sockets) x.destroy();
          server.close();
        },
      }),
    ),
  );
}

/** The one-way delay of the timed uploads: a 0.8 s round trip, about an onion service's. */
const BENCH_ONE_WAY_MS = 400;

describe('in the browser against dojavad', { skip }, () => {
  let inst;
  let reviewers;
  let tmp;
  let file;
  let bytes;
  const CHUNKS = 7;
  before(async () => {
    // Every read-back logs in twice (this test and `dojava get`) within a second or two: the
    // per-circuit login bucket (burst 2, all of loopback is one circuit) is not what this tests.
    inst = await Instance.create({ extraArgs: ['rate.costly.circuit_per_second=0'] });
    reviewers = await inst.installRoster(['Ana Kovačević']);
    tmp = tmpDir('dojava-web-upload-');
    bytes = crypto.randomBytes(CHUNKS * CH - 1000);
    file = path.join(tmp, 'evidence.bin');
    fs.writeFileSync(file, bytes);
  });
  after(async () => {
    if (inst?.proc?.exitCode === null) process.kill(inst.proc.pid, 'SIGCONT');
    await inst?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const freeze = () => process.kill(inst.proc.pid, 'SIGSTOP');
  const thaw = () => process.kill(inst.proc.pid, 'SIGCONT');

  /**
   * Binds an upload to a new case as the submission page would (a report with its FILEREF), then reads
   * the file back as the reviewer: protocol.js over the reviewer API, and `dojava get` when built.
   */
  async function readBack(up, name) {
    const keys = P.deriveReceiptKeys(P.generateReceipt(), inst.salt);
    const caseId = P.randomBytes(16);
    const ck = P.randomBytes(32);
    const ref = fileRef({ fileId: P.base64urlDecode(up.fileId), fileKey: P.base64urlDecode(up.fileKey), noncePrefix: P.base64urlDecode(up.noncePrefix), chunks: up.chunks, size: up.size, name, mime: 'application/octet-stream' }, b64);
    const body = encodeBody(buildReport({ country: 'ME', incident: 'spyware', when: '', responsible: 'unknown', title: name }, 'upload test', [ref], b64(keys.sourcePublic)));
    const message = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: ck, body, signer: { author: P.AUTHOR_SOURCE, edSeed: keys.sourceSignSeed }, context: { rosterVersion: inst.roster.version, day: P.dayOf(Date.now()), prev: new Uint8Array(32) } });
    const sealed = [{ recipient: 'source', role: 'case', sealed: b64(P.wrapSourceKey(ck, keys.sourceWrap, P.ROLE_CK, caseId)) }];
    for (const r of reviewers) sealed.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(P.sealKey(ck, r.xPublic, P.ROLE_CK, caseId)) });
    await inst.api('source', 'POST', '/api/v1/cases', { json: { case_id: b64(caseId), lookup_key: b64(keys.lookupKey), source_public_key: b64(keys.sourcePublic), keys: sealed, message: b64(message), files: [ref.id] } });
    const token = await inst.login(reviewers[0]);
    const got = await inst.readFile(token, b64(caseId), ref);
    assert.ok(Buffer.from(got).equals(bytes), `${name}: the reviewer decrypts the file byte-identically`);
    if (fs.existsSync(dojavaCliPath())) {
      const out = path.join(tmp, `cli-${name}`);
      await runCli(inst, reviewers[0], ['get', b64(caseId), name, '-o', out]);
      assert.ok(fs.readFileSync(out).equals(bytes), `${name}: dojava get writes the same bytes`);
      fs.rmSync(out);
    } else {
      console.log(`# no dojava CLI at ${dojavaCliPath()}: checked with protocol.js only`);
    }
  }

  for (const kind of BROWSERS) {
    describe(kind, () => {
      let browser;
      before(async () => {
        browser = await launch(kind);
      });
      after(async () => {
        await browser?.close();
      });

      /** A page of dojavad (through `origin`) with the fetch counter, and `file` picked in a file input. */
      async function openPage(origin = inst.source) {
        const page = await browser.newPage();
        const w = await watch(page, origin);
        await page.evaluateOnNewDocument(installFetchCounter);
        await page.goto(`${origin}/index.html#lang=en`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        await page.evaluate(() => {
          const i = document.createElement('input');
          i.type = 'file';
          i.id = 't-file';
          document.body.append(i);
        });
        await (await page.$('#t-file')).uploadFile(file);
        await page.waitForFunction(() => document.getElementById('t-file').files.length === 1);
        return { page, w };
      }

      /**
       * Starts uploadFile in the page (not awaited: `window.__t.result`). `gateAt`: the first reading
       * of that chunk waits for `window.__t.release()` (the upload has then been created on the server).
       */
      function start(page, { parallel = UPLOAD_PARALLEL, gateAt = null, delays = [300, 600, 1200, 2400, 4800, 4800, 4800] } = {}) {
        return page.evaluate(
          async ({ parallel, gateAt, delays }) => {
            const [{ Api }, { uploadFile }, P] = await Promise.all([import('/js/api.js'), import('/js/upload.js'), import('/lib/protocol.js')]);
            const file = document.getElementById('t-file').files[0];
            const t = (window.__t = { reads: [], states: [], progress: [], gated: false });
            const gate = new Promise((r) => (t.release = r));
            const blob = {
              size: file.size,
              slice(s, e) {
                const i = s / P.CHUNK_PLAIN_BYTES;
                t.reads.push(i);
                const part = file.slice(s, e);
                const wait = i === gateAt && !t.gated;
                if (wait) t.gated = true;
                return { arrayBuffer: async () => (wait && (await gate), part.arrayBuffer()) };
              },
            };
            t.ctl = new AbortController();
            const t0 = performance.now();
            t.result = uploadFile(new Api({ delays }), gateAt === null ? file : blob, {
              parallel,
              delays,
              signal: t.ctl.signal,
              onState: (s) => t.states.push(s),
              onProgress: (p) => t.progress.push(p.done),
            }).then(
              (up) => ({ ms: performance.now() - t0, fileId: P.base64urlEncode(up.fileId), fileKey: P.base64urlEncode(up.fileKey), noncePrefix: P.base64urlEncode(up.noncePrefix), chunks: up.chunks, size: up.size }),
              (e) => ({ error: e.code || String(e), inflight: window.__net.inflight, puts: window.__net.puts.length }),
            );
          },
          { parallel, gateAt, delays },
        );
      }

      const observed = (page) => page.evaluate(() => ({ ...window.__net, reads: window.__t.reads, states: window.__t.states, progress: window.__t.progress }));
      const result = (page) => page.evaluate(() => window.__t.result);

      /** Uploads `file` with `parallel` PUTs at most; checks what went over the wire; returns the result. */
      async function uploadChecked(page, parallel) {
        await page.evaluate(() => Object.assign(window.__net, { inflight: 0, peak: 0, puts: [], answers: [], failed: [], asked: [] }));
        await start(page, { parallel });
        const up = await result(page);
        assert.ok(!up.error, `upload failed: ${up.error}`);
        const n = await observed(page);
        assert.ok(n.peak >= 1 && n.peak <= parallel, `peak ${n.peak} PUTs in flight with parallel = ${parallel}`);
        assert.equal(n.inflight, 0);
        assert.deepEqual([...n.puts].sort((a, b) => a - b), [...Array(CHUNKS).keys()], 'every chunk sent once');
        assert.ok(n.answers.every(([, st]) => st === 204));
        assert.deepEqual(n.progress, [0, ...Array.from({ length: CHUNKS }, (_, k) => k + 1), CHUNKS]);
        return { ...up, peak: n.peak };
      }

      test('N = 3 and N = 1: never more than N PUTs in flight, the file reads back byte-identically', { timeout: SLOW * 2 }, async () => {
        const { page, w } = await openPage();
        for (const parallel of [3, 1]) await readBack(await uploadChecked(page, parallel), `evidence-${kind}-n${parallel}.bin`);
        await w.assertClean(assert);
        await page.close();
      });

      // A measurement, not an assertion (no timed assertions in tests): the same file with N = 1 and
      // N = 3 over a link with a 0.8 s round trip, saved as build/web-artifacts/bench-upload-<browser>.json.
      test('upload time over a slow link, N = 1 vs N = 3, is measured and saved', { timeout: SLOW * 3 }, async () => {
        const link = await slowLink(inst.sourcePort, BENCH_ONE_WAY_MS);
        try {
          const { page, w } = await openPage(link.url);
          const bench = { browser: kind, chunks: CHUNKS, bytes: bytes.length, one_way_delay_ms: BENCH_ONE_WAY_MS, bandwidth: 'loopback (not limited)' };
          for (const parallel of [1, 3]) {
            const up = await uploadChecked(page, parallel);
            await readBack(up, `timed-${kind}-n${parallel}.bin`);
            bench[`ms_parallel_${parallel}`] = Math.round(up.ms);
            bench[`peak_parallel_${parallel}`] = up.peak;
          }
          bench.ratio_1_over_3 = Number((bench.ms_parallel_1 / bench.ms_parallel_3).toFixed(2));
          fs.writeFileSync(path.join(artifactsDir(), `bench-upload-${kind}.json`), JSON.stringify(bench, null, 1) + '\n');
          console.log(`# bench ${JSON.stringify(bench)}`);
          await w.assertClean(assert);
          await page.close();
        } finally {
          link.close();
        }
      });

      test('a stalled server: the window fills to exactly N PUTs and one record ahead, then the upload completes', { timeout: SLOW * 2 }, async () => {
        const { page, w } = await openPage();
        await start(page, { gateAt: 0 });
        await page.waitForFunction(() => window.__t.reads.length === 1, { timeout: SLOW });
        freeze();
        try {
          await page.evaluate(() => window.__t.release());
          await page.waitForFunction(() => window.__net.inflight === 3, { timeout: SLOW });
          await pause(1500); // room for a faulty uploader to send or read more
          const n = await observed(page);
          assert.deepEqual(n.puts, [0, 1, 2], 'three PUTs, no more');
          assert.equal(n.inflight, 3);
          assert.deepEqual(n.reads, [0, 1, 2, 3], 'one chunk read and encrypted ahead, no more');
          assert.deepEqual(n.progress, [0], 'nothing counted before the server confirms it');
        } finally {
          thaw();
        }
        const up = await result(page);
        assert.ok(!up.error, `upload failed: ${up.error}`);
        const n = await observed(page);
        assert.equal(n.peak, 3);
        assert.deepEqual(n.reads, [...Array(CHUNKS).keys()], 'each chunk read once');
        await readBack(up, `stalled-${kind}.bin`);
        await w.assertClean(assert);
        await page.close();
      });

      test('abort with N PUTs in flight: all are cancelled before uploadFile returns, none follows', { timeout: SLOW * 2 }, async () => {
        const { page, w } = await openPage();
        await start(page, { gateAt: 0 });
        await page.waitForFunction(() => window.__t.reads.length === 1, { timeout: SLOW });
        freeze();
        let r;
        try {
          await page.evaluate(() => window.__t.release());
          await page.waitForFunction(() => window.__net.inflight === 3, { timeout: SLOW });
          await page.evaluate(() => window.__t.ctl.abort());
          r = await result(page);
        } finally {
          thaw();
        }
        assert.deepEqual(r, { error: 'aborted', inflight: 0, puts: 3 }, 'no request was left running when uploadFile returned');
        await pause(1500); // a stray request would show up now, with the server answering again
        const n = await observed(page);
        assert.deepEqual(n.puts, [0, 1, 2]);
        assert.deepEqual(n.failed.sort(), [0, 1, 2]);
        assert.equal(n.inflight, 0);
        assert.deepEqual(n.progress, [0]);
        await w.assertClean(assert);
        await page.close();
      });

      test('a dropped connection with PUTs in flight: the upload resumes with the missing chunks only', { timeout: SLOW * 2 }, async () => {
        const { page, w } = await openPage();
        await start(page, { gateAt: 0 });
        await page.waitForFunction(() => window.__t.reads.length === 1, { timeout: SLOW });
        // Three PUTs in flight on a stalled server, then the server goes away (SIGTERM, its graceful
        // shutdown) and comes back 2 s later.
        freeze();
        let confirmedBefore;
        try {
          await page.evaluate(() => window.__t.release());
          await page.waitForFunction(() => window.__net.inflight === 3, { timeout: SLOW });
        } finally {
          const stopped = inst.stop();
          thaw();
          await stopped;
          confirmedBefore = new Set((await observed(page)).answers.filter(([, s]) => s === 204).map(([i]) => i));
          const putsBefore = (await observed(page)).puts.length;
          await pause(2000);
          await inst.start();
          confirmedBefore.putsBefore = putsBefore;
        }
        const up = await result(page);
        assert.ok(!up.error, `upload failed: ${up.error}`);
        const n = await observed(page);
        console.log(`# ${kind} resume: confirmed before the drop ${[...confirmedBefore]}; PUTs ${n.puts}; states ${n.states}`);
        assert.ok(n.peak <= 3, `peak ${n.peak}`);
        assert.deepEqual(n.states.slice(0, 2), ['retrying', 'uploading']);
        for (const i of n.puts.slice(confirmedBefore.putsBefore)) assert.ok(!confirmedBefore.has(i), `chunk ${i} was confirmed before the drop and sent again`);
        // Every pass sends only what the server said it lacked; the last answer lacks nothing.
        assert.ok(n.asked.length >= 3, `asked ${n.asked.length} times`);
        for (let k = 0; k + 1 < n.asked.length; k++) {
          const sent = n.puts.slice(n.asked[k].at, n.asked[k + 1].at);
          assert.ok(sent.length > 0 && sent.every((i) => n.asked[k].missing.includes(i)), `pass ${k}: sent ${sent}, missing ${n.asked[k].missing}`);
        }
        assert.deepEqual(n.asked.at(-1), { at: n.puts.length, missing: [] });
        assert.ok(n.asked.slice(1).every((a) => a.missing.every((i) => !confirmedBefore.has(i))));
        const stored = new Set(n.answers.filter(([, s]) => s === 204).map(([i]) => i));
        assert.equal(stored.size, CHUNKS, 'every chunk confirmed');
        assert.equal(n.progress.at(-1), CHUNKS);
        await readBack(up, `resumed-${kind}.bin`);
        await w.assertClean(assert);
        await page.close();
      });
    });
  }
});
