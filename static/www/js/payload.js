// §11 application payloads: building and reading the JSON bodies of conversation messages.
//
// Pure (no DOM, no network). Binary values are base64url (PROTOCOL.md §2); the encoder is passed in so
// this module has no dependency and can be tested alone.

/**
 * The report form's choices (PROTOCOL.md §11.1; payload/payload_constants.h in C++). Values are stable
 * protocol strings; labels live in the catalogues.
 */
export const COUNTRIES = Object.freeze(['AL', 'BA', 'XK', 'ME', 'MK', 'RS', 'other']);
export const INCIDENTS = Object.freeze([
  'spyware',
  'interception',
  'physical_surveillance',
  'data_request',
  'website_blocking',
  'content_takedown',
  'internet_shutdown',
  'slapp',
  'intimidation',
  'disinformation',
  'other',
]);
export const RESPONSIBLE = Object.freeze(['state', 'non_state', 'unknown']);

export const TITLE_MAX_CHARS = 200;
export const WHEN_MAX_CHARS = 100;
/** §11 / API.md `message_characters`: the default; the instance may announce another. */
export const TEXT_MAX_CHARS = 100000;
/** §8.3 MaxBodySize for the source (author 0, signed): 524288 − 4 − 141 (MAX_BODY_SOURCE_V2). */
export const MAX_BODY_SOURCE = 524143;
export const NAME_MAX_CHARS = 255;
export const MIME_MAX_CHARS = 255;
/** §9 / §11.3: the largest file a FILEREF may describe, 2^20 chunks of 512 KiB minus one byte. */
export const MAX_FILE_SIZE = 2 ** 39 - 1;

export class PayloadError extends Error {
  /** `code`: a catalogue key suffix the page shows ("too_long", "bad_choice", "bad_text", "required"). */
  constructor(code, field) {
    super(`${code}${field ? ': ' + field : ''}`);
    this.name = 'PayloadError';
    this.code = code;
    this.field = field || null;
  }
}

/** Counts characters as people do (code points), not UTF-16 units. */
export function charCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Lone surrogates cannot be encoded as UTF-8; JSON.stringify would escape them, which §11 forbids. */
function hasLoneSurrogate(s) {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function cleanText(value, field, max, required) {
  if (typeof value !== 'string') throw new PayloadError('bad_text', field);
  // Normalise line ends; keep everything else as typed.
  const s = value.replace(/\r\n?/g, '\n');
  if (hasLoneSurrogate(s)) throw new PayloadError('bad_text', field);
  if (required && s.trim() === '') throw new PayloadError('required', field);
  if (charCount(s) > max) throw new PayloadError('too_long', field);
  return s;
}

function choice(value, allowed, field) {
  if (!allowed.includes(value)) throw new PayloadError('bad_choice', field);
  return value;
}

/** A FILEREF (§11) from a finished upload: { fileId, fileKey, noncePrefix, chunks, size, name, mime }. */
export function fileRef(f, b64) {
  if (!Number.isSafeInteger(f.chunks) || f.chunks < 1 || !Number.isSafeInteger(f.size) || f.size < 0) {
    throw new PayloadError('bad_file', 'files');
  }
  const name = cleanFileName(f.name);
  const mime = cleanMime(f.mime);
  return { id: b64(f.fileId), key: b64(f.fileKey), prefix: b64(f.noncePrefix), chunks: f.chunks, size: f.size, name, mime };
}

/** §11.3: code points removed from file names: C0, DEL, C1, and every bidi control or mark. */
function removedFromName(cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x061c || cp === 0x200e || cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0xd800 && cp <= 0xdfff);
}

/**
 * The file-name rule of PROTOCOL.md §11.3 (payload/ CleanFileName in C++; the `payload` vectors pin
 * both): the last path component; control, bidi and lone-surrogate characters removed; spaces trimmed;
 * "", "." and ".." become "file"; a leading "." or "-" gets "_"; at most 255 code points. Names can
 * identify people ("IMG_20261001_Ana.jpg"); the page shows the name and lets the person rename the file
 * before sending.
 */
