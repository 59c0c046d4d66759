// Our own tests of protocol/primitives.js (§3): known answers from independent implementations: known answers, round trips, strictness and corruption loops.
// Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { hex, toHex, ascii, throwsCode, flipped } from './protocol-helpers.mjs';

// ------------------------------------------------------------------------------------------------
// §3 primitives: known answers from independent implementations

test('KDF and H: known answers computed with Python hashlib.blake2b', () => {
  const ikm = Uint8Array.from({ length: 32 }, (_, i) => i);
  assert.equal(toHex(P.kdf(ikm, P.LABEL_RECEIPT_LOOKUP)), '658129d9a2afd938c36b0ca219f1385768e4088e46ec0b840a99a50dddcca496');
  assert.equal(toHex(P.adminFingerprint(ikm)), '021a2600eec6258f867f63fdc3990900fe0052b8');
  assert.equal(P.formatFingerprint(P.adminFingerprint(ikm)), '021a 2600 eec6 258f 867f 63fd c399 0900 fe00 52b8');
});

test('Argon2id: reference implementation known answer (t=2, m=65536 KiB, p=1, "password"/"somesalt")', () => {
  // From the PHC reference implementation's test suite (Argon2id v1.3). Confirms noble's `m` is in KiB.
  assert.equal(toHex(P.argon2(ascii('password'), ascii('somesalt'), 2, 65536)), '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
});

test('labels are NUL-terminated and prefix-free', () => {
  assert.deepEqual(P.L('ab'), Uint8Array.of(0x61, 0x62, 0));
  assert.throws(() => P.L('a\u0000b'));
  assert.notEqual(toHex(P.kdf(new Uint8Array(32), 'dojava/v1/a')), toHex(P.kdf(new Uint8Array(32), 'dojava/v1/ab')));
});

test('X25519: RFC 7748 §6.1 known answer, and low-order points rejected', () => {
  const a = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const B = hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
  assert.equal(toHex(P.x25519Public(a)), '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
  assert.equal(toHex(P.x25519Shared(a, B)), '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
  const lowOrder = [
    '0000000000000000000000000000000000000000000000000000000000000000',
    '0100000000000000000000000000000000000000000000000000000000000000',
    'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ];
  for (const p of lowOrder) throwsCode(() => P.x25519Shared(a, hex(p)), 'decrypt_failed', p);
});

test('X25519: RFC 7748 shared secret matches both ways', () => {
  const a = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const b = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
  const expected = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
  assert.equal(toHex(P.x25519Shared(a, P.x25519Public(b))), expected);
  assert.equal(toHex(P.x25519Shared(b, P.x25519Public(a))), expected);
});

test('Ed25519: RFC 8032 test 1 (empty message) verifies strictly', () => {
  const seed = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const pk = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  const sig = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  assert.equal(toHex(P.ed25519Public(seed)), toHex(pk));
  assert.equal(toHex(ed25519.sign(new Uint8Array(0), seed)), toHex(sig));
  assert.equal(P.verifyStrict(pk, new Uint8Array(0), sig), true);
});

const ED_L = ed25519.Point.Fn.ORDER;
function le32(n) {
  const b = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    b[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return b;
}
function fromLE(b) {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

test('Ed25519 strict: S + ℓ (non-canonical S) is refused', () => {
  const seed = P.randomBytes(32);
  const pk = P.ed25519Public(seed);
  const msg = ascii('hello');
  const sig = P.sign(seed, 'dojava/v1/test', msg);
  assert.ok(P.verify(pk, 'dojava/v1/test', msg, sig));
  const s = fromLE(sig.subarray(32));
  const bad = P.concatBytes(sig.subarray(0, 32), le32(s + ED_L));
  assert.equal(P.verify(pk, 'dojava/v1/test', msg, bad), false);
});

test('Ed25519 strict: a small-order public key or R is refused', () => {
  const identity = hex('0100000000000000000000000000000000000000000000000000000000000000');
  // With A = identity and R = identity, S = 0 satisfies every verification equation.
  const sig = P.concatBytes(identity, new Uint8Array(32));
  assert.equal(P.verifyStrict(identity, ascii('x'), sig), false);
  // A non-canonical A (y = p, i.e. y ≡ 0) is refused.
  const nonCanonical = hex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
  assert.equal(P.verifyStrict(nonCanonical, ascii('x'), P.randomBytes(64)), false);
});

test('Ed25519 strict: R with a torsion component passes noble\'s cofactored check but not libsodium\'s rule', () => {
  // Build (R', S) with R' = rB + T, T of order 8, S = r + H(R'||A||M)·a. Cofactored verification
  // (noble, zip215:false) accepts it; libsodium's cofactorless check [S]B − [k]A == R' rejects it.
  const seed = P.randomBytes(32);
  const { scalar, pointBytes: A } = ed25519.utils.getExtendedPublicKey(seed);
  const msg = ascii('torsion');
  const T = ed25519.Point.fromBytes(hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a')); // order 8
  assert.ok(T.isSmallOrder() && !T.is0());
  const r = 12345678901234567890n;
  const Rp = ed25519.Point.BASE.multiply(r).add(T).toBytes();
  const k = fromLE(sha512(P.concatBytes(Rp, A, msg))) % ED_L;
  const S = (r + k * scalar) % ED_L;
  const sig = P.concatBytes(Rp, le32(S));
  assert.equal(ed25519.verify(sig, msg, A, { zip215: false }), true, 'noble accepts (cofactored)');
  assert.equal(P.verifyStrict(A, msg, sig), false, 'we refuse, as libsodium does');
});

test('AEAD: XChaCha20-Poly1305 draft-irtf-cfrg-xchacha §A.3.1 known answer', () => {
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const ad = hex('50515253c0c1c2c3c4c5c6c7');
  const pt = ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
  const ct = P.aeadEncrypt(key, nonce, ad, pt);
  assert.equal(
    toHex(ct),
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
      'c0875924c1c7987947deafd8780acf49',
  );
  assert.deepEqual(P.aeadDecrypt(key, nonce, ad, ct), pt);
  throwsCode(() => P.aeadDecrypt(key, nonce, ad, flipped(ct, 0)), 'decrypt_failed');
});
