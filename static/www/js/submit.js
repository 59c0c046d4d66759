// The submission page: report form → receipt → keys → encrypted uploads → case → receipt shown once.
// PROTOCOL.md §12.2; API.md "POST /api/v1/cases".
import {
  AUTHOR_SOURCE,
  DojavaError,
  KIND_CONVERSATION,
  MAX_BODY_SOURCE_V2,
  ROLE_CK,
  activeEntries,
  base64urlEncode as b64,
  dayOf,
  deriveReceiptKeysAsync,
  encryptMessageV2,
  formatReceipt,
  generateReceipt,
  randomBytes,
  sealKey,
  wipe,
  wrapSourceKey,
} from '../lib/protocol.js';
import { ApiError, sleep } from './api.js';
import { $, FilePicker, boot, showFatal, errorText, formatSize, loadInstance, reviewerList, show, showError, showInstance } from './page.js';
import { PayloadError, buildReport, charCount, encodeBody, fileRef, reportProblems } from './payload.js';
import { UploadError, uploadFile } from './upload.js';
import { ChunkWorker, mainThreadEncrypter } from './encrypter.js';

/**
 * Files together at least this large are encrypted in a Web Worker (encrypter.js), so the page stays
 * responsive; smaller ones on the main thread, where the worker's start (its modules checked and
 * loaded, about 50 requests over Tor) would cost more than it saves.
 */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;
/** The time estimate appears once this much of the upload has been measured (ms). */
const ETA_AFTER_MS = 3000;

let ctx = null;
let picker = null;
let flow = null;
let problems = []; // PayloadError per field, shown next to the fields (kept for a language change)
let formNote = null; // catalogue key of the note above the button (after a cancel), or null

function updateCount() {
  if (!ctx?.instance) return;
  const n = charCount($('f-text').value);
  $('f-text-count').textContent = ctx.i18n.t('chars_count', { n, max: ctx.instance.maxChars });
}

function formValues() {
  const f = $('report');
  const responsible = f.querySelector('input[name="responsible"]:checked');
  return {
    form: {
      country: $('f-country').value,
      incident: $('f-incident').value,
      when: $('f-when').value,
      responsible: responsible ? responsible.value : '',
      title: $('f-title').value,
    },
    text: $('f-text').value,
  };
}

const FIELD_IDS = { country: 'f-country', incident: 'f-incident', when: 'f-when', responsible: 'f-responsible', title: 'f-title', text: 'f-text' };

function problemText(e) {
  const field = e.field && ctx.i18n.t(`f_${e.field}`);
  return ctx.i18n.t(`err_payload_${e.code}`, { field: field || '' });
}

/**
 * Shows every problem of the form at once: each next to its field (aria-invalid, aria-describedby),
 * their list above the button, and the focus on the first field concerned. `focus`: false when only
 * the language changed.
 */
function renderProblems(focus = true) {
  for (const x of document.querySelectorAll('#report [aria-invalid]')) x.removeAttribute('aria-invalid');
  for (const p of document.querySelectorAll('#report .field-error')) {
    p.hidden = true;
    p.textContent = '';
  }
  const box = $('form-error');
  if (problems.length === 0) {
    box.hidden = true;
    return;
  }
  let first = null;
  for (const e of problems) {
    const id = FIELD_IDS[e.field];
    const msg = id && $(`${id}-error`);
    if (!msg) continue;
    msg.textContent = problemText(e);
    msg.hidden = false;
    const input = e.field === 'responsible' ? document.querySelector('#report input[name="responsible"]') : $(id);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== msg.id);
      input.setAttribute('aria-describedby', [msg.id, ...described].join(' '));
      first ||= input;
    }
  }
  const names = problems.map((e) => (e.field && FIELD_IDS[e.field] ? ctx.i18n.t(`f_${e.field}`) : problemText(e)));
  box.textContent = ctx.i18n.t('form_problems', { fields: names.join(', ') });
  box.hidden = false;
  if (focus) first?.focus();
}

function formError(e) {
  if (e instanceof PayloadError && e.field && FIELD_IDS[e.field]) {
    problems = [e];
    renderProblems();
  } else {
    problems = [];
    renderProblems();
    showError(ctx.i18n, $('form-error'), e);
  }
}

function renderFormNote() {
  const note = $('form-note');
  note.hidden = formNote === null;
  note.textContent = formNote ? ctx.i18n.t(formNote) : '';
}

function step(key, vars) {
  $('progress-step').textContent = ctx.i18n.t(key, vars);
}

function bar(value, detail = '') {
  const b = $('progress-bar');
  if (value === null) b.removeAttribute('value');
  else b.value = value;
  $('progress-detail').textContent = detail;
}

/**
 * One submission, kept while the page is open so that "Try again" resumes where it stopped: the receipt
 * and keys are made once, finished uploads are not repeated, the same case id and message are re-sent.
 */
