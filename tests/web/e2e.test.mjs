// The source's web client against the real dojavad (tests/web/dojavad.mjs), in Debian's headless
// chromium and firefox-esr at Tor Browser's "Safer" level:
//  - every language renders the form served by dojavad;
//  - a report with two attachments (a JPEG with GPS EXIF, a 1.3 MB binary) is submitted through the
//    page; a reviewer decrypts the report and the files byte-identically, with protocol.js in node and
//    with the C++ reviewer CLI `dojava get` when it is built (build/default/cli/dojava or DOJAVA_CLI) (the
//    JPEG as cleaned: Chromium's original encoding, without the EXIF);
//  - the returning source enters the receipt, reads the reviewer's signed reply, downloads and
//    decrypts the reviewer's file, and sends a follow-up with a file the reviewer decrypts;
//  - a case whose source key is a key sealed to source_pk (what a compromised server could swap in,
//    PROTOCOL.md §7.1) is refused by the returning page with err_source_key;
//  - an upload cut off by a dropped connection (dojavad stopped mid-upload and started again) resumes
//    with the missing chunks only;
//  - no page makes a request to another origin or violates the CSP; screenshots of every page.
// Skipped, with the reason, when there is no dojavad binary (set DOJAVAD or build the default preset).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { BROWSERS, REPO, launch, screenshot, tmpDir, watch } from './browsers.mjs';
import { Instance, b64, b64d, dojavaCliPath, dojavadPath, haveDojavad, runCli } from './dojavad.mjs';

const www = path.join(REPO, 'static', 'www');
const LANGS = ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'mk'];
const cat = (code) => JSON.parse(fs.readFileSync(path.join(www, 'i18n', `${code}.json`), 'utf8'));
const fixtures = path.join(REPO, 'static', 'test', 'fixtures');
const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;

const SLOW = 180000;

async function fillReport(page, { title, text, files }) {
  await page.select('#f-country', 'ME');
  await page.select('#f-incident', 'spyware');
  await page.type('#f-when', '2026-10');
  await page.click('input[name="responsible"][value="non_state"]');
  await page.type('#f-title', title);
  // Long text typed key by key is slow at "Safer": set it and fire the input event.
  await page.$eval('#f-text', (el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input'));
  }, text);
  if (files.length) {
    const input = await page.$('#f-files');
    await input.uploadFile(...files);
    await page.waitForFunction((n) => document.querySelectorAll('#file-list > li').length === n, {}, files.length);
  }
}

async function submitAndReadReceipt(page) {
  await page.click('#submit');
  await page.waitForSelector('#receipt:not([hidden])', { timeout: SLOW });
  return page.$eval('#receipt-value', (e) => e.textContent);
}

