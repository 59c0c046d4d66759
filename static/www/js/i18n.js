// Message catalogues: every string the page shows, in every language, from i18n/<code>.json.
//
// The page loads all catalogues at start (a few kilobytes each), so the requests it makes do not tell
// the server which language a person reads. The choice is kept in the URL fragment (#lang=sq), which is
// never sent to the server, and nowhere else (no cookie, no storage).

/**
 * code → { name in its own language, html lang attribute, locale for Intl.PluralRules, decimal
 * separator }. The first is the default. Montenegrin has no CLDR data of its own; its rules are those
 * of Serbian in Latin script as written in Montenegro. The separator is written here, not asked of
 * Intl.NumberFormat: Chromium's trimmed ICU data formats Albanian, Bosnian and Macedonian numbers
 * the English way.
 */
export const LANGUAGES = Object.freeze([
  { code: 'en', name: 'English', lang: 'en', intl: 'en', decimal: '.' },
  { code: 'sq', name: 'Shqip', lang: 'sq', intl: 'sq', decimal: ',' },
  { code: 'sr-Latn', name: 'Srpski (latinica)', lang: 'sr-Latn', intl: 'sr-Latn', decimal: ',' },
  { code: 'sr-Cyrl', name: 'Српски (ћирилица)', lang: 'sr-Cyrl', intl: 'sr-Cyrl', decimal: ',' },
  { code: 'bs', name: 'Bosanski', lang: 'bs', intl: 'bs', decimal: ',' },
  { code: 'cnr', name: 'Crnogorski', lang: 'cnr', intl: 'sr-Latn-ME', decimal: ',' },
  { code: 'mk', name: 'Македонски', lang: 'mk', intl: 'mk', decimal: ',' },
]);

/** The plural categories (CLDR: zero, one, two, few, many, other) a catalogue key can end with. */
export const PLURAL_FORMS = Object.freeze(['zero', 'one', 'two', 'few', 'many', 'other']);
const PLURAL_KEY = new RegExp(`^(.+)_(${PLURAL_FORMS.join('|')})$`);

function languageOf(code) {
  return LANGUAGES.find((l) => l.code === code) || LANGUAGES[0];
}
const intlOf = (code) => languageOf(code).intl;

/** The plural category of the whole number `n` in language `code` (Intl.PluralRules, CLDR). */
export function pluralCategory(code, n) {
  return new Intl.PluralRules(intlOf(code)).select(n);
}

/**
 * The categories whole numbers take in `code` (decimals never follow a noun in the catalogues), e.g.
 * ['one', 'other'] for English, ['few', 'one', 'other'] for Serbian: the forms a plural key must have.
 */
export function integerPluralForms(code) {
  const rules = new Intl.PluralRules(intlOf(code));
  const forms = new Set();
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return [...forms].sort();
}

/** A decimal number with one digit after the separator, in the language's own form ("1,5"). */
export function formatDecimal(code, x) {
  return x.toFixed(1).replace('.', languageOf(code).decimal);
}

/**
 * The plural groups of a catalogue: base key → the forms it has ("files_too_many" → ['one', 'other']).
 * A group has "_other" and at least one more form ("country_other" alone is an ordinary key).
 */
export function pluralGroups(cat) {
  const groups = {};
  for (const key of Object.keys(cat)) {
    const m = PLURAL_KEY.exec(key);
    if (m && `${m[1]}_other` in cat) (groups[m[1]] ||= []).push(m[2]);
  }
  for (const [base, g] of Object.entries(groups)) {
    if (g.length < 2) delete groups[base];
    else g.sort();
  }
  return groups;
}

export const DEFAULT_LANGUAGE = 'en';

/** Replaces {name} placeholders; unknown placeholders stay visible (a bug to see, not to hide). */
export function format(template, vars = {}) {
  return template.replace(/\{([a-z_]+)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : m));
}

/** The placeholders a template uses, sorted (for the completeness test). */
export function placeholders(template) {
  return [...new Set([...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]))].sort();
}

/**
 * Checks catalogues against the reference (English): every key present, a non-empty string, the same
 * placeholders, no extra keys; a plural key ("x_one", "x_few", "x_other") has exactly the forms its
 * language's plural rules give whole numbers, each with the placeholders of the reference's "x_other".
 * Returns a list of problems (empty when complete).
 */