class Submission {
  constructor(values, files) {
    this.values = values;
    this.files = files; // [{ blob, name, mime }]
    this.refs = []; // FILEREF per finished upload
    this.receipt = null;
    this.keys = null;
    this.caseId = randomBytes(16);
    this.messageId = randomBytes(16);
    this.ck = randomBytes(32);
    this.message = null; // the report record, for the roster version it names
    this.messageRoster = null;
    this.done = false;
    this.cancel = new AbortController(); // the Cancel button: ends the uploads, never a case being sent
    this.sending = false; // the case is on its way: the receipt must not be dropped any more
    this.encrypter = null; // Promise of a ChunkWorker or the main thread, started with the receipt
    this.totalBytes = files.reduce((n, f) => n + f.blob.size, 0);
  }

  /** Starts the chunk worker for large files, while the receipt's keys are derived. */
  startEncrypter() {
    if (this.encrypter) return this.encrypter;
    if (this.totalBytes < WORKER_MIN_BYTES) this.encrypter = Promise.resolve(mainThreadEncrypter);
    else this.encrypter = ChunkWorker.start({ signal: this.cancel.signal }).then((w) => w || mainThreadEncrypter);
    return this.encrypter;
  }

  /** The time left for the files, from the rate measured since this attempt's uploads started. */
  eta(doneBytes) {
    const elapsed = performance.now() - this.uploadStart;
    if (elapsed < ETA_AFTER_MS || doneBytes <= this.startBytes) return '';
    const rate = (doneBytes - this.startBytes) / elapsed; // bytes per ms
    const secondsLeft = (this.totalBytes - doneBytes) / rate / 1000;
    if (secondsLeft < 60) return ctx.i18n.t('eta_under_minute');
    const n = Math.ceil(secondsLeft / 60);
    return ctx.i18n.plural('eta_minutes', n, { n });
  }

  /**
   * 1. The receipt and the keys derived from it (§4): a few seconds at Tor Browser's "Safer" level, in the
   *    worker when there is one (Firefox runs no timer or input on the page's thread meanwhile).
   */
  async deriveKeys(signal) {
    step('step_receipt');
    bar(0);
    this.receipt = generateReceipt();
    const worker = this.files.length > 0 ? await this.startEncrypter() : null;
    if (signal.aborted) throw new ApiError('aborted', 0);
    this.keys = await worker?.deriveReceiptKeys?.(this.receipt, ctx.instance.salt, (p) => bar(p)).catch(() => null);
    this.keys ||= await deriveReceiptKeysAsync(this.receipt, ctx.instance.salt, (p) => bar(p));
  }

  /**
   * 2. The files not sent yet: encrypted in the browser (in a worker when large), uploaded chunk by chunk,
   *    resumed after a dropped connection; Cancel stops them (upload.js: no request left running).
   */
  async uploadFiles(signal) {
    const { i18n, api } = ctx;
    const encrypter = this.files.length > this.refs.length ? await this.startEncrypter() : mainThreadEncrypter;
    let before = this.files.slice(0, this.refs.length).reduce((n, f) => n + f.blob.size, 0);
    this.uploadStart = performance.now();
    this.startBytes = before;
    for (let i = this.refs.length; i < this.files.length; i++) {
      const f = this.files[i];
      step('step_upload', { i: i + 1, n: this.files.length });
      const up = await uploadFile(api, f.blob, {
        maxChunks: ctx.instance.maxChunks,
        signal,
        encrypter,
        onProgress: ({ done, total, bytes }) => {
          bar(done / total, i18n.t('upload_detail', { done: formatSize(i18n, bytes), total: formatSize(i18n, f.blob.size) }));
          $('progress-eta').textContent = this.eta(before + bytes);
        },
        onState: (s) => step(s === 'retrying' ? 'step_upload_retrying' : 'step_upload', { i: i + 1, n: this.files.length }),
      });
      this.refs.push(fileRef({ ...up, name: f.name, mime: f.mime }, b64));
      wipe(up.fileKey, up.noncePrefix);
      before += f.blob.size;
    }
  }

  async run() {
    const { api } = ctx;
    const signal = this.cancel.signal;
    if (!this.keys) await this.deriveKeys(signal);
    if (signal.aborted) throw new ApiError('aborted', 0);
    await this.uploadFiles(signal);
    this.closeEncrypter();
    $('progress-eta').textContent = '';
    if (signal.aborted) throw new ApiError('aborted', 0);
    // From here the case is being sent: it cannot be taken back, so Cancel goes.
    this.sending = true;
    show('cancel', false);
    // 3. The report, encrypted under the case key; the case key wrapped for the source and sealed to every
    //    active reviewer of the verified roster (§7). A changed roster (409 roster_changed) is fetched under
    //    this load's pin (§12.1: same admin key, instance and salt; rollback and chain rule); when the
    //    active reviewers changed, the new list is shown and the person asked again before sealing.
    step('step_send');
    bar(null);
    // §11.1: the report names the source_pk of this receipt (the one sent as source_public_key below).
    const payload = buildReport(this.values.form, this.values.text, this.refs, b64(this.keys.sourcePublic), { maxChars: ctx.instance.maxChars });
    const body = encodeBody(payload, MAX_BODY_SOURCE_V2); // §8.3: a signed v2 record holds less body
    try {
      await this.send(body);
    } finally {
      wipe(body);
    }
    this.done = true;
  }

