#!/usr/bin/env node
// bench/web/upload_bench.mjs — a large file through the source page against `dojava submit` of the same
// file, in the same run, on loopback (issue 17 item 8; goal: the page within 2x of the CLI).
//
//   node bench/web/upload_bench.mjs [--size-mib 60] [--rounds 1] [--browser chromium|firefox-safer]
//                                   [--no-worker]
//
// Starts its own dojavad (tests/web/dojavad.mjs: `dojavad init` + `serve` on 127.0.0.1, rate limits
// off, a roster of one reviewer) in a temp dir that it removes. Per round, alternating who goes first:
//  - the page (static/www, built by `node static/tools/build-www.mjs`) in the browser, driven by
//    puppeteer-core: the form filled, the file chosen, from the click on "Encrypt and send" to the
//    receipt on screen; meanwhile a 50 ms timer in the page records how late its ticks came (what a
//    person feels as a frozen page; on a loaded machine it includes waiting for a core), and in
//    Chromium the main thread's long tasks (>= 50 ms, PerformanceObserver 'longtask');
//  - `dojava submit --attach FILE` (build/default/cli/dojava or DOJAVA_CLI), wall clock.
// Prints each round, then the medians and the ratio page / CLI. `--no-worker` removes `Worker` from the
// page, so it encrypts on its main thread (the page before the worker, for comparison). Nothing here
// asserts: speed is reported, never tested.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { REPO, launch, tmpDir } from '../../tests/web/browsers.mjs';
import { Instance, dojavaCliPath } from '../../tests/web/dojavad.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const sizeMib = Number(arg('size-mib', '60'));
const rounds = Number(arg('rounds', '1'));
const kind = arg('browser', 'chromium');
const noWorker = process.argv.includes('--no-worker');
const TIMEOUT_MS = 30 * 60 * 1000;

const cli = dojavaCliPath();
if (!fs.existsSync(cli)) {
  console.error(`no dojava CLI at ${cli}: build the default preset or set DOJAVA_CLI`);
  process.exit(2);
}
if (!fs.existsSync(path.join(REPO, 'static', 'www', 'index.html'))) {
  console.error('run node static/tools/build-www.mjs first');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runCli(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`dojava submit exited ${code}: ${err}`))));
  });
}

/** In the page: a 50 ms timer that records the longest gap between its ticks, from the start. */
function lagMeter() {
  window.__lag = { max: 0, over200: 0, longMax: 0, longSum: 0 };
  // Chromium: the main thread's long tasks (>= 50 ms) themselves, apart from waiting for a core.
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__lag.longSum += e.duration;
        if (e.duration > window.__lag.longMax) window.__lag.longMax = e.duration;
      }
    }).observe({ type: 'longtask' });
  } else {
    window.__lag.longMax = null; // not in Firefox
  }
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const gap = now - last - 50;
    last = now;
    if (gap > window.__lag.max) window.__lag.max = gap;
    if (gap > 200) window.__lag.over200++;
  }, 50);
}

const rates = [];
for (const c of ['static', 'api', 'upload', 'costly']) rates.push(`rate.${c}.global_per_second=0`, `rate.${c}.circuit_per_second=0`);
const inst = await Instance.create({ name: 'Bench', extraArgs: rates });
const tmp = tmpDir('dojava-upload-bench-');
let browser;
try {
  await inst.installRoster(['Bench desk']);
  const fp = P.formatFingerprint(P.adminFingerprint(inst.admin.edPublic));
  const file = path.join(tmp, 'evidence.bin');
  fs.writeFileSync(file, crypto.randomBytes(sizeMib * 1024 * 1024));
  const tip = path.join(tmp, 'tip.txt');
  fs.writeFileSync(tip, 'bench\n');
  browser = await launch(kind);

  async function pageRound() {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    if (noWorker) await page.evaluateOnNewDocument(() => delete window.Worker);
    await page.evaluateOnNewDocument(lagMeter);
    await page.goto(`${inst.source}/index.html#lang=en`);
    await page.waitForSelector('body[data-ready="submit"]');
    await page.select('#f-country', 'RS');
    await page.select('#f-incident', 'spyware');
    await page.type('#f-title', 'bench');
    await page.type('#f-text', 'bench');
    await (await page.$('#f-files')).uploadFile(file);
    await page.waitForFunction(() => document.querySelectorAll('#file-list > li.file').length === 1);
    await page.evaluate(() => {
      window.__lag.max = 0;
      window.__lag.over200 = 0;
      if (window.__lag.longMax !== null) {
        window.__lag.longMax = 0;
        window.__lag.longSum = 0;
      }
    });
    const t0 = performance.now();
    await page.click('#submit');
    await page.waitForSelector('#receipt:not([hidden])', { timeout: TIMEOUT_MS });
    const ms = performance.now() - t0;
    const lag = await page.evaluate(() => window.__lag);
    await page.close();
    return { ms, lag };
  }

  const cliRound = () => runCli(['submit', '--server', inst.source, '--admin-fingerprint', fp, '--text-file', tip, '--attach', file]);

  const pageMs = [];
  const cliMs = [];
  const lagMax = [];
  for (let r = 0; r < rounds; r++) {
    let page;
    let c;
    if (r % 2 === 0) {
      page = await pageRound();
      c = await cliRound();
    } else {
      c = await cliRound();
      page = await pageRound();
    }
    pageMs.push(page.ms);
    cliMs.push(c);
    lagMax.push(page.lag.max);
    console.log(`round ${r + 1}: page ${(page.ms / 1000).toFixed(1)} s (timer late by at most ${Math.round(page.lag.max)} ms, ${page.lag.over200} times > 200 ms${page.lag.longMax === null ? '' : `; long tasks: longest ${Math.round(page.lag.longMax)} ms, ${Math.round(page.lag.longSum)} ms in all`}), dojava submit ${(c / 1000).toFixed(1)} s, ratio ${(page.ms / c).toFixed(2)}x`);
  }
  const pm = median(pageMs);
  const cm = median(cliMs);
  const mibs = (ms) => (sizeMib / (ms / 1000)).toFixed(1);
  console.log(`${sizeMib} MiB, ${kind}${noWorker ? ' without the worker' : ''}, ${rounds} round(s), load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`page: ${(pm / 1000).toFixed(1)} s (${mibs(pm)} MiB/s), timer late by at most ${Math.round(median(lagMax))} ms`);
  console.log(`dojava submit: ${(cm / 1000).toFixed(1)} s (${mibs(cm)} MiB/s)`);
  const ratios = pageMs.map((p, k) => p / cliMs[k]);
  console.log(`ratio page / CLI: ${(pm / cm).toFixed(2)}x of the medians; per round ${ratios.map((r) => r.toFixed(2)).join(', ')}, median ${median(ratios).toFixed(2)}x (goal: at most 2x)`);
} finally {
  await browser?.close();
  await inst.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
}
