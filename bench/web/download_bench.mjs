// bench/web/download_bench.mjs — the returning source's page downloading one large reviewer file in
// Chromium on loopback (download.js: three chunk GETs in flight, decrypted in order, progress in bytes),
// against `dojava inbox --get` of the same file from the same dojavad in the same run (issue 19).
//
//   node bench/web/download_bench.mjs [SIZE_MB]          (default 60; needs a default build and
//                                                          static/www/lib: node static/tools/build-www.mjs)
//
// The page's time runs from the click on the file to the Blob handed to the save link; the CLI's is
// `inbox --get 1` minus `inbox` alone (the receipt's Argon2id and the conversation, which the page does
// before the click), both measured. dojavad's rate limits are off, as in bench/cli/download_bench.sh.
// Prints the two rates and their ratio; asserts only that both files are byte-identical.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { launch, tmpDir } from '../../tests/web/browsers.mjs';
import { Instance, b64, dojavaCliPath } from '../../tests/web/dojavad.mjs';

const mb = Number(process.argv[2] || 60);
const size = mb * 1000 * 1000;
const rates = [];
for (const c of ['static', 'api', 'upload', 'costly', 'download']) rates.push(`rate.${c}.global_per_second=0`, `rate.${c}.circuit_per_second=0`);
const inst = await Instance.create({ extraArgs: [...rates, 'api.token_requests_per_second=1000000', 'api.token_burst=1000000'] });
const tmp = tmpDir('dojava-bench-web-');
let browser;
try {
  const [rev] = await inst.installRoster(['Bench']);
  const digits = P.generateReceipt();
  const receipt = P.formatReceipt(digits);
  const keys = P.deriveReceiptKeys(digits, inst.salt);
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const body = new TextEncoder().encode(JSON.stringify({ type: 'message', text: 'bench', files: [] }));
  const message = P.encryptMessage({ kind: P.KIND_CONVERSATION, caseId, key: ck, body });
  await inst.api('source', 'POST', '/api/v1/cases', {
    json: {
      case_id: b64(caseId), lookup_key: b64(keys.lookupKey), source_public_key: b64(keys.sourcePublic), message: b64(message), files: [],
      keys: [{ recipient: 'source', role: 'case', sealed: b64(P.wrapSourceKey(ck, keys.sourceWrap, P.ROLE_CK, caseId)) },
        { recipient: b64(rev.reviewerId), role: 'case', sealed: b64(P.sealKey(ck, rev.xPublic, P.ROLE_CK, caseId)) }],
    },
  });
  const token = await inst.login(rev);
  const c = await inst.readCase(rev, token, b64(caseId));
  const data = crypto.randomBytes(size);
  console.error(`uploading ${mb} MB as the reviewer's reply...`);
  const ref = await inst.uploadFile(token, data, 'bench.bin', 'application/octet-stream');
  await inst.reply(rev, token, c, 'bench', [ref]);

  // The CLI: inbox alone, then inbox --get.
  const receiptFile = path.join(tmp, 'receipt');
  fs.writeFileSync(receiptFile, receipt + '\n', { mode: 0o600 });
  const fp = P.formatFingerprint(P.adminFingerprint(inst.admin.edPublic));
  const cli = (extra) => {
    const t0 = process.hrtime.bigint();
    execFileSync(dojavaCliPath(), ['inbox', '--receipt-file', receiptFile, '--server', inst.source, '--admin-fingerprint', fp, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const fixed = cli([]);
  const out = path.join(tmp, 'got.bin');
  const withGet = cli(['--get', '1', '-o', out]);
  if (!fs.readFileSync(out).equals(data)) throw new Error('dojava inbox --get wrote other bytes');
  const cliSecs = withGet - fixed;

  // The page.
  browser = await launch('chromium');
  const page = await browser.newPage();
  await page.goto(`${inst.source}/return.html#lang=en`);
  await page.waitForSelector('body[data-ready="return"]', { timeout: 120000 });
  await page.type('#r-receipt', receipt);
  await page.click('#open');
  await page.waitForSelector('#conversation:not([hidden])', { timeout: 120000 });
  await page.evaluate(() => {
    window.__blobs = [];
    const orig = URL.createObjectURL;
    URL.createObjectURL = (b) => {
      window.__blobs.push(b);
      window.__done = performance.now();
      return orig.call(URL, b);
    };
    HTMLAnchorElement.prototype.click = function () {};
    document.querySelector('#messages .files button.link').addEventListener('click', () => (window.__start = performance.now()), { capture: true });
  });
  await page.click('#messages .files button.link');
  await page.waitForFunction(() => window.__blobs.length === 1, { timeout: 600000, polling: 200 });
  const pageSecs = (await page.evaluate(() => window.__done - window.__start)) / 1000;
  const digest = await page.evaluate(async () => {
    const b = await window.__blobs[0].arrayBuffer();
    return [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');
  });
  if (digest !== crypto.createHash('sha256').update(data).digest('hex')) throw new Error('the page saved other bytes');

  const mib = size / 1048576;
  console.log(`== ${mb} MB (${mib.toFixed(1)} MiB, ${ref.chunks} chunks) on loopback, load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
  console.log(`  page (Chromium, 3 GETs in flight): ${pageSecs.toFixed(2)} s  ${(mib / pageSecs).toFixed(1)} MiB/s`);
  console.log(`  dojava inbox --get (3 streams):    ${cliSecs.toFixed(2)} s  ${(mib / cliSecs).toFixed(1)} MiB/s  (inbox ${withGet.toFixed(2)} s minus ${fixed.toFixed(2)} s without --get)`);
  console.log(`  ratio page/CLI (throughput):       ${(cliSecs / pageSecs).toFixed(2)}x`);
} finally {
  await browser?.close();
  await inst.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
}