  async send(body) {
    const { api } = ctx;
    for (let attempt = 0; ; attempt++) {
      const req = this.request(body);
      try {
        await api.createCase(req);
        return;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'roster_changed' && attempt < 2) {
          ctx.instance = await loadInstance(api);
          showInstance(ctx.i18n, ctx.instance);
          if (ctx.instance.activeChanged) await confirmRoster(ctx.instance.roster);
          step('step_send');
          continue;
        }
        if (e instanceof ApiError && e.transient && attempt < 8) {
          // The answer may have been lost after the server stored the case: a retry then gets 409
          // conflict, and the case is found with the lookup key.
          step('step_send_retrying');
          await sleep(2000 * (attempt + 1));
          continue;
        }
        if (e instanceof ApiError && e.code === 'conflict' && attempt > 0 && (await this.stored())) return;
        throw e;
      }
    }
  }

  /** The POST /api/v1/cases body for the current roster: never an expired one (§6 step 5), active entries only. */
  request(body) {
    const roster = ctx.instance.roster;
    if (!roster || activeEntries(roster).length === 0) throw new ApiError('not_ready', 503);
    if (roster.expired) throw new DojavaError('expired', 'roster: expired');
    // The source's copy is wrapped under source_wrap (§7.1), not sealed to the public source_pk: only this
    // receipt can make a key that the returning page will open.
    const keys = [{ recipient: 'source', role: 'case', sealed: b64(wrapSourceKey(this.ck, this.keys.sourceWrap, ROLE_CK, this.caseId)) }];
    for (const r of activeEntries(roster)) keys.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(sealKey(this.ck, r.x25519, ROLE_CK, this.caseId)) });
    // The report (§8, §12.2): message #1, signed with the receipt's source_sign key, naming the roster it
    // was sealed to; made again only if that roster changed.
    if (this.messageRoster !== roster.version) {
      this.message = encryptMessageV2({
        kind: KIND_CONVERSATION,
        caseId: this.caseId,
        key: this.ck,
        body,
        signer: { author: AUTHOR_SOURCE, edSeed: this.keys.sourceSignSeed },
        context: { rosterVersion: roster.version, day: dayOf(Date.now()), prev: new Uint8Array(32) },
        messageId: this.messageId,
      });
      this.messageRoster = roster.version;
    }
    return {
      case_id: b64(this.caseId),
      lookup_key: b64(this.keys.lookupKey),
      source_public_key: b64(this.keys.sourcePublic),
      keys,
      message: b64(this.message),
      files: this.refs.map((r) => r.id),
    };
  }

  /** True if the server holds this case under our lookup key (a retry after a lost answer). */
  async stored() {
    const { api } = ctx;
    api.lookupKey = b64(this.keys.lookupKey);
    try {
      const c = await api.sourceCase();
      return c && c.case_id === b64(this.caseId);
    } catch {
      return false;
    } finally {
      api.lookupKey = null;
    }
  }

  closeEncrypter() {
    this.encrypter?.then((e) => e.close?.());
    this.encrypter = null;
  }

  wipe() {
    this.closeEncrypter();
    if (this.keys) wipe(this.keys.lookupKey, this.keys.sourceSecret, this.keys.sourceWrap, this.keys.lookupHash, this.keys.sourceSignSeed);
    wipe(this.ck);
    this.receipt = null;
    this.values = null;
    this.files = null;
    this.refs = [];
  }
}

/**
 * §12.1: the active reviewers changed since the list the person saw. Shows the new list and waits: resolves
 * on "send to these reviewers", throws ApiError('aborted') on "do not send" (nothing is sealed).
 */
function confirmRoster(roster) {
  const box = $('roster-confirm');
  $('roster-confirm-list').replaceChildren(...reviewerList(roster));
  show(box);
  $('roster-confirm-title').focus();
  return new Promise((resolve, reject) => {
    const done = (ok) => {
      show(box, false);
      $('roster-confirm-send').onclick = null;
      $('roster-confirm-cancel').onclick = null;
      if (ok) resolve();
      else reject(new ApiError('aborted', 0));
    };
    $('roster-confirm-send').onclick = () => done(true);
    $('roster-confirm-cancel').onclick = () => done(false);
  });
}