export function cleanFileName(name) {
  let s = typeof name === 'string' ? name : '';
  s = s.replace(/^[\s\S]*[\\/]/, '');
  s = [...s].filter((c) => !removedFromName(c.codePointAt(0))).join('');
  s = s.replace(/^ +| +$/g, '');
  if (s === '' || s === '.' || s === '..') return 'file';
  if (s[0] === '.' || s[0] === '-') s = '_' + s;
  const chars = [...s];
  if (chars.length > NAME_MAX_CHARS) s = chars.slice(0, NAME_MAX_CHARS).join('').replace(/ +$/, '');
  return s;
}

/** §11.3 `mime` as read or written: printable ASCII of at most 255 characters, else "" (unknown). */
export function cleanMime(mime) {
  return typeof mime === 'string' && mime.length <= MIME_MAX_CHARS && /^[\x21-\x7e]*$/.test(mime) ? mime : '';
}

/** A canonical base64url encoding of 32 bytes (§2): 43 characters, the last one's unused low bits zero. */
const KEY_B64 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/**
 * The first message of a case (§11 `report`). `form`: { country, incident, when, responsible, title };
 * `text`: the free description; `files`: FILEREF objects (already built by fileRef); `sourcePk`: the
 * source's X25519 public key derived from the receipt the report is sent under (§4.3), base64url: the
 * report names it (§11.1) so that a re-keying reviewer can tell the key the server serves is the source's.
 * Throws PayloadError naming the first bad field (a TypeError for a sourcePk that is not 32 bytes).
 */
export function buildReport(form, text, files, sourcePk, { maxChars = TEXT_MAX_CHARS } = {}) {
  if (typeof sourcePk !== 'string' || !KEY_B64.test(sourcePk)) throw new TypeError('buildReport: sourcePk is not 32 bytes of base64url');
  const f = {
    country: choice(form.country, COUNTRIES, 'country'),
    incident: choice(form.incident, INCIDENTS, 'incident'),
    when: cleanText(form.when ?? '', 'when', WHEN_MAX_CHARS, false).trim(),
    responsible: choice(form.responsible, RESPONSIBLE, 'responsible'),
    title: cleanText(form.title ?? '', 'title', TITLE_MAX_CHARS, true).trim(),
  };
  return { type: 'report', source_pk: sourcePk, form: f, text: cleanText(text ?? '', 'text', maxChars, true), files: [...files] };
}

/**
 * Every problem of a report form at once, in the form's order (country, incident, when, responsible,
 * title, text): a list of PayloadError, one per field at most, empty when buildReport would accept it.
 * The page shows them all next to their fields instead of one at a time.
 */
export function reportProblems(form, text, { maxChars = TEXT_MAX_CHARS } = {}) {
  const checks = [
    () => choice(form.country, COUNTRIES, 'country'),
    () => choice(form.incident, INCIDENTS, 'incident'),
    () => cleanText(form.when ?? '', 'when', WHEN_MAX_CHARS, false),
    () => choice(form.responsible, RESPONSIBLE, 'responsible'),
    () => cleanText(form.title ?? '', 'title', TITLE_MAX_CHARS, true),
    () => cleanText(text ?? '', 'text', maxChars, true),
  ];
  const out = [];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      if (!(e instanceof PayloadError)) throw e;
      out.push(e);
    }
  }
  return out;
}

/** A follow-up (§11 `message`). Text may be empty only when files are attached. */
export function buildMessage(text, files, { maxChars = TEXT_MAX_CHARS } = {}) {
  const t = cleanText(text ?? '', 'text', maxChars, files.length === 0);
  return { type: 'message', text: t, files: [...files] };
}

/**
 * Encodes a body as UTF-8 JSON without \uXXXX escapes of non-ASCII characters (JSON.stringify never
 * escapes them; lone surrogates were refused above) and checks MaxBodySize (§11): too long is
 * PayloadError('too_long', 'body'), never truncation.
 */
export function encodeBody(payload, maxBytes = MAX_BODY_SOURCE) {
  const json = JSON.stringify(payload);
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > maxBytes) throw new PayloadError('too_long', 'body');
  return bytes;
}