export function checkCatalogues(catalogues, reference = DEFAULT_LANGUAGE) {
  const problems = [];
  const ref = catalogues[reference];
  const refGroups = pluralGroups(ref);
  const inGroup = (key, groups) => Object.entries(groups).some(([base, forms]) => forms.some((f) => `${base}_${f}` === key));
  for (const { code } of LANGUAGES) {
    const cat = catalogues[code];
    if (!cat) {
      problems.push(`${code}: catalogue missing`);
      continue;
    }
    const expect = (key, refKey) => {
      if (!(key in cat)) problems.push(`${code}: missing key ${key}`);
      else if (typeof cat[key] !== 'string' || cat[key].trim() === '') problems.push(`${code}: empty ${key}`);
      else if (placeholders(cat[key]).join() !== placeholders(ref[refKey]).join()) problems.push(`${code}: placeholders differ in ${key}`);
    };
    for (const key of Object.keys(ref)) if (!inGroup(key, refGroups)) expect(key, key);
    const forms = integerPluralForms(code);
    for (const base of Object.keys(refGroups)) for (const f of forms) expect(`${base}_${f}`, `${base}_other`);
    for (const key of Object.keys(cat)) {
      const m = PLURAL_KEY.exec(key);
      const known = m && m[1] in refGroups ? forms.includes(m[2]) : key in ref && !inGroup(key, refGroups);
      if (!known) problems.push(`${code}: unknown key ${key}`);
    }
  }
  return problems;
}

export class Catalogues {
  constructor(catalogues) {
    this._cats = catalogues;
    this.code = DEFAULT_LANGUAGE;
  }

  /** Loads every catalogue from `base` (e.g. "i18n/"). */
  static async load(base = 'i18n/') {
    const cats = {};
    await Promise.all(
      LANGUAGES.map(async ({ code }) => {
        const r = await fetch(`${base}${code}.json`, { credentials: 'omit', cache: 'no-store' });
        if (!r.ok) throw new Error(`catalogue ${code}: ${r.status}`);
        cats[code] = await r.json();
      }),
    );
    return new Catalogues(cats);
  }

  has(code) {
    return Object.prototype.hasOwnProperty.call(this._cats, code);
  }

  setLanguage(code) {
    this.code = this.has(code) ? code : DEFAULT_LANGUAGE;
    return this.code;
  }

  /** The string for `key` in the current language, falling back to English, then to the key itself. */
  t(key, vars) {
    const cat = this._cats[this.code] || {};
    const en = this._cats[DEFAULT_LANGUAGE] || {};
    const s = cat[key] ?? en[key] ?? key;
    return format(s, vars);
  }

  /** The plural form of `key` for the whole number `n` (key_one, key_few, key_other…), filled with `vars`. */
  plural(key, n, vars) {
    const form = `${key}_${pluralCategory(this.code, n)}`;
    const cat = this._cats[this.code] || {};
    return this.t(form in cat ? form : `${key}_other`, vars);
  }

  /** A number with one decimal in the current language ("1.5" in English, "1,5" in the others). */
  decimal(x) {
    return formatDecimal(this.code, x);
  }

  /**
   * Fills the DOM: `data-i18n="key"` sets textContent; `data-i18n-attr="attr:key;attr2:key2"` sets
   * attributes (placeholder, aria-label, title). Never innerHTML: catalogue text is text.
   */
  apply(root) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = this.t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':');
        if (attr && key) el.setAttribute(attr.trim(), this.t(key.trim()));
      }
    }
    const lang = LANGUAGES.find((l) => l.code === this.code);
    root.documentElement?.setAttribute('lang', lang ? lang.lang : 'en');
  }
}

/** The language asked for in a URL fragment ("#lang=sq" or "#lang=sq&…"), or null. */
export function languageFromHash(hash) {
  const m = /(?:^#|&)lang=([A-Za-z-]{2,8})(?:&|$)/.exec(hash || '');
  return m ? m[1] : null;
}

/**
 * The page's language from the browser's preferred languages (navigator.languages, best first) when the
 * link names none: read in the browser, never sent anywhere. The first tag this page has a catalogue
 * for wins; null when none matches. Serbian without a script is Cyrillic (CLDR's default for "sr"),
 * except in Montenegro ("sr-ME", Latin, the Montenegrin catalogue); Croatian ("hr") and
 * Serbo-Croatian ("sh") read the ijekavian Latin Bosnian and the Latin Serbian catalogues. Tor Browser
 * reports "en-US" unless the person turned off its English spoofing, so there this mostly gives English.
 */
export function languageFromPreferences(tags) {
  for (const raw of Array.isArray(tags) ? tags : []) {
    if (typeof raw !== 'string') continue;
    const parts = raw.toLowerCase().split(/[-_]/);
    const [base] = parts;
    const has = (sub) => parts.slice(1).includes(sub);
    if (base === 'en' || base === 'sq' || base === 'mk' || base === 'bs') return base;
    if (base === 'cnr') return 'cnr';
    if (base === 'hr') return 'bs';
    if (base === 'sh') return 'sr-Latn';
    if (base === 'sr') {
      if (has('me') && !has('cyrl')) return 'cnr';
      return has('latn') ? 'sr-Latn' : 'sr-Cyrl';
    }
  }
  return null;
}
