// The no-JavaScript pages (/plain, service/API.md "No-JavaScript pages") against the real dojavad, in
// Debian's headless chromium and firefox-esr with JavaScript turned OFF (Tor Browser's "Safest"):
// chromium through page.setJavaScriptEnabled(false), firefox through the pref javascript.enabled=false.
//  - the JS pages show their <noscript> links to the plain pages (proof that scripts really are off);
//  - every language renders the plain form and the return form;
//  - a report with an attachment is sent through the plain form; the receipt is read from the page; a
//    reviewer decrypts the report (byte for byte what payload.js would have built) and the file
//    byte-identically with protocol.js and with the reviewer CLI `dojava get`;
//  - a reviewer replies with a file; the plain return page shows the reply; the file downloads
//    byte-identically; a follow-up with a file is sent and decrypted by the reviewer;
//  - an upload over the form limit gets a readable page in the chosen language;
//  - no page makes a request to another origin or violates the CSP; a screenshot of each plain page.
// Skipped, with the reason, when there is no dojavad binary (set DOJAVAD or build the default preset).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { buildReport } from '../../static/www/js/payload.js';
import { BROWSERS, REPO, launch, screenshot, tmpDir, watch } from './browsers.mjs';
import { Instance, b64, dojavaCliPath, dojavadPath, haveDojavad, runCli } from './dojavad.mjs';

const www = path.join(REPO, 'static', 'www');
const LANGS = ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'mk'];
const cat = (code) => JSON.parse(fs.readFileSync(path.join(www, 'i18n', `${code}.json`), 'utf8'));
const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;
const SLOW = 180000;
const FORM_LIMIT = 2 * 1024 * 1024; // form_body_limit_bytes for this instance: the over-limit test stays small

// The browsers of BROWSERS, with JavaScript off: firefox-safer becomes firefox-safest.
const KINDS = BROWSERS.map((k) => (k.startsWith('firefox') ? 'firefox-safest' : k));

async function newPage(browser, kind) {
  const page = await browser.newPage();
  if (kind === 'chromium') await page.setJavaScriptEnabled(false);
  return page;
}

// Presses a submit button from the keyboard (focus, Enter) and waits for the page it leads to; returns
// that page's response. The keyboard, not a click: the forms must work without a mouse, and a
// puppeteer click crashes Firefox's content process when JavaScript is off (so do $$ queries: this file
// uses single-element queries only).
async function submit(page, selector) {
  await page.focus(selector);
  const [response] = await Promise.all([page.waitForNavigation({ timeout: SLOW }), page.keyboard.press('Enter')]);
  return response;
}

// The text of every element matching `selector` inside the one element matching `container`.
function texts(page, container, selector) {
  return page.$eval(container, (c, s) => [...c.querySelectorAll(s)].map((e) => e.textContent), selector);
}

