// The returning source's page: receipt → keys (§4.3) → the case's wrapped key (§7.1) and conversation
// (API.md "Returning with a receipt") → decrypted in the browser (v1 and v2 records; for a v2 case the key
// commitments, the signatures against the verified roster, message #1 signed with this receipt's key, the
// order, and signed re-keys: §7.3, §8, §12.3, in SourceCaseReader) → files downloaded, several chunks at
// once, and decrypted in order (§9.2) → follow-ups, signed with the receipt's key in a v2 case.
import {
  AUTHOR_SOURCE,
  DojavaError,
  KIND_CONVERSATION,
  MAX_BODY_SOURCE_V2,
  ROLE_CK,
  SourceCaseReader,
  base64urlDecode as b64d,
  base64urlEncode as b64,
  dayOf,
  deriveReceiptKeysAsync,
  encryptMessage,
  encryptMessageV2,
  equalBytes,
  openSourceKey,
  parseReceipt,
  wipe,
} from '../lib/protocol.js';
import { ApiError } from './api.js';
import { $, FilePicker, boot, showFatal, el, errorText, formatDay, formatSize, loadInstance, show, showError, showInstance } from './page.js';
import { PayloadError, buildMessage, encodeBody, fileRef, parseBody } from './payload.js';
import { downloadFile } from './download.js';
import { uploadFile } from './upload.js';

let ctx = null;
let picker = null;
let session = null; // { lookupKey, keys (from the receipt), caseId, reader: SourceCaseReader, lastSeq, messages }

/**
 * The source's case key did not open with this receipt (§7.1): the server altered or replaced it (e.g. with
 * a key of its own sealed to source_pk). Shown as err_source_key; nothing is decrypted or sent under it.
 */
class SourceKeyError extends Error {
  constructor() {
    super('source key');
    this.code = 'source_key';
  }
}

/** Opens the source's wrapped case key (§7.1); any failure is a SourceKeyError. */
function openCaseKey(sealed, sourceWrap, caseId) {
  try {
    return openSourceKey(b64d(sealed), sourceWrap, ROLE_CK, caseId);
  } catch (e) {
    if (e instanceof DojavaError) throw new SourceKeyError();
    throw e;
  }
}

function reviewerName(id) {
  const r = ctx.instance.roster?.entries.find((e) => equalBytes(e.reviewerId, id));
  return r ? r.name : '?';
}

/** Fetches every message after the last one seen (paged), with the case's re-keys; decrypts and checks the case. */
async function fetchMessages() {
  const { api } = ctx;
  const roster = ctx.instance.roster;
  for (;;) {
    const c = await api.sourceCase(session.lastSeq);
    if (!session.caseId) {
      session.caseId = b64d(c.case_id);
      const { keys } = session;
      let ck;
      try {
        ck = openCaseKey(c.sealed_key, keys.sourceWrap, session.caseId);
      } finally {
        wipe(keys.sourceWrap);
      }
      session.reader = new SourceCaseReader({ caseId: session.caseId, caseKey: ck, sourceSignPublic: keys.sourceSignPublic, sourceSecret: keys.sourceSecret });
      wipe(ck, keys.sourceSecret);
    } else if (c.case_id !== b64(session.caseId)) {
      throw new ApiError('bad_answer', 0);
    }
    if (Array.isArray(c.rekeys)) session.reader.applyRekeys(c.rekeys.map((r) => ({ generation: r.generation, envelope: b64d(r.envelope) })), roster);
    const records = [];
    for (const m of c.messages) {
      if (!Number.isSafeInteger(m.seq) || m.seq <= session.lastSeq) throw new ApiError('bad_answer', 0);
      session.lastSeq = m.seq;
      let record;
      try {
        record = b64d(m.record);
      } catch {
        record = new Uint8Array(0);
      }
      records.push({ seq: m.seq, day: m.day, record });
    }
    session.messages = session.reader.addRecords(records, roster).filter((m) => !m.duplicate).map((m) => (m.error ? m : { ...m, body: parseBody(m.body, b64d) }));
    if (!c.more) break;
  }
}

/** What a record that is shown as such says (§8.4: it is skipped, never blocks the rest). */
const MESSAGE_ERROR_TEXT = { unknown_author: 'msg_unverified', bad_signature: 'msg_unverified', retired_author: 'msg_retired', reordered: 'msg_reordered' };

/** The case-level warnings: a case that must not be written to (§8.4, §11.4), a refused re-key (§7.3). */
function renderCaseState() {
  const { i18n } = ctx;
  const untrusted = Boolean(session.reader.caseError);
  const box = $('case-warning');
  box.replaceChildren();
  if (untrusted) box.append(el('p', { text: i18n.t('case_untrusted') }));
  if (session.reader.rekeyError || session.reader.rekeysUnopened.length) box.append(el('p', { text: i18n.t('case_rekey_refused') }));
  box.hidden = !box.childElementCount;
  show('reply', !untrusted);
}

