// Dojava protocol — §12.3 A source returns: reading the conversation of a case with the keys its receipt
// gives, and what the source writes next.
//
// Readers accept message version 1 and 2 while writers switch (dispatch on the version byte). A case is of
// the version of its first record: a v1 case reads as protocol 1 did; a v2 case gets every v2 rule — the
// key commitment of each record (§8.1), the signatures (§8.3), message #1 written with the receipt's
// source_sign_pk (§8.4, §12.3), the order and the high-water mark (§8.4), and signed re-key statements
// (§7.3). Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError } from './errors.js';
import { AUTHOR_SOURCE, KIND_CONVERSATION, VERSION, VERSION_2 } from './constants.js';
import { decodeUtf8, equalBytes, wipe } from './bytes.js';
import { hexEncode } from './encoding.js';
import { decryptMessage } from './message.js';
import { decryptMessageV2, eventHash, keyCommitment, parseMessageHeaderV2 } from './message_v2.js';
import { checkCaseOrder } from './case_order.js';
import { checkRekey, openRekeyForSource } from './rekey.js';

const codeOf = (e) => (e instanceof DojavaError ? e.code : 'decrypt_failed');

function isReport(body) {
  try {
    const v = JSON.parse(decodeUtf8(body));
    return v !== null && typeof v === 'object' && v.type === 'report';
  } catch {
    return false;
  }
}

/**
 * The returning source's view of one case. `caseKey`: CK, opened from the source's wrapped key (§7.1);
 * `sourceSignPublic`, `sourceSecret`: from the receipt (§4.3) — the first checks message #1, the second opens
 * the CK′ of a signed re-key (§7.3). The reader owns copies of the keys and wipes them in wipe().
 */
export class SourceCaseReader {
  constructor({ caseId, caseKey, sourceSignPublic, sourceSecret }) {
    this.caseId = caseId;
    this.keys = new Map([[hexEncode(keyCommitment(caseKey)), caseKey.slice()]]); // kc -> CK, CK′, …
    this.currentKey = this.keys.values().next().value;
    this.firstKey = this.currentKey;
    this.sourceSignPublic = sourceSignPublic;
    this.sourceSecret = sourceSecret ? sourceSecret.slice() : null;
    this.rekeysDone = 0;
    this.rekeyError = null; // the outcome of a re-key statement that was refused, if any
    this.listing = []; // [{ seq, serverDay, record, eventHash, opened (v2) | null, v1 | null, error }]
    this.mark = undefined; // the §8.4 high-water mark of this reader
    this.caseError = null;
  }

  /** The case's version: that of its first record (1 or 2), or null before any. */
  get format() {
    return this.listing.length ? this.listing[0].record[0] : null;
  }

  /**
   * §7.3 the case's re-key statements ([{ generation, statement (bytes) }], any order), applied in generation
   * order after those already applied; each must start from the key held. A refused one stops the chain
   * (its outcome in `rekeyError`): the source keeps writing under the last key it could check.
   */
  applyRekeys(rekeys, roster) {
    const sorted = [...rekeys].sort((a, b) => a.generation - b.generation).slice(this.rekeysDone);
    for (const { statement } of sorted) {
      if (this.rekeyError) return;
      try {
        const s = checkRekey(statement, { caseId: this.caseId, heldKey: this.currentKey, roster });
        if (!this.sourceSecret) throw new DojavaError('decrypt_failed', 're-key: no source key');
        const key = openRekeyForSource(s, this.sourceSecret);
        this.keys.set(hexEncode(s.newCommit), key);
        this.currentKey = key;
        this.rekeysDone++;
      } catch (e) {
        this.rekeyError = codeOf(e);
      }
    }
  }

