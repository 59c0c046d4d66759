// Launching Debian's browsers with puppeteer-core, and watching a page for what must never happen.
//
// Browsers: 'chromium' (Debian's /usr/bin/chromium, over CDP) and 'firefox-safer' (Debian's
// /usr/bin/firefox-esr over WebDriver BiDi, with the prefs Tor Browser's "Safer" level sets: no
// WebAssembly, no JIT, no native regexp, no asm.js). Nothing is downloaded: puppeteer-core only drives
// the executables given here.
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// puppeteer-core is a dev dependency of static/ (static/package-lock.json), installed by ops/setup-browsers.
const requireFromStatic = createRequire(path.join(REPO, 'static', 'package.json'));
const puppeteer = (await import(pathToFileURL(requireFromStatic.resolve('puppeteer-core')).href)).default;

export const SAFER_PREFS = Object.freeze({
  'javascript.options.wasm': false,
  'javascript.options.ion': false,
  'javascript.options.baselinejit': false,
  'javascript.options.native_regexp': false,
  'javascript.options.asmjs': false,
});

/** Tor Browser's "Safest" level: no JavaScript at all (on top of "Safer"). */
export const SAFEST_PREFS = Object.freeze({ ...SAFER_PREFS, 'javascript.enabled': false });

export const BROWSERS = (process.env.DOJAVA_WEB_BROWSERS || 'chromium,firefox-safer').split(',').filter(Boolean);

export async function launch(kind) {
  if (kind === 'chromium') {
    return puppeteer.launch({
      browser: 'chrome',
      executablePath: process.env.DOJAVA_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      // --no-sandbox: the tests run as root in CI containers, where Chromium's sandbox cannot start.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-features=Translate'],
    });
  }
  if (kind === 'firefox-safer' || kind === 'firefox' || kind === 'firefox-safest') {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.DOJAVA_FIREFOX || '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: kind === 'firefox-safer' ? { ...SAFER_PREFS } : kind === 'firefox-safest' ? { ...SAFEST_PREFS } : {},
    });
  }
  throw new Error(`unknown browser ${kind}`);
}

/** Where screenshots go: $DOJAVA_WEB_ARTIFACTS, or build/web-artifacts under the repository. */
export function artifactsDir() {
  const d = process.env.DOJAVA_WEB_ARTIFACTS || path.join(REPO, 'build', 'web-artifacts');
  fs.mkdirSync(d, { recursive: true });
  return d;
}

export async function screenshot(page, name) {
  const file = path.join(artifactsDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Watches a page: every request must go to `origin` (or be blob:/data:); every CSP violation, page
 * error and console error is recorded. Call `assertClean()` at the end of a test.
 */
export async function watch(page, origin) {
  const w = { outside: [], csp: [], errors: [], requests: [], responses: [] };
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('blob:') || u.startsWith('data:') || u === 'about:blank') return;
    if (new URL(u).origin !== origin) w.outside.push(u);
    w.requests.push({ method: r.method(), url: u });
  });
  page.on('response', (r) => w.responses.push({ method: r.request().method(), url: r.url(), status: r.status() }));
  page.on('pageerror', (e) => w.errors.push(String(e && e.message ? e.message : e)));
  page.on('console', (m) => {
    const t = m.text();
    if (/Content[- ]Security[- ]Policy|CSP/i.test(t)) w.csp.push(t);
  });
  w.collect = async () => {
    try {
      const v = await page.evaluate(() => window.__csp || []);
      w.csp.push(...v);
    } catch {
      /* page gone */
    }
  };
  w.assertClean = async (assert) => {
    await w.collect();
    assert.deepEqual(w.outside, [], 'requests to other origins');
    assert.deepEqual(w.csp, [], 'CSP violations');
    assert.deepEqual(w.errors, [], 'page errors');
  };
  return w;
}

export function tmpDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
