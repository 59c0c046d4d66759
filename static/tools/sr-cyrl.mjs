// Serbian Latin → Serbian Cyrillic for the catalogues: www/i18n/sr-Cyrl.json is exactly
// toCyrillic() of every string of www/i18n/sr-Latn.json (test/web-i18n.test.mjs checks it).
// Serbian is one language in two scripts, so the Cyrillic catalogue is kept this way; Bosnian and
// Montenegrin are languages of their own and their catalogues are written by hand.
//
// Rules (Pravopis srpskoga jezika): one letter for one letter, with the digraphs lj, nj, dž as
// single letters (except in the few words below where they are two); names written in the Latin
// alphabet stay whole (Tor Browser, JavaScript, SLAPP, the units), and a case ending on such a name
// is joined with a hyphen ("JavaScripta" → "JavaScript-а"); {placeholders} are kept.
//
// Usage: node static/tools/sr-cyrl.mjs           (writes www/i18n/sr-Cyrl.json)
//        node static/tools/sr-cyrl.mjs --check   (exit 1 if sr-Cyrl.json differs)
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Names kept in the Latin alphabet in Cyrillic text (also the script test's list for sr-Cyrl). */
export const LATIN_NAMES = Object.freeze(['Tor Browser', 'JavaScript', 'SLAPP', 'KB', 'MB', 'GB', 'B']);

const LETTERS = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и',
  j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у',
  v: 'в', z: 'з', ž: 'ж',
};
const DIGRAPHS = { lj: 'љ', nj: 'њ', dž: 'џ' };
// Words in which n+j, d+ž are two letters (prefix + root): matched at the start of a word.
const SPLIT = [/^injekc/i, /^konjunk/i, /^nadž/i, /^podž/i, /^odžal/i];

const NAME = new RegExp(`(\\{[a-z_]+\\}|(?:${LATIN_NAMES.map((n) => n.replace(' ', '\\s')).join('|')})(?![A-Za-z])|(?:JavaScript)(?=[a-z]))`, 'u');

function word(w) {
  const split = SPLIT.some((re) => re.test(w));
  let out = '';
  for (let i = 0; i < w.length; ) {
    const two = w.slice(i, i + 2);
    const d = DIGRAPHS[two.toLowerCase()];
    if (d && !(split && i > 0 && i <= 3)) {
      out += two[0] === two[0].toLowerCase() ? d : d.toUpperCase();
      i += 2;
      continue;
    }
    const ch = w[i];
    const c = LETTERS[ch.toLowerCase()];
    if (c === undefined && /\p{Script=Latin}/u.test(ch)) throw new Error(`no Cyrillic letter for "${ch}" in "${w}"`);
    out += c === undefined ? ch : ch === ch.toLowerCase() ? c : c.toUpperCase();
    i += 1;
  }
  return out;
}

/** Serbian Latin text → Cyrillic, names and placeholders kept. Throws on a letter Serbian lacks. */
export function toCyrillic(text) {
  const parts = text.split(NAME);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i % 2 === 1) {
      out += p;
      // A case ending right after a Latin name: hyphen, then the ending in Cyrillic.
      if (/^[a-z]/.test(parts[i + 1] || '')) out += '-';
      continue;
    }
    out += p.replace(/[\p{L}]+/gu, word);
  }
  return out;
}

/** The whole catalogue. */
export function catalogueToCyrillic(latin) {
  return Object.fromEntries(Object.entries(latin).map(([k, v]) => [k, toCyrillic(v)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../www/i18n/', import.meta.url);
  const latin = JSON.parse(fs.readFileSync(new URL('sr-Latn.json', dir), 'utf8'));
  const text = JSON.stringify(catalogueToCyrillic(latin), null, 2) + '\n';
  const file = new URL('sr-Cyrl.json', dir);
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(file, 'utf8') !== text) {
      console.error('sr-cyrl: www/i18n/sr-Cyrl.json differs from sr-Latn.json: run node static/tools/sr-cyrl.mjs');
      process.exit(1);
    }
    console.log('sr-cyrl: sr-Cyrl.json is the transliteration of sr-Latn.json');
  } else {
    fs.writeFileSync(file, text);
    console.log('sr-cyrl: wrote www/i18n/sr-Cyrl.json');
  }
}
