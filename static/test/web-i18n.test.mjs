// The page's message catalogues (static/www/i18n/*.json): complete in every language, the same
// placeholders, the plural forms each language's rules need, one term per thing (static/i18n-terms.json),
// one script per catalogue (Cyrillic ones: only the listed Latin names), no ekavian word in the
// ijekavian catalogues, and sr-Cyrl exactly the transliteration of sr-Latn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Catalogues, LANGUAGES, checkCatalogues, format, formatDecimal, integerPluralForms, languageFromHash, pluralCategory } from '../www/js/i18n.js';
import { COUNTRIES, INCIDENTS, RESPONSIBLE } from '../www/js/payload.js';
import { LATIN_NAMES, catalogueToCyrillic, toCyrillic } from '../tools/sr-cyrl.mjs';

const www = new URL('../www/', import.meta.url);
const catalogues = Object.fromEntries(LANGUAGES.map(({ code }) => [code, JSON.parse(fs.readFileSync(new URL(`i18n/${code}.json`, www), 'utf8'))]));
const TERMS = JSON.parse(fs.readFileSync(new URL('../i18n-terms.json', import.meta.url), 'utf8'));

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
    for (const m of js.matchAll(/\bplural\('([a-z_]+)'/g)) keys.add(`${m[1]}_other`);
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

test('format fills placeholders and leaves unknown ones visible; the language comes from the fragment only', () => {
  assert.equal(format('{n} of {max}', { n: 3, max: 10 }), '3 of 10');
  assert.equal(format('{n} of {max}', { n: 3 }), '3 of {max}');
  assert.equal(languageFromHash('#lang=sr-Cyrl'), 'sr-Cyrl');
  assert.equal(languageFromHash('#fp=ab&lang=mk'), 'mk');
  assert.equal(languageFromHash('#lang=<script>'), null);
  assert.equal(languageFromHash(''), null);
});

// --- one term per thing -------------------------------------------------------------------------------

// A pattern of i18n-terms.json: case-insensitive, Unicode; \b is a boundary between letters and
// non-letters in any script (JavaScript's own \b knows only ASCII letters).
const LETTER_EDGE = '(?:(?<!\\p{L})(?=\\p{L})|(?<=\\p{L})(?!\\p{L}))';
const termRe = (p) => new RegExp(p.replace(/\\b/g, LETTER_EDGE), 'iu');

/** Problems with the terms of i18n-terms.json: an 'avoid' word present, or the 'use' word absent. */
function checkTerms(cats) {
  const problems = [];
  for (const [concept, byLang] of Object.entries(TERMS.concepts)) {
    for (const [code, { use, avoid }] of Object.entries(byLang)) {
      const all = Object.values(cats[code]).join('\n');
      for (const p of avoid) {
        for (const [key, text] of Object.entries(cats[code])) {
          const m = termRe(p).exec(text);
          if (m) problems.push(`${code} ${key}: "${m[0]}" where the ${concept} term is ${byLang[code].term}`);
        }
      }
      if (!use.some((p) => termRe(p).test(all))) problems.push(`${code}: the ${concept} term (${byLang[code].term}) is never used`);
    }
  }
  return problems;
}

test('one term per thing in every language (static/i18n-terms.json)', () => {
  assert.deepEqual(checkTerms(catalogues), []);
});

test('the terms check fails when a catalogue mixes the listed terms', () => {
  const broken = structuredClone(catalogues);
  broken['sr-Latn'].plain_files_limit = 'Sve datoteke zajedno: najviše {max}.';
  broken.bs.step_upload = 'Šifriraje se i šalje fajl {i} od {n}…';
  broken.mk.msg_unverified = 'Порака чиј испраќач не можеше да се потврди. Не е прикажана.';
  broken.sq.plain_path_note = 'i sheh të pakoduar';
  broken.bs.meta_cleaned = 'Podaci biće uklonjeni.';
  const problems = checkTerms(broken);
  for (const want of ['sr-Latn plain_files_limit: "datotek"', 'bs step_upload: "šifriraje"', 'bs step_upload: "fajl"', 'mk msg_unverified: "потврди"', 'sq plain_path_note: "pakoduar"', 'bs meta_cleaned: "biće"']) {
    assert.ok(problems.some((p) => p.toLowerCase().startsWith(want.toLowerCase())), `${want} in ${problems.join('; ')}`);
  }
});

test('the publication kit (ops/publication/texts.json) uses the same terms and scripts as the page', () => {
  const kit = JSON.parse(fs.readFileSync(new URL('../../ops/publication/texts.json', import.meta.url), 'utf8'));
  const cats = Object.fromEntries(LANGUAGES.map(({ code }) => [code, kit[code]]));
  for (const { code } of LANGUAGES) assert.ok(cats[code], `the kit has ${code}`);
  // Only the "avoid" half: the kit's few sentences need not use every term.
  assert.deepEqual(checkTerms(cats).filter((p) => !p.includes('is never used')), []);
  assert.deepEqual(checkScripts(cats), []);
});

test('no ekavian word in the ijekavian catalogues (bs, cnr)', () => {
  const re = new RegExp(`(?<!\\p{L})(?:${TERMS.ekavian.words.join('|')})`.replace(/\\b/g, LETTER_EDGE), 'iu');
  for (const code of TERMS.ekavian.languages) {
    for (const [k, v] of Object.entries(catalogues[code])) assert.ok(!re.test(v), `${code} ${k}: "${re.exec(v)?.[0]}" in ${v}`);
  }
  assert.ok(re.test('Fotografije mogu sadržati skrivene podatke (mesto, uređaj).'), 'the list catches "mesto"');
});

// --- one script per catalogue -----------------------------------------------------------------------

const strip = (s) => s.replace(/\{[a-z_]+\}/g, '');
const withoutNames = (s) => LATIN_NAMES.reduce((t, n) => t.replace(new RegExp(`(?<![\\p{L}])${n}(?![\\p{L}])`, 'gu'), ''), strip(s));

/** Problems: a word mixing two scripts anywhere; a Latin letter in a Cyrillic catalogue outside the names. */
function checkScripts(cats) {
  const problems = [];
  for (const { code } of LANGUAGES) {
    const cyrillic = code === 'sr-Cyrl' || code === 'mk';
    for (const [k, v] of Object.entries(cats[code])) {
      for (const w of strip(v).match(/[\p{L}\p{M}]+/gu) || []) {
        if (/\p{Script=Latin}/u.test(w) && /\p{Script=Cyrillic}/u.test(w)) problems.push(`${code} ${k}: mixed-script word ${w}`);
      }
      if (cyrillic && /\p{Script=Latin}/u.test(withoutNames(v))) problems.push(`${code} ${k}: Latin letters outside the names`);
      if (!cyrillic && /\p{Script=Cyrillic}/u.test(v)) problems.push(`${code} ${k}: Cyrillic letters`);
    }
  }
  return problems;
}

test('sr-Cyrl and mk have no Latin letter outside the listed names; no word mixes scripts; the Latin catalogues have no Cyrillic', () => {
  assert.deepEqual(checkScripts(catalogues), []);
});

test('the script check catches a Latin word in Cyrillic and a Cyrillic ending glued to a Latin name', () => {
  const broken = structuredClone(catalogues);
  broken.mk.page_title = 'Dojava — пријавете надзор или цензура';
  broken['sr-Cyrl'].plain_title = 'Пријава без JavaScriptа';
  broken.bs.f_title = 'Naslоv'; // a Cyrillic о in a Latin word
  const problems = checkScripts(broken);
  assert.ok(problems.includes('mk page_title: Latin letters outside the names'), problems.join('; '));
  assert.ok(problems.includes('sr-Cyrl plain_title: mixed-script word JavaScriptа'), problems.join('; '));
  assert.ok(problems.includes('bs f_title: mixed-script word Naslоv'), problems.join('; '));
  assert.ok(problems.includes('bs f_title: Cyrillic letters'), problems.join('; '));
});

test('sr-Cyrl is exactly the transliteration of sr-Latn (run node static/tools/sr-cyrl.mjs after editing sr-Latn)', () => {
  assert.deepEqual(catalogues['sr-Cyrl'], catalogueToCyrillic(catalogues['sr-Latn']));
});

test('the transliteration: digraphs, names kept whole with a hyphen before a case ending, placeholders kept', () => {
  assert.equal(toCyrillic('Ljiljana, NJEGOŠ i džep'), 'Љиљана, ЊЕГОШ и џеп');
  assert.equal(toCyrillic('injekcija, nadživeti, podžupan'), 'инјекција, надживети, поджупан');
  assert.equal(toCyrillic('Prijava bez JavaScripta, sa JavaScriptom, JavaScript je isključen'), 'Пријава без JavaScript-а, са JavaScript-ом, JavaScript је искључен');
  assert.equal(toCyrillic('Koristite Tor Browser. {n} B, {n} KB, SLAPP tužba'), 'Користите Tor Browser. {n} B, {n} KB, SLAPP тужба');
  assert.equal(toCyrillic('Đorđe, Ćuprija, Šabac, Žabljak, Čačak'), 'Ђорђе, Ћуприја, Шабац, Жабљак, Чачак');
  assert.throws(() => toCyrillic('Wi-Fi'), /no Cyrillic letter for "W"/);
});

// --- plurals and numbers ------------------------------------------------------------------------------

// CLDR's rules for whole numbers, written out here independently of Intl (the C++ pages use the same:
// service/nojs/catalogues.cc PluralForm).
function cldr(code, n) {
  const d = n % 10;
  const h = n % 100;
  if (code === 'en' || code === 'sq') return n === 1 ? 'one' : 'other';
  if (code === 'mk') return d === 1 && h !== 11 ? 'one' : 'other';
  if (d === 1 && h !== 11) return 'one';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'few';
  return 'other';
}

test('plural categories follow CLDR for every language (Montenegrin as Serbian)', () => {
  for (const { code } of LANGUAGES) for (let n = 0; n <= 1000; n++) assert.equal(pluralCategory(code, n), cldr(code, n), `${code} ${n}`);
  assert.deepEqual(integerPluralForms('en'), ['one', 'other']);
  assert.deepEqual(integerPluralForms('mk'), ['one', 'other']);
  for (const code of ['sr-Latn', 'sr-Cyrl', 'bs', 'cnr']) assert.deepEqual(integerPluralForms(code), ['few', 'one', 'other']);
});

test('a plural key picks the form of its number: 1 fajl, 2 fajla, 5 fajlova, 21 fajl, 12 fajlova', () => {
  const c = new Catalogues(catalogues);
  c.setLanguage('sr-Latn');
  const got = [1, 2, 5, 21, 12, 64].map((n) => c.plural('files_too_many', n, { max: n }).replace(/\. Ostali.*/, '').replace(/^.* (\d+)/, '$1'));
  assert.deepEqual(got, ['1 fajl', '2 fajla', '5 fajlova', '21 fajl', '12 fajlova', '64 fajla']);
  c.setLanguage('bs');
  assert.match(c.plural('plain_session_note', 1, { minutes: 1 }), /otvoren 1 minutu /);
  assert.match(c.plural('plain_session_note', 3, { minutes: 3 }), /otvoren 3 minute /);
  assert.match(c.plural('plain_session_note', 10, { minutes: 10 }), /otvoren 10 minuta /);
  c.setLanguage('en');
  assert.match(c.plural('plain_err_session', 1, { minutes: 1 }), /after 1 minute without/);
  assert.match(c.plural('plain_err_session', 2, { minutes: 2 }), /after 2 minutes without/);
  c.setLanguage('mk');
  assert.match(c.plural('files_too_many', 21, { max: 21 }), /21 датотека\./);
  assert.match(c.plural('files_too_many', 64, { max: 64 }), /64 датотеки\./);
});

test('checkCatalogues wants exactly the plural forms of each language', () => {
  const broken = structuredClone(catalogues);
  delete broken['sr-Latn'].files_too_many_few;
  broken.mk.files_too_many_few = 'x {max}';
  broken.en.plain_session_note_few = 'x {minutes}';
  broken.sq.plain_err_session_one = 'pas {minuta}';
  const problems = checkCatalogues(broken);
  assert.ok(problems.includes('sr-Latn: missing key files_too_many_few'), problems.join('; '));
  assert.ok(problems.includes('mk: unknown key files_too_many_few'), problems.join('; '));
  assert.ok(problems.includes('en: unknown key plain_session_note_few'), problems.join('; '));
  assert.ok(problems.includes('sq: placeholders differ in plain_err_session_one'), problems.join('; '));
});

test('no noun follows a bare number: sizes use unit symbols, and every number-and-noun text is a plural key', () => {
  for (const { code } of LANGUAGES) {
    assert.equal(catalogues[code].size_bytes, '{n} B', code);
    assert.equal(catalogues[code].size_kib, '{n} KB', code);
    assert.equal(catalogues[code].size_mib, '{n} MB', code);
    assert.equal(catalogues[code].size_gib, '{n} GB', code);
  }
  // The placeholders that carry a count of things (not a size, not a position "{i} of {n}").
  for (const [key, text] of Object.entries(catalogues.en)) {
    if (/\{[a-z]+\} (files?|minutes?|characters?|bytes?|messages?|digits?)\b/.test(text)) assert.match(key, /_(one|other)$/, `${key}: "${text}" needs plural forms`);
  }
});

test('decimals in sizes use each language separator: 1.5 MB in English, 1,5 MB in the others', () => {
  assert.equal(formatDecimal('en', 1.5), '1.5');
  for (const code of ['sq', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'mk']) assert.equal(formatDecimal(code, 1.5), '1,5', code);
  assert.equal(formatDecimal('bs', 1536 / 1024), '1,5');
});

test('the texts shown before the catalogues load exist in every language (build-www puts them in the pages)', () => {
  for (const { code } of LANGUAGES) for (const k of ['loading', 'err_start', 'plain_noscript', 'plain_noscript_return']) assert.ok(catalogues[code][k], `${code} ${k}`);
});

test('the language from the browser\'s preferred languages: the first the page has, null when none', async () => {
  const { languageFromPreferences: pick } = await import('../www/js/i18n.js');
  assert.equal(pick(['mk-MK', 'en-US']), 'mk');
  assert.equal(pick(['de-DE', 'sq-AL', 'en']), 'sq');
  assert.equal(pick(['sr']), 'sr-Cyrl');
  assert.equal(pick(['sr-RS']), 'sr-Cyrl');
  assert.equal(pick(['sr-Latn-RS']), 'sr-Latn');
  assert.equal(pick(['sr-ME']), 'cnr');
  assert.equal(pick(['sr-Cyrl-ME']), 'sr-Cyrl');
  assert.equal(pick(['cnr']), 'cnr');
  assert.equal(pick(['hr-HR']), 'bs');
  assert.equal(pick(['bs-Latn-BA']), 'bs');
  assert.equal(pick(['sh']), 'sr-Latn');
  assert.equal(pick(['de', 'fr']), null);
  assert.equal(pick([]), null);
  assert.equal(pick(undefined), null);
});
