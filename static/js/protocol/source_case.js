// Dojava protocol — §12.3 A source returns: reading the conversation of a case with the keys its receipt
// gives, and what the source writes next.
//
// Every record gets every rule — the key commitment (§8.1), the signatures (§8.3), message #1 written with
// the receipt's source_sign_pk (§8.4, §12.3), the order and the high-water mark (§8.4), and signed re-key
// statements (§7.3) read from their envelopes (§7.4). A record of version 1 (Dojava 0.1.0) is
// unsupported_version (§16): never opened. Part of the web client's implementation of crypto/PROTOCOL.md;
// the public API is re-exported by ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError } from './errors.js';
import { KIND_CONVERSATION, STATEMENT_REKEY, VERSION_2 } from './constants.js';
import { decodeUtf8, equalBytes, wipe } from './bytes.js';
import { base64urlDecode, hexEncode } from './encoding.js';
import { x25519Public } from './primitives.js';
import { decryptMessageV2, eventHash, keyCommitment, parseMessageHeaderV2 } from './message_v2.js';
import { checkCaseOrder } from './case_order.js';
import { checkRekey, openRekeyForSource } from './rekey.js';
import { openStatement } from './statement_envelope.js';

const codeOf = (e) => (e instanceof DojavaError ? e.code : 'decrypt_failed');

/** §11.1: the source_pk a report names, as 32 bytes, or null when it has none (the report is malformed). */
function reportSourcePk(body) {
  try {
    const k = base64urlDecode(JSON.parse(decodeUtf8(body)).source_pk);
    return k.length === 32 ? k : null;
  } catch {
    return null;
  }
}

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
    this.sourceSignPublic = sourceSignPublic;
    this.sourceSecret = sourceSecret ? sourceSecret.slice() : null;
    this.rekeyGeneration = 0; // the last re-key generation looked at
    this.rekeyError = null; // the outcome of a re-key statement that was refused, if any
    this.rekeysUnopened = []; // [{ generation, error }]: re-key envelopes that did not open (§7.4), ignored
    this.listing = []; // [{ seq, serverDay, record, eventHash, opened | null, error }]
    this.mark = undefined; // the §8.4 high-water mark of this reader
    this.caseError = null;
  }

  /**
   * §7.3 the case's re-key envelopes (§7.4; [{ generation, envelope (bytes) }], any order), taken in generation
   * order after those already looked at. Each is opened with the keys held so far (picked by its kc): one that
   * does not open is listed in `rekeysUnopened` and ignored. The statement inside is checked against the key
   * that opened it; a refused one stops the chain (its outcome in `rekeyError`): the source keeps writing
   * under the last key it could check.
   */
  applyRekeys(rekeys, roster) {
    const sorted = [...rekeys].sort((a, b) => a.generation - b.generation).filter((r) => r.generation > this.rekeyGeneration);
    for (const { generation, envelope } of sorted) {
      if (this.rekeyError) return;
      this.rekeyGeneration = generation;
      const held = [...this.keys.values()];
      let opened;
      try {
        opened = openStatement(envelope, STATEMENT_REKEY, this.caseId, held);
      } catch (e) {
        this.rekeysUnopened.push({ generation, error: codeOf(e) });
        continue;
      }
      try {
        const s = checkRekey(opened.statement, { caseId: this.caseId, heldKey: held[opened.keyIndex], roster });
        if (!this.sourceSecret) throw new DojavaError('decrypt_failed', 're-key: no source key');
        const key = openRekeyForSource(s, this.sourceSecret);
        this.keys.set(hexEncode(s.newCommit), key);
        this.currentKey = key;
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
      return { opened: decryptMessageV2(record, { caseId: this.caseId, caseKey: key, roster }) };
    }
    throw new DojavaError(record.length ? 'unsupported_version' : 'malformed', 'message: version');
  }

  /**
   * Adds records in the server's order ([{ seq, day, record (bytes) }]) and checks the whole case again
   * (§8.4). `roster`: the newest roster the page verified (retired entries included).
   * Returns the items to show, for every record so far: { seq, day, author, reviewerId, body, error,
   * duplicate }; `error` is an outcome name (§13) for a record that is shown as such and skipped.
   */
  addRecords(records, roster) {
    for (const { seq, day, record } of records) {
      const item = { seq, serverDay: day, record, eventHash: eventHash(record), opened: null, error: null };
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
    // §11.1, §12.3: the report names the source_pk this receipt gives (a re-key seals to it).
    if (!caseError && !first.error) {
      const pk = reportSourcePk(first.opened.body);
      if (!pk) caseError = new DojavaError('malformed', 'message #1 names no source_pk');
      else if (this.sourceSecret && !equalBytes(pk, x25519Public(this.sourceSecret))) caseError = new DojavaError('wrong_key', "message #1 does not name this receipt's source key");
    }
    if (!caseError && first.error) caseError = new DojavaError(first.error, 'message #1 did not open');
    this.caseError = caseError ? caseError.code : null;
    if (!caseError) this.mark = order.next;
  }

  items() {
    const seen = new Set();
    return this.listing.map((x) => {
      const d = x.opened;
      if (x.error || !d) return { seq: x.seq, day: x.serverDay, error: x.error || 'decrypt_failed' };
      const id = hexEncode(d.messageId);
      const duplicate = seen.has(id);
      seen.add(id);
      return { seq: x.seq, day: d.day, author: d.author, reviewerId: d.reviewerId, body: d.body, error: null, duplicate };
    });
  }

  /**
   * What the next record of the source needs (§8.3, §8.4): the key to write under (the newest CK whose
   * re-key checked) and `prev`, the event hash of the last record the source accepted. Throws the case's outcome when the case must not be written to (§8.4, §11.4).
   */
  writeContext() {
    if (this.caseError) throw new DojavaError(this.caseError, 'this case must not be written to');
    if (!this.listing.length) throw new DojavaError('malformed', 'the case has no report');
    let prev = new Uint8Array(32);
    for (const x of this.listing) if (!x.error && x.opened) prev = x.eventHash;
    return { key: this.currentKey, prev };
  }

  wipe() {
    for (const k of this.keys.values()) wipe(k);
    if (this.sourceSecret) wipe(this.sourceSecret);
    this.keys.clear();
  }
}
