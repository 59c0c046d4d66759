// Dojava protocol — §10 Reviewer login (crypto/login.h).
//
// Part of the web client's implementation of crypto/PROTOCOL.md; the public API is re-exported by
// ../protocol.js. Section numbers (§n) refer to PROTOCOL.md.

import { fail } from './errors.js';
import { ID_BYTES, LABEL_LOGIN, LOGIN_CHALLENGE_BYTES } from './constants.js';
import { concatBytes, requireBytes } from './bytes.js';
import { sign, verify } from './primitives.js';

function loginMessage(instanceId, reviewerId, challenge) {
  requireBytes(instanceId, ID_BYTES, 'instance id');
  requireBytes(reviewerId, ID_BYTES, 'reviewer id');
  requireBytes(challenge, LOGIN_CHALLENGE_BYTES, 'challenge');
  return concatBytes(instanceId, reviewerId, challenge);
}

export function signLogin(edSeed, instanceId, reviewerId, challenge) {
  return sign(edSeed, LABEL_LOGIN, loginMessage(instanceId, reviewerId, challenge));
}

/** Throws `bad_signature` unless `signature` answers this challenge for this reviewer and instance. */
export function verifyLogin(edPublic, instanceId, reviewerId, challenge, signature) {
  const m = loginMessage(instanceId, reviewerId, challenge);
  if (!verify(edPublic, LABEL_LOGIN, m, signature)) fail('bad_signature', 'login');
}
