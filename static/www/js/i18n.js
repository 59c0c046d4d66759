// Message catalogues: every string the page shows, in every language, from i18n/<code>.json.
//
// The page loads all catalogues at start (a few kilobytes each), so the requests it makes do not tell
// the server which language a person reads. The choice is kept in the URL fragment (#lang=sq), which is
// never sent to the server, and nowhere else (no cookie, no storage).

/** code → { name in its own language, html lang attribute }. The first is the default. */
export const LANGUAGES = Object.freeze([
  { code: 'en', name: 'English', lang: 'en' },
  { code: 'sq', name: 'Shqip', lang: 'sq' },
  { code: 'sr-Latn', name: 'Srpski (latinica)', lang: 'sr-Latn' },
  { code: 'sr-Cyrl', name: 'Српски (ћирилица)', lang: 'sr-Cyrl' },
  { code: 'bs', name: 'Bosanski', lang: 'bs' },
  { code: 'cnr', name: 'Crnogorski', lang: 'cnr' },
  { code: 'mk', name: 'Македонски', lang: 'mk' },
]);

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
 * placeholders, no extra keys. Returns a list of problems (empty when complete).
 */
export function checkCatalogues(catalogues, reference = DEFAULT_LANGUAGE) {
  const problems = [];
  const ref = catalogues[reference];
  for (const { code } of LANGUAGES) {
    const cat = catalogues[code];
    if (!cat) {
      problems.push(`${code}: catalogue missing`);
      continue;
    }
    for (const key of Object.keys(ref)) {
      if (!(key in cat)) problems.push(`${code}: missing key ${key}`);
      else if (typeof cat[key] !== 'string' || cat[key].trim() === '') problems.push(`${code}: empty ${key}`);
      else if (placeholders(cat[key]).join() !== placeholders(ref[key]).join()) problems.push(`${code}: placeholders differ in ${key}`);
    }
    for (const key of Object.keys(cat)) if (!(key in ref)) problems.push(`${code}: unknown key ${key}`);
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
