// Builds static/www/lib/: the modules the page imports that come from elsewhere.
//
//  - the @noble/* files the page reaches (from static/node_modules, installed by `npm ci` from the
//    lockfile), copied byte for byte except two mechanical edits: bare specifiers ("@noble/hashes/x.js")
//    become relative paths (browsers cannot resolve bare specifiers without an import map, and an import
//    map is an inline script, which the server's CSP forbids), and `//# sourceMappingURL=` lines are
//    dropped (the maps are not served);
//  - static/js/protocol.js and the modules it imports (static/js/protocol/*.js), with the same
//    specifier rewrite; they keep their paths under js/ (lib/protocol.js, lib/protocol/roster_v2.js, ...).
// Then www/lib/manifest.json lists every file with its SHA-384 (Subresource Integrity form), and the
// pages (static/pages/*.html → www/*.html) get, in place of their `<!-- build-www: … -->` markers, the
// stylesheet and entry module with `integrity`, and one `<link rel="modulepreload" integrity>` for every
// module the entry reaches: the browser fetches each module once, through the preload, and refuses it
// if its hash differs (Subresource Integrity for the whole module graph, without an import map). A page
// with a chunk worker gets `<meta name="dojava-worker">`: the worker's entry and every module it reaches
// with their hashes, which www/js/encrypter.js checks before it starts the worker.
//
// The pages also get, from the catalogues (www/i18n/*.json), what a person sees before the script has
// chosen a language or without any script at all: the <noscript> box (each language's sentence, in
// its own `lang`, next to the link to the page without JavaScript in that language), "Loading…" and
// the start-up error in every language (one element per distinct text, data-langs listing the
// languages: the script keeps the fragment's one), and in <head> a <noscript> stylesheet,
// css/nojs.css, that hides what cannot work without the script (the empty language selector,
// "Loading…", the links that need the script).
//
// Deterministic: the same lockfile and sources give the same bytes. Refuses to run when an installed
// @noble package's version differs from the lockfile.
//
// Usage: node static/tools/build-www.mjs            (writes static/www/lib)
//        node static/tools/build-www.mjs --check    (exit 1 if static/www/lib is missing or stale)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = path.join(staticDir, 'node_modules');
const wwwDir = path.join(staticDir, 'www');
const libDir = path.join(wwwDir, 'lib');
const pagesDir = path.join(staticDir, 'pages');
const PACKAGES = ['@noble/hashes', '@noble/ciphers', '@noble/curves'];
const ENTRY = 'protocol.js';

function die(msg) {
  console.error(`build-www: ${msg}`);
  process.exit(1);
}

// Installed versions must be the lockfile's.
const lock = JSON.parse(fs.readFileSync(path.join(staticDir, 'package-lock.json'), 'utf8'));
for (const pkg of PACKAGES) {
  const want = lock.packages?.[`node_modules/${pkg}`]?.version;
  let have;
  try {
    have = JSON.parse(fs.readFileSync(path.join(nodeModules, pkg, 'package.json'), 'utf8')).version;
  } catch {
    die(`${pkg} is not installed: run (cd static && npm ci --ignore-scripts)`);
  }
  if (!want || want !== have) die(`${pkg} is ${have}, the lockfile says ${want}: run npm ci`);
}

