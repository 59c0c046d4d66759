// §11 application payloads: building and reading the JSON bodies of conversation messages.
//
// Pure (no DOM, no network). Binary values are base64url (PROTOCOL.md §2); the encoder is passed in so
// this module has no dependency and can be tested alone.

/** The report form's choices. Values are stable protocol strings; labels live in the catalogues. */
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
/** §11 MaxBodySize for the source (author 0): 524288 − 4 − 1. */
export const MAX_BODY_SOURCE = 524283;
export const NAME_MAX_CHARS = 255;
export const MIME_MAX_CHARS = 255;

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
  const mime = typeof f.mime === 'string' && f.mime.length <= MIME_MAX_CHARS && /^[\x21-\x7e]*$/.test(f.mime) ? f.mime : '';
  return { id: b64(f.fileId), key: b64(f.fileKey), prefix: b64(f.noncePrefix), chunks: f.chunks, size: f.size, name, mime };
}

/**
 * A file name as it travels (encrypted): no directory part, no control characters, at most 255
 * characters. Names can identify people ("IMG_20261001_Ana.jpg"); the page shows the name and lets the
 * person rename the file before sending.
 */
export function cleanFileName(name) {
  let s = typeof name === 'string' ? name : '';
  s = s.replace(/^.*[\\/]/, '');
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  if (hasLoneSurrogate(s)) s = s.replace(/[\uD800-\uDFFF]/g, '');
  s = [...s].slice(0, NAME_MAX_CHARS).join('').trim();
  return s === '' || s === '.' || s === '..' ? 'file' : s;
}

/**
 * The first message of a case (§11 `report`). `form`: { country, incident, when, responsible, title };
 * `text`: the free description; `files`: FILEREF objects (already built by fileRef).
 * Throws PayloadError naming the first bad field.
 */
export function buildReport(form, text, files, { maxChars = TEXT_MAX_CHARS } = {}) {
  const f = {
    country: choice(form.country, COUNTRIES, 'country'),
    incident: choice(form.incident, INCIDENTS, 'incident'),
    when: cleanText(form.when ?? '', 'when', WHEN_MAX_CHARS, false).trim(),
    responsible: choice(form.responsible, RESPONSIBLE, 'responsible'),
    title: cleanText(form.title ?? '', 'title', TITLE_MAX_CHARS, true).trim(),
  };
  return { type: 'report', form: f, text: cleanText(text ?? '', 'text', maxChars, true), files: [...files] };
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

/**
 * Reads a decrypted body. Returns { type, text, files, form } with unknown fields ignored; a body that
 * is not a JSON object, or a type this page does not know, comes back as { type: 'unsupported' } so the
 * page shows it as such instead of failing the whole case (§11). `b64d` decodes base64url.
 */
export function parseBody(bytes, b64d) {
  let obj;
  try {
    obj = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { type: 'unsupported' };
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { type: 'unsupported' };
  if (obj.type !== 'report' && obj.type !== 'message') return { type: 'unsupported' };
  const text = typeof obj.text === 'string' ? obj.text : '';
  const files = [];
  let badFiles = 0;
  for (const r of Array.isArray(obj.files) ? obj.files : []) {
    try {
      files.push(readFileRef(r, b64d));
    } catch {
      badFiles++;
    }
  }
  const out = { type: obj.type, text, files, badFiles };
  if (obj.type === 'report' && obj.form && typeof obj.form === 'object') {
    const s = (v) => (typeof v === 'string' ? v : '');
    out.form = { country: s(obj.form.country), incident: s(obj.form.incident), when: s(obj.form.when), responsible: s(obj.form.responsible), title: s(obj.form.title) };
  }
  return out;
}

/** A FILEREF as received: exact lengths, integers in range; throws on anything else. */
export function readFileRef(r, b64d) {
  if (!r || typeof r !== 'object') throw new PayloadError('bad_file', 'files');
  const fileId = b64d(r.id);
  const fileKey = b64d(r.key);
  const noncePrefix = b64d(r.prefix);
  if (fileId.length !== 16 || fileKey.length !== 32 || noncePrefix.length !== 20) throw new PayloadError('bad_file', 'files');
  const { chunks, size } = r;
  if (!Number.isSafeInteger(chunks) || chunks < 1 || chunks > 2 ** 20 || !Number.isSafeInteger(size) || size < 0) throw new PayloadError('bad_file', 'files');
  if (Math.floor(size / 524288) + 1 !== chunks) throw new PayloadError('bad_file', 'files');
  return { fileId, fileKey, noncePrefix, chunks, size, name: cleanFileName(r.name), mime: typeof r.mime === 'string' ? r.mime : '' };
}
