// Dojava protocol — §8.4 The order of a case (crypto/case_order.h): message #1 is the source's report, every
// later source record carries the report's key, every record names one listed before it, retired
// reviewers cannot back-date, and a per-case high-water mark detects truncation and rewritten history.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError } from './errors.js';
import { AUTHOR_REVIEWER, AUTHOR_SOURCE, KIND_CONVERSATION } from './constants.js';
import { equalBytes } from './bytes.js';
import { hexEncode } from './encoding.js';
import { findRosterEntry } from './roster_v2.js';

const isZero = (b) => b.every((x) => x === 0);
const err = (code, message) => new DojavaError(code, message);

function checkFirst(listing) {
  const m = listing.length ? listing[0].opened : null;
  if (!m || m.kind !== KIND_CONVERSATION || m.author !== AUTHOR_SOURCE || !isZero(m.prev)) return err('malformed', "message #1 is not the source's report");
  return null;
}

function checkMark(listing, seen) {
  if (!seen || !seen.count) return null;
  if (listing.length < seen.count) return err('truncated', 'the case has fewer records than this reader already saw');
  if (!equalBytes(listing[seen.count - 1].eventHash, seen.lastHash)) return err('reordered', 'the records this reader already saw were changed or moved');
  return null;
}

// `later` (a conversation-only listing): hex event hash -> how many times it is listed from position i on;
// a prev naming no listed record is then accepted (a notes record this reader cannot see).
function checkRecord(i, m, first, earlier, later, maxRosterVersion, roster) {
  if (i > 0 && m.author === AUTHOR_SOURCE && (!first || !equalBytes(m.sourcePublic, first.sourcePublic))) return err('unknown_author', 'a source record signed with another key than the report');
  const prev = hexEncode(m.prev);
  const namesEarlier = earlier.has(prev);
  const unseen = later !== null && !namesEarlier && !later.get(prev);
  if (i === 0 ? !isZero(m.prev) : !(namesEarlier || unseen)) return err('reordered', 'the record names a record not listed before it');
  if (m.author === AUTHOR_REVIEWER) {
    const e = findRosterEntry(roster, m.reviewerId);
    if (e && e.retiredAt !== 0n && maxRosterVersion >= e.retiredAt) return err('retired_author', "a retired reviewer's record after their retirement");
  }
  return null;
}

/**
 * §8.4 over a listing in the server's order. `listing`: [{ eventHash, opened }] with `opened` the result of
 * decryptMessageV2, or null when the record did not open. `seen`: { count, lastHash } or undefined.
 * `options.conversationOnly`: the listing holds the conversation records only (a source through the API,
 * which never lists notes records, while a reviewer's prev may name one): a prev that names no listed
 * record is accepted; one naming the record itself or a later one is still `reordered`.
 * Returns { caseError, records: [DojavaError|null], next: { count, lastHash } }. A reader MUST NOT write
 * into a case with a caseError; record errors are shown and skipped.
 */
export function checkCaseOrder(listing, roster, seen, options = {}) {
  const firstError = checkFirst(listing);
  const markError = checkMark(listing, seen);
  const first = firstError ? null : listing[0].opened;
  const earlier = new Set();
  let later = null;
  if (options.conversationOnly) {
    later = new Map();
    for (const { eventHash } of listing) {
      const h = hexEncode(eventHash);
      later.set(h, (later.get(h) ?? 0) + 1);
    }
  }
  let maxRosterVersion = 0n;
  const records = listing.map(({ eventHash, opened }, i) => {
    let e = null;
    if (opened) {
      e = checkRecord(i, opened, first, earlier, later, maxRosterVersion, roster);
      if (!e && opened.rosterVersion > maxRosterVersion) maxRosterVersion = opened.rosterVersion;
    }
    const h = hexEncode(eventHash);
    earlier.add(h);
    if (later) later.set(h, later.get(h) - 1);
    return e;
  });
  const next = markError ? seen : { count: listing.length, lastHash: listing.length ? listing[listing.length - 1].eventHash : new Uint8Array(32) };
  return { caseError: firstError ?? markError, records, next };
}
