// The source's side without dead ends (issue 17), in Debian's headless chromium and firefox-esr at Tor
// Browser's "Safer" level, against the real dojavad (tests/web/dojavad.mjs) with small limits:
//  - a file over the instance's limit is refused when chosen, named with the limit, and nothing typed
//    is lost; the rest of the report is then sent, and the receipt says how long the case lives
//    (retention_days from the instance document);
//  - an empty submit names every missing field next to it at once and focuses the first; the
//    required-fields note names what the form requires;
//  - the page's language follows navigator.languages when the link names none, and the link wins;
//  - Cancel during an upload (the PUTs held in the page) ends it: the form is back as it was, no
//    request is left running, the server holds no finished upload and no case;
//  - the chunk worker starts under the CSP with its modules' integrity checked (a changed module keeps
//    it from starting), encrypts the §9.2 vectors to the same records as the main thread, and derives
//    the same receipt keys.
// Skipped, with the reason, when there is no dojavad binary (set DOJAVAD or build the default preset).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BROWSERS, REPO, launch, screenshot, tmpDir, watch } from './browsers.mjs';
import { Instance, b64, dojavadPath, haveDojavad } from './dojavad.mjs';
import { startStaticServer } from './static-server.mjs';

const www = path.join(REPO, 'static', 'www');
const cat = (code) => JSON.parse(fs.readFileSync(path.join(www, 'i18n', `${code}.json`), 'utf8'));
const fill = (s, vars) => s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;
const SLOW = 180000;
const CH = 524288;
const MAX_CHUNKS = 4; // the largest file: 4 * 512 KiB - 1 byte, "2.0 MB"
const RETENTION_DAYS = 30;

/** Holds every chunk PUT of the page until the test releases them (none is released here); honours abort. */
function holdPuts() {
  const real = window.fetch;
  window.__held = 0;
  window.__putUrls = [];
  window.fetch = (url, opts = {}) => {
    if (opts.method === 'PUT' && /\/chunks\/\d+$/.test(String(url))) {
      window.__putUrls.push(String(url));
      window.__held++;
      return new Promise((resolve, reject) => {
        const stop = () => {
          window.__held--;
          reject(new DOMException('aborted', 'AbortError'));
        };
        if (opts.signal?.aborted) stop();
        else opts.signal?.addEventListener('abort', stop, { once: true });
      });
    }
    return real(url, opts);
  };
}