function render() {
  const { i18n } = ctx;
  const t = (k, v) => i18n.t(k, v);
  renderCaseState();
  $('messages').replaceChildren(
    ...session.messages.map((m) => {
      const li = el('li', { class: m.error ? 'message bad' : m.author === 0 ? 'message mine' : 'message theirs' });
      if (m.error) {
        li.append(el('p', { class: 'meta', text: formatDay(m.day) }), el('p', { class: 'warn', text: t(MESSAGE_ERROR_TEXT[m.error] || 'msg_unreadable') }));
        return li;
      }
      const who = m.author === 0 ? t('msg_from_you') : t('msg_from_reviewer', { name: reviewerName(m.reviewerId) });
      li.append(el('p', { class: 'meta' }, el('strong', { text: who }), ' · ', el('span', { text: formatDay(m.day) })));
      const b = m.body;
      if (b.type === 'unsupported') {
        li.append(el('p', { class: 'warn', text: t('msg_unsupported') }));
        return li;
      }
      if (b.type === 'report' && b.form) {
        const f = b.form;
        const dl = el('dl', { class: 'form-summary' });
        const row = (k, v) => dl.append(el('dt', { text: t(k) }), el('dd', { text: v }));
        row('f_title', f.title);
        row('f_country', i18n.t(`country_${f.country}`));
        row('f_incident', i18n.t(`incident_${f.incident}`));
        if (f.when) row('f_when', f.when);
        row('f_responsible', i18n.t(`responsible_${f.responsible}`));
        li.append(dl);
      }
      if (b.text) li.append(el('p', { class: 'text', text: b.text }));
      if (b.files.length) {
        const ul = el('ul', { class: 'files' });
        for (const f of b.files) {
          const btn = el('button', { type: 'button', class: 'link', text: t('file_download', { name: f.name, size: formatSize(i18n, f.size) }) });
          const stop = el('button', { type: 'button', class: 'secondary', hidden: true, text: t('file_download_cancel') });
          btn.addEventListener('click', () => download(f, btn, stop));
          ul.append(el('li', {}, btn, ' ', stop));
        }
        li.append(ul);
      }
      if (b.badFiles) li.append(el('p', { class: 'warn', text: t('msg_bad_files') }));
      return li;
    }),
  );
}

/**
 * Downloads one file with several chunks in flight and decrypts it in order (download.js; §9.2: a chunk's
 * plaintext is used only after it authenticated at its position; count and size checked against the
 * FILEREF). Progress in bytes on the button; `stop` cancels every request in flight. The plaintext
 * becomes a Blob (which the browser may keep on disk), saved with the file's name.
 */
async function download(f, btn, stop) {
  const { api, i18n } = ctx;
  const box = $('download-error');
  box.hidden = true;
  const label = btn.textContent;
  btn.disabled = true;
  const cancel = new AbortController();
  const onStop = () => cancel.abort();
  stop.addEventListener('click', onStop, { once: true });
  stop.textContent = i18n.t('file_download_cancel');
  stop.hidden = false;
  const progress = ({ bytes, total }) => {
    btn.textContent = i18n.t('file_downloading', { name: f.name, done: formatSize(i18n, bytes), total: formatSize(i18n, total) });
  };
  try {
    progress({ bytes: 0, total: f.size });
    const blob = await downloadFile(api, f, { onProgress: progress, signal: cancel.signal });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: f.name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    if (cancel.signal.aborted) {
      box.textContent = i18n.t('file_download_cancelled', { name: f.name });
      box.hidden = false;
    } else {
      showError(i18n, box, e);
    }
  } finally {
    stop.removeEventListener('click', onStop);
    stop.hidden = true;
    btn.textContent = label;
    btn.disabled = false;
  }
}

async function onOpen(ev) {
  ev.preventDefault();
  const { i18n, api } = ctx;
  const box = $('receipt-error');
  box.hidden = true;
  $('r-receipt').removeAttribute('aria-invalid');
  let receipt;
  try {
    receipt = parseReceipt($('r-receipt').value);
  } catch (e) {
    box.textContent = i18n.t(e.code === 'bad_checksum' ? 'err_receipt_checksum' : 'err_receipt_format');
    box.hidden = false;
    $('r-receipt').setAttribute('aria-invalid', 'true');
    $('r-receipt').focus();
    return;
  }
  $('open').disabled = true;
  show('open-bar');
  $('open-status').textContent = i18n.t('step_receipt');
  try {
    const keys = await deriveReceiptKeysAsync(receipt, ctx.instance.salt, (p) => ($('open-bar').value = p));
    wipe(keys.lookupHash);
    // Kept: source_wrap until the case key is open (§7.1); source_sk for a signed re-key (§7.3); the
    // signing seed for follow-ups (§8.3).
    session = { lookupKey: keys.lookupKey, keys, caseId: null, reader: null, lastSeq: 0, messages: [] };
    api.lookupKey = b64(keys.lookupKey);
    $('open-status').textContent = i18n.t('step_open');
    // The instance again, under this load's pin (§12.1): a newer roster verifies newer reviewers' replies.
    ctx.instance = await loadInstance(api);
    showInstance(i18n, ctx.instance);
    await fetchMessages();
  } catch (e) {
    api.lookupKey = null;
    forgetSession(); // the case was never reached, or must not be shown
    box.textContent = e instanceof ApiError && e.code === 'not_found' ? i18n.t('err_receipt_unknown') : e instanceof SourceKeyError ? i18n.t('err_source_key') : errorText(i18n, e);
    box.hidden = false;
    return;
  } finally {
    $('open').disabled = false;
    show('open-bar', false);
    $('open-status').textContent = '';
  }
  $('r-receipt').value = '';
  show('receipt-form', false);
  render();
  show('conversation');
  $('conversation-heading').focus();
}