const SPEC = /(\bfrom\s*|\bimport\s*)(['"])([^'"]+)\2/g;

// Output path (relative to lib/) of a source file.
function outName(abs) {
  const jsRoot = path.join(staticDir, 'js') + path.sep;
  if (abs.startsWith(jsRoot)) return abs.slice(jsRoot.length).split(path.sep).join('/');
  for (const pkg of PACKAGES) {
    const root = path.join(nodeModules, pkg) + path.sep;
    if (abs.startsWith(root)) return path.posix.join('noble', pkg.slice('@noble/'.length), abs.slice(root.length).split(path.sep).join('/'));
  }
  die(`unexpected module ${abs}`);
}

function resolveSpec(fromAbs, spec) {
  if (spec.startsWith('./') || spec.startsWith('../')) return path.resolve(path.dirname(fromAbs), spec);
  const pkg = PACKAGES.find((p) => spec.startsWith(p + '/'));
  if (!pkg) die(`${fromAbs}: import of '${spec}' is not allowed in the page`);
  // The packages' "exports" map "./x.js" to "./x.js" (checked: the files exist at those paths).
  return path.join(nodeModules, pkg, spec.slice(pkg.length + 1));
}

const out = new Map(); // outName -> bytes
const queue = [path.join(staticDir, 'js', ENTRY)];
const seen = new Set();
while (queue.length) {
  const abs = queue.shift();
  if (seen.has(abs)) continue;
  seen.add(abs);
  if (!fs.existsSync(abs)) die(`missing module ${abs}`);
  const name = outName(abs);
  let src = fs.readFileSync(abs, 'utf8');
  src = src.replace(SPEC, (m, kw, q, spec) => {
    const target = resolveSpec(abs, spec);
    queue.push(target);
    let rel = path.posix.relative(path.posix.dirname(name), outName(target));
    if (!rel.startsWith('.')) rel = './' + rel;
    return `${kw}${q}${rel}${q}`;
  });
  src = src.replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  out.set(name, Buffer.from(src, 'utf8'));
}

const names = [...out.keys()].sort();
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const manifest = {};
for (const n of names) manifest[n] = sri(out.get(n));
const manifestBytes = Buffer.from(JSON.stringify({ files: manifest }, null, 1) + '\n');

// --- the pages: SRI for the stylesheet, the entry module and every module it reaches ---
// Bytes of a served file by its path under www/ (lib/ from the build above, the rest from disk).
function servedBytes(rel) {
  if (rel.startsWith('lib/')) {
    const b = out.get(rel.slice(4));
    if (!b) die(`page module ${rel} is not in the build`);
    return b;
  }
  const p = path.join(wwwDir, ...rel.split('/'));
  if (!fs.existsSync(p)) die(`missing ${rel}`);
  return fs.readFileSync(p);
}

function moduleGraph(entry) {
  const seenRel = new Set();
  const order = [];
  const visit = (rel) => {
    if (seenRel.has(rel)) return;
    seenRel.add(rel);
    const src = servedBytes(rel).toString('utf8');
    for (const m of src.matchAll(SPEC)) {
      const spec = m[3];
      if (!spec.startsWith('./') && !spec.startsWith('../')) die(`${rel}: bare import '${spec}'`);
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      if (target.startsWith('..')) die(`${rel}: import outside www: '${spec}'`);
      visit(target);
    }
    order.push(rel);
  };
  visit(entry);
  return order; // dependencies first, the entry last
}

// --- texts in every language, from the catalogues ---
const { LANGUAGES } = await import(new URL('../www/js/i18n.js', import.meta.url));
const catalogues = Object.fromEntries(LANGUAGES.map(({ code }) => [code, JSON.parse(fs.readFileSync(path.join(wwwDir, 'i18n', `${code}.json`), 'utf8'))]));
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function text(code, key) {
  const t = catalogues[code][key];
  if (typeof t !== 'string' || !t) die(`i18n/${code}.json lacks ${key}`);
  return t;
}

// The <noscript> box: each language's sentence and its link to the plain page, in that language.
function noscriptBox(key, target) {
  const rows = LANGUAGES.map(({ code, lang, name }) => `<p lang="${lang}">${esc(text(code, key))} <a href="${target}?lang=${code}" hreflang="${lang}">${esc(name)}</a></p>`);
  return `<noscript><div class="alert" id="noscript-plain">\n${rows.join('\n')}\n</div></noscript>`;
}

// One element per distinct text of `key`, with the languages that use it; `tag` and `hidden` as given.
function everyLanguage(key, tag, hidden) {
  const byText = new Map();
  for (const { code } of LANGUAGES) {
    const t = text(code, key);
    if (!byText.has(t)) byText.set(t, []);
    byText.get(t).push(code);
  }
  const lang = (code) => LANGUAGES.find((l) => l.code === code).lang;
  return [...byText].map(([t, codes]) => `<${tag} data-langs="${codes.join(' ')}" lang="${lang(codes[0])}"${hidden ? ' hidden' : ''}>${esc(t)}</${tag}>`).join('');
}

const pages = new Map(); // file name -> bytes
for (const f of fs.readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort()) {
  let html = fs.readFileSync(path.join(pagesDir, f), 'utf8');
  html = html.replace('<!-- build-www: styles -->', () => `<link rel="stylesheet" href="css/dojava.css" integrity="${sri(servedBytes('css/dojava.css'))}">\n<noscript><link rel="stylesheet" href="css/nojs.css" integrity="${sri(servedBytes('css/nojs.css'))}"></noscript>`);
  html = html.replace(/<!-- build-www: noscript (\w+) (\S+) -->/, (m, key, target) => noscriptBox(key, target));
  html = html.replace('<!-- build-www: every-language loading -->', () => everyLanguage('loading', 'span', false));
  html = html.replace('<!-- build-www: every-language err_start -->', () => everyLanguage('err_start', 'p', true));
  // The chunk worker's module graph with its hashes (www/js/encrypter.js checks them before starting it).
  html = html.replace(/<!-- build-www: worker (\S+) -->/, (m, entry) => {
    const graph = moduleGraph(entry);
    const ordered = [entry, ...graph.slice(0, -1)];
    return `<meta name="dojava-worker" content="${ordered.map((rel) => `${rel} ${sri(servedBytes(rel))}`).join(' ')}">`;
  });
  html = html.replace(/<!-- build-www: modules (\S+) -->/, (m, entry) => {
    const graph = moduleGraph(entry);
    const lines = graph.slice(0, -1).map((rel) => `<link rel="modulepreload" href="${rel}" integrity="${sri(servedBytes(rel))}">`);
    lines.push(`<script type="module" src="${entry}" integrity="${sri(servedBytes(entry))}"></script>`);
    return lines.join('\n');
  });
  if (html.includes('build-www:')) die(`${f}: a marker was not replaced`);
  pages.set(f, Buffer.from(html, 'utf8'));
}

function listFiles(dir, base = '') {
  if (!fs.existsSync(dir)) return [];
  const r = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) r.push(...listFiles(path.join(dir, e.name), rel));
    else r.push(rel);
  }
  return r.sort();
}

