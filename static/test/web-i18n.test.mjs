// The page's message catalogues (static/www/i18n/*.json): complete in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { LANGUAGES, checkCatalogues, format, languageFromHash } from '../www/js/i18n.js';
import { COUNTRIES, INCIDENTS, RESPONSIBLE } from '../www/js/payload.js';

const www = new URL('../www/', import.meta.url);
const catalogues = Object.fromEntries(LANGUAGES.map(({ code }) => [code, JSON.parse(fs.readFileSync(new URL(`i18n/${code}.json`, www), 'utf8'))]));

test('the seven languages of the issue have a catalogue, and nothing else is in i18n/', () => {
  assert.deepEqual(LANGUAGES.map((l) => l.code), ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'mk']);
  assert.deepEqual(fs.readdirSync(new URL('i18n/', www)).sort(), LANGUAGES.map((l) => `${l.code}.json`).sort());
});

test('every key is present, non-empty and has the same placeholders in every language', () => {
  assert.deepEqual(checkCatalogues(catalogues), []);
});

test('checkCatalogues does catch a missing key, an extra key and a changed placeholder', () => {
  const broken = structuredClone(catalogues);
  delete broken.mk.submit_button;
  broken.sq.not_a_key = 'x';
  broken.bs.chars_count = '{n} od {maks}';
  const problems = checkCatalogues(broken);
  assert.ok(problems.includes('mk: missing key submit_button'));
  assert.ok(problems.includes('sq: unknown key not_a_key'));
  assert.ok(problems.includes('bs: placeholders differ in chars_count'));
});

function usedKeys() {
  const keys = new Set();
  for (const f of ['index.html', 'return.html']) {
    const html = fs.readFileSync(new URL(`../pages/${f}`, import.meta.url), 'utf8');
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(';')) keys.add(pair.split(':')[1]);
  }
  for (const f of fs.readdirSync(new URL('js/', www))) {
    const js = fs.readFileSync(new URL(`js/${f}`, www), 'utf8');
    for (const m of js.matchAll(/\bt\('([a-z_A-Z]+)'/g)) keys.add(m[1]);
    for (const m of js.matchAll(/\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)'/g)) {
      if (m[1].includes('_') && m[2].includes('_')) {
        keys.add(m[1]);
        keys.add(m[2]);
      }
    }
  }
  for (const c of COUNTRIES) keys.add(`country_${c}`);
  for (const c of INCIDENTS) keys.add(`incident_${c}`);
  for (const c of RESPONSIBLE) keys.add(`responsible_${c}`);
  for (const c of ['required', 'too_long', 'bad_choice', 'bad_text', 'bad_file']) keys.add(`err_payload_${c}`);
  return keys;
}

test('every key the pages use exists in the English catalogue', () => {
  const missing = [...usedKeys()].filter((k) => !(k in catalogues.en));
  assert.deepEqual(missing, []);
});

test('the Serbian Cyrillic catalogue is Cyrillic and the Latin ones are Latin (placeholders aside)', () => {
  const strip = (s) => s.replace(/\{[a-z_]+\}/g, '');
  for (const [k, v] of Object.entries(catalogues['sr-Cyrl'])) assert.ok(!/[A-Za-zčćžšđČĆŽŠĐ]{3,}/.test(strip(v).replace(/\b(Tor|Browser|JavaScript|SLAPP|KB|MB|MPF|XMP|EXIF)\b/g, '')), `sr-Cyrl ${k}: ${v}`);
  for (const code of ['sr-Latn', 'bs', 'cnr', 'sq']) for (const [k, v] of Object.entries(catalogues[code])) assert.ok(!/[\u0400-\u04ff]/.test(v), `${code} ${k}`);
});

test('format fills placeholders and leaves unknown ones visible; the language comes from the fragment only', () => {
  assert.equal(format('{n} of {max}', { n: 3, max: 10 }), '3 of 10');
  assert.equal(format('{n} of {max}', { n: 3 }), '3 of {max}');
  assert.equal(languageFromHash('#lang=sr-Cyrl'), 'sr-Cyrl');
  assert.equal(languageFromHash('#fp=ab&lang=mk'), 'mk');
  assert.equal(languageFromHash('#lang=<script>'), null);
  assert.equal(languageFromHash(''), null);
});