describe('the source page without dead ends', { skip }, () => {
  let inst;
  let tmp;
  let big;
  let edge;
  let small;
  let large;
  let casesBefore;
  before(async () => {
    inst = await Instance.create({ extraArgs: [`max_chunks_per_file=${MAX_CHUNKS}`, `retention_days=${RETENTION_DAYS}`, 'rate.costly.circuit_per_second=0'] });
    await inst.installRoster(['Legal adviser']);
    tmp = tmpDir('dojava-web-source-');
    big = path.join(tmp, 'too-big-video.bin');
    fs.writeFileSync(big, crypto.randomBytes(MAX_CHUNKS * CH + CH)); // 2.5 MB
    edge = path.join(tmp, 'edge.bin');
    fs.writeFileSync(edge, crypto.randomBytes(MAX_CHUNKS * CH));
    small = path.join(tmp, 'small-note.bin');
    fs.writeFileSync(small, crypto.randomBytes(3000));
    large = path.join(tmp, 'large-archive.bin'); // exactly at the limit
    fs.writeFileSync(large, crypto.randomBytes(MAX_CHUNKS * CH - 1));
  });
  after(async () => {
    await inst?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function caseCount() {
    const token = await inst.login(inst.reviewers[0]);
    return (await inst.cases(token)).length;
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

      async function open(hash = '#lang=en', init = null) {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        if (init) await page.evaluateOnNewDocument(init);
        await page.goto(`${inst.source}/index.html${hash}`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        return { page, w };
      }

      async function typeReport(page) {
        await page.select('#f-country', 'RS');
        await page.select('#f-incident', 'intimidation');
        await page.type('#f-title', 'Threats after the article');
        await page.$eval('#f-text', (el) => {
          el.value = 'Twenty minutes of typing that must not be lost.';
          el.dispatchEvent(new Event('input'));
        });
      }

      const formState = (page) => page.evaluate(() => ({
        visible: !document.getElementById('report').hidden,
        country: document.getElementById('f-country').value,
        incident: document.getElementById('f-incident').value,
        title: document.getElementById('f-title').value,
        text: document.getElementById('f-text').value,
      }));
      const typed = { visible: true, country: 'RS', incident: 'intimidation', title: 'Threats after the article', text: 'Twenty minutes of typing that must not be lost.' };

      test('a file over the limit is refused when chosen, named with the limit; the report is kept and sent; the receipt gives the retention', async () => {
        const { page, w } = await open();
        await typeReport(page);
        await (await page.$('#f-files')).uploadFile(big, small);
        await page.waitForSelector('#file-list .file-refused');
        const got = await page.evaluate(() => ({
          files: [...document.querySelectorAll('#file-list > li.file .file-name')].map((e) => e.textContent),
          refused: [...document.querySelectorAll('#file-list .file-refused')].map((e) => e.textContent),
        }));
        assert.deepEqual(got.files, ['small-note.bin']);
        assert.deepEqual(got.refused, [fill(cat('en').file_too_large, { name: 'too-big-video.bin', size: '2.5 MB', max: '2.0 MB' })]);
        assert.deepEqual(await formState(page), typed);
        await screenshot(page, `${kind}-source-file-too-large`);
        // The language changes the refusal too, in place.
        await page.select('#lang-select', 'sr-Cyrl');
        assert.equal(await page.$eval('#file-list .file-refused', (e) => e.textContent), fill(cat('sr-Cyrl').file_too_large, { name: 'too-big-video.bin', size: '2,5 MB', max: '2,0 MB' }));
        await screenshot(page, `${kind}-source-file-too-large-sr-Cyrl`);
        await page.select('#lang-select', 'en');
        // One byte over the limit: both sizes would read "2.0 MB", so the exact bytes are given.
        await (await page.$('#f-files')).uploadFile(edge);
        await page.waitForFunction(() => document.querySelector('#file-list .file-refused')?.textContent.includes('edge'));
        assert.equal(await page.$eval('#file-list .file-refused', (e) => e.textContent), fill(cat('en').file_too_large, { name: 'edge.bin', size: `${MAX_CHUNKS * CH} B`, max: `${MAX_CHUNKS * CH - 1} B` }));
        assert.deepEqual(await formState(page), typed);
        const before = await caseCount();
        await page.click('#submit');
        await page.waitForSelector('#receipt:not([hidden])', { timeout: SLOW });
        assert.equal(await caseCount(), before + 1);
        assert.equal(await page.$eval('#receipt-retention', (e) => (e.hidden ? null : e.textContent)), fill(cat('en').receipt_retention_other, { n: RETENTION_DAYS }));
        await screenshot(page, `${kind}-source-receipt-retention`);
        await page.select('#lang-select', 'mk');
        assert.equal(await page.$eval('#receipt-retention', (e) => e.textContent), fill(cat('mk').receipt_retention_other, { n: RETENTION_DAYS }));
        await screenshot(page, `${kind}-source-receipt-retention-mk`);
        await w.assertClean(assert);
        await page.close();
      });

      test('an empty submit names every missing field next to it at once and focuses the first', async () => {
        const { page, w } = await open();
        const en = cat('en');
        assert.equal(await page.$eval('#report .note', (e) => e.textContent), en.form_required_note);
        const shown = () => page.evaluate(() => ({
          errors: Object.fromEntries([...document.querySelectorAll('#report .field-error')].filter((e) => !e.hidden).map((e) => [e.id, e.textContent])),
          invalid: [...document.querySelectorAll('#report [aria-invalid="true"]')].map((e) => e.id || e.name),
          focused: document.activeElement?.id,
          summary: document.getElementById('form-error').hidden ? null : document.getElementById('form-error').textContent,
          progress: !document.getElementById('progress').hidden,
        }));
        await page.click('#submit');
        let s = await shown();
        assert.deepEqual(s.errors, {
          'f-country-error': fill(en.err_payload_bad_choice, { field: en.f_country }),
          'f-incident-error': fill(en.err_payload_bad_choice, { field: en.f_incident }),
          'f-title-error': fill(en.err_payload_required, { field: en.f_title }),
          'f-text-error': fill(en.err_payload_required, { field: en.f_text }),
        });
        assert.deepEqual(s.invalid, ['f-country', 'f-incident', 'f-title', 'f-text']);
        assert.equal(s.focused, 'f-country');
        assert.equal(s.summary, fill(en.form_problems, { fields: [en.f_country, en.f_incident, en.f_title, en.f_text].join(', ') }));
        assert.equal(s.progress, false);
        await screenshot(page, `${kind}-source-missing-fields`);
        // With a country chosen, the rest is still named and the focus goes to the first of them.
        await page.select('#f-country', 'AL');
        await page.type('#f-title', 'A title');
        await page.click('#submit');
        s = await shown();
        assert.deepEqual(Object.keys(s.errors), ['f-incident-error', 'f-text-error']);
        assert.equal(s.focused, 'f-incident');
        // In another language, in place.
        await page.select('#lang-select', 'sr-Cyrl');
        const sr = cat('sr-Cyrl');
        assert.equal(await page.$eval('#f-incident-error', (e) => e.textContent), fill(sr.err_payload_bad_choice, { field: sr.f_incident }));
        assert.equal(await page.$eval('#report .note', (e) => e.textContent), sr.form_required_note);
        await screenshot(page, `${kind}-source-missing-fields-sr-Cyrl`);
        await w.assertClean(assert);
        await page.close();
      });

      test('the language follows navigator.languages when the link names none; a #lang= link wins', async () => {
        const prefer = (langs) => new Function(`Object.defineProperty(Navigator.prototype, 'languages', { get: () => ${JSON.stringify(langs)} });`);
        for (const [langs, hash, want] of [[['mk-MK', 'en-US'], '', 'mk'], [['de-DE', 'sq-AL'], '', 'sq'], [['sr-RS', 'en'], '', 'sr-Cyrl'], [['fr-FR'], '', 'en'], [['mk-MK'], '#lang=bs', 'bs']]) {
          const { page, w } = await open(hash, prefer(langs));
          const got = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title, sel: document.getElementById('lang-select').value, link: document.getElementById('link-return').getAttribute('href') }));
          assert.deepEqual(got, { lang: want, title: cat(want).page_title, sel: want, link: `return.html#lang=${want}` }, `${langs} ${hash}`);
          await w.assertClean(assert);
          await page.close();
        }
      });

      test('Cancel ends an upload: the form as it was, no request left, no finished upload and no case on the server', async () => {
        const { page, w } = await open('#lang=en', holdPuts);
        await typeReport(page);
        await (await page.$('#f-files')).uploadFile(large);
        await page.waitForFunction(() => document.querySelectorAll('#file-list > li.file').length === 1);
        const before = await caseCount();
        await page.click('#submit');
        await page.waitForFunction(() => window.__held >= 1, { timeout: SLOW });
        assert.equal(await page.$eval('#cancel', (e) => e.hidden), false);
        await screenshot(page, `${kind}-source-uploading-cancel`);
        await page.click('#cancel');
        await page.waitForSelector('#report:not([hidden])', { timeout: SLOW });
        const after = await page.evaluate(() => ({ held: window.__held, urls: window.__putUrls, note: document.getElementById('form-note').textContent, progress: !document.getElementById('progress').hidden, files: document.querySelectorAll('#file-list > li.file').length }));
        assert.equal(after.held, 0, 'every held PUT was cancelled');
        assert.equal(after.note, cat('en').cancelled_note);
        assert.equal(after.progress, false);
        assert.equal(after.files, 1, 'the chosen file is still there');
        assert.deepEqual(await formState(page), typed);
        const fileId = /\/uploads\/([A-Za-z0-9_-]+)\/chunks\//.exec(after.urls[0])[1];
        const status = await inst.api('source', 'GET', `/api/v1/uploads/${fileId}`);
        assert.equal(status.missing.length, MAX_CHUNKS, 'the server holds no chunk of it: no finished upload');
        assert.equal(await caseCount(), before, 'no case');
        const requests = w.requests.length;
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal(w.requests.length, requests, 'nothing more is sent after Cancel');
        await screenshot(page, `${kind}-source-cancelled`);
        await w.assertClean(assert);
        await page.close();
      });
    });
  }
});

