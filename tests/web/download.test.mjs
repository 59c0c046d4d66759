// static/www/js/download.js, the returning source's downloader (issue 19).
//
// In node: the window of chunk GETs in flight (never more than `parallel`, records handed to the
// decryptor in order whatever order they arrive in), a substituted chunk in the middle of a parallel run
// ending every request, and Cancel. The API object is a test double at the module's boundary (the
// method of www/js/api.js) whose answers the test releases by hand, so the order of events is decided by
// the test, not by timing.
//
// In Chromium against the real dojavad: the return page downloads a reviewer's file with three chunk
// GETs in flight, byte for byte, with progress in bytes; Cancel stops every request and saves nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as P from '../../static/js/protocol.js';
import { ApiError } from '../../static/www/js/api.js';
import { DOWNLOAD_PARALLEL, DOWNLOAD_PARALLEL_MAX, downloadFile } from '../../static/www/js/download.js';
import { BROWSERS, launch, screenshot, watch } from './browsers.mjs';
import { Instance, b64, dojavadPath, haveDojavad } from './dojavad.mjs';

const CH = 524288;
const settle = () => new Promise((r) => setTimeout(r, 30));

async function until(cond, what) {
  for (let n = 0; n < 500; n++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never happened: ${what}`);
}

/** A file encrypted as a reviewer's attachment: its FILEREF fields and its records. */
function encrypted(size) {
  const data = crypto.randomBytes(size);
  const s = P.newFileSecrets();
  const records = P.encryptFile(s, data);
  return { data, records, file: { fileId: s.fileId, fileKey: s.fileKey, noncePrefix: s.noncePrefix, chunks: records.length, size } };
}

/** sourceChunk() as api.js, answered by the test: `pending` lists the GETs in flight. */
function gatedApi(records, { swap = {} } = {}) {
  const st = { gets: [], pending: [], peak: 0, cancelled: [], timeouts: [] };
  return {
    st,
    sourceChunk(fileId, i, signal, streams) {
      st.gets.push(i);
      st.timeouts.push(streams);
      return new Promise((resolve, reject) => {
        const p = {
          i,
          resolve: () => {
            st.pending.splice(st.pending.indexOf(p), 1);
            resolve(records[swap[i] ?? i].slice());
          },
          reject: (e) => {
            st.pending.splice(st.pending.indexOf(p), 1);
            reject(e);
          },
        };
        signal?.addEventListener('abort', () => {
          if (!st.pending.includes(p)) return;
          st.cancelled.push(i);
          p.reject(new ApiError('aborted', 0));
        }, { once: true });
        st.pending.push(p);
        st.peak = Math.max(st.peak, st.pending.length);
      });
    },
  };
}

const bytesOf = async (blob) => Buffer.from(await blob.arrayBuffer());

test('three GETs in flight, answered out of order: the file comes out whole, progress in order', async () => {
  const { data, records, file } = encrypted(7 * CH + 5); // 8 chunks
  const api = gatedApi(records);
  const progress = [];
  const down = downloadFile(api, file, { onProgress: (p) => progress.push(p.bytes) });
  await until(() => api.st.pending.length === DOWNLOAD_PARALLEL, 'three GETs in flight');
  await settle();
  assert.deepEqual(api.st.gets, [0, 1, 2], 'the window is full: nothing more is asked');
  // Chunk 2 and 1 arrive before 0: nothing is decrypted and no new GET starts until 0 is in.
  api.st.pending.find((p) => p.i === 2).resolve();
  api.st.pending.find((p) => p.i === 1).resolve();
  await settle();
  assert.deepEqual(api.st.gets, [0, 1, 2]);
  assert.deepEqual(progress, []);
  api.st.pending.find((p) => p.i === 0).resolve();
  await until(() => api.st.gets.length === 6, 'three more GETs');
  assert.deepEqual(progress, [CH, 2 * CH, 3 * CH]);
  while (api.st.gets.length < 8 || api.st.pending.length) {
    await until(() => api.st.pending.length > 0, 'a GET in flight');
    api.st.pending.at(-1).resolve(); // always the newest first
    await settle();
  }
  assert.ok((await bytesOf(await down)).equals(data));
  assert.equal(api.st.peak, 3);
  assert.deepEqual(api.st.gets, [0, 1, 2, 3, 4, 5, 6, 7], 'every chunk asked once');
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7].map((k) => k * CH).concat([data.length]));
  assert.ok(api.st.timeouts.every((s) => s === DOWNLOAD_PARALLEL), 'each GET gets the deadline of its share of the circuit');
});

test('a substituted chunk in the middle of a parallel run fails the download and cancels the GETs in flight', async () => {
  const { records, file } = encrypted(9 * CH); // 10 chunks, the last one empty
  const api = gatedApi(records, { swap: { 4: 5 } }); // the server sends chunk 5's record as chunk 4
  const outcome = downloadFile(api, file, { parallel: 4 }).then(() => 'done', (e) => e);
  // The decryptor opens a record once the next one arrives (it holds one, §9.2 "last"): chunk 4 fails
  // when chunk 5 is in.
  for (let n = 0; n < 6; n++) {
    await until(() => api.st.pending.some((p) => p.i === n), `GET ${n}`);
    api.st.pending.find((p) => p.i === n).resolve();
  }
  const e = await outcome;
  assert.ok(!(e instanceof ApiError) && e.code === 'decrypt_failed', String(e)); // the page's DojavaError (www/lib)
  assert.equal(api.st.pending.length, 0, 'no GET left running');
  assert.deepEqual(api.st.cancelled.sort(), [6, 7, 8]);
  await settle();
  assert.deepEqual(api.st.gets, [0, 1, 2, 3, 4, 5, 6, 7, 8], 'nothing asked after the failure');
});

test('Cancel: every GET in flight is cancelled before the promise settles, and none follows', async () => {
  const { records, file } = encrypted(6 * CH);
  const api = gatedApi(records);
  const ctl = new AbortController();
  const outcome = downloadFile(api, file, { signal: ctl.signal }).then(() => 'done', (e) => e);
  await until(() => api.st.pending.length === 3, 'three GETs in flight');
  api.st.pending.find((p) => p.i === 0).resolve();
  await until(() => api.st.pending.length === 3 && api.st.gets.length === 4, 'the next GET');
  ctl.abort();
  const e = await outcome;
  assert.ok(e instanceof ApiError && e.code === 'aborted', String(e));
  assert.deepEqual(api.st.cancelled.sort(), [1, 2, 3]);
  assert.equal(api.st.pending.length, 0);
  await settle();
  assert.equal(api.st.gets.length, 4);
  await assert.rejects(downloadFile(api, file, { signal: ctl.signal }), (x) => x.code === 'aborted');
  assert.equal(api.st.gets.length, 4, 'an aborted signal asks nothing');
  for (const bad of [0, DOWNLOAD_PARALLEL_MAX + 1, 1.5]) await assert.rejects(downloadFile(api, file, { parallel: bad }), RangeError);
});

const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;
const SLOW = 180000;

describe('the return page downloads with several GETs in flight', { skip: skip || (BROWSERS.includes('chromium') ? false : 'chromium not selected') }, () => {
  let inst;
  let browser;
  let receipt;
  let replyFile;
  before(async () => {
    inst = await Instance.create();
    const reviewers = await inst.installRoster(['Ana Kovačević']);
    // A case the source can open with its receipt (§4.3, §7.1), and a reviewer's reply with a file.
    const digits = P.generateReceipt();
    receipt = P.formatReceipt(digits);
    const keys = P.deriveReceiptKeys(digits, inst.salt);
    const caseId = P.randomBytes(16);
    const ck = P.randomBytes(32);
    const body = new TextEncoder().encode(JSON.stringify({ type: 'report', source_pk: b64(keys.sourcePublic), form: { title: 'Dokumenti' }, text: 'Dokumenti.', files: [] }));
    const message = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: ck, body, signer: { author: P.AUTHOR_SOURCE, edSeed: keys.sourceSignSeed }, context: { rosterVersion: inst.roster.version, day: P.dayOf(Date.now()), prev: new Uint8Array(32) } });
    const sealed = [{ recipient: 'source', role: 'case', sealed: b64(P.wrapSourceKey(ck, keys.sourceWrap, P.ROLE_CK, caseId)) }];
    for (const r of reviewers) sealed.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(P.sealKey(ck, r.xPublic, P.ROLE_CK, caseId)) });
    await inst.api('source', 'POST', '/api/v1/cases', {
      json: { case_id: b64(caseId), lookup_key: b64(keys.lookupKey), source_public_key: b64(keys.sourcePublic), keys: sealed, message: b64(message), files: [] },
    });
    const token = await inst.login(reviewers[0]);
    const c = await inst.readCase(reviewers[0], token, b64(caseId));
    replyFile = crypto.randomBytes(12 * CH + 777); // 13 chunks
    const ref = await inst.uploadFile(token, replyFile, 'izvod.pdf', 'application/pdf');
    await inst.reply(reviewers[0], token, c, 'Evo odgovora.', [ref]);
    browser = await launch('chromium');
  });
  after(async () => {
    await browser?.close();
    await inst?.destroy();
  });

  async function openConversation(page) {
    await page.goto(`${inst.source}/return.html#lang=bs`);
    await page.waitForSelector('body[data-ready="return"]', { timeout: SLOW });
    await page.type('#r-receipt', receipt);
    await page.click('#open');
    await page.waitForSelector('#conversation:not([hidden])', { timeout: SLOW });
    await page.evaluate(() => {
      window.__blobs = [];
      const orig = URL.createObjectURL;
      URL.createObjectURL = (b) => {
        window.__blobs.push(b);
        return orig.call(URL, b);
      };
      HTMLAnchorElement.prototype.click = function () {}; // no save dialog in headless runs
    });
  }

  const isChunk = (u) => /\/api\/v1\/source\/files\/[^/]+\/chunks\/\d+$/.test(u);

  test('three chunk GETs in flight, byte for byte, progress in bytes', { timeout: SLOW }, async () => {
    const page = await browser.newPage();
    const w = await watch(page, inst.source);
    await openConversation(page);
    let open = 0;
    let peak = 0;
    page.on('request', (r) => isChunk(r.url()) && (peak = Math.max(peak, ++open)));
    page.on('requestfinished', (r) => isChunk(r.url()) && open--);
    page.on('requestfailed', (r) => isChunk(r.url()) && open--);
    const labels = [];
    await page.exposeFunction('__label', (t) => labels.push(t));
    await page.evaluate(() => {
      const btn = document.querySelector('#messages .files button.link');
      new MutationObserver(() => window.__label(btn.textContent)).observe(btn, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#messages .files button.link');
    await page.waitForFunction(() => window.__blobs.length === 1, { timeout: SLOW });
    const got = await page.evaluate(async () => {
      const b = new Uint8Array(await window.__blobs[0].arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    });
    assert.ok(Buffer.from(got, 'base64').equals(replyFile), 'the file decrypts byte-identically in the page');
    assert.equal(peak, 3, 'three chunk GETs in flight at most and at least once');
    // "Preuzimanje… 1,0 MB od 6,0 MB": sizes with units in the page's language.
    assert.ok(labels.some((t) => /^Preuzimanje… \d+(,\d)? MB od 6,0 MB$/.test(t)), labels.join(' | '));
    assert.equal(await page.$eval('#messages .files button.secondary', (b) => b.hidden), true, 'Cancel is hidden again');
    await w.assertClean(assert);
    await page.close();
  });

  test('Cancel stops every chunk GET and saves nothing', { timeout: SLOW }, async () => {
    const page = await browser.newPage();
    const w = await watch(page, inst.source);
    await openConversation(page);
    // Chunks from 4 on are held back, so the download is mid-way when Cancel is pressed.
    await page.setRequestInterception(true);
    const held = [];
    const asked = [];
    page.on('request', (r) => {
      const m = /\/chunks\/(\d+)$/.exec(r.url());
      if (m && isChunk(r.url())) asked.push(Number(m[1]));
      if (m && Number(m[1]) >= 4) held.push(r);
      else r.continue();
    });
    const failed = [];
    page.on('requestfailed', (r) => isChunk(r.url()) && failed.push(r.url()));
    await page.click('#messages .files button.link');
    await until(() => held.length === 3, 'three GETs held mid-way');
    const stop = await page.$('#messages .files button.secondary');
    assert.equal(await stop.evaluate((b) => b.hidden), false, 'Cancel is shown while downloading');
    assert.equal(await stop.evaluate((b) => b.textContent), 'Otkaži');
    await screenshot(page, 'chromium-download-in-progress');
    await stop.click();
    await page.waitForSelector('#download-error:not([hidden])', { timeout: SLOW });
    assert.equal(await page.$eval('#download-error', (e) => e.textContent), 'Preuzimanje datoteke izvod.pdf je otkazano. Ništa nije sačuvano.');
    assert.equal(await page.evaluate(() => window.__blobs.length), 0, 'nothing saved');
    assert.equal(await page.$eval('#messages .files button.link', (b) => b.disabled), false);
    assert.equal(await stop.evaluate((b) => b.hidden), true);
    await until(() => failed.length === 3, 'the three held GETs cancelled by the page');
    await settle();
    assert.deepEqual(asked.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6], 'no GET after Cancel');
    await screenshot(page, 'chromium-download-cancelled');
    for (const r of held) await r.continue().catch(() => {});
    await w.assertClean(assert);
    await page.close();
  });
});