  #open(record, roster) {
    if (record.length >= 1 && record[0] === VERSION_2) {
      const h = parseMessageHeaderV2(record, this.caseId);
      const key = h.kind === KIND_CONVERSATION ? this.keys.get(hexEncode(h.keyCommitment)) : undefined;
      if (!key) throw new DojavaError('wrong_key', 'message: written under a key this source does not hold');
      return { opened: decryptMessageV2(record, { caseId: this.caseId, caseKey: key, roster }), v1: null };
    }
    if (record.length >= 1 && record[0] === VERSION) {
      const d = decryptMessage(record, { caseId: this.caseId, caseKey: this.firstKey, reviewers: roster ? roster.entries : [] });
      // In a v2 case only a reviewer's v1 record is shown: a v1 record of the "source" is unsigned, and
      // anyone holding CK could have written it (§8.3).
      if (this.format === VERSION_2 && d.author === AUTHOR_SOURCE) throw new DojavaError('unknown_author', 'message: an unsigned source record in a signed case');
      return { opened: null, v1: d };
    }
    throw new DojavaError(record.length ? 'unsupported_version' : 'malformed', 'message: version');
  }

  /**
   * Adds records in the server's order ([{ seq, day, record (bytes) }]) and checks the whole case again
   * (§8.4). `roster`: the newest roster the page verified (either version, retired entries included).
   * Returns the items to show, for every record so far: { seq, day, author, reviewerId, body, error,
   * duplicate }; `error` is an outcome name (§13) for a record that is shown as such and skipped.
   */
  addRecords(records, roster) {
    for (const { seq, day, record } of records) {
      const item = { seq, serverDay: day, record, eventHash: eventHash(record), opened: null, v1: null, error: null };
      try {
        Object.assign(item, this.#open(record, roster));
      } catch (e) {
        item.error = codeOf(e);
      }
      this.listing.push(item);
    }
    this.#checkOrder(roster);
    return this.items();
  }

  #checkOrder(roster) {
    this.caseError = null;
    if (this.format !== VERSION_2) return;
    // The source is listed conversation records only (§8.4): a reviewer's prev may name a notes record.
    const order = checkCaseOrder(this.listing.map((x) => ({ eventHash: x.eventHash, opened: x.error ? null : x.opened })), roster, this.mark, { conversationOnly: true });
    order.records.forEach((e, i) => {
      if (e && !this.listing[i].error) this.listing[i].error = e.code;
    });
    // §11.4: no later message is a report (shown as malformed, never named in prev).
    this.listing.forEach((x, i) => {
      if (i > 0 && !x.error && x.opened && x.opened.kind === KIND_CONVERSATION && isReport(x.opened.body)) x.error = 'malformed';
    });
    let caseError = order.caseError;
    const first = this.listing[0];
    // §8.4 message #1 is the source's report, and §12.3 it was signed with the key this receipt gives.
    if (!caseError && !first.error && (!equalBytes(first.opened.sourcePublic, this.sourceSignPublic) || !isReport(first.opened.body))) {
      caseError = new DojavaError('unknown_author', 'message #1 is not the report written with this receipt');
    }
    if (!caseError && first.error) caseError = new DojavaError(first.error, 'message #1 did not open');
    this.caseError = caseError ? caseError.code : null;
    if (!caseError) this.mark = order.next;
  }

  items() {
    const seen = new Set();
    return this.listing.map((x) => {
      const d = x.opened || x.v1;
      if (x.error || !d) return { seq: x.seq, day: x.opened ? x.opened.day : x.serverDay, error: x.error || 'decrypt_failed' };
      const id = hexEncode(d.messageId);
      const duplicate = seen.has(id);
      seen.add(id);
      return { seq: x.seq, day: x.opened ? x.opened.day : x.serverDay, author: d.author, reviewerId: d.reviewerId, body: d.body, error: null, duplicate };
    });
  }

  /**
   * What the next record of the source needs (§8.3, §8.4): the case's version, the key to write under (the
   * newest CK whose re-key checked), and for v2 `prev`, the event hash of the last record the source
   * accepted. Throws the case's outcome when the case must not be written to (§8.4, §11.4).
   */
  writeContext() {
    if (this.caseError) throw new DojavaError(this.caseError, 'this case must not be written to');
    if (!this.listing.length) throw new DojavaError('malformed', 'the case has no report');
    let prev = new Uint8Array(32);
    for (const x of this.listing) if (!x.error && x.opened) prev = x.eventHash;
    return { format: this.format, key: this.currentKey, prev };
  }

  wipe() {
    for (const k of this.keys.values()) wipe(k);
    if (this.sourceSecret) wipe(this.sourceSecret);
    this.keys.clear();
  }
}