describe('the chunk worker', () => {
  let server;
  let tampered;
  const vector = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'chunks-three-chunks.json'), 'utf8'));
  before(async () => {
    server = await startStaticServer(REPO, www);
    tampered = await startStaticServer(REPO, www, { tamper: { '/js/chunk-worker.js': (b) => Buffer.concat([b, Buffer.from('\n// changed\n')]) } });
  });
  after(() => {
    server.close();
    tampered.close();
  });

  for (const kind of BROWSERS) {
    describe(kind, () => {
      let browser;
      before(async () => {
        browser = await launch(kind);
      });
      after(async () => {
        await browser?.close();
      });

      /** Encrypts the vector's file in the page with the worker and on the main thread; returns the record hashes. */
      const encryptBoth = (input) => {
        const hex = (s) => Uint8Array.from(s.match(/../g), (h) => parseInt(h, 16));
        return (async () => {
          const E = await import('/js/encrypter.js');
          const { blake2b } = await import('/lib/noble/hashes/blake2.js');
          const size = Number(input.size);
          const data = new Uint8Array(size);
          for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) % 251;
          const blob = new Blob([data]);
          const secrets = { fileKey: hex(input.file_key), noncePrefix: hex(input.nonce_prefix), fileId: hex(input.file_id) };
          const worker = await E.ChunkWorker.start();
          if (!worker) return { worker: false };
          const count = Math.floor(size / 524288) + 1;
          const hashOf = (r) => [...blake2b(new Uint8Array([0, ...r]), { dkLen: 32 })].map((b) => b.toString(16).padStart(2, '0')).join('');
          const out = { worker: true, inWorker: [], onMain: [] };
          for (let i = 0; i < count; i++) {
            const start = i * 524288;
            const end = Math.min(size, start + 524288);
            const last = i === count - 1;
            const w = await worker.encrypt(secrets, i, blob.slice(start, end), end - start, last);
            const m = await E.mainThreadEncrypter.encrypt(secrets, i, blob.slice(start, end), end - start, last);
            const wBytes = new Uint8Array(await w.body.arrayBuffer());
            out.inWorker.push(hashOf(wBytes));
            out.onMain.push(hashOf(m.body));
            out.tagsAgree = (out.tagsAgree ?? true) && w.body instanceof Blob && [...w.tag].join() === [...wBytes.slice(-16)].join() && [...m.tag].join() === [...m.body.slice(-16)].join();
          }
          // The receipt's keys derived in the worker are those of the main thread.
          const P = await import('/lib/protocol.js');
          const receipt = P.generateReceipt();
          const salt = new Uint8Array(16).fill(9);
          const hexOf = (k) => Object.keys(k).sort().map((n) => `${n}=${[...k[n]].join('.')}`).join(' ');
          const progress = [];
          const inWorker = await worker.deriveReceiptKeys(receipt, salt, (p) => progress.push(p));
          out.keysAgree = hexOf(inWorker) === hexOf(await P.deriveReceiptKeysAsync(receipt, salt)) && Object.keys(inWorker).length === 7;
          out.progress = progress.length > 0 && progress.every((p) => p >= 0 && p <= 1);
          // A slice shorter than announced (the file changed): refused in the worker too.
          out.changed = await worker.encrypt(secrets, 0, blob.slice(0, 10), 524288, false).then(() => 'accepted', (e) => e.code);
          worker.close();
          return out;
        })();
      };

      test('encrypts the §9.2 vectors to the same records as the main thread and derives the same receipt keys, under the CSP', async () => {
        const page = await browser.newPage();
        const w = await watch(page, server.url);
        await page.goto(`${server.url}/index.html`);
        await page.waitForSelector('#fatal:not([hidden])');
        const got = await page.evaluate(`(${encryptBoth.toString()})(${JSON.stringify(vector.input)})`);
        assert.equal(got.worker, true, 'the worker started');
        assert.deepEqual(got.inWorker, vector.input.record_hashes);
        assert.deepEqual(got.onMain, vector.input.record_hashes);
        assert.equal(got.changed, 'file_changed');
        assert.equal(got.keysAgree, true, 'the receipt\'s keys from the worker are the main thread\'s');
        assert.equal(got.progress, true, 'the derivation reports its progress');
        assert.equal(got.tagsAgree, true, 'each tag is its record\'s last 16 bytes; the worker gives a Blob');
        await w.assertClean(assert);
        await page.close();
      });

      test('a worker module that differs from the page\'s build keeps the worker from starting', async () => {
        const page = await browser.newPage();
        await page.goto(`${tampered.url}/index.html`);
        await page.waitForSelector('#fatal:not([hidden])');
        const started = await page.evaluate(async () => {
          const E = await import('/js/encrypter.js');
          const wk = await E.ChunkWorker.start();
          wk?.close();
          return wk !== null;
        });
        assert.equal(started, false);
        await page.close();
      });
    });
  }
});
