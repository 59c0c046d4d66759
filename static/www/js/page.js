// What both pages share: languages, the instance and its verified roster, file selection with metadata
// cleaning, and small DOM helpers. Text always goes through textContent, never innerHTML.
import {
  CHUNK_PLAIN_BYTES,
  DojavaError,
  InstancePin,
  activeEntries,
  adminFingerprint,
  chunkCount,
  base64urlDecode,
  formatFingerprint,
  parseAddressFragment,
} from '../lib/protocol.js';
import { Catalogues, DEFAULT_LANGUAGE, LANGUAGES, languageFromHash, languageFromPreferences } from './i18n.js';
import { Api, ApiError } from './api.js';
import { blobReader, planClean } from './metadata.js';

export const $ = (id) => document.getElementById(id);

export function show(el, on = true) {
  (typeof el === 'string' ? $(el) : el).hidden = !on;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Human sizes with the page's language for the units and its decimal separator ("1,5 MB"). */
export function formatSize(i18n, bytes) {
  if (bytes < 1024) return i18n.t('size_bytes', { n: bytes });
  if (bytes < 1024 * 1024) return i18n.t('size_kib', { n: i18n.decimal(bytes / 1024) });
  if (bytes < 1024 * 1024 * 1024) return i18n.t('size_mib', { n: i18n.decimal(bytes / 1048576) });
  return i18n.t('size_gib', { n: i18n.decimal(bytes / 1073741824) });
}

/** A protocol day (days since 1970-01-01 UTC) as YYYY-MM-DD. */
export function formatDay(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The code of an error, as a catalogue key: err_<code>, or the key a trust error names (§12.1). */
export function errorKey(e) {
  if (e instanceof DojavaError && e.reason) return e.reason;
  if (e instanceof ApiError) return `err_api_${e.code}`;
  if (e instanceof DojavaError) return `err_crypto_${e.code}`;
  if (e && typeof e.code === 'string') return `err_${e.code}`;
  return 'err_unexpected';
}

export function errorText(i18n, e) {
  const key = errorKey(e);
  const s = i18n.t(key);
  return s === key ? i18n.t('err_unexpected') : s;
}

/**
 * Starts a page: loads the catalogues, fills the language selector, applies the language from the URL
 * fragment, fetches the instance and verifies its roster against the admin key. `onLanguage` is called
 * after every language change. Returns { i18n, api, setLang, instance: null }; the caller then loads the
 * instance with loadInstance (so that its errors are shown in the chosen language).
 */
export async function boot({ onLanguage } = {}) {
  showEarly($('loading'), earlyLanguage());
  const i18n = await Catalogues.load('i18n/');
  const select = $('lang-select');
  for (const l of LANGUAGES) select.append(el('option', { value: l.code, lang: l.lang, text: l.name }));
  const setLang = (code) => {
    i18n.setLanguage(code);
    select.value = i18n.code;
    i18n.apply(document);
    document.title = i18n.t('page_title');
    // Keep the choice across the two pages, in the fragment only, with the address's fp and rv (§12.1).
    for (const a of document.querySelectorAll('a[data-keep-lang], #link-return, #link-submit')) {
      a.setAttribute('href', a.getAttribute('href').replace(/#.*$/, '') + `#lang=${i18n.code}` + addressPins(location.hash));
    }
    onLanguage?.(i18n);
  };
  select.addEventListener('change', () => {
    history.replaceState(null, '', `#lang=${select.value}` + addressPins(location.hash));
    setLang(select.value);
  });
  setLang(languageFromHash(location.hash) || browserLanguage() || DEFAULT_LANGUAGE);
  // A link with another #lang= on the same page changes the language without a reload.
  window.addEventListener('hashchange', () => {
    const code = languageFromHash(location.hash);
    if (code && code !== i18n.code) setLang(code);
  });
  return { i18n, api: new Api(), setLang, instance: null };
}

/** The fp and rv of the published address (§12.1) as a fragment tail ("&fp=…&rv=3"), or "". */
export function addressPins(hash) {
  const { fp, rv } = parseAddressFragment(hash);
  return (fp ? `&fp=${fp}` : '') + (rv !== null ? `&rv=${rv}` : '');
}

/** One pin per page load (§12.1): the first instance document's admin key, instance id and salt. */
let pin = null;

/**
 * GET /api/v1/instance, then §12.1 and §6: the admin key must match the address's fingerprint (#fp=), and
 * within this page load the admin key, instance id and salt of the first document; the roster is verified
 * against that key (either version), must not be older than the address's rv, and must follow the roster
 * accepted earlier in this load (rollback and chain rule, with the intermediate rosters of GET
 * /api/v1/rosters). The page stores nothing between visits: without fp it cannot tell a replaced server
 * from the real one, and without rv it cannot tell an older roster on the first load (the page says so).
 * `activeChanged`: the active reviewers differ from the roster accepted earlier in this load.
 */
export async function loadInstance(api) {
  const inst = await api.instance();
  if (!inst || inst.version !== 1) throw new ApiError('unsupported_instance', 0);
  const adminPublic = base64urlDecode(inst.admin_public_key);
  const instanceId = base64urlDecode(inst.instance_id);
  const salt = base64urlDecode(inst.salt);
  if (adminPublic.length !== 32 || instanceId.length !== 16 || salt.length !== 16) throw new ApiError('unsupported_instance', 0);
  const address = parseAddressFragment(location.hash);
  pin ??= new InstancePin(address);
  const fetchAfter = (v0) => api.rostersAfter(v0).catch((e) => {
    if (e instanceof ApiError && (e.code === 'not_found' || e.status === 404 || e.status === 405)) return null;
    throw e;
  });
  const { roster, activeChanged } = await pin.accept({ adminPublic, instanceId, salt, roster: inst.roster ? base64urlDecode(inst.roster) : null }, fetchAfter);
  const fingerprint = formatFingerprint(adminFingerprint(adminPublic));
  const limits = inst.limits || {};
  return {
    name: typeof inst.name === 'string' ? inst.name : 'Dojava',
    adminPublic,
    instanceId,
    salt,
    fingerprint,
    pinState: address.fp === null ? 'none' : 'match',
    floor: address.rv,
    roster,
    activeChanged,
    maxChunks: Number.isSafeInteger(limits.max_chunks_per_file) ? limits.max_chunks_per_file : 4096,
    maxFiles: Number.isSafeInteger(limits.max_files_per_message) ? limits.max_files_per_message : 64,
    maxChars: Number.isSafeInteger(limits.message_characters) ? limits.message_characters : 100000,
    // API.md `retention_days`: a case is deleted this many days after its last activity (0: unknown).
    retentionDays: Number.isSafeInteger(limits.retention_days) && limits.retention_days > 0 ? limits.retention_days : 0,
  };
}

/** The reviewers a report is sealed to (§6, §7): the active entries, by name. */
export function reviewerList(roster) {
  return activeEntries(roster).map((r) => el('li', { text: r.name }));
}

/** Shows the instance name, the fingerprint and the reviewers of the verified roster. */
export function showInstance(i18n, inst) {
  $('instance-name').textContent = inst.name;
  const fp = $('fingerprint');
  if (fp) fp.textContent = inst.fingerprint;
  const ps = $('pin-state');
  if (ps) ps.textContent = i18n.t(inst.pinState === 'match' ? 'pin_match' : 'pin_none');
  const fl = $('pin-floor');
  if (fl) fl.textContent = inst.floor === null ? i18n.t('pin_no_floor') : '';
  const list = $('reviewers');
  if (list && inst.roster) list.replaceChildren(...reviewerList(inst.roster));
}

// ---------------------------------------------------------------------------------------------------
// File selection with metadata cleaning

/** The largest file `maxChunks` chunks hold (§9.2: count = floor(size / 524288) + 1). */
export function maxFileBytes(maxChunks) {
  return maxChunks * CHUNK_PLAIN_BYTES - 1;
}

/**
 * Manages the list of chosen files for one form. Each item: { file, plan, keepOriginal, id }.
 * JPEG and PNG files are cleaned by default; `keepOriginal` sends the file as it is. Files are checked
 * when chosen, against the instance's limits: one larger than `maxChunks` chunks is not added, nor one
 * past `maxFiles`; the list then says which file and which limit, and nothing else of the form changes.
 */
export class FilePicker {
  constructor(i18n, input, list, { maxFiles = 64, maxChunks = 4096 } = {}) {
    this.i18n = i18n;
    this.input = input;
    this.list = list;
    this.maxFiles = maxFiles;
    this.maxChunks = maxChunks;
    this.items = [];
    this.refused = []; // { name, size } of files not added for their size, until the next change
    this.tooMany = false;
    this.busy = Promise.resolve();
    input.addEventListener('change', () => {
      const files = [...input.files];
      input.value = '';
      this.busy = this.busy.then(() => this.add(files));
    });
  }

  async add(files) {
    this.tooMany = false;
    this.refused = [];
    for (const file of files) {
      if (chunkCount(file.size) > this.maxChunks) {
        this.refused.push({ name: file.name, size: file.size });
        continue;
      }
      if (this.items.length >= this.maxFiles) {
        this.tooMany = true;
        continue;
      }
      let plan;
      try {
        plan = await planClean(blobReader(file));
      } catch {
        plan = { type: null, ok: false };
      }
      this.items.push({ file, plan, keepOriginal: false, id: Math.random().toString(36).slice(2) });
    }
    this.render();
  }

  clear() {
    this.items = [];
    this.render();
  }

  /** The blobs to upload, with the name and type that travel encrypted in the FILEREF. */
  async prepared() {
    await this.busy;
    return this.items.map(({ file, plan, keepOriginal }) => {
      const clean = plan.ok && !keepOriginal;
      const blob = clean ? new Blob(plan.keep.map(([s, e]) => file.slice(s, e)), { type: file.type }) : file;
      return { blob, name: file.name, mime: file.type || '' };
    });
  }

  render() {
    const t = (k, v) => this.i18n.t(k, v);
    this.list.replaceChildren(
      ...this.items.map((item, idx) => {
        const { file, plan } = item;
        const li = el('li', { class: 'file' });
        li.append(el('span', { class: 'file-name', text: file.name, translate: 'no' }), ' ', el('span', { class: 'hint', text: formatSize(this.i18n, file.size) }));
        let note;
        if (plan.ok) {
          note = el('p', { class: 'ok', text: t(plan.removed.length ? 'meta_cleaned' : 'meta_none_found') });
          const cb = el('input', { type: 'checkbox', id: `keep-${item.id}` });
          cb.checked = item.keepOriginal;
          cb.addEventListener('change', () => {
            item.keepOriginal = cb.checked;
          });
          li.append(note, el('label', { class: 'choice', for: `keep-${item.id}` }, cb, ' ', el('span', { text: t('meta_keep_original') })));
        } else if (plan.type) {
          li.append(el('p', { class: 'warn', text: t('meta_unreadable') }));
        } else {
          li.append(el('p', { class: 'warn', text: t('meta_other_type') }));
        }
        const rm = el('button', { type: 'button', class: 'link', text: t('file_remove'), 'aria-label': t('file_remove_named', { name: file.name }) });
        rm.addEventListener('click', () => {
          this.items.splice(idx, 1);
          this.tooMany = false;
          this.refused = [];
          this.render();
        });
        li.append(rm);
        return li;
      }),
    );
    const limit = maxFileBytes(this.maxChunks);
    for (const r of this.refused) {
      let size = formatSize(this.i18n, r.size);
      let max = formatSize(this.i18n, limit);
      // Just over the limit, both round to the same figure: then the exact bytes.
      if (size === max) [size, max] = [r.size, limit].map((n) => this.i18n.t('size_bytes', { n }));
      this.list.append(el('li', { class: 'warn file-refused', role: 'alert', text: t('file_too_large', { name: r.name, size, max }) }));
    }
    if (this.tooMany) this.list.append(el('li', { class: 'warn file-refused', role: 'alert', text: this.i18n.plural('files_too_many', this.maxFiles, { max: this.maxFiles }) }));
  }
}

/** The browser's preferred language among the page's, or null (i18n.js languageFromPreferences). */
function browserLanguage() {
  return languageFromPreferences(navigator.languages?.length ? [...navigator.languages] : [navigator.language]);
}

/** The language before the catalogues have loaded: the fragment's, else the browser's, else the default. */
function earlyLanguage() {
  const code = languageFromHash(location.hash);
  return LANGUAGES.some((l) => l.code === code) ? code : browserLanguage() || DEFAULT_LANGUAGE;
}

/**
 * The pages carry a few texts in every language (tools/build-www.mjs: "Loading…" and the start-up
 * error), one child per distinct text with data-langs="en sq …": this leaves only `code`'s.
 */
export function showEarly(box, code) {
  for (const c of box.querySelectorAll('[data-langs]')) c.hidden = !c.dataset.langs.split(' ').includes(code);
}

/**
 * Shows an error that stops the page, in the current language and again after a language change
 * (the key is kept in data-i18n). Before the catalogues load: the page's own copy of the start-up
 * error in the fragment's language.
 */
export function showFatal(i18n, e) {
  const box = $('fatal');
  show('loading', false);
  if (i18n) {
    let key = errorKey(e);
    if (i18n.t(key) === key) key = 'err_unexpected';
    box.dataset.i18n = key;
    box.textContent = i18n.t(key);
  } else {
    showEarly(box, earlyLanguage());
    // Without catalogues the header's links and language selector would stay English and empty.
    for (const e of document.querySelectorAll('.top nav, .top .lang, .skip')) e.hidden = true;
  }
  show(box);
}

/** Shows an error message in `box` (an element with role=alert). */
export function showError(i18n, box, e) {
  box.textContent = errorText(i18n, e);
  box.hidden = false;
}