/** True if any string in the JSON value holds a lone surrogate (a "\ud800" escape): not Unicode text. */
function hasLoneSurrogateDeep(v) {
  if (typeof v === 'string') return hasLoneSurrogate(v);
  if (Array.isArray(v)) return v.some(hasLoneSurrogateDeep);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasLoneSurrogate(k) || hasLoneSurrogateDeep(x));
  return false;
}

const isStr = (v) => typeof v === 'string';

/**
 * §11.1 as a reader applies it: the form is an object whose five members, when present, are strings (else
 * null: malformed). Values outside the lists or limits are kept as sent and shown escaped.
 */
function readForm(form) {
  if (!form || typeof form !== 'object' || Array.isArray(form)) return null;
  const out = {};
  for (const k of ['country', 'incident', 'when', 'responsible', 'title']) {
    if (form[k] === undefined) {
      out[k] = '';
    } else if (isStr(form[k])) {
      out[k] = form[k];
    } else {
      return null;
    }
  }
  return out;
}

/**
 * Reads a decrypted body (PROTOCOL.md §11). Returns { outcome: 'success', type, text, files, badFiles,
 * form?, sourcePk? } (a report's form and source_pk, the latter as 32 bytes) with unknown fields ignored; a body that is not a §11 JSON object comes back as
 * { type: 'unsupported', outcome: 'malformed' }, one of a type this page does not know as
 * { type: 'unsupported', outcome: 'unsupported' }, so the page shows it as such instead of failing the
 * whole case. `b64d` decodes base64url.
 */
export function parseBody(bytes, b64d) {
  const malformed = { type: 'unsupported', outcome: 'malformed' };
  let obj;
  try {
    obj = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return malformed;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj) || hasLoneSurrogateDeep(obj)) return malformed;
  if (!isStr(obj.type)) return malformed;
  if (obj.type !== 'report' && obj.type !== 'message') return { type: 'unsupported', outcome: 'unsupported' };
  const out = { outcome: 'success', type: obj.type, text: '', files: [], badFiles: 0 };
  if (obj.type === 'report') {
    out.form = readForm(obj.form);
    if (!out.form) return malformed;
    // §11.1: the source's key, which the source's signature over message #1 authenticates.
    out.sourcePk = readKey(obj.source_pk, b64d);
    if (!out.sourcePk) return malformed;
  }
  if (!isStr(obj.text)) return malformed;
  out.text = obj.text;
  if (obj.files !== undefined && !Array.isArray(obj.files)) return malformed;
  for (const r of obj.files ?? []) {
    try {
      out.files.push(readFileRef(r, b64d));
    } catch {
      out.badFiles++;
    }
  }
  return out;
}

/** 32 bytes from a canonical base64url string, or null. */
function readKey(v, b64d) {
  if (!isStr(v)) return null;
  try {
    const k = b64d(v);
    return k.length === 32 ? k : null;
  } catch {
    return null;
  }
}

/** A FILEREF as received (§11.3): exact lengths, integers in range, name and mime strings; throws otherwise. */
export function readFileRef(r, b64d) {
  if (!r || typeof r !== 'object' || Array.isArray(r)) throw new PayloadError('bad_file', 'files');
  if (![r.id, r.key, r.prefix, r.name, r.mime].every(isStr)) throw new PayloadError('bad_file', 'files');
  const fileId = b64d(r.id);
  const fileKey = b64d(r.key);
  const noncePrefix = b64d(r.prefix);
  if (fileId.length !== 16 || fileKey.length !== 32 || noncePrefix.length !== 20) throw new PayloadError('bad_file', 'files');
  const { chunks, size } = r;
  if (!Number.isSafeInteger(chunks) || chunks < 1 || chunks > 2 ** 20 || !Number.isSafeInteger(size) || size < 0 || size > MAX_FILE_SIZE) throw new PayloadError('bad_file', 'files');
  if (Math.floor(size / 524288) + 1 !== chunks) throw new PayloadError('bad_file', 'files');
  return { fileId, fileKey, noncePrefix, chunks, size, name: cleanFileName(r.name), mime: cleanMime(r.mime) };
}