/**
 * Runs (or resumes) the submission. Whatever fails, the report stays as typed: the form is only hidden
 * while sending. An error the same attempt cannot get past (a problem of the form, a file that changed
 * or that the server refuses) returns to the form with the error shown there; any other leaves "Try
 * again" and "Back to the report" beside it. Cancel returns to the form and says that nothing was sent.
 */
async function go() {
  show('progress-error', false);
  show('retry', false);
  show('back-to-form', false);
  show('cancel', !flow.sending);
  try {
    await flow.run();
  } catch (e) {
    show('cancel', false);
    if (e instanceof ApiError && e.code === 'aborted') {
      backToForm('cancelled_note');
      return;
    }
    const final = !flow.sending && (e instanceof PayloadError || e instanceof UploadError || (e instanceof ApiError && !e.transient && e.code !== 'roster_changed'));
    if (final) {
      backToForm(null);
      formError(e);
      return;
    }
    showError(ctx.i18n, $('progress-error'), e);
    show('retry');
    show('back-to-form', !flow.sending);
    return;
  }
  showReceipt();
}

/** The form again, exactly as it was typed; the submission that stopped is dropped (its keys wiped). */
function backToForm(note) {
  flow?.wipe();
  flow = null;
  formNote = note;
  renderFormNote();
  problems = [];
  renderProblems(false);
  show('progress', false);
  show('intro');
  show('report');
  $('submit').focus();
}

function renderRetention() {
  const li = $('receipt-retention');
  const n = ctx.instance?.retentionDays || 0;
  li.hidden = n === 0;
  li.textContent = n ? ctx.i18n.plural('receipt_retention', n, { n }) : '';
}

function showReceipt() {
  show('progress', false);
  show('report', false);
  show('intro', false);
  $('receipt-value').textContent = formatReceipt(flow.receipt);
  renderRetention();
  show('receipt');
  $('receipt-heading').focus();
}

async function onSubmit(ev) {
  ev.preventDefault();
  formNote = null;
  renderFormNote();
  $('form-error').hidden = true;
  const values = formValues();
  problems = reportProblems(values.form, values.text, { maxChars: ctx.instance.maxChars });
  renderProblems();
  if (problems.length > 0) return;
  try {
    if (!ctx.instance.roster || activeEntries(ctx.instance.roster).length === 0) throw new ApiError('not_ready', 503);
    if (ctx.instance.roster.expired) throw new DojavaError('expired', 'roster: expired');
  } catch (e) {
    formError(e);
    return;
  }
  const files = await picker.prepared();
  flow = new Submission(values, files);
  show('report', false);
  show('intro', false);
  $('progress-eta').textContent = '';
  show('progress');
  $('progress-step').focus?.();
  await go();
}

function init() {
  $('report').addEventListener('submit', onSubmit);
  $('retry').addEventListener('click', go);
  $('back-to-form').addEventListener('click', () => backToForm(null));
  $('cancel').addEventListener('click', () => {
    show('cancel', false);
    flow?.cancel.abort();
  });
  $('f-text').addEventListener('input', updateCount);
  $('receipt-select').addEventListener('click', () => {
    const r = document.createRange();
    r.selectNodeContents($('receipt-value'));
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(r);
  });
  $('receipt-saved').addEventListener('change', () => {
    $('receipt-done').disabled = !$('receipt-saved').checked;
  });
  $('receipt-done').addEventListener('click', () => {
    $('receipt-value').textContent = '';
    getSelection().removeAllRanges();
    flow?.wipe();
    flow = null;
    show('receipt', false);
    show('finished');
    $('finished-heading').focus();
  });
}

async function main() {
  init();
  try {
    ctx = await boot({
      onLanguage: (i18n) => {
        if (!ctx) return; // the first call, before boot() returned
        updateCount();
        picker?.render();
        renderProblems(false);
        renderFormNote();
        if (ctx.instance) {
          showInstance(i18n, ctx.instance);
          renderRetention();
        }
      },
    });
    ctx.instance = await loadInstance(ctx.api);
  } catch (e) {
    showFatal(ctx?.i18n, e);
    return;
  }
  picker = new FilePicker(ctx.i18n, $('f-files'), $('file-list'), { maxFiles: ctx.instance.maxFiles, maxChunks: ctx.instance.maxChunks });
  showInstance(ctx.i18n, ctx.instance);
  updateCount();
  show('loading', false);
  if (!ctx.instance.roster || activeEntries(ctx.instance.roster).length === 0) {
    showFatal(ctx.i18n, { code: 'api_not_ready' });
    return;
  }
  if (ctx.instance.roster.expired) {
    showFatal(ctx.i18n, new DojavaError('expired', 'roster: expired'));
    return;
  }
  show('intro');
  show('report');
  document.body.dataset.ready = 'submit';
}

main();
