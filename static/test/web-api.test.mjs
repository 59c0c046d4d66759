// The page's API client (www/js/api.js) against a real HTTP server on 127.0.0.1 that misbehaves on
// purpose: every attempt has a deadline, a stalled answer is a transient 'timeout', a body cut off is
// 'network', the caller's signal wins over both, and no timer or listener outlives the attempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { Api, ApiError } from '../www/js/api.js';

// A server whose handler is chosen per test; every socket is destroyed at the end.
async function withServer(handler, body) {
  const sockets = new Set();
  const server = http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${server.address().port}`);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('the request succeeded');
}

test('a server that never answers: the attempt ends as a transient timeout', async () => {
  await withServer(
    () => {}, // reads the request, never answers
    async (base) => {
      const api = new Api({ base, timeoutMs: 300 });
      const e = await failure(api.putChunk('f', 0, new Uint8Array(1024)));
      assert.ok(e instanceof ApiError, String(e));
      assert.equal(e.code, 'timeout');
      assert.equal(e.transient, true);
    },
  );
});

test('an answer whose body stalls half-way is a timeout too', async () => {
  await withServer(
    (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"missing":');
    },
    async (base) => {
      const api = new Api({ base, timeoutMs: 300, delays: [] });
      const e = await failure(api.instance());
      assert.equal(e.code, 'timeout');
    },
  );
});

test('a body cut off by the server is network (transient), not a bad answer', async () => {
  await withServer(
    (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"missing":', () => req.socket.destroy());
    },
    async (base) => {
      const api = new Api({ base, delays: [] });
      const e = await failure(api.instance());
      assert.equal(e.code, 'network');
      assert.equal(e.transient, true);
    },
  );
});

test('a 200 that is not JSON is bad_answer, not retried', async () => {
  let requests = 0;
  await withServer(
    (req, res) => {
      requests++;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>');
    },
    async (base) => {
      const api = new Api({ base, delays: [1, 1, 1] });
      const e = await failure(api.instance());
      assert.equal(e.code, 'bad_answer');
      assert.equal(e.transient, false);
      assert.equal(requests, 1);
    },
  );
});

test("the caller's abort wins over the deadline, and stops the retries", async () => {
  let requests = 0;
  await withServer(
    () => {
      requests++;
    },
    async (base) => {
      const api = new Api({ base, timeoutMs: 60000, delays: [1, 1, 1] });
      const stop = new AbortController();
      const pending = failure(api.createUpload('f', 1, stop.signal));
      while (requests === 0) await new Promise((r) => setTimeout(r, 10));
      stop.abort();
      const e = await pending;
      assert.equal(e.code, 'aborted');
      assert.equal(requests, 1);
      // Already aborted: no request at all.
      const again = await failure(api.putChunk('f', 0, new Uint8Array(1), stop.signal));
      assert.equal(again.code, 'aborted');
      assert.equal(requests, 1);
    },
  );
});

test('a timed-out attempt is retried with the next attempt under its own deadline', async () => {
  let requests = 0;
  await withServer(
    (req, res) => {
      requests++;
      if (requests < 3) return; // the first two stall
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"name":"x"}');
    },
    async (base) => {
      const retries = [];
      const api = new Api({ base, timeoutMs: 300, delays: [1, 1, 1], onRetry: (n, e) => retries.push(e.code) });
      assert.deepEqual(await api.instance(), { name: 'x' });
      assert.deepEqual(retries, ['timeout', 'timeout']);
    },
  );
});

// Regression: the page sent X-Dojava-Lookup-Key (the returning source's credential) on every request
// while a source was signed in, also on the instance document and on the chunk PUTs of a follow-up's
// attachments (up to 3 connections at once). API.md takes it on /api/v1/source/* only; the CLI sends it
// nowhere else (cli/api_client.cc IsSourceTarget), so uploads stay unlinkable to the case until the
// message binds them.
test('the lookup key travels only on /api/v1/source/ routes', async () => {
  const seen = [];
  await withServer(
    (req, res) => {
      seen.push({ url: req.url, key: req.headers['x-dojava-lookup-key'] });
      req.resume();
      req.on('end', () => {
        if (req.method === 'PUT') {
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"missing":[]}');
        }
      });
    },
    async (base) => {
      const api = new Api({ base, delays: [] });
      api.lookupKey = 'k'.repeat(43);
      await api.instance();
      await api.createUpload('f', 1);
      await api.uploadStatus('f');
      await api.putChunk('f', 0, new Uint8Array(16));
      await api.sourceCase();
    },
  );
  assert.deepEqual(
    seen.map((s) => [s.url, s.key ?? null]),
    [
      ['/api/v1/instance', null],
      ['/api/v1/uploads', null],
      ['/api/v1/uploads/f', null],
      ['/api/v1/uploads/f/chunks/0', null],
      ['/api/v1/source/case', 'k'.repeat(43)],
    ],
  );
});

// Regression: the deadline sized for one 512 KiB chunk (REQUEST_TIMEOUT_MS) also bounded a page of the
// returning source's conversation, up to about 8 MiB of records (11 MiB of JSON, API.md): on the slow
// link the deadline allows for, such a page never arrived in time, and every retry started it over. Here
// a page of two chunks' worth of JSON, sent at a rate that would bring one chunk in 3/4 of a deadline.
test('a large conversation page gets the time its size needs at the rate a chunk is given', async () => {
  const timeoutMs = 400;
  const page = JSON.stringify({ case_id: 'c', sealed_key: 's', messages: [{ seq: 1, day: 1, record: 'A'.repeat(2 * 524305) }], more: false });
  await withServer(
    (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(page.length) });
      const step = Math.ceil(page.length / 12);
      let sent = 0;
      const more = () => {
        if (res.destroyed) return;
        res.write(page.slice(sent, sent + step));
        sent += step;
        if (sent < page.length) setTimeout(more, timeoutMs / 8);
        else res.end();
      };
      more();
    },
    async (base) => {
      const api = new Api({ base, timeoutMs, delays: [] });
      api.lookupKey = 'k'.repeat(43);
      const c = await api.sourceCase();
      assert.equal(c.messages[0].record.length, 2 * 524305);
    },
  );
});

// §12.1: the intermediate rosters of the chain rule come in pages of GET /api/v1/rosters?after=V; the next
// page starts after the last version received (bytes 17..25 of a signed roster, either version).
test('rostersAfter pages through GET /api/v1/rosters and refuses what is not a list of rosters', async () => {
  const roster = (v) => {
    const b = Buffer.alloc(100);
    b[0] = 2;
    b.writeBigUInt64BE(BigInt(v), 17);
    return b.toString('base64url');
  };
  const asked = [];
  await withServer(
    (req, res) => {
      const after = Number(new URL(req.url, 'http://x').searchParams.get('after'));
      asked.push(after);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (after === 99) return res.end('{"rosters": [1], "more": false}');
      const page = after < 4 ? [after + 1, after + 2] : [after + 1];
      res.end(JSON.stringify({ rosters: page.map(roster), more: after < 4 }));
    },
    async (base) => {
      const api = new Api({ base, delays: [] });
      const got = await api.rostersAfter(1n);
      assert.deepEqual(got.map((b) => Number(Buffer.from(b).readBigUInt64BE(17))), [2, 3, 4, 5, 6]);
      assert.deepEqual(asked, [1, 3, 5]);
      assert.equal((await failure(api.rostersAfter(99))).code, 'bad_answer');
    },
  );
});
