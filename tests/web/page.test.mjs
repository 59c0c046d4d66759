// Page-level checks in real browsers (Debian chromium, firefox-esr with Tor Browser "Safer" prefs) that
// need no API: every language renders on both pages under the server's CSP with no outside request;
// the crypto the page runs is fast enough at "Safer"; metadata cleaning works on real files in the
// browser and the cleaned pictures still decode.
//
// The pages are served by tests/web/static-server.mjs (static files + the CSP of http_message.cc), not
// by dojavad: the flows against the real server are in e2e.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BROWSERS, REPO, artifactsDir, launch, screenshot, watch } from './browsers.mjs';
import { startStaticServer } from './static-server.mjs';

const www = path.join(REPO, 'static', 'www');
const LANGS = ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'mk'];
const cat = (code) => JSON.parse(fs.readFileSync(path.join(www, 'i18n', `${code}.json`), 'utf8'));
const fixture = (n) => fs.readFileSync(path.join(REPO, 'static', 'test', 'fixtures', n)).toString('base64');

let server;
before(async () => {
  server = await startStaticServer(REPO, www);
});
after(() => server.close());

for (const kind of BROWSERS) {
  describe(kind, () => {
    let browser;
    before(async () => {
      browser = await launch(kind);
    });
    after(async () => {
      await browser?.close();
    });

    for (const pageName of ['index.html', 'return.html']) {
      test(`${pageName}: every language renders, no CSP violation, no other origin`, async () => {
        const page = await browser.newPage();
        const w = await watch(page, server.url);
        for (const code of LANGS) {
          await page.goto(`${server.url}/${pageName}#lang=${code}`);
          await page.waitForSelector('#fatal:not([hidden])');
          const got = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang, footer: document.querySelector('.foot p').textContent, fatal: document.getElementById('fatal').textContent, sel: document.getElementById('lang-select').value }));
          assert.equal(got.title, cat(code).page_title, code);
          assert.equal(got.footer, cat(code).footer_js_path, code);
          assert.equal(got.lang, code);
          // Without the API the page stops with the server's answer, in the chosen language.
          assert.equal(got.fatal, cat(code).err_api_not_found, code);
          assert.equal(got.sel, code);
          await screenshot(page, `${kind}-static-${pageName.replace('.html', '')}-${code}`);
        }
        // Changing the language in the selector re-renders in place, without a request.
        const before = w.requests.length;
        await page.select('#lang-select', 'mk');
        assert.equal(await page.evaluate(() => document.title), cat('mk').page_title);
        assert.equal(w.requests.length, before);
        await w.assertClean(assert);
        await page.close();
      });
    }

    test('crypto timings in the page (receipt derivation, one chunk, load) are measured and saved', async () => {
      const page = await browser.newPage();
      const w = await watch(page, server.url);
      const t0 = Date.now();
      await page.goto(`${server.url}/index.html`);
      await page.waitForSelector('#fatal:not([hidden])');
      const loadMs = Date.now() - t0;
      const r = await page.evaluate(async () => {
        const P = await import('/lib/protocol.js');
        const salt = new Uint8Array(16).fill(7);
        let t = performance.now();
        const receipt = P.generateReceipt();
        await P.deriveReceiptKeysAsync(receipt, salt);
        const receiptMs = performance.now() - t;
        const s = P.newFileSecrets();
        const block = new Uint8Array(P.CHUNK_PLAIN_BYTES).fill(1);
        t = performance.now();
        P.encryptChunk(s, 0, block, false);
        const chunkMs = performance.now() - t;
        return { receiptMs, chunkMs, wasm: typeof WebAssembly };
      });
      const out = { browser: kind, loadMs, receiptMs: Math.round(r.receiptMs), chunkMs: Math.round(r.chunkMs), webassembly: r.wasm };
      fs.writeFileSync(path.join(artifactsDir(), `bench-${kind}.json`), JSON.stringify(out, null, 1) + '\n');
      console.log(`# bench ${JSON.stringify(out)}`);
      if (kind === 'firefox-safer') assert.equal(r.wasm, 'undefined', 'the Safer prefs must turn WebAssembly off');
      // Timings are a measurement (printed, and saved as bench-<browser>.json), not assertions: this
      // machine's load moves them several-fold, and timed assertions do not belong in tests.
      assert.ok(r.receiptMs > 0 && r.chunkMs >= 0, 'the derivation and the chunk ran');
      await w.assertClean(assert);
      await page.close();
    });

    test('the browser\'s plural rules are CLDR\'s for every language; sizes get the language\'s decimal separator', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/index.html`);
      await page.waitForSelector('#fatal:not([hidden])');
      const got = await page.evaluate(async (langs) => {
        const I = await import('/js/i18n.js');
        const { formatSize } = await import('/js/page.js');
        const out = {};
        for (const code of langs) {
          const c = new I.Catalogues({ [code]: { size_kib: '{n} KB', size_mib: '{n} MB', size_bytes: '{n} B' } });
          c.setLanguage(code);
          out[code] = { forms: Array.from({ length: 201 }, (_, n) => I.pluralCategory(code, n)).join(), size: formatSize(c, 1536) };
        }
        return out;
      }, LANGS);
      const cldr = (code, n) => {
        const d = n % 10;
        const h = n % 100;
        if (code === 'en' || code === 'sq') return n === 1 ? 'one' : 'other';
        if (code === 'mk') return d === 1 && h !== 11 ? 'one' : 'other';
        if (d === 1 && h !== 11) return 'one';
        return d >= 2 && d <= 4 && (h < 12 || h > 14) ? 'few' : 'other';
      };
      for (const code of LANGS) {
        assert.equal(got[code].forms, Array.from({ length: 201 }, (_, n) => cldr(code, n)).join(), code);
        assert.equal(got[code].size, code === 'en' ? '1.5 KB' : '1,5 KB', code);
      }
      await page.close();
    });

    test('before the catalogues load: the start-up error in the fragment\'s language, from the page itself', async () => {
      // A catalogue that is not JSON: Catalogues.load fails, so the page has no catalogue to speak from.
      const broken = await startStaticServer(REPO, www, { tamper: { '/i18n/sq.json': () => Buffer.from('{ not json') } });
      try {
        const page = await browser.newPage();
        for (const code of LANGS) {
          await page.goto(`${broken.url}/index.html#lang=${code}`);
          await page.reload(); // a new fragment alone does not reload the page
          await page.waitForSelector('#fatal:not([hidden])');
          const got = await page.evaluate(() => ({
            visible: [...document.querySelectorAll('#fatal p')].filter((p) => !p.hidden).map((p) => ({ text: p.textContent, langs: p.dataset.langs })),
            loading: document.getElementById('loading').hidden,
            header: ['.top nav', '.top .lang'].map((q) => getComputedStyle(document.querySelector(q)).display),
          }));
          assert.equal(got.visible.length, 1, code);
          assert.equal(got.visible[0].text, cat(code).err_start, code);
          assert.ok(got.visible[0].langs.split(' ').includes(code), code);
          assert.equal(got.loading, true, code);
          assert.deepEqual(got.header, ['none', 'none'], 'no English-only header without catalogues');
          await screenshot(page, `${kind}-start-error-${code}`);
        }
        await page.close();
      } finally {
        broken.close();
      }
    });

    // Subresource Integrity: the entry module carries `integrity`, and every module it reaches has a
    // `<link rel="modulepreload" integrity>`. Firefox (Tor Browser) then refuses any changed module;
    // Chromium 156 refetches a module whose preload failed its check and runs it, so there only the
    // entry module is protected (tested as such).
    const tamperCases = [['/js/submit.js', true], ['/lib/noble/hashes/blake2.js', kind !== 'chromium']];
    for (const [file, refused] of tamperCases.filter(([, r]) => r)) {
      test(`a changed ${file} (integrity hash differs) is refused: the page does not start`, async () => {
        const tampered = await startStaticServer(REPO, www, { tamper: { [file]: (b) => Buffer.concat([b, Buffer.from('\n// changed\n')]) } });
        try {
          const page = await browser.newPage();
          await page.goto(`${tampered.url}/index.html`);
          await new Promise((r) => setTimeout(r, 3000));
          const state = await page.evaluate(() => ({ loading: !document.getElementById('loading').hidden, fatal: !document.getElementById('fatal').hidden }));
          assert.deepEqual(state, { loading: refused, fatal: !refused });
          await page.close();
        } finally {
          tampered.close();
        }
      });
    }

    test('metadata cleaning in the browser: the cleaned JPEG/PNG equal the originals and decode', async () => {
      const page = await browser.newPage();
      const w = await watch(page, server.url);
      await page.goto(`${server.url}/index.html`);
      await page.waitForSelector('#fatal:not([hidden])');
      const res = await page.evaluate(
        async (files) => {
          const M = await import('/js/metadata.js');
          const b = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
          const out = {};
          for (const [name, dirty, clean, type] of files) {
            const blob = new Blob([b(dirty)], { type });
            const plan = await M.planClean(M.blobReader(blob));
            const cleaned = new Blob(plan.keep.map(([s, e]) => blob.slice(s, e)), { type });
            const bytes = new Uint8Array(await cleaned.arrayBuffer());
            const want = b(clean);
            const bmp = await createImageBitmap(cleaned);
            out[name] = { ok: plan.ok, removed: plan.removed.sort(), equal: bytes.length === want.length && bytes.every((x, i) => x === want[i]), w: bmp.width, h: bmp.height };
          }
          return out;
        },
        [
          ['jpeg', fixture('photo-gps.jpg'), fixture('photo-clean.jpg'), 'image/jpeg'],
          ['png', fixture('photo-text.png'), fixture('photo-clean.png'), 'image/png'],
        ],
      );
      assert.deepEqual(res.jpeg, { ok: true, removed: ['app2', 'comment', 'exif', 'trailer'], equal: true, w: 24, h: 16 });
      assert.deepEqual(res.png, { ok: true, removed: ['exif', 'text', 'time', 'trailer'], equal: true, w: 24, h: 16 });
      await w.assertClean(assert);
      await page.close();
    });
  });
}