if (process.argv.includes('--check')) {
  const want = new Map(out);
  want.set('manifest.json', manifestBytes);
  const have = listFiles(libDir);
  let stale = have.length !== want.size || have.some((f) => !want.has(f) || !want.get(f).equals(fs.readFileSync(path.join(libDir, f))));
  for (const [f, b] of pages) {
    const p = path.join(wwwDir, f);
    if (!fs.existsSync(p) || !b.equals(fs.readFileSync(p))) stale = true;
  }
  if (stale) die('static/www/lib or the pages are missing or stale: run node static/tools/build-www.mjs');
  console.log(`build-www: static/www/lib is up to date (${names.length} modules)`);
} else {
  fs.rmSync(libDir, { recursive: true, force: true });
  for (const n of names) {
    const p = path.join(libDir, ...n.split('/'));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, out.get(n));
  }
  fs.writeFileSync(path.join(libDir, 'manifest.json'), manifestBytes);
  for (const [f, b] of pages) fs.writeFileSync(path.join(wwwDir, f), b);
  const total = names.reduce((a, n) => a + out.get(n).length, 0);
  console.log(`build-www: wrote ${names.length} modules (${Math.round(total / 1024)} KiB) to static/www/lib; pages: ${[...pages.keys()].join(', ')}`);
}
