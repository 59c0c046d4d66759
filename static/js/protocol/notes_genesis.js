// Dojava protocol — §7.2 The notes-key genesis (crypto/notes_genesis.h): NK is created by a reviewer who
// holds CK, and its creation is signed; readers refuse an NK without a valid genesis.
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { blake2b } from '@noble/hashes/blake2.js';
import { fail } from './errors.js';
import { COMMIT_BYTES, GENESIS_FIXED_BYTES, ID_BYTES, KEY_BYTES, LABEL_NOTES_GENESIS, LABEL_NOTES_GENESIS_CK, ROSTER_MAX_ENTRIES, SIGNATURE_BYTES, VERSION_2 } from './constants.js';
import { concatBytes, equalBytes, readU16, readU64, requireBytes, u16, u64 } from './bytes.js';
import { L, sign, verify } from './primitives.js';
import { keyCommitment } from './message_v2.js';
import { entryActiveAt, findRosterEntry } from './roster_v2.js';

function compareBytes(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** ck_proof = MAC(CK, "dojava/v2/notes-genesis/ck", case_id || nk_commit). */
function ckProof(caseKey, caseId, nkCommit) {
  return blake2b(concatBytes(L(LABEL_NOTES_GENESIS_CK), caseId, nkCommit), { key: requireBytes(caseKey, KEY_BYTES, 'case key'), dkLen: 32 });
}

const ascending = (ids) => ids.every((id, i) => i === 0 || compareBytes(ids[i - 1], id) < 0);

/** Build and sign a genesis (recipients are sorted here). `creatorEdSeed`: the creator's Ed25519 seed. */
export function makeNotesGenesis({ caseId, creator, rosterVersion, recipients }, caseKey, notesKey, creatorEdSeed) {
  const sorted = [...recipients].sort(compareBytes);
  if (!sorted.length || sorted.length > ROSTER_MAX_ENTRIES || !ascending(sorted) || !sorted.some((r) => equalBytes(r, creator))) fail('malformed', 'genesis: recipients');
  const nkCommit = keyCommitment(notesKey);
  const body = concatBytes(Uint8Array.of(VERSION_2), requireBytes(caseId, ID_BYTES, 'case id'), requireBytes(creator, ID_BYTES, 'creator'), nkCommit, ckProof(caseKey, caseId, nkCommit), u64(rosterVersion), u16(sorted.length), ...sorted);
  return concatBytes(body, sign(creatorEdSeed, LABEL_NOTES_GENESIS, body));
}

/**
 * §7.2 in order: version; length, count, order, creator among the recipients; case id; creator on the
 * roster (`unknown_author`); signature; creator active at the genesis' roster version (`retired_author`);
 * ck_proof with the reader's CK (`wrong_key`); nk_commit against the reader's NK (`wrong_key`).
 * Returns { caseId, creator, rosterVersion, recipients }.
 */
export function checkNotesGenesis(bytes, { caseId, caseKey, notesKey, roster }) {
  requireBytes(bytes, undefined, 'genesis');
  if (bytes.length < 1) fail('malformed', 'genesis: empty');
  if (bytes[0] !== VERSION_2) fail('unsupported_version', 'genesis: version');
  if (bytes.length < GENESIS_FIXED_BYTES) fail('malformed', 'genesis: short');
  const gCase = bytes.slice(1, 17);
  const creator = bytes.slice(17, 33);
  const nkCommit = bytes.slice(33, 33 + COMMIT_BYTES);
  const proof = bytes.slice(65, 65 + COMMIT_BYTES);
  const rosterVersion = readU64(bytes, 97);
  const n = readU16(bytes, 105);
  if (n < 1 || n > ROSTER_MAX_ENTRIES || bytes.length !== GENESIS_FIXED_BYTES + ID_BYTES * n) fail('malformed', 'genesis: recipient count or length');
  const recipients = [];
  for (let i = 0; i < n; i++) recipients.push(bytes.slice(107 + ID_BYTES * i, 107 + ID_BYTES * (i + 1)));
  if (!ascending(recipients) || !recipients.some((r) => equalBytes(r, creator))) fail('malformed', 'genesis: recipients out of order or without the creator');
  if (!equalBytes(gCase, caseId)) fail('malformed', 'genesis: other case');
  const entry = findRosterEntry(roster, creator);
  if (!entry) fail('unknown_author', 'genesis: creator on no roster');
  const signed = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  if (!verify(entry.ed25519, LABEL_NOTES_GENESIS, signed, bytes.subarray(bytes.length - SIGNATURE_BYTES))) fail('bad_signature', 'genesis: signature');
  if (!entryActiveAt(entry, rosterVersion)) fail('retired_author', 'genesis: creator retired');
  if (!equalBytes(ckProof(caseKey, caseId, nkCommit), proof)) fail('wrong_key', 'genesis: made without this case key');
  if (!equalBytes(keyCommitment(notesKey), nkCommit)) fail('wrong_key', 'genesis: names another notes key');
  return { caseId: gCase, creator, rosterVersion, recipients };
}