describe('the pages without JavaScript, against dojavad', { skip }, () => {
  let inst;
  let reviewers;
  let tmp;
  before(async () => {
    // The per-circuit limit of the costly class (Argon2id: 2 at once, then one per 5 s) would answer 429
    // to a browser that submits, returns and submits again within seconds on one keep-alive
    // connection, depending on how fast the machine runs the steps: these tests are not about it
    // (tests/abuse covers the limits), so it is off here.
    inst = await Instance.create({ extraArgs: [`form_body_limit_bytes=${FORM_LIMIT}`, `form_inflight_bytes=${4 * FORM_LIMIT}`, `form_circuit_inflight_bytes=${4 * FORM_LIMIT}`, 'rate.costly.circuit_per_second=0'] });
    reviewers = await inst.installRoster(['Ana Kovačević', 'Marko Petrović']);
    tmp = tmpDir('dojava-plain-files-');
  });
  after(async () => {
    await inst?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const kind of KINDS) {
    describe(kind, () => {
      let browser;
      before(async () => {
        browser = await launch(kind);
      });
      after(async () => {
        await browser?.close();
      });

      test('scripts are off: the JS pages link to the plain pages in their <noscript>', async () => {
        const page = await newPage(browser, kind);
        const w = await watch(page, inst.source);
        for (const [file, target] of [['index.html', '/plain'], ['return.html', '/plain/return']]) {
          await page.goto(`${inst.source}/${file}`);
          // <noscript> content becomes elements only when scripting is disabled.
          const links = await page.$eval('#noscript-plain', (d) => [...d.querySelectorAll('a')].map((a) => a.getAttribute('href')));
          assert.deepEqual(links, LANGS.map((l) => `${target}?lang=${l}`));
          assert.equal(await page.$eval('#report, #receipt-form', (e) => e.hidden), true, 'the JS form never appeared');
          // Each language's sentence in its own lang, and nothing in English only: no "Loading…" that
          // never ends, no empty language selector, no header link that needs the script.
          const key = file === 'index.html' ? 'plain_noscript' : 'plain_noscript_return';
          const rows = await page.$eval('#noscript-plain', (d) => [...d.querySelectorAll('p')].map((p) => ({ lang: p.lang, text: p.firstChild.textContent.trim() })));
          assert.deepEqual(rows, LANGS.map((l) => ({ lang: l, text: cat(l)[key] })));
          const shown = await page.evaluate(() => ['#loading', '.top .lang', '.top nav', '.skip'].map((s) => getComputedStyle(document.querySelector(s)).display));
          assert.deepEqual(shown, ['none', 'none', 'none', 'none']);
          await screenshot(page, `${kind}-plain-noscript-${file.replace('.html', '')}`);
        }
        await w.assertClean(assert);
        await page.close();
      });

      test('the receipt page and the error pages in every language', { timeout: SLOW * 2 }, async () => {
        const page = await newPage(browser, kind);
        const w = await watch(page, inst.source);
        for (const code of LANGS) {
          const c = cat(code);
          await page.goto(`${inst.source}/plain?lang=${code}`);
          await page.select('#f-country', 'MK');
          await page.select('#f-incident', 'intimidation');
          await page.type('#f-title', `Receipt ${code}`);
          await page.type('#f-text', 'What happened.');
          await submit(page, '#plain-report button[type="submit"]');
          assert.equal(await page.$eval('html', (e) => e.lang), code);
          assert.match(await page.$eval('#receipt-value', (e) => e.textContent), /^\d{4}(-\d{4}){6}$/);
          assert.equal(await page.$eval('h1', (e) => e.textContent), c.receipt_title);
          await screenshot(page, `${kind}-plain-receipt-${code}`);
          // Issue 17: a reload shows the receipt no second time and sends nothing again.
          const reloaded = await page.reload();
          assert.equal(reloaded.status(), 410);
          assert.equal(await page.$('#receipt-value'), null);
          assert.equal(await page.$eval('#plain-error p', (e) => e.textContent), c.plain_receipt_gone);
          // A receipt with a typo: the page's own error beside the field, the receipt kept, in the language.
          await page.goto(`${inst.source}/plain/return?lang=${code}`);
          await page.type('#r-receipt', '1111-1111-1111-1111-1111-1111-1111');
          await submit(page, '#plain-open button[type="submit"]');
          assert.equal(await page.$eval('#r-receipt-error', (e) => e.textContent), c.err_receipt_checksum);
          assert.equal(await page.$eval('#r-receipt', (e) => e.value), '1111-1111-1111-1111-1111-1111-1111');
          await screenshot(page, `${kind}-plain-error-${code}`);
          // The server's own 404 under /plain, in the language of the query.
          await page.goto(`${inst.source}/plain/no-such-page?lang=${code}`);
          assert.equal(await page.$eval('html', (e) => e.lang), code);
          assert.equal(await page.$eval('#server-error p', (e) => e.firstChild.textContent.trim()), c.err_api_not_found);
          assert.equal(await page.$eval('#server-error p a', (e) => e.getAttribute('href')), `/index.html#lang=${code}`);
          await screenshot(page, `${kind}-server-404-${code}`);
        }
        // Without a language in the query: every language, each in its own lang.
        await page.goto(`${inst.source}/no-such-page.html`);
        const rows = await page.$eval('#server-error', (d) => [...d.querySelectorAll('p')].map((p) => ({ lang: p.lang, text: p.firstChild.textContent.trim() })));
        assert.deepEqual(rows, LANGS.map((l) => ({ lang: l, text: cat(l).err_api_not_found })));
        await screenshot(page, `${kind}-server-404-all`);
        await w.assertClean(assert);
        await page.close();
      });

      test('every language renders the plain form and the return form', async () => {
        const page = await newPage(browser, kind);
        const w = await watch(page, inst.source);
        for (const code of LANGS) {
          const c = cat(code);
          await page.goto(`${inst.source}/plain?lang=${code}`);
          assert.equal(await page.$eval('html', (e) => e.lang), code);
          assert.equal(await page.$eval('h1', (e) => e.textContent), c.submit_title);
          assert.equal(await page.$eval('#plain-path p', (e) => e.textContent), c.plain_path_note);
          assert.equal(await page.$eval('#f-country option[value="XK"]', (e) => e.textContent), c.country_XK);
          assert.equal(await page.$eval('label[for="f-title"]', (e) => e.textContent), c.f_title);
          await screenshot(page, `${kind}-plain-form-${code}`);
          await page.goto(`${inst.source}/plain/return?lang=${code}`);
          assert.equal(await page.$eval('h1', (e) => e.textContent), c.return_title);
          await screenshot(page, `${kind}-plain-return-${code}`);
        }
        // A small phone screen: nothing wider than the viewport.
        await page.setViewport({ width: 360, height: 740 });
        await page.goto(`${inst.source}/plain?lang=mk`);
        const widths = await page.$eval('html', (e) => ({ doc: e.scrollWidth, view: e.clientWidth }));
        assert.ok(widths.doc <= widths.view, `page ${widths.doc}px wide on a ${widths.view}px screen`);
        await screenshot(page, `${kind}-plain-form-mk-360px`);
        await w.assertClean(assert);
        await page.close();
      });

      test('submit with an attachment, read the receipt, reviewer decrypts; reply, return, download, follow-up', { timeout: SLOW * 2 }, async () => {
        const page = await newPage(browser, kind);
        const w = await watch(page, inst.source);
        const evidence = crypto.randomBytes(700000);
        const evidenceFile = path.join(tmp, `evidence-${kind}.bin`);
        fs.writeFileSync(evidenceFile, evidence);
        const title = `Plain report ${kind}`;
        const text = `Prisluškivanje — Ђ ж ë ç <b>&amp; ${kind}\nSecond line.`;

        await page.goto(`${inst.source}/plain?lang=en`);
        await page.select('#f-country', 'MK');
        await page.select('#f-incident', 'interception');
        await page.type('#f-when', '2026-11');
        await page.focus('input[name="responsible"][value="state"]');
        await page.keyboard.press(' ');
        await page.type('#f-title', title);
        await page.type('#f-text', text);
        const input = await page.$('#f-files');
        await input.uploadFile(evidenceFile);
        await screenshot(page, `${kind}-plain-form-filled`);
        await submit(page, '#plain-report button[type="submit"]');
        const receipt = await page.$eval('#receipt-value', (e) => e.textContent);
        assert.match(receipt, /^\d{4}(-\d{4}){6}$/);
        assert.equal(await page.$eval('h1', (e) => e.textContent), cat('en').receipt_title);
        await screenshot(page, `${kind}-plain-receipt`);

        // The reviewer's view: the case found by the receipt's lookup key, the report exactly as the JS
        // page would have built it, the file byte-identical.
        const keys = P.deriveReceiptKeys(P.parseReceipt(receipt), inst.salt);
        const asSource = await inst.api('source', 'GET', '/api/v1/source/case', { lookupKey: b64(keys.lookupKey) });
        const caseIdB64 = asSource.case_id;
        const rev = reviewers[0];
        const token = await inst.login(rev);
        const c = await inst.readCase(rev, token, caseIdB64);
        assert.deepEqual(c.keys.map((k) => k.recipient).sort(), ['source', ...reviewers.map((r) => b64(r.reviewerId))].sort());
        // The source's copy of CK is wrapped under the receipt's source_wrap (PROTOCOL.md §7.1), as
        // the JS return page opens it; it is not sealed to the public source key.
        assert.ok(P.openSourceKey(P.base64urlDecode(asSource.sealed_key), keys.sourceWrap, P.ROLE_CK, c.caseId));
        assert.throws(() => P.openSealedKey(P.base64urlDecode(asSource.sealed_key), keys.sourceSecret, P.ROLE_CK, c.caseId));
        const report = c.messages[0].body;
        assert.equal(c.messages[0].author, P.AUTHOR_SOURCE);
        const ref = report.files[0];
        assert.equal(ref.name, `evidence-${kind}.bin`);
        // §11.1: the server names the source_pk of the receipt it showed, the key the case stores.
        const expected = buildReport({ country: 'MK', incident: 'interception', when: '2026-11', responsible: 'state', title }, text, [ref], b64(keys.sourcePublic));
        assert.equal(new TextDecoder().decode(c.messages[0].bodyBytes), JSON.stringify(expected), 'the §11 body is what payload.js builds');
        assert.ok(Buffer.from(await inst.readFile(token, caseIdB64, ref)).equals(evidence), 'the file decrypts byte-identically');
        if (fs.existsSync(dojavaCliPath())) {
          const outFile = path.join(tmp, `cli-${kind}.bin`);
          await runCli(inst, rev, ['get', caseIdB64, ref.name, '-o', outFile]);
          assert.ok(fs.readFileSync(outFile).equals(evidence), 'dojava get decrypts the same bytes');
        } else {
          console.log(`# no dojava CLI at ${dojavaCliPath()}: checked with protocol.js only`);
        }

        // The reviewer replies, signed, with a file.
        const replyText = `Thank you (${kind}) — hvala <i>`;
        const replyFile = crypto.randomBytes(300000);
        const replyRef = await inst.uploadFile(token, replyFile, 'answer.pdf', 'application/pdf');
        await inst.reply(rev, token, c, replyText, [replyRef]);

        // The source returns with the receipt.
        await page.goto(`${inst.source}/plain/return?lang=en`);
        await page.type('#r-receipt', receipt);
        await submit(page, '#plain-open button[type="submit"]');
        const shown = await texts(page, '#plain-messages', ':scope > li');
        assert.equal(shown.length, 2);
        assert.ok(shown[0].includes(title) && shown[0].includes('Second line.'));
        assert.ok(shown[1].includes(replyText), 'the reply, its text escaped, is shown');
        assert.ok(shown[1].includes(cat('en').msg_from_reviewer.replace('{name}', rev.name)));
        assert.equal((await texts(page, '#plain-messages', 'i')).length, 0, 'no markup from a message');
        await screenshot(page, `${kind}-plain-conversation`);

        // The reviewer's file, through the download form of the page (fetched here: a browser download
        // is not observable headless), byte-identical.
        const sessionToken = await page.$eval('#plain-reply input[name="token"]', (e) => e.value);
        const body = new URLSearchParams({ token: sessionToken, lang: 'en', seq: '2', n: '0' });
        const got = await fetch(`${inst.source}/plain/file?lang=en`, { method: 'POST', body });
        assert.equal(got.status, 200);
        assert.ok(Buffer.from(await got.arrayBuffer()).equals(replyFile), 'the reviewer file downloads byte-identically');

        // A follow-up with a file, without typing the receipt again.
        const more = crypto.randomBytes(200000);
        const moreFile = path.join(tmp, `more-${kind}.txt`);
        fs.writeFileSync(moreFile, more);
        const followText = `More detail ${kind}`;
        await page.type('#m-text', followText);
        await (await page.$('#m-files')).uploadFile(moreFile);
        await submit(page, '#plain-reply button[type="submit"]');
        assert.equal(await page.$eval('#plain-notice', (e) => e.textContent), cat('en').reply_sent);
        assert.equal((await texts(page, '#plain-messages', ':scope > li')).length, 3);
        await screenshot(page, `${kind}-plain-followup-sent`);
        const after = await inst.readCase(rev, token, caseIdB64);
        const follow = after.messages[2].body;
        assert.equal(after.messages[2].author, P.AUTHOR_SOURCE);
        assert.equal(follow.type, 'message');
        assert.equal(follow.text, followText);
        assert.ok(Buffer.from(await inst.readFile(token, caseIdB64, follow.files[0])).equals(more));

        // Leaving ends the session: the token no longer opens anything.
        await submit(page, '#plain-leave button[type="submit"]');
        assert.equal(await page.$eval('#plain-left', (e) => e.textContent), cat('en').plain_left);
        await screenshot(page, `${kind}-plain-left`);
        const late = await fetch(`${inst.source}/plain/file?lang=en`, { method: 'POST', body });
        assert.equal(late.status, 403);
        await w.assertClean(assert);
        await page.close();
      });

      test('an upload over the form limit gets a readable page in the chosen language', { timeout: SLOW }, async () => {
        const page = await newPage(browser, kind);
        const w = await watch(page, inst.source);
        const big = path.join(tmp, `big-${kind}.bin`);
        fs.writeFileSync(big, crypto.randomBytes(FORM_LIMIT + 100000));
        await page.goto(`${inst.source}/plain?lang=sq`);
        await page.select('#f-country', 'AL');
        await page.select('#f-incident', 'other');
        await page.type('#f-title', 'Too big');
        await page.type('#f-text', 'Files too big');
        await (await page.$('#f-files')).uploadFile(big);
        const response = await submit(page, '#plain-report button[type="submit"]');
        assert.equal(response.status(), 413);
        assert.equal(await page.$eval('html', (e) => e.lang), 'sq');
        assert.equal(await page.$eval('#plain-error p', (e) => e.textContent), cat('sq').plain_err_too_large.replace('{max}', '2 MB'));
        await screenshot(page, `${kind}-plain-too-large`);
        await w.assertClean(assert);
        await page.close();
      });
    });
  }
});
