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
    this.messageId = randomBytes(16);
    this.ck = randomBytes(32);
    this.message = null; // the report record, for the roster version it names
    this.messageRoster = null;
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
    // 3. The report, encrypted under the case key; the case key wrapped for the source and sealed to every
    //    active reviewer of the verified roster (§7). A changed roster (409 roster_changed) is fetched under
    //    this load's pin (§12.1: same admin key, instance and salt; rollback and chain rule); when the
    //    active reviewers changed, the new list is shown and the person asked again before sealing.
    step('step_send');
    bar(null);
    const payload = buildReport(this.values.form, this.values.text, this.refs, { maxChars: ctx.instance.maxChars });
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

  wipe() {
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
