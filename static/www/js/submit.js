// The submission page: report form → receipt → keys → encrypted uploads → case → receipt shown once.
// PROTOCOL.md §12.2; API.md "POST /api/v1/cases".
import {
  KIND_CONVERSATION,
  ROLE_CK,
  base64urlEncode as b64,
  deriveReceiptKeysAsync,
  encryptMessage,
  formatReceipt,
  generateReceipt,
  randomBytes,
  sealKey,
  wipe,
  wrapSourceKey,
} from '../lib/protocol.js';
import { ApiError, sleep } from './api.js';
import { $, FilePicker, boot, showFatal, errorText, formatSize, loadInstance, show, showError, showInstance } from './page.js';
import { PayloadError, buildReport, charCount, encodeBody, fileRef } from './payload.js';
import { uploadFile } from './upload.js';

let ctx = null;
let picker = null;
let flow = null;

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

const FIELD_IDS = { country: 'f-country', incident: 'f-incident', when: 'f-when', title: 'f-title', text: 'f-text', responsible: 'f-title' };

function formError(e) {
  const box = $('form-error');
  if (e instanceof PayloadError) {
    const field = e.field && ctx.i18n.t(`f_${e.field}`);
    box.textContent = ctx.i18n.t(`err_payload_${e.code}`, { field: field || '' });
    box.hidden = false;
    const input = e.field && FIELD_IDS[e.field] && $(FIELD_IDS[e.field]);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  } else {
    showError(ctx.i18n, box, e);
  }
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
    this.ck = randomBytes(32);
    this.done = false;
  }

  async run() {
    const { i18n, api } = ctx;
    // 1. Receipt and the keys derived from it (§4): a few seconds at Tor Browser's "Safer" level.
    if (!this.keys) {
      step('step_receipt');
      bar(0);
      this.receipt = generateReceipt();
      this.keys = await deriveReceiptKeysAsync(this.receipt, ctx.instance.salt, (p) => bar(p));
    }
    // 2. Files: encrypted in the browser, uploaded chunk by chunk, resumed after a dropped connection.
    for (let i = this.refs.length; i < this.files.length; i++) {
      const f = this.files[i];
      step('step_upload', { i: i + 1, n: this.files.length });
      const up = await uploadFile(api, f.blob, {
        maxChunks: ctx.instance.maxChunks,
        onProgress: ({ done, total, bytes }) => bar(done / total, i18n.t('upload_detail', { done: formatSize(i18n, bytes), total: formatSize(i18n, f.blob.size) })),
        onState: (s) => step(s === 'retrying' ? 'step_upload_retrying' : 'step_upload', { i: i + 1, n: this.files.length }),
      });
      this.refs.push(fileRef({ ...up, name: f.name, mime: f.mime }, b64));
      wipe(up.fileKey, up.noncePrefix);
    }
    // 3. The report, encrypted under the case key; the case key wrapped for the source and sealed to every reviewer
    //    of the verified roster (§7). A changed roster (409 roster_changed) is fetched, verified, and the
    //    keys sealed again.
    step('step_send');
    bar(null);
    const payload = buildReport(this.values.form, this.values.text, this.refs, { maxChars: ctx.instance.maxChars });
    const body = encodeBody(payload);
    const message = encryptMessage({ kind: KIND_CONVERSATION, caseId: this.caseId, key: this.ck, body });
    wipe(body);
    for (let attempt = 0; ; attempt++) {
      const roster = ctx.instance.roster;
      if (!roster) throw new ApiError('not_ready', 503);
      // The source's copy is wrapped under source_wrap (§7.1), not sealed to the public source_pk: only this
      // receipt can make a key that the returning page will open.
      const keys = [{ recipient: 'source', role: 'case', sealed: b64(wrapSourceKey(this.ck, this.keys.sourceWrap, ROLE_CK, this.caseId)) }];
      for (const r of roster.entries) keys.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(sealKey(this.ck, r.x25519, ROLE_CK, this.caseId)) });
      const req = {
        case_id: b64(this.caseId),
        lookup_key: b64(this.keys.lookupKey),
        source_public_key: b64(this.keys.sourcePublic),
        keys,
        message: b64(message),
        files: this.refs.map((r) => r.id),
      };
      try {
        await api.createCase(req);
        break;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'roster_changed' && attempt < 2) {
          ctx.instance = await loadInstance(api);
          continue;
        }
        if (e instanceof ApiError && e.transient && attempt < 8) {
          // The answer may have been lost after the server stored the case: a retry then gets 409
          // conflict, and the case is found with the lookup key.
          step('step_send_retrying');
          await sleep(2000 * (attempt + 1));
          continue;
        }
        if (e instanceof ApiError && e.code === 'conflict' && attempt > 0 && (await this.stored())) break;
        throw e;
      }
    }
    this.done = true;
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

  wipe() {
    if (this.keys) wipe(this.keys.lookupKey, this.keys.sourceSecret, this.keys.sourceWrap, this.keys.lookupHash);
    wipe(this.ck);
    this.receipt = null;
    this.values = null;
    this.files = null;
    this.refs = [];
  }
}

async function go() {
  show('progress-error', false);
  show('retry', false);
  try {
    await flow.run();
  } catch (e) {
    showError(ctx.i18n, $('progress-error'), e);
    if (!(e instanceof PayloadError)) show('retry');
    if (e instanceof PayloadError) {
      show('progress', false);
      show('report');
      formError(e);
    }
    return;
  }
  showReceipt();
}

function showReceipt() {
  show('progress', false);
  show('report', false);
  show('intro', false);
  $('receipt-value').textContent = formatReceipt(flow.receipt);
  show('receipt');
  $('receipt-heading').focus();
}

async function onSubmit(ev) {
  ev.preventDefault();
  $('form-error').hidden = true;
  for (const x of document.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
  const values = formValues();
  try {
    buildReport(values.form, values.text, [], { maxChars: ctx.instance.maxChars });
    if (!ctx.instance.roster || ctx.instance.roster.entries.length === 0) throw new ApiError('not_ready', 503);
  } catch (e) {
    formError(e);
    return;
  }
  const files = await picker.prepared();
  flow = new Submission(values, files);
  show('report', false);
  show('intro', false);
  show('progress');
  $('progress-step').focus?.();
  await go();
}

function init() {
  $('report').addEventListener('submit', onSubmit);
  $('retry').addEventListener('click', go);
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
        updateCount();
        picker?.render();
        if (ctx?.instance) showInstance(i18n, ctx.instance);
      },
    });
    ctx.instance = await loadInstance(ctx.api);
  } catch (e) {
    showFatal(ctx?.i18n, e);
    return;
  }
  picker = new FilePicker(ctx.i18n, $('f-files'), $('file-list'), { maxFiles: ctx.instance.maxFiles });
  showInstance(ctx.i18n, ctx.instance);
  updateCount();
  show('loading', false);
  if (!ctx.instance.roster || ctx.instance.roster.entries.length === 0) {
    showFatal(ctx.i18n, { code: 'api_not_ready' });
    return;
  }
  show('intro');
  show('report');
  document.body.dataset.ready = 'submit';
}

main();