async function onReply(ev) {
  ev.preventDefault();
  const { i18n, api } = ctx;
  const box = $('reply-error');
  box.hidden = true;
  const text = $('m-text').value;
  try {
    buildMessage(text, picker.items.length ? [{}] : [], { maxChars: ctx.instance.maxChars });
  } catch (e) {
    box.textContent = e instanceof PayloadError ? i18n.t(`err_payload_${e.code}`, { field: i18n.t('m_text') }) : errorText(i18n, e);
    box.hidden = false;
    return;
  }
  $('send').disabled = true;
  try {
    const files = await picker.prepared();
    const refs = [];
    show('reply-bar');
    for (let i = 0; i < files.length; i++) {
      $('reply-status').textContent = i18n.t('step_upload', { i: i + 1, n: files.length });
      const up = await uploadFile(api, files[i].blob, {
        maxChunks: ctx.instance.maxChunks,
        onProgress: ({ done, total }) => ($('reply-bar').value = done / total),
        onState: (s) => ($('reply-status').textContent = i18n.t(s === 'retrying' ? 'step_upload_retrying' : 'step_upload', { i: i + 1, n: files.length })),
      });
      refs.push(fileRef({ ...up, name: files[i].name, mime: files[i].mime }, b64));
    }
    $('reply-status').textContent = i18n.t('step_send');
    const body = encodeBody(buildMessage(text, refs, { maxChars: ctx.instance.maxChars }), MAX_BODY_SOURCE_V2); // §8.3
    const record = followUpRecord(body);
    wipe(body);
    await api.postSourceMessage({ message: b64(record), files: refs.map((r) => r.id) });
    $('m-text').value = '';
    picker.clear();
    await fetchMessages();
    render();
    $('reply-status').textContent = i18n.t('reply_sent');
  } catch (e) {
    showError(i18n, box, e);
    $('reply-status').textContent = '';
  } finally {
    $('send').disabled = false;
    show('reply-bar', false);
  }
}

/**
 * A follow-up record in the case's version (§8): v2 signed with the receipt's key over the newest roster
 * this page accepted (never an expired one, §6 step 5), the day, and the last record it accepted (§8.4);
 * under the newest case key whose re-key checked (§7.3). Throws the case's outcome when it must not be
 * written to.
 */
function followUpRecord(body) {
  const w = session.reader.writeContext();
  if (w.format === 1) return encryptMessage({ kind: KIND_CONVERSATION, caseId: session.caseId, key: w.key, body });
  const roster = ctx.instance.roster;
  if (!roster) throw new ApiError('not_ready', 503);
  if (roster.expired) throw new DojavaError('expired', 'roster: expired');
  return encryptMessageV2({
    kind: KIND_CONVERSATION,
    caseId: session.caseId,
    key: w.key,
    body,
    signer: { author: AUTHOR_SOURCE, edSeed: session.keys.sourceSignSeed },
    context: { rosterVersion: roster.version, day: dayOf(Date.now()), prev: w.prev },
  });
}

function forgetSession() {
  if (!session) return;
  const k = session.keys;
  wipe(k.lookupKey, k.sourceWrap, k.sourceSecret, k.sourceSignSeed);
  session.reader?.wipe();
  session = null;
}

function leave() {
  forgetSession();
  ctx.api.lookupKey = null;
  $('messages').replaceChildren();
  show('conversation', false);
  show('receipt-form');
  $('r-receipt').focus();
}

async function main() {
  $('receipt-form').addEventListener('submit', onOpen);
  $('reply').addEventListener('submit', onReply);
  $('leave').addEventListener('click', leave);
  try {
    ctx = await boot({
      onLanguage: (i18n) => {
        if (ctx?.instance) showInstance(i18n, ctx.instance);
        picker?.render();
        if (session?.messages) render();
      },
    });
    ctx.instance = await loadInstance(ctx.api);
  } catch (e) {
    showFatal(ctx?.i18n, e);
    return;
  }
  picker = new FilePicker(ctx.i18n, $('m-files'), $('m-file-list'), { maxFiles: ctx.instance.maxFiles });
  showInstance(ctx.i18n, ctx.instance);
  show('loading', false);
  show('receipt-form');
  document.body.dataset.ready = 'return';
}

main();