describe('web client against dojavad', { skip }, () => {
  let inst;
  let reviewers;
  let tmp;
  let binFile;
  let binBytes;
  before(async () => {
    inst = await Instance.create();
    reviewers = await inst.installRoster(['Ana Kovačević', 'Marko Petrović']);
    tmp = tmpDir('dojava-web-files-');
    binBytes = crypto.randomBytes(1300000);
    binFile = path.join(tmp, 'leaked-contract.bin');
    fs.writeFileSync(binFile, binBytes);
  });
  after(async () => {
    await inst?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const kind of BROWSERS) {
    describe(kind, () => {
      let browser;
      let receipt;
      let caseIdB64;
      const replyText = `Thank you. We read your report (${kind}) — hvala, faleminderit.`;
      const replyFile = crypto.randomBytes(700000);
      before(async () => {
        browser = await launch(kind);
      });
      after(async () => {
        await browser?.close();
      });

      test('every language renders the form served by dojavad', async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        for (const code of LANGS) {
          await page.goto(`${inst.source}/index.html#lang=${code}`);
          await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
          const got = await page.evaluate(() => ({
            submit: document.getElementById('submit').textContent,
            kosovo: document.querySelector('#f-country option[value="XK"]').textContent,
            fingerprint: document.getElementById('fingerprint').textContent,
            reviewers: [...document.querySelectorAll('#reviewers li')].map((l) => l.textContent),
          }));
          const c = cat(code);
          assert.equal(got.submit, c.submit_button);
          assert.equal(got.kosovo, c.country_XK);
          assert.equal(got.fingerprint, P.formatFingerprint(P.adminFingerprint(inst.admin.edPublic)));
          assert.deepEqual(got.reviewers.sort(), reviewers.map((r) => r.name).sort());
          await screenshot(page, `${kind}-submit-form-${code}`);
        }
        // A small phone screen: nothing wider than the viewport, in the language with the longest words.
        await page.setViewport({ width: 360, height: 740 });
        for (const code of ['mk', 'sq']) {
          await page.goto(`${inst.source}/index.html#lang=${code}`);
          await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
          const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
          assert.ok(widths.doc <= widths.view, `${code}: page ${widths.doc}px wide on a ${widths.view}px screen`);
          await screenshot(page, `${kind}-submit-form-${code}-360px`);
        }
        await w.assertClean(assert);
        await page.close();
      });

      // Was skipped for firefox-safer after the lead's runs timed out waiting for #fatal on the mismatch
      // page. Not reproduced here (the file and this test alone passed in Firefox "Safer" in every run);
      // the mismatch now opens in a page of its own, so the check no longer depends on puppeteer's BiDi
      // navigation from one document to another in the same tab.
      test('a fingerprint in the link (#fp=) is enforced: a match is confirmed, a mismatch stops the page', async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        const fp = P.hexEncode(P.adminFingerprint(inst.admin.edPublic));
        await page.goto(`${inst.source}/index.html#fp=${fp}&lang=sq`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        assert.equal(await page.$eval('#pin-state', (e) => e.textContent), cat('sq').pin_match);
        // The pin and the language follow the link to the return page.
        assert.equal(await page.$eval('#link-return', (e) => e.getAttribute('href')), `return.html#lang=sq&fp=${fp}`);
        await w.assertClean(assert);
        await page.close();
        const wrong = (fp[0] === '0' ? '1' : '0') + fp.slice(1);
        const mismatch = await browser.newPage();
        const w2 = await watch(mismatch, inst.source);
        await mismatch.goto(`${inst.source}/return.html#lang=en&fp=${wrong}`);
        await mismatch.waitForSelector('#fatal:not([hidden])', { timeout: SLOW });
        assert.equal(await mismatch.$eval('#fatal', (e) => e.textContent), cat('en').err_api_fingerprint_mismatch);
        assert.equal(await mismatch.$eval('#receipt-form', (e) => e.hidden), true);
        await screenshot(mismatch, `${kind}-fingerprint-mismatch`);
        await w2.assertClean(assert);
        await mismatch.close();
      });

      test('submit a report with attachments; a reviewer decrypts it byte-identically', { timeout: SLOW * 2 }, async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/index.html#lang=en`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        const text = `Pegasus na mom telefonu. Ђ ж ë ç — ${kind}\nSecond line.`;
        const title = `Spyware report ${kind}`;
        await fillReport(page, { title, text, files: [path.join(fixtures, 'photo-gps.jpg'), binFile] });
        // The JPEG is announced as cleaned, the other file gets the plain warning.
        const notes = await page.$$eval('#file-list > li p', (ps) => ps.map((p) => p.className));
        assert.deepEqual(notes, ['ok', 'warn']);
        // Sizes in the language's own number format: "1.3 MB" in English, "1,3 MB" in Bosnian.
        const sizes = async () => page.$$eval('#file-list > li > .hint', (h) => h.map((e) => e.textContent));
        assert.ok((await sizes()).every((t) => /^\d+(\.\d)? (KB|MB)$/.test(t)), (await sizes()).join());
        await page.select('#lang-select', 'bs');
        assert.ok((await sizes()).every((t) => /^\d+(,\d)? (KB|MB)$/.test(t)), (await sizes()).join());
        await page.select('#lang-select', 'en');
        await screenshot(page, `${kind}-submit-filled`);
        receipt = await submitAndReadReceipt(page);
        assert.match(receipt, /^\d{4}(-\d{4}){6}$/);
        assert.equal(P.parseReceipt(receipt).length, 28);
        await screenshot(page, `${kind}-receipt`);
        // The receipt view in every language (the selector re-renders in place; nothing is sent).
        for (const code of LANGS) {
          await page.select('#lang-select', code);
          const c = cat(code);
          const shown = await page.evaluate(() => ({ title: document.getElementById('receipt-heading').textContent, items: [...document.querySelectorAll('#receipt li')].map((li) => li.textContent), lang: document.documentElement.lang }));
          // The retention line: the instance document's retention_days (90 by default; 90 takes "other" in every language).
          const items = ['write', 'secret', 'lost', 'return', 'close'].map((k) => c[`receipt_advice_${k}`]);
          items.splice(4, 0, c.receipt_retention_other.replace('{n}', '90'));
          assert.deepEqual(shown, { title: c.receipt_title, items, lang: code });
          await screenshot(page, `${kind}-receipt-${code}`);
        }
        await page.select('#lang-select', 'en');
        await page.click('#receipt-saved');
        await page.click('#receipt-done');
        await page.waitForSelector('#finished:not([hidden])');
        assert.equal(await page.$eval('#receipt-value', (e) => e.textContent), '');
        await w.assertClean(assert);
        await page.close();

        // The receipt derives the lookup key that finds the case (PROTOCOL.md §4.3).
        const keys = P.deriveReceiptKeys(P.parseReceipt(receipt), inst.salt);
        const asSource = await inst.api('source', 'GET', '/api/v1/source/case', { lookupKey: b64(keys.lookupKey) });
        caseIdB64 = asSource.case_id;

        const rev = reviewers[0];
        const token = await inst.login(rev);
        const c = await inst.readCase(rev, token, caseIdB64);
        // Sealed to the source and to every reviewer of the roster, nothing else.
        assert.deepEqual(c.keys.map((k) => k.recipient).sort(), ['source', ...reviewers.map((r) => b64(r.reviewerId))].sort());
        // The source's copy is wrapped under the receipt's source_wrap (§7.1), not sealed to source_pk.
        const sourceEntry = b64d(asSource.sealed_key);
        assert.deepEqual(P.openSourceKey(sourceEntry, keys.sourceWrap, P.ROLE_CK, c.caseId), c.ck);
        assert.throws(() => P.openSealedKey(sourceEntry, keys.sourceSecret, P.ROLE_CK, c.caseId), (e) => e.code === 'decrypt_failed');
        const report = c.messages[0].body;
        assert.equal(c.messages[0].author, P.AUTHOR_SOURCE);
        // Protocol v2 (§8, §12.2): message #1 signed with the receipt's source_sign key, naming the roster it
        // was sealed to, first in the case's order.
        assert.equal(c.messages[0].version, 2);
        assert.deepEqual(c.messages[0].sourcePublic, keys.sourceSignPublic);
        assert.equal(c.messages[0].rosterVersion, inst.roster.version);
        assert.equal(c.order.caseError, null);
        assert.deepEqual(report.form, { country: 'ME', incident: 'spyware', when: '2026-10', responsible: 'non_state', title });
        assert.equal(report.type, 'report');
        // §11.1: the report names the source_pk of the receipt, the key the server stores for the case.
        assert.equal(report.source_pk, b64(keys.sourcePublic));
        const served = await inst.api('reviewer', 'GET', `/api/v1/cases/${caseIdB64}`, { token });
        assert.equal(served.source_public_key, report.source_pk);
        assert.equal(report.text, text);
        assert.deepEqual(report.files.map((f) => f.name), ['photo-gps.jpg', 'leaked-contract.bin']);
        assert.equal(report.files[0].mime, 'image/jpeg');
        assert.deepEqual(report.files.map((f) => [f.chunks, f.size]), [[1, fs.statSync(path.join(fixtures, 'photo-clean.jpg')).size], [3, binBytes.length]]);
        const jpeg = await inst.readFile(token, caseIdB64, report.files[0]);
        assert.deepEqual(Buffer.from(jpeg), fs.readFileSync(path.join(fixtures, 'photo-clean.jpg')));
        const bin = await inst.readFile(token, caseIdB64, report.files[1]);
        assert.ok(Buffer.from(bin).equals(binBytes), 'the binary file decrypts byte-identically');

        // The C++ client (the reviewer CLI, when built) decrypts the same files byte-identically.
        if (fs.existsSync(dojavaCliPath())) {
          for (const [name, want] of [['leaked-contract.bin', binBytes], ['photo-gps.jpg', fs.readFileSync(path.join(fixtures, 'photo-clean.jpg'))]]) {
            const outFile = path.join(tmp, `cli-${kind}-${name}`);
            await runCli(inst, rev, ['get', caseIdB64, name, '-o', outFile]);
            assert.ok(fs.readFileSync(outFile).equals(want), `dojava get ${name}`);
          }
          const shown = await runCli(inst, rev, ['show', caseIdB64]);
          assert.ok(shown.includes(title), 'dojava show prints the report title');
        } else {
          console.log(`# no dojava CLI at ${dojavaCliPath()}: checked with protocol.js only`);
        }

        // The reviewer answers, signed, with a file.
        const ref = await inst.uploadFile(token, replyFile, 'answer.pdf', 'application/pdf');
        await inst.reply(rev, token, c, replyText, [ref]);
      });

      test('the returning source reads the reply, downloads its file, and sends a follow-up', { timeout: SLOW * 2 }, async () => {
        assert.ok(receipt, 'needs the receipt of the previous test');
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/return.html#lang=sr-Cyrl`);
        await page.waitForSelector('body[data-ready="return"]', { timeout: SLOW });
        await screenshot(page, `${kind}-return-entry`);
        // Typed as people copy it: spaces instead of dashes.
        await page.type('#r-receipt', receipt.replace(/-/g, ' '));
        await page.click('#open');
        await page.waitForSelector('#conversation:not([hidden])', { timeout: SLOW });
        const items = await page.$$eval('#messages > li', (lis) => lis.map((li) => ({ cls: li.className, text: li.textContent })));
        assert.equal(items.length, 2);
        assert.equal(items[0].cls, 'message mine');
        assert.equal(items[1].cls, 'message theirs');
        assert.ok(items[1].text.includes(replyText));
        assert.ok(items[1].text.includes(cat('sr-Cyrl').msg_from_reviewer.replace('{name}', reviewers[0].name)));
        await screenshot(page, `${kind}-conversation`);

        // Download the reviewer's file: the page decrypts it and hands a Blob to a download link.
        await page.evaluate(() => {
          window.__blobs = [];
          const orig = URL.createObjectURL;
          URL.createObjectURL = (b) => {
            window.__blobs.push(b);
            return orig.call(URL, b);
          };
          HTMLAnchorElement.prototype.click = function () {}; // no save dialog in headless runs
        });
        await page.click('#messages > li:nth-child(2) .files button');
        await page.waitForFunction(() => window.__blobs.length === 1, { timeout: SLOW });
        const got = await page.evaluate(async () => {
          const b = new Uint8Array(await window.__blobs[0].arrayBuffer());
          let s = '';
          for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
          return btoa(s);
        });
        assert.ok(Buffer.from(got, 'base64').equals(replyFile), 'the reviewer file decrypts byte-identically in the page');

        // A follow-up with a file.
        const follow = path.join(tmp, 'more.txt');
        fs.writeFileSync(follow, `more evidence ${kind}\n`);
        await page.type('#m-text', 'Još nešto — one more thing.');
        const input = await page.$('#m-files');
        await input.uploadFile(follow);
        await page.waitForFunction(() => document.querySelectorAll('#m-file-list > li').length === 1);
        await page.click('#send');
        await page.waitForFunction((s) => document.getElementById('reply-status').textContent === s, { timeout: SLOW }, cat('sr-Cyrl').reply_sent);
        assert.equal(await page.$$eval('#messages > li', (l) => l.length), 3);
        await screenshot(page, `${kind}-conversation-after-follow-up`);
        await w.assertClean(assert);
        await page.close();

        const token = await inst.login(reviewers[1]);
        const c = await inst.readCase(reviewers[1], token, caseIdB64);
        const last = c.messages.at(-1);
        assert.equal(last.author, P.AUTHOR_SOURCE);
        // The follow-up (§8.3, §8.4): v2, signed with the report's key, naming the reviewer's reply it answers.
        assert.equal(last.version, 2);
        assert.deepEqual(last.sourcePublic, c.messages[0].sourcePublic);
        assert.deepEqual(last.prev, c.messages.at(-2).eventHash);
        assert.equal(c.order.caseError, null);
        assert.deepEqual(c.order.records, [null, null, null]);
        assert.equal(last.body.type, 'message');
        assert.equal(last.body.text, 'Još nešto — one more thing.');
        const bytes = await inst.readFile(token, caseIdB64, last.body.files[0]);
        assert.equal(new TextDecoder().decode(bytes), `more evidence ${kind}\n`);
      });

      // H1 (PROTOCOL.md §7.1): a case whose source key is a CK' sealed to the stored source_pk and whose
      // report is the server's own under CK' — what a compromised server could write in place of the
      // source's wrapped key and report — is refused by the returning page with a plain message; nothing of
      // the case is shown (the page before this change showed the forged report and sent follow-ups under
      // CK').
      test('the returning page refuses a source key the server replaced with one sealed to source_pk', { timeout: SLOW * 2 }, async () => {
        const receiptDigits = P.generateReceipt();
        const keys = P.deriveReceiptKeys(receiptDigits, inst.salt);
        const caseId = P.randomBytes(16);
        const ck = P.randomBytes(32);
        const serverCk = P.randomBytes(32);
        const body = new TextEncoder().encode(JSON.stringify({ type: 'report', source_pk: b64(keys.sourcePublic), form: { title: `forged ${kind}` }, text: `do not show ${kind}`, files: [] }));
        const message = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: serverCk, body, signer: { author: P.AUTHOR_SOURCE, edSeed: P.randomBytes(32) }, context: { rosterVersion: inst.roster.version, day: P.dayOf(Date.now()), prev: new Uint8Array(32) } });
        const forged = P.sealKey(serverCk, keys.sourcePublic, P.ROLE_CK, caseId);
        const sealed = [{ recipient: 'source', role: 'case', sealed: b64(forged) }];
        for (const r of reviewers) sealed.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(P.sealKey(ck, r.xPublic, P.ROLE_CK, caseId)) });
        await inst.api('source', 'POST', '/api/v1/cases', {
          json: { case_id: b64(caseId), lookup_key: b64(keys.lookupKey), source_public_key: b64(keys.sourcePublic), keys: sealed, message: b64(message), files: [] },
        });

        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/return.html#lang=sq`);
        await page.waitForSelector('body[data-ready="return"]', { timeout: SLOW });
        await page.type('#r-receipt', P.formatReceipt(receiptDigits));
        await page.click('#open');
        await page.waitForSelector('#receipt-error:not([hidden])', { timeout: SLOW });
        assert.equal(await page.$eval('#receipt-error', (e) => e.textContent), cat('sq').err_source_key);
        assert.equal(await page.$eval('#conversation', (e) => e.hidden), true);
        assert.ok(!(await page.content()).includes(`do not show ${kind}`));
        await screenshot(page, `${kind}-return-source-key-refused`);
        await w.assertClean(assert);
        await page.close();
      });

      test('an upload cut off by a dropped connection resumes with the missing chunks only', { timeout: SLOW * 2 }, async () => {
        const big = crypto.randomBytes(4 * 524288 + 1000); // 5 chunks
        const bigFile = path.join(tmp, `big-${kind}.bin`);
        fs.writeFileSync(bigFile, big);
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/index.html#lang=en`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        await fillReport(page, { title: `Resume ${kind}`, text: 'The connection dropped.', files: [bigFile] });
        const chunkOf = (url) => Number(/\/chunks\/(\d+)$/.exec(url)?.[1]);
        const ackedBeforeStop = new Set();
        const putAfterRestart = [];
        let phase = 'before';
        let stopping = null;
        page.on('response', (r) => {
          if (r.request().method() !== 'PUT' || !/\/api\/v1\/uploads\//.test(r.url())) return;
          // Every chunk acknowledged before the restart is stored, including those whose answer arrived
          // while the server was stopping (3 PUTs are in flight: their acks race the stop).
          if (phase !== 'after' && r.status() === 204) {
            ackedBeforeStop.add(chunkOf(r.url()));
            if (ackedBeforeStop.size === 2 && !stopping) {
              phase = 'down';
              // The connection drops: the server goes away mid-upload and comes back 3 s later.
              stopping = inst.stop().then(() => new Promise((r2) => setTimeout(r2, 3000))).then(() => inst.start()).then(() => (phase = 'after'));
            }
          }
        });
        page.on('request', (r) => {
          if (r.method() === 'PUT' && phase === 'after' && /\/api\/v1\/uploads\//.test(r.url())) putAfterRestart.push(chunkOf(r.url()));
        });
        const r = await submitAndReadReceipt(page);
        await stopping;
        console.log(`# ${kind} resume: chunks stored before the drop ${[...ackedBeforeStop].sort()}; sent after the restart ${putAfterRestart}`);
        assert.ok(ackedBeforeStop.size >= 2);
        for (const i of putAfterRestart) assert.ok(!ackedBeforeStop.has(i), `chunk ${i} was stored before the drop and sent again`);
        // Resume sends the missing chunks only: each at least once unless all five were stored before the
        // drop (a fast upload can finish its in-flight chunks while the server stops).
        const missing = [0, 1, 2, 3, 4].filter((i) => !ackedBeforeStop.has(i));
        for (const i of missing) assert.ok(putAfterRestart.includes(i), `missing chunk ${i} was not sent after the restart`);
        await screenshot(page, `${kind}-receipt-after-resume`);
        // Only requests to our origin, no CSP violation; the failed fetches of the outage are not page errors.
        await w.assertClean(assert);
        await page.close();

        const keys = P.deriveReceiptKeys(P.parseReceipt(r), inst.salt);
        const { case_id } = await inst.api('source', 'GET', '/api/v1/source/case', { lookupKey: b64(keys.lookupKey) });
        const token = await inst.login(reviewers[0]);
        const c = await inst.readCase(reviewers[0], token, case_id);
        const bytes = await inst.readFile(token, case_id, c.messages[0].body.files[0]);
        assert.ok(Buffer.from(bytes).equals(big), 'the resumed file decrypts byte-identically');
      });
    });
  }
});
