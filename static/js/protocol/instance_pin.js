// Dojava protocol — §12.1 Instance: the published address (#fp=…&rv=N) and what a client that keeps no
// state between visits (the page) pins within one load: the admin key, the instance id and the salt of
// the first instance document, and the roster it accepted (§6 rollback and chain rule on every later one).
//
// A roster gets every check of §6, expiry included; one of version 1 (Dojava 0.1.0) is unsupported_version
// (§16). Part of the web client's implementation of crypto/PROTOCOL.md; the
// public API is re-exported by ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { DojavaError } from './errors.js';
import { ID_BYTES, VERSION_2 } from './constants.js';
import { equalBytes, requireBytes } from './bytes.js';
import { hexEncode } from './encoding.js';
import { adminFingerprint } from './keys.js';
import { checkRosterChain, checkRosterFloor, verifyRosterV2 } from './roster_v2.js';

/** The protocol day (§1) of a time in ms since the epoch: what the page compares expiry days with. */
export function dayOf(ms) {
  return Math.floor(ms / 86400000);
}

/**
 * §12.1 the fragment of the published address: `fp` (40 lower-case hex digits of the §5.2 fingerprint) and
 * `rv` (the roster floor, a decimal integer ≥ 1). A malformed value counts as absent. Returns { fp, rv }.
 */
export function parseAddressFragment(hash) {
  let h = '';
  try {
    h = decodeURIComponent(hash || '').replace(/\s/g, '');
  } catch {
    return { fp: null, rv: null };
  }
  const fp = /(?:^#|&)fp=([0-9a-f]{40})(?:&|$)/.exec(h);
  const rv = /(?:^#|&)rv=([1-9][0-9]{0,15})(?:&|$)/.exec(h);
  const n = rv ? Number(rv[1]) : null;
  return { fp: fp ? fp[1] : null, rv: Number.isSafeInteger(n) ? n : null };
}

/** An error whose `reason` names what the page tells the person (a catalogue key), beside its §13 outcome. */
function trustError(code, reason, message) {
  const e = new DojavaError(code, message);
  e.reason = reason;
  return e;
}

/**
 * §6 verification of a roster against the pinned admin key and the instance id (unsupported_version for a
 * version byte other than 2). A roster past its `expires_day` (relative to `today`) is still returned, with
 * `expired: true`: it serves to verify authors (§8.3) but a client MUST NOT seal to or sign on top of it.
 * Returns { version (BigInt), digest, expiresDay, prevDigest, expired, entries } with every entry
 * { reviewerId, ed25519, x25519, name, retiredAt (BigInt, 0n = active), keyEpoch }.
 */
export function verifyAnyRoster(bytes, adminPublic, instanceId, today) {
  requireBytes(bytes, undefined, 'roster');
  try {
    return { ...verifyRosterV2(bytes, adminPublic, instanceId, today), expired: false };
  } catch (e) {
    if (!(e instanceof DojavaError) || e.code !== 'expired') throw e;
    return { ...verifyRosterV2(bytes, adminPublic, instanceId, null), expired: true };
  }
}

/** The entries a client seals to (§6, §7): the active ones. */
export function activeEntries(roster) {
  return roster.entries.filter((e) => e.retiredAt === 0n);
}

const activeSet = (roster) => (roster ? activeEntries(roster).map((e) => hexEncode(e.reviewerId) + hexEncode(e.x25519)).sort().join() : '');

/**
 * What a page pins within one load (§12.1). `fp`, `rv`: from parseAddressFragment (null when absent);
 * `today`: a function returning the protocol day (§1) from the client's own clock.
 */
export class InstancePin {
  constructor({ fp = null, rv = null, today = () => dayOf(Date.now()) } = {}) {
    this.fp = fp;
    this.rv = rv;
    this.today = today;
    this.first = null; // { adminPublic, instanceId, salt } of the first instance document
    this.roster = null; // the last roster accepted in this load
  }

  /**
   * Accepts an instance document (already decoded: adminPublic 32, instanceId 16, salt 16 bytes, roster bytes
   * or null). In order: the fingerprint of the address (`bad_signature`, reason err_api_fingerprint_mismatch);
   * the first document's admin key, instance id and salt (any change: reason err_trust_instance_changed);
   * the roster verified (§6 steps 1–5, either version); the address's `rv` floor (`rollback`); against the
   * roster accepted earlier in this load the rollback rule (v1) or the chain rule (v2, `rollback`,
   * `broken_chain`), with the intermediate rosters from `fetchAfter(v0)` (a promise of signed rosters
   * with version > v0, or null when the server has none to give: continuity checks alone).
   * Returns { roster, activeChanged }: `activeChanged` is true when the active reviewers differ from those
   * of the roster accepted earlier in this load (the page shows them and asks again before sealing).
   */
  async accept({ adminPublic, instanceId, salt, roster: rosterBytes }, fetchAfter = async () => null) {
    requireBytes(adminPublic, 32, 'admin public key');
    requireBytes(instanceId, ID_BYTES, 'instance id');
    requireBytes(salt, 16, 'salt');
    if (this.fp !== null && hexEncode(adminFingerprint(adminPublic)) !== this.fp) {
      throw trustError('bad_signature', 'err_api_fingerprint_mismatch', 'instance: the admin key does not match the fingerprint of the address');
    }
    if (this.first === null) {
      this.first = { adminPublic: adminPublic.slice(), instanceId: instanceId.slice(), salt: salt.slice() };
    } else if (!equalBytes(adminPublic, this.first.adminPublic)) {
      throw trustError('bad_signature', 'err_trust_instance_changed', 'instance: another admin key than at the start of this page');
    } else if (!equalBytes(instanceId, this.first.instanceId) || !equalBytes(salt, this.first.salt)) {
      throw trustError('malformed', 'err_trust_instance_changed', 'instance: another instance id or salt than at the start of this page');
    }
    if (!rosterBytes) return { roster: null, activeChanged: false };
    const roster = verifyAnyRoster(rosterBytes, this.first.adminPublic, this.first.instanceId, this.today());
    if (this.rv !== null) checkRosterFloor(roster, this.rv);
    if (this.roster) await this.#checkSuccessor(roster, fetchAfter);
    const activeChanged = this.roster !== null && activeSet(this.roster) !== activeSet(roster);
    this.roster = roster;
    return { roster, activeChanged };
  }

  async #checkSuccessor(next, fetchAfter) {
    const seen = this.roster;
    let between = [];
    if (next.version > seen.version + 1n) {
      const signed = await fetchAfter(seen.version);
      if (signed) {
        between = signed
          .filter((b) => b.length >= 1 && b[0] === VERSION_2) // a version-1 roster of 0.1.0 is not read
          .map((b) => verifyAnyRoster(b, this.first.adminPublic, this.first.instanceId, null))
          .filter((r) => r.version > seen.version && r.version < next.version);
      }
    }
    checkRosterChain(seen, next, between);
  }
}
