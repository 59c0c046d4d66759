// Our own tests of protocol.js: known answers from independent implementations, round trips, strictness,
// and corruption loops. Every test here can fail: each asserts a concrete value or a concrete outcome code.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as P from '../js/protocol.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';

const hex = P.hexDecode;
const toHex = P.hexEncode;
const ascii = (s) => new TextEncoder().encode(s);

function throwsCode(fn, code, msg) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof P.DojavaError, `expected DojavaError(${code}), got ${e && e.stack}`);
    assert.equal(e.code, code, msg);
    return true;
  });
}

/** Returns the outcome code of fn(), or 'success'. Non-Dojava errors propagate (they are bugs). */
function outcome(fn) {
  try {
    fn();
    return 'success';
  } catch (e) {
    if (e instanceof P.DojavaError) return e.code;
    throw e;
  }
}

function flipped(bytes, i, bit = 0) {
  const c = bytes.slice();
  c[i] ^= 1 << bit;
  return c;
}

// ------------------------------------------------------------------------------------------------
// §2 encodings

test('base64url: canonical round trip for all lengths 0..70', () => {
  for (let n = 0; n <= 70; n++) {
    const b = P.randomBytes(n);
    const s = P.base64urlEncode(b);
    assert.ok(!s.includes('='));
    assert.deepEqual(P.base64urlDecode(s), b);
  }
  assert.equal(P.base64urlEncode(Uint8Array.of(0xfb, 0xff)), '-_8');
  assert.equal(P.base64urlEncode(ascii('foobar')), 'Zm9vYmFy');
});

test('base64url: rejects every non-canonical form', () => {
  for (const s of ['Zm9vYg==', 'Zm9vYg=', 'Zm9v Yg', 'Zm9v\nYg', '+/8', 'Zm9vY', 'Zh', 'Zm9=', '\u00e9AAA', 'AB', 'AAB']) {
    throwsCode(() => P.base64urlDecode(s), 'malformed', s);
  }
});

test('base64url: valid iff encode(decode(s)) == s (exhaustive over 2- and 3-character strings)', () => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let valid = 0;
  for (const a of A) for (const b of A) {
    const s = a + b;
    const r = outcome(() => P.base64urlDecode(s));
    if (r === 'success') {
      valid++;
      assert.equal(P.base64urlEncode(P.base64urlDecode(s)), s);
    }
  }
  assert.equal(valid, 256); // exactly one canonical 2-char string per byte value
  for (let k = 0; k < 3000; k++) {
    const s = 'x' + A[k % 64] + A[(k * 7) % 64];
    if (outcome(() => P.base64urlDecode(s)) === 'success') assert.equal(P.base64urlEncode(P.base64urlDecode(s)), s);
    else assert.notEqual((A.indexOf(s[2]) & 3), 0);
  }
});

test('hex: lower case only, even length', () => {
  assert.deepEqual(P.hexDecode('00ff7a'), Uint8Array.of(0, 255, 0x7a));
  assert.equal(P.hexEncode(Uint8Array.of(0xab, 1)), 'ab01');
  for (const s of ['0', 'AB', 'aB', 'gg', '0x00', ' 00', '00 ']) throwsCode(() => P.hexDecode(s), 'malformed', s);
});

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

// ------------------------------------------------------------------------------------------------
// §4 receipts

test('Damm: table is a quasigroup with zero diagonal', () => {
  for (let i = 0; i < 10; i++) {
    assert.equal(P.DAMM_TABLE[i][i], 0);
    assert.equal(new Set(P.DAMM_TABLE[i]).size, 10);
    assert.equal(new Set(P.DAMM_TABLE.map((r) => r[i])).size, 10);
  }
  // Known check digit: Damm's example, 572 → 4.
  assert.equal(P.dammCheckDigit('572'), 4);
  assert.equal(P.dammInterim('5724'), 0);
});

test('Damm: every single substitution and every adjacent swap of 200 receipts is caught', () => {
  for (let n = 0; n < 200; n++) {
    const r = P.generateReceipt();
    assert.equal(r.length, 28);
    assert.equal(P.parseReceipt(r), r);
    for (let i = 0; i < 28; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === r[i]) continue;
        const bad = r.slice(0, i) + d + r.slice(i + 1);
        throwsCode(() => P.parseReceipt(bad), 'bad_checksum');
      }
      if (i < 27 && r[i] !== r[i + 1]) {
        const swapped = r.slice(0, i) + r[i + 1] + r[i] + r.slice(i + 2);
        throwsCode(() => P.parseReceipt(swapped), 'bad_checksum');
      }
    }
  }
});

test('receipts: display form, separators, and malformed input', () => {
  const r = P.generateReceipt();
  const shown = P.formatReceipt(r);
  assert.match(shown, /^\d{4}(-\d{4}){6}$/);
  assert.equal(P.parseReceipt(shown), r);
  assert.equal(P.parseReceipt(` ${r.slice(0, 10)}.\t${r.slice(10)} `), r);
  assert.equal(P.parseReceipt(r.split('').join(' - ')), r);
  throwsCode(() => P.parseReceipt(r.slice(0, 27)), 'malformed');
  throwsCode(() => P.parseReceipt(r + '0'), 'malformed');
  throwsCode(() => P.parseReceipt(''), 'malformed');
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + 'a'), 'malformed');
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + '\u0663'), 'malformed'); // Arabic-Indic digit
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + '\uff13'), 'malformed'); // full-width digit
  throwsCode(() => P.parseReceipt(r.slice(0, 27) + 'O'), 'malformed'); // letter O
});

test('receipts: §4.2 separators (pasted text, phone keyboards) are removed, nothing else is', () => {
  const r = P.generateReceipt();
  // Every listed separator, anywhere (before, inside, after).
  const seps = [' ', '\t', '\r', '\n', '-', '.', '\u00a0', '\u2009', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u202f', '\u2212'];
  assert.deepEqual(P.RECEIPT_SEPARATORS.map((c) => String.fromCodePoint(c)).sort(), [...seps].sort());
  for (const sep of seps) {
    assert.equal(P.parseReceipt(sep + r.slice(0, 9) + sep + sep + r.slice(9) + sep), r, `separator U+${sep.codePointAt(0).toString(16)}`);
  }
  assert.equal(P.parseReceipt(`${P.formatReceipt(r)}\r\n`), r); // pasted from a text file or e-mail
  // Neighbours of the listed characters are not separators.
  for (const c of ['\u000b', '\u000c', '_', '/', ',', '\u2008', '\u200a', '\u2016', '\u2000', '\u3000', '\u2043', '\ufe63', '\uff0d', '\u00ad', '\u200b', '\ufeff']) {
    throwsCode(() => P.parseReceipt(r.slice(0, 14) + c + r.slice(14)), 'malformed', `U+${c.codePointAt(0).toString(16)}`);
  }
  // Input longer than 256 bytes is refused before anything else, even if it would parse.
  const pad = (n) => ' '.repeat(n);
  assert.equal(P.parseReceipt(r + pad(256 - 28)), r);
  throwsCode(() => P.parseReceipt(r + pad(257 - 28)), 'malformed');
  // The limit counts UTF-8 bytes: 76 no-break spaces are 152 bytes (fine), 115 are 230 + 28 = 258 (not).
  assert.equal(P.parseReceipt(r + '\u00a0'.repeat(76)), r);
  throwsCode(() => P.parseReceipt(r + '\u00a0'.repeat(115)), 'malformed');
  throwsCode(() => P.parseReceipt(r + '\u2013'.repeat(77)), 'malformed'); // 28 + 231 = 259 bytes, 105 UTF-16 units
  // A long bad-checksum input is `malformed` (length first), a short one `bad_checksum`.
  const bad = r.slice(0, 27) + ((Number(r[27]) + 1) % 10);
  throwsCode(() => P.parseReceipt(bad), 'bad_checksum');
  throwsCode(() => P.parseReceipt(bad + pad(300)), 'malformed');
  // Bytes in: the UTF-8 the person typed; invalid UTF-8 is malformed; same limit.
  assert.equal(P.parseReceipt(ascii(P.formatReceipt(r))), r);
  assert.equal(P.parseReceipt(P.utf8(r.slice(0, 4) + '\u2013' + r.slice(4))), r);
  throwsCode(() => P.parseReceipt(P.concatBytes(ascii(r), Uint8Array.of(0xc2))), 'malformed');
  throwsCode(() => P.parseReceipt(P.concatBytes(ascii(r), new Uint8Array(229).fill(0x20))), 'malformed');
  throwsCode(() => P.parseReceipt(12), 'malformed');
});

test('receipts: every digit value occurs, and the first 27 are not biased to low digits grossly', () => {
  const counts = new Array(10).fill(0);
  for (let n = 0; n < 400; n++) for (const ch of P.generateReceipt().slice(0, 27)) counts[ch.charCodeAt(0) - 48]++;
  // 10800 digits, expected 1080 each, σ ≈ 31: ±300 is ~10σ, so this fails only on a real bug.
  for (const c of counts) assert.ok(c > 780 && c < 1380, `digit counts ${counts}`);
});

test('receipts: derivation is deterministic, matches the spec formula, sync == async', async () => {
  const receipt = '4821093755201186704399123385'.slice(0, 27);
  const r = receipt + P.dammCheckDigit(receipt);
  const salt = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
  const k = P.deriveReceiptKeys(r, salt);
  const R = P.argon2(ascii(r), salt, 2, 8192);
  assert.deepEqual(k.lookupKey, P.kdf(R, 'dojava/v1/receipt/lookup'));
  assert.deepEqual(k.sourceSecret, P.kdf(R, 'dojava/v1/receipt/x25519'));
  assert.deepEqual(k.sourcePublic, P.x25519Public(k.sourceSecret));
  assert.deepEqual(k.sourceWrap, P.kdf(R, 'dojava/v1/receipt/wrap'));
  assert.notDeepEqual(k.sourceWrap, k.sourceSecret);
  assert.notDeepEqual(k.sourceWrap, k.lookupKey);
  assert.deepEqual(k.lookupHash, P.labeledHash(32, 'dojava/v1/lookup-hash', k.lookupKey));
  assert.deepEqual(P.lookupHash(k.lookupKey), k.lookupHash);
  const k2 = await P.deriveReceiptKeysAsync(r, salt);
  assert.deepEqual(k2, k);
  const k3 = P.deriveReceiptKeys(r, flipped(salt, 0));
  assert.notDeepEqual(k3.lookupKey, k.lookupKey);
  assert.notDeepEqual(k3.sourceWrap, k.sourceWrap);
  throwsCode(() => P.deriveReceiptKeys(P.formatReceipt(r), salt), 'malformed'); // only the canonical form
  throwsCode(() => P.deriveReceiptKeys(r, new Uint8Array(15)), 'malformed');
});

// ------------------------------------------------------------------------------------------------
// §5 keys and key files

test('reviewer and admin keys are domain-separated', () => {
  const S = P.randomBytes(32);
  const rv = P.deriveReviewerKeys(S);
  const ad = P.deriveAdminKeys(S);
  assert.notDeepEqual(rv.edPublic, ad.edPublic);
  assert.notDeepEqual(rv.edSeed, rv.xSecret);
  assert.deepEqual(rv.edSeed, P.kdf(S, 'dojava/v1/reviewer/ed25519'));
  assert.deepEqual(rv.xPublic, P.x25519Public(P.kdf(S, 'dojava/v1/reviewer/x25519')));
  assert.deepEqual(ad.edPublic, P.ed25519Public(P.kdf(S, 'dojava/v1/admin/ed25519')));
});

// Small but in-bounds Argon2id parameters keep the key-file tests fast.
const KF = { t: 1, m: 8192 };

test('key file: round trip, layout, wrong passphrase', () => {
  const seed = P.randomBytes(32);
  const f = P.sealKeyFile(seed, 'correct horse', { ...KF, kind: P.KEY_FILE_KIND_ADMIN });
  assert.equal(f.length, 104);
  assert.equal(toHex(f.subarray(0, 8)), '444a4b4601020100');
  assert.equal(toHex(f.subarray(8, 16)), '0000000100002000');
  const o = P.openKeyFile(f, 'correct horse');
  assert.deepEqual(o.seed, seed);
  assert.equal(o.kind, P.KEY_FILE_KIND_ADMIN);
  throwsCode(() => P.openKeyFile(f, 'correct horse '), 'wrong_passphrase');
  throwsCode(() => P.openKeyFile(f, 'Correct horse'), 'wrong_passphrase');
  throwsCode(() => P.sealKeyFile(seed, '', KF), 'malformed');
  throwsCode(() => P.openKeyFile(f, ''), 'wrong_passphrase');
  throwsCode(() => P.openKeyFile(f, new Uint8Array(0)), 'wrong_passphrase');
  // Passphrases are UTF-8 exactly as entered: NFC and NFD forms are different passphrases.
  const g = P.sealKeyFile(seed, 'Petrovi\u0107', KF);
  assert.deepEqual(P.openKeyFile(g, 'Petrovi\u0107').seed, seed);
  throwsCode(() => P.openKeyFile(g, 'Petrovic\u0301'), 'wrong_passphrase');
});

test('key file: header checks happen before Argon2id', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  const set = (i, v) => {
    const c = f.slice();
    c[i] = v;
    return c;
  };
  throwsCode(() => P.openKeyFile(f.subarray(0, 103), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(P.concatBytes(f, Uint8Array.of(0)), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(0, 0x64), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(4, 2), 'pw'), 'unsupported_version');
  throwsCode(() => P.openKeyFile(set(5, 4), 'pw'), 'malformed'); // kinds are 1, 2, 3
  throwsCode(() => P.openKeyFile(set(6, 2), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(set(7, 1), 'pw'), 'malformed');
  const withTM = (t, m) => P.concatBytes(f.subarray(0, 8), P.u32(t), P.u32(m), f.subarray(16));
  const start = Date.now();
  throwsCode(() => P.openKeyFile(withTM(0, 8192), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(17, 8192), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(1, 8191), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(1, 1048577), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(withTM(0xffffffff, 0xffffffff), 'pw'), 'malformed');
  assert.ok(Date.now() - start < 1000, 'bounds must be checked without running Argon2id');
  // In-bounds but altered t/m: the header is additional data, so the seed does not open.
  throwsCode(() => P.openKeyFile(withTM(2, 8192), 'pw'), 'wrong_passphrase');
  // An empty passphrase is `wrong_passphrase` without Argon2id: with the largest bounds (16 passes over
  // 1 GiB, minutes in JavaScript) it still answers at once. A non-empty one would run Argon2id.
  const heavy = P.concatBytes(f.subarray(0, 8), P.u32(16), P.u32(1048576), f.subarray(16));
  const t0 = Date.now();
  throwsCode(() => P.openKeyFile(heavy, ''), 'wrong_passphrase');
  assert.ok(Date.now() - t0 < 1000, 'an empty passphrase must not run Argon2id');
  // But header checks still come first: an empty passphrase on a bad header is the header's outcome.
  throwsCode(() => P.openKeyFile(set(4, 2), ''), 'unsupported_version');
  throwsCode(() => P.openKeyFile(set(6, 2), ''), 'malformed');
});

test('key file: §5.3 check order — size, magic, version, kdf, reserved, t/m, kind', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  const edit = (edits, len = f.length) => {
    const c = new Uint8Array(len);
    c.set(f.subarray(0, Math.min(len, f.length)));
    for (const [i, v] of edits) c[i] = v;
    return c;
  };
  // The only outcome that differs is the version's, so the order shows where version meets others.
  throwsCode(() => P.openKeyFile(edit([[4, 2]], 103), 'pw'), 'malformed'); // size before version
  throwsCode(() => P.openKeyFile(edit([[4, 2]], 105), 'pw'), 'malformed');
  throwsCode(() => P.openKeyFile(edit([[0, 0x45], [4, 2]]), 'pw'), 'malformed'); // magic before version
  throwsCode(() => P.openKeyFile(edit([[4, 2], [6, 2]]), 'pw'), 'unsupported_version'); // version before kdf
  throwsCode(() => P.openKeyFile(edit([[4, 2], [7, 1]]), 'pw'), 'unsupported_version'); // … reserved
  throwsCode(() => P.openKeyFile(edit([[4, 2], [5, 4]]), 'pw'), 'unsupported_version'); // … kind
  throwsCode(() => P.openKeyFile(edit([[4, 2], [8, 0xff]]), 'pw'), 'unsupported_version'); // … t
  // The rest are all `malformed`; the message names the first failing check.
  const msg = (edits) => {
    try {
      P.openKeyFile(edit(edits), 'pw');
    } catch (e) {
      return e.message;
    }
    return 'success';
  };
  assert.match(msg([[6, 2], [7, 1], [5, 4]]), /kdf/);
  assert.match(msg([[7, 1], [5, 4], [11, 0]]), /reserved/);
  assert.match(msg([[11, 0], [5, 4]]), /: t$/);
  assert.match(msg([[14, 0], [5, 4]]), /: m$/);
  assert.match(msg([[5, 4]]), /kind/);
  assert.match(msg([[5, 0]]), /kind/);
});

test('key file: corruption loop — no single-bit flip anywhere opens', () => {
  const f = P.sealKeyFile(P.randomBytes(32), 'pw', KF);
  for (let i = 0; i < f.length; i++) {
    const r = outcome(() => P.openKeyFile(flipped(f, i, i % 8), 'pw'));
    assert.notEqual(r, 'success', `byte ${i}`);
    assert.ok(['malformed', 'unsupported_version', 'wrong_passphrase'].includes(r), `byte ${i}: ${r}`);
  }
});

// ------------------------------------------------------------------------------------------------
// §6 roster

function makeInstance(n = 3) {
  const admin = P.deriveAdminKeys(P.randomBytes(32));
  const instanceId = P.randomBytes(16);
  const entries = [];
  for (let i = 0; i < n; i++) {
    const k = P.deriveReviewerKeys(P.randomBytes(32));
    entries.push({ reviewerId: P.randomBytes(16), ed25519: k.edPublic, x25519: k.xPublic, name: `Reviewer ${i} Ђурђевић`, keys: k });
  }
  return { admin, instanceId, entries };
}

test('roster: sign, verify, digest, rollback', () => {
  const { admin, instanceId, entries } = makeInstance(3);
  const r5 = P.signRoster({ instanceId, version: 5, entries }, admin.edSeed);
  const v = P.verifyRoster(r5, admin.edPublic, instanceId);
  assert.equal(v.version, 5n);
  assert.equal(v.entries.length, 3);
  assert.deepEqual(v.digest, P.labeledHash(32, 'dojava/v1/roster', r5));
  const sorted = [...entries].sort((a, b) => (toHex(a.reviewerId) < toHex(b.reviewerId) ? -1 : 1));
  v.entries.forEach((e, i) => assert.equal(e.name, sorted[i].name));
  // Rollback rules.
  const seen = { version: 5n, digest: v.digest };
  assert.equal(P.verifyRoster(r5, admin.edPublic, instanceId, seen).version, 5n); // same roster again
  const r6 = P.signRoster({ instanceId, version: 6, entries }, admin.edSeed);
  assert.equal(P.verifyRoster(r6, admin.edPublic, instanceId, seen).version, 6n);
  const r4 = P.signRoster({ instanceId, version: 4, entries }, admin.edSeed);
  throwsCode(() => P.verifyRoster(r4, admin.edPublic, instanceId, seen), 'rollback');
  const fork = P.signRoster({ instanceId, version: 5, entries: entries.slice(1) }, admin.edSeed);
  throwsCode(() => P.verifyRoster(fork, admin.edPublic, instanceId, seen), 'rollback');
  // Large u64 versions survive (no float rounding).
  const big = P.signRoster({ instanceId, version: (1n << 64n) - 1n, entries }, admin.edSeed);
  assert.equal(P.verifyRoster(big, admin.edPublic, instanceId).version, (1n << 64n) - 1n);
  throwsCode(() => P.verifyRoster(r6, admin.edPublic, instanceId, { version: (1n << 63n), digest: v.digest }), 'rollback');
});

test('roster: content rules (each validly signed, each malformed)', () => {
  const { admin, instanceId, entries } = makeInstance(2);
  const bad = (mut, code = 'malformed') => {
    const es = entries.map((e) => ({ ...e }));
    const opts = { instanceId, version: 1, entries: es };
    mut(es, opts);
    throwsCode(() => P.verifyRoster(P.signRoster(opts, admin.edSeed), admin.edPublic, instanceId), code);
  };
  bad((es) => (es[1].ed25519 = es[0].ed25519));
  bad((es) => (es[1].x25519 = es[0].x25519));
  bad((es) => (es[1].name = es[0].name));
  bad((es) => (es[1].reviewerId = es[0].reviewerId)); // not strictly ascending
  bad((es) => (es[0].name = 'tab\there'));
  bad((es) => (es[0].name = 'C1 \u0085'));
  bad((es) => (es[0].name = 'del \u007f'));
  bad((es) => (es[0].name = Uint8Array.of(0xc0, 0xaf))); // overlong '/'
  bad((es) => (es[0].name = Uint8Array.of(0xed, 0xa0, 0x80))); // surrogate
  bad((es) => (es[0].name = Uint8Array.of(0x41, 0xe2, 0x82))); // truncated sequence
  bad((es, o) => (o.version = 0));
  bad((es, o) => (o.instanceId = P.randomBytes(16)));
  // §6 (updated): no invisible or bidirectional formatting characters, no space at either end.
  for (const c of ['\u00ad', '\u061c', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029',
    '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\u206f', '\ufeff',
    '\ufff9', '\ufffa', '\ufffb']) {
    bad((es) => (es[0].name = `Ana${c}Petrović`));
  }
  bad((es) => (es[0].name = '\ufeffΑθηνά')); // a leading BOM is kept by the decoder, then refused
  bad((es) => (es[0].name = ' Ana'));
  bad((es) => (es[0].name = 'Ana '));
  bad((es) => (es[0].name = ' '));
  // Look-alikes: every space but U+0020, fillers, variation selectors, tags, double spaces.
  for (const name of ['Ana\u00a0', '\u00a0Ana', 'A\u034fna', 'Ana\ufe0f', 'A  na', '\u3164', 'Ana\u{e0001}', 'a\u2000b',
    'a\u200ab', 'a\u202fb', 'a\u205fb', 'a\u3000b', 'a\u2800b', 'a\uffa0b', 'a\u115fb', 'a\u17b4b', 'a\u180db']) {
    bad((es) => (es[0].name = name));
  }
  // Not malformed: inner spaces, non-Latin scripts, neighbours of the forbidden ranges.
  for (const name of ['Ана Петровић', 'Αθηνά', 'a\u00aeb', 'a\u061bb', 'a\u180ab', 'a\u2027b', 'a\u2030b',
    'a\u2070b', 'a\ufefeb', 'a\ufff8b', 'a\ufffcb', 'a\u2801b', 'a\ufe10b', '\u{1f600}']) {
    const ok = entries.map((e) => ({ ...e }));
    ok[0].name = name;
    const r = P.verifyRoster(P.signRoster({ instanceId, version: 1, entries: ok }, admin.edSeed), admin.edPublic, instanceId);
    assert.ok(r.entries.some((e) => e.name === name), JSON.stringify(name));
  }
});

// Small-order Ed25519 points (canonical encodings) and an order-8 point T.
const ED_SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
  '0000000000000000000000000000000000000000000000000000000000000000', // order 4
  '0000000000000000000000000000000000000000000000000000000000000080', // order 4
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85', // order 8
];
// Low-order X25519 u-coordinates, canonical and not (libsodium's blacklist).
const X_LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

test('roster: keys must be valid points (§6 step 3)', () => {
  for (const h of ED_SMALL_ORDER) assert.equal(P.isValidEd25519Point(hex(h)), false, h);
  const good = P.deriveReviewerKeys(P.randomBytes(32));
  assert.equal(P.isValidEd25519Point(good.edPublic), true);
  // Mixed order (a valid key plus an order-8 point): on the curve, not small order, not in the subgroup.
  const T = ed25519.Point.fromBytes(hex(ED_SMALL_ORDER[4]));
  const mixed = ed25519.Point.fromBytes(good.edPublic).add(T).toBytes();
  assert.equal(P.isValidEd25519Point(mixed), false);
  // Non-canonical: y ≥ p (y = p + 3) and not on the curve (y = 2 has no x).
  assert.equal(P.isValidEd25519Point(hex('f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')), false);
  assert.equal(P.isValidEd25519Point(hex('0200000000000000000000000000000000000000000000000000000000000000')), false);
  for (const h of X_LOW_ORDER) {
    assert.equal(P.isLowOrderX25519(hex(h)), true, h);
    // With the top bit set (ignored by X25519), still low order.
    const t = hex(h);
    t[31] |= 0x80;
    assert.equal(P.isLowOrderX25519(t), true, `${h} | 0x80`);
  }
  assert.equal(P.isLowOrderX25519(good.xPublic), false);
  assert.equal(P.isLowOrderX25519(hex('0900000000000000000000000000000000000000000000000000000000000000')), false);

  const { admin, instanceId, entries } = makeInstance(2);
  const bad = (mut) => {
    const es = entries.map((e) => ({ ...e }));
    mut(es);
    throwsCode(() => P.verifyRoster(P.signRoster({ instanceId, version: 1, entries: es }, admin.edSeed), admin.edPublic, instanceId), 'malformed');
  };
  for (const h of ED_SMALL_ORDER) bad((es) => (es[0].ed25519 = hex(h)));
  bad((es) => (es[0].ed25519 = ed25519.Point.fromBytes(es[0].ed25519).add(T).toBytes()));
  for (const h of X_LOW_ORDER) bad((es) => (es[1].x25519 = hex(h)));
});

test('roster: structure limits', () => {
  const { admin, instanceId, entries } = makeInstance(1);
  const good = P.signRoster({ instanceId, version: 1, entries }, admin.edSeed);
  throwsCode(() => P.verifyRoster(new Uint8Array(0), admin.edPublic, instanceId), 'malformed');
  throwsCode(() => P.verifyRoster(flipped(good, 0, 1), admin.edPublic, instanceId), 'unsupported_version');
  // name_len 0 and 65, n = 1001 (hand-built: signRoster refuses them).
  const body = good.subarray(0, good.length - 64);
  const withNameLen = (len) => {
    const b = P.concatBytes(body.subarray(0, 27 + 80), Uint8Array.of(len), new Uint8Array(len).fill(0x61));
    return P.concatBytes(b, P.sign(admin.edSeed, 'dojava/v1/roster', b));
  };
  assert.equal(P.verifyRoster(withNameLen(64), admin.edPublic, instanceId).entries[0].name, 'a'.repeat(64));
  throwsCode(() => P.verifyRoster(withNameLen(0), admin.edPublic, instanceId), 'malformed');
  throwsCode(() => P.verifyRoster(withNameLen(65), admin.edPublic, instanceId), 'malformed');
  const n1001 = P.concatBytes(body.subarray(0, 25), P.u16(1001), new Uint8Array(64));
  throwsCode(() => P.verifyRoster(n1001, admin.edPublic, instanceId), 'malformed');
  const r0 = P.signRoster({ instanceId, version: 1, entries: [] }, admin.edSeed);
  assert.equal(r0.length, 27 + 64);
  assert.equal(P.verifyRoster(r0, admin.edPublic, instanceId).entries.length, 0);
});

test('roster: corruption loop — every single-bit flip is refused', () => {
  const { admin, instanceId, entries } = makeInstance(2);
  const good = P.signRoster({ instanceId, version: 3, entries }, admin.edSeed);
  for (let i = 0; i < good.length; i++) {
    const r = outcome(() => P.verifyRoster(flipped(good, i, (i * 3) % 8), admin.edPublic, instanceId));
    assert.ok(['malformed', 'unsupported_version', 'bad_signature'].includes(r), `byte ${i}: ${r}`);
  }
  // Truncations at every length are malformed or unsupported, never accepted.
  for (let n = 0; n < good.length; n++) assert.notEqual(outcome(() => P.verifyRoster(good.subarray(0, n), admin.edPublic, instanceId)), 'success');
});

// ------------------------------------------------------------------------------------------------
// §7 sealed keys

test('sealed keys: round trip, binding to role, case and recipient', () => {
  const rec = P.deriveReviewerKeys(P.randomBytes(32));
  const other = P.deriveReviewerKeys(P.randomBytes(32));
  const caseId = P.randomBytes(16);
  for (const role of [P.ROLE_CK, P.ROLE_NK]) {
    const key = P.randomBytes(32);
    const s = P.sealKey(key, rec.xPublic, role, caseId);
    assert.equal(s.length, 82);
    assert.equal(s[0], 1);
    assert.equal(s[1], role);
    assert.deepEqual(P.openSealedKey(s, rec.xSecret, role, caseId), key);
    // Fresh ephemeral every time: sealing twice gives different records.
    assert.notDeepEqual(P.sealKey(key, rec.xPublic, role, caseId), s);
    throwsCode(() => P.openSealedKey(s, rec.xSecret, 3 - role, caseId), 'malformed');
    throwsCode(() => P.openSealedKey(s, rec.xSecret, role, P.randomBytes(16)), 'decrypt_failed');
    throwsCode(() => P.openSealedKey(s, other.xSecret, role, caseId), 'decrypt_failed');
    const relabelled = s.slice();
    relabelled[1] = 3 - role;
    throwsCode(() => P.openSealedKey(relabelled, rec.xSecret, 3 - role, caseId), 'decrypt_failed');
    throwsCode(() => P.openSealedKey(s.subarray(0, 81), rec.xSecret, role, caseId), 'malformed');
    throwsCode(() => P.openSealedKey(P.concatBytes(s, Uint8Array.of(0)), rec.xSecret, role, caseId), 'malformed');
    // §7 (updated): the version before the size; an empty record is malformed.
    const v2 = s.slice();
    v2[0] = 2;
    throwsCode(() => P.openSealedKey(v2.subarray(0, 2), rec.xSecret, role, caseId), 'unsupported_version');
    throwsCode(() => P.openSealedKey(P.concatBytes(v2, Uint8Array.of(0)), rec.xSecret, role, caseId), 'unsupported_version');
    throwsCode(() => P.openSealedKey(new Uint8Array(0), rec.xSecret, role, caseId), 'malformed');
  }
  throwsCode(() => P.sealKey(P.randomBytes(32), new Uint8Array(32), P.ROLE_CK, caseId), 'decrypt_failed');
});

test('sealed keys: corruption loop — every bit of the record', () => {
  const rec = P.deriveReviewerKeys(P.randomBytes(32));
  const caseId = P.randomBytes(16);
  const s = P.sealKey(P.randomBytes(32), rec.xPublic, P.ROLE_CK, caseId);
  for (let i = 0; i < s.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const r = outcome(() => P.openSealedKey(flipped(s, i, bit), rec.xSecret, P.ROLE_CK, caseId));
      // The top bit of epk's last byte is ignored by X25519 (RFC 7748 masks it), but epk is hashed into
      // the sealing key, so even that flip fails to open.
      const want = i === 0 ? 'unsupported_version' : i === 1 ? 'malformed' : 'decrypt_failed';
      assert.equal(r, want, `byte ${i} bit ${bit}`);
    }
  }
});

// ------------------------------------------------------------------------------------------------
// §7.1 the source's wrapped case key

test('wrapped source keys: round trip, binding to source_wrap, role and case', () => {
  const wrap = P.randomBytes(32);
  const otherWrap = P.randomBytes(32);
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const w = P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId);
  assert.equal(w.length, P.SEALED_KEY_BYTES); // the API and the store hold it like a sealed key
  assert.equal(w[0], 1);
  assert.equal(w[1], P.ROLE_CK);
  assert.deepEqual(P.openSourceKey(w, wrap, P.ROLE_CK, caseId), ck);
  // Fresh r every time.
  assert.notDeepEqual(P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId).subarray(2, 34), w.subarray(2, 34));
  throwsCode(() => P.openSourceKey(w, otherWrap, P.ROLE_CK, caseId), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(w, wrap, P.ROLE_CK, P.randomBytes(16)), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(w, wrap, P.ROLE_NK, caseId), 'malformed');
  const relabelled = w.slice();
  relabelled[1] = P.ROLE_NK;
  throwsCode(() => P.openSourceKey(relabelled, wrap, P.ROLE_NK, caseId), 'decrypt_failed');
  throwsCode(() => P.openSourceKey(new Uint8Array(0), wrap, P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.openSourceKey(Uint8Array.of(2, 1), wrap, P.ROLE_CK, caseId), 'unsupported_version');
  throwsCode(() => P.wrapSourceKey(P.randomBytes(31), wrap, P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.wrapSourceKey(ck, P.randomBytes(31), P.ROLE_CK, caseId), 'malformed');
  throwsCode(() => P.wrapSourceKey(ck, wrap, 3, caseId), 'malformed');
  throwsCode(() => P.openSourceKey(w, P.randomBytes(33), P.ROLE_CK, caseId), 'malformed');
  // An explicit r is deterministic (vectors only).
  const r = P.randomBytes(32);
  assert.deepEqual(P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId, { random: r }), P.wrapSourceKey(ck, wrap, P.ROLE_CK, caseId, { random: r }));
});

// H1: source_pk is public (the server stores it), so a compromised server can seal a CK' of its own to it
// the §7 way and put it in the source's place. The old code opened it; the source must now refuse it.
test('wrapped source keys: a key a server sealed to source_pk is refused', () => {
  const keys = P.deriveReceiptKeys(P.generateReceipt(), P.randomBytes(16));
  const caseId = P.randomBytes(16);
  const forged = P.sealKey(P.randomBytes(32), keys.sourcePublic, P.ROLE_CK, caseId);
  assert.equal(forged.length, P.WRAPPED_KEY_BYTES);
  assert.equal(P.openSealedKey(forged, keys.sourceSecret, P.ROLE_CK, caseId).length, 32); // the attack, the old way
  throwsCode(() => P.openSourceKey(forged, keys.sourceWrap, P.ROLE_CK, caseId), 'decrypt_failed');
  // Nor does a key wrapped with what the server knows (source_pk) in place of source_wrap.
  const guessed = P.wrapSourceKey(P.randomBytes(32), keys.sourcePublic, P.ROLE_CK, caseId);
  throwsCode(() => P.openSourceKey(guessed, keys.sourceWrap, P.ROLE_CK, caseId), 'decrypt_failed');
});

test('wrapped source keys: corruption loop — every bit flipped, every truncation, extensions', () => {
  const wrap = P.randomBytes(32);
  const caseId = P.randomBytes(16);
  const w = P.wrapSourceKey(P.randomBytes(32), wrap, P.ROLE_CK, caseId);
  for (let i = 0; i < w.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const r = outcome(() => P.openSourceKey(flipped(w, i, bit), wrap, P.ROLE_CK, caseId));
      const want = i === 0 ? 'unsupported_version' : i === 1 ? 'malformed' : 'decrypt_failed';
      assert.equal(r, want, `byte ${i} bit ${bit}`);
    }
  }
  for (let n = 0; n < w.length; n++) assert.equal(outcome(() => P.openSourceKey(w.subarray(0, n), wrap, P.ROLE_CK, caseId)), 'malformed', `first ${n} bytes`);
  for (let extra = 1; extra <= 3; extra++) assert.equal(outcome(() => P.openSourceKey(P.concatBytes(w, new Uint8Array(extra)), wrap, P.ROLE_CK, caseId)), 'malformed');
});

// ------------------------------------------------------------------------------------------------
// §8 messages

function msgSetup() {
  const caseId = P.randomBytes(16);
  const ck = P.randomBytes(32);
  const nk = P.randomBytes(32);
  const rv = P.deriveReviewerKeys(P.randomBytes(32));
  const reviewerId = P.randomBytes(16);
  const reviewers = [{ reviewerId, ed25519: rv.edPublic }];
  return { caseId, ck, nk, rv, reviewerId, reviewers, author: { reviewerId, edSeed: rv.edSeed } };
}

test('messages: bucket function and boundaries', () => {
  assert.deepEqual(P.BUCKETS, [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288]);
  assert.equal(P.bucket(0), 512);
  assert.equal(P.bucket(512), 512);
  assert.equal(P.bucket(513), 1024);
  assert.equal(P.bucket(524288), 524288);
  assert.equal(P.bucket(524289), -1);
  const { caseId, ck } = msgSetup();
  // Source: inner = 1 + body; 4 + 1 + body.length = 512 exactly at body 507.
  for (const [len, size] of [[0, 512], [507, 512], [508, 1024], [524283, 524288]]) {
    const rec = P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(len).fill(7) });
    assert.equal(rec.length, 58 + size + 16, `body ${len}`);
    const m = P.decryptMessage(rec, { caseId, caseKey: ck, reviewers: [] });
    assert.equal(m.paddedSize, size);
    assert.equal(m.body.length, len);
  }
  throwsCode(() => P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524284) }), 'malformed');
  // §11 MaxBodySize: 524283 for the source, 524203 for a reviewer (signed: 16 + 64 bytes more inner).
  assert.equal(P.MAX_BODY_SOURCE, 524283);
  assert.equal(P.MAX_BODY_REVIEWER, 524203);
  const rv = P.deriveReviewerKeys(P.randomBytes(32));
  const author = { reviewerId: P.randomBytes(16), edSeed: rv.edSeed };
  const full = P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524203), author });
  assert.equal(full.length, 58 + 524288 + 16);
  throwsCode(() => P.encryptMessage({ kind: 1, caseId, key: ck, body: new Uint8Array(524204), author }), 'malformed');
  // 100,000 characters of 4-byte UTF-8 text fit, with room for the JSON around them.
  const text = JSON.stringify({ type: 'message', text: '\u{1f600}'.repeat(100000), files: [] });
  assert.ok(P.utf8(text).length <= P.MAX_BODY_REVIEWER);
});

test('messages: source, reviewer reply and notes event round trips', () => {
  const s = msgSetup();
  const body = ascii('{"type":"message","text":"Здраво"}');
  const src = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body });
  const m0 = P.decryptMessage(src, { caseId: s.caseId, caseKey: s.ck, reviewers: [] });
  assert.equal(m0.author, 0);
  assert.equal(m0.reviewerId, null);
  assert.deepEqual(m0.body, body);
  const reply = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body, author: s.author });
  const m1 = P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers });
  assert.equal(m1.author, 1);
  assert.deepEqual(m1.reviewerId, s.reviewerId);
  const note = P.encryptMessage({ kind: 2, caseId: s.caseId, key: s.nk, body: ascii('{"type":"status","status":"triage"}'), author: s.author });
  const m2 = P.decryptMessage(note, { caseId: s.caseId, caseKey: s.ck, notesKey: s.nk, reviewers: (id) => (P.equalBytes(id, s.reviewerId) ? s.rv.edPublic : null) });
  assert.equal(m2.kind, 2);
  // The source holds no NK: a notes record cannot be opened by it.
  throwsCode(() => P.decryptMessage(note, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers }), 'decrypt_failed');
  // Notes must be signed.
  throwsCode(() => P.encryptMessage({ kind: 2, caseId: s.caseId, key: s.nk, body }), 'malformed');
  // Unknown author, and a known author whose key does not match.
  throwsCode(() => P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: [] }), 'unknown_author');
  const impostor = [{ reviewerId: s.reviewerId, ed25519: P.deriveReviewerKeys(P.randomBytes(32)).edPublic }];
  throwsCode(() => P.decryptMessage(reply, { caseId: s.caseId, caseKey: s.ck, reviewers: impostor }), 'bad_signature');
  // Same plaintext, other case: wrong case id is malformed before any decryption.
  throwsCode(() => P.decryptMessage(reply, { caseId: P.randomBytes(16), caseKey: s.ck, reviewers: s.reviewers }), 'malformed');
});

test('messages: padding checks after decryption', () => {
  const s = msgSetup();
  const build = (padded, kind = 1) => {
    const nonce = P.randomBytes(24);
    const header = P.concatBytes(Uint8Array.of(1, kind), s.caseId, P.randomBytes(16), nonce);
    return P.concatBytes(header, P.aeadEncrypt(s.ck, nonce, P.concatBytes(P.L('dojava/v1/message'), header), padded));
  };
  const open = (rec) => P.decryptMessage(rec, { caseId: s.caseId, caseKey: s.ck, reviewers: s.reviewers });
  const padded = new Uint8Array(512);
  padded.set(P.u32(3), 0);
  padded.set([0, 0x41, 0x42], 4);
  assert.deepEqual(open(build(padded)).body, ascii('AB'));
  const p1 = padded.slice();
  p1[511] = 1;
  throwsCode(() => open(build(p1)), 'malformed');
  const p2 = padded.slice();
  p2.set(P.u32(509), 0);
  throwsCode(() => open(build(p2)), 'malformed');
  const p3 = padded.slice();
  p3.set(P.u32(508), 0);
  assert.equal(open(build(p3)).body.length, 507); // exactly fills the bucket
  const p4 = padded.slice();
  p4.set(P.u32(0), 0);
  p4[4] = 0;
  throwsCode(() => open(build(p4)), 'malformed'); // no author byte
  const p5 = padded.slice();
  p5[4] = 2;
  throwsCode(() => open(build(p5)), 'malformed'); // author 2
  const p6 = padded.slice();
  p6.set(P.u32(80), 0);
  p6[4] = 1;
  throwsCode(() => open(build(p6)), 'malformed'); // author 1 without room for id and signature
  // §8.2 (updated): the padded length must be the smallest bucket that fits.
  const big = new Uint8Array(1024);
  big.set(P.u32(1), 0);
  throwsCode(() => open(build(big)), 'malformed');
  const edge = new Uint8Array(1024);
  edge.set(P.u32(509), 0); // 4 + 509 = 513 > 512: 1024 is the smallest bucket
  assert.equal(open(build(edge)).paddedSize, 1024);
  const edge2 = new Uint8Array(1024);
  edge2.set(P.u32(508), 0); // 4 + 508 = 512 fits the 512 bucket
  throwsCode(() => open(build(edge2)), 'malformed');
  // len(inner) = 0 is refused by §8.2 itself (1 ≤ len(inner)).
  const empty = new Uint8Array(512);
  throwsCode(() => open(build(empty)), 'malformed');
  assert.equal(P.unpad(P.pad(Uint8Array.of(0))).length, 1);
  throwsCode(() => P.unpad(new Uint8Array(512)), 'malformed');
});

test('messages: header checks precede decryption', () => {
  const s = msgSetup();
  const rec = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body: ascii('x') });
  const open = (r, key = s.ck) => P.decryptMessage(r, { caseId: s.caseId, caseKey: key, notesKey: key, reviewers: [] });
  throwsCode(() => open(rec.subarray(0, 73)), 'malformed');
  throwsCode(() => open(rec.subarray(0, rec.length - 1)), 'malformed');
  throwsCode(() => open(P.concatBytes(rec, Uint8Array.of(0))), 'malformed');
  const v2 = rec.slice();
  v2[0] = 2;
  throwsCode(() => open(v2), 'unsupported_version');
  // §1/§8.1: the version before the length; an empty record is malformed.
  throwsCode(() => open(v2.subarray(0, 1)), 'unsupported_version');
  throwsCode(() => open(v2.subarray(0, 73)), 'unsupported_version');
  throwsCode(() => open(new Uint8Array(0)), 'malformed');
  throwsCode(() => open(rec.subarray(0, 1)), 'malformed');
  for (const k of [0, 3, 255]) {
    const c = rec.slice();
    c[1] = k;
    throwsCode(() => open(c), 'malformed');
  }
});

test('messages: corruption loop — every byte of a signed record', () => {
  const s = msgSetup();
  const rec = P.encryptMessage({ kind: 1, caseId: s.caseId, key: s.ck, body: ascii('corrupt me'), author: s.author });
  for (let i = 0; i < rec.length; i++) {
    const r = outcome(() => P.decryptMessage(flipped(rec, i, i % 8), { caseId: s.caseId, caseKey: s.ck, notesKey: s.nk, reviewers: s.reviewers }));
    let want = 'decrypt_failed';
    if (i === 0) want = 'unsupported_version';
    else if (i === 1) want = (1 ^ (1 << (i % 8))) === 2 ? 'decrypt_failed' : 'malformed';
    else if (i < 18) want = 'malformed';
    assert.equal(r, want, `byte ${i}`);
  }
});

// ------------------------------------------------------------------------------------------------
// §9 attachments

const CS = P.CHUNK_PLAIN_BYTES;

test('chunks: count formula', () => {
  assert.equal(P.chunkCount(0), 1);
  assert.equal(P.chunkCount(1), 1);
  assert.equal(P.chunkCount(CS - 1), 1);
  assert.equal(P.chunkCount(CS), 2);
  assert.equal(P.chunkCount(2 * CS + 5), 3);
  assert.equal(P.chunkCount(2 * 1024 ** 3), 4097);
});

test('chunks: round trips at the size edges, deterministic re-encryption', () => {
  const secrets = P.newFileSecrets();
  for (const size of [0, 1, CS - 1, CS, CS + 1, 2 * CS]) {
    const data = P.randomBytes(size);
    const recs = P.encryptFile(secrets, data);
    assert.equal(recs.length, P.chunkCount(size));
    for (const r of recs) assert.equal(r.length, P.CHUNK_RECORD_BYTES);
    assert.deepEqual(P.decryptChunks(secrets, recs), data, `size ${size}`);
    // Chunk n re-encrypted gives the same bytes (resumable uploads).
    assert.deepEqual(P.encryptFile(secrets, data)[recs.length - 1], recs[recs.length - 1]);
    // Random access with a known count.
    const last = recs.length - 1;
    assert.deepEqual(P.decryptChunk(secrets, last, recs[last], true), data.subarray(last * CS));
  }
});

test('chunks: record layout follows §9.2 exactly', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(10);
  const [rec] = P.encryptFile(secrets, data);
  const nonce = P.concatBytes(secrets.noncePrefix, P.u32(0));
  const ad = P.concatBytes(P.L('dojava/v1/chunk'), Uint8Array.of(1), secrets.fileId, P.u32(0), Uint8Array.of(1));
  const block = P.aeadDecrypt(secrets.fileKey, nonce, ad, rec.subarray(1));
  assert.equal(rec[0], 1);
  assert.deepEqual(block.subarray(0, 10), data);
  assert.equal(block[10], 0x80);
  assert.ok(block.subarray(11).every((b) => b === 0));
});

test('chunks: truncated, extended, reordered, duplicated, foreign, flipped', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(2 * CS + 100);
  const recs = P.encryptFile(secrets, data);
  assert.equal(recs.length, 3);
  const run = (list) => outcome(() => P.decryptChunks(secrets, list));
  assert.equal(run(recs), 'success');
  assert.equal(run([]), 'truncated');
  assert.equal(run(recs.slice(0, 2)), 'truncated');
  assert.equal(run(recs.slice(0, 1)), 'truncated');
  assert.equal(run([...recs, recs[2]]), 'extended');
  assert.equal(run([...recs, P.randomBytes(P.CHUNK_RECORD_BYTES)]), 'extended');
  assert.equal(run([recs[1], recs[0], recs[2]]), 'decrypt_failed');
  assert.equal(run([recs[0], recs[0], recs[1], recs[2]]), 'decrypt_failed');
  assert.equal(run([recs[0], recs[2]]), 'decrypt_failed');
  const other = P.encryptFile(P.newFileSecrets(), data);
  assert.equal(run([recs[0], other[1], recs[2]]), 'decrypt_failed');
  const sameKeyOtherId = { ...secrets, fileId: P.randomBytes(16) };
  assert.equal(outcome(() => P.decryptChunks(sameKeyOtherId, recs)), 'decrypt_failed');
  assert.equal(run([recs[0], recs[1].subarray(0, P.CHUNK_RECORD_BYTES - 1), recs[2]]), 'malformed');
  const v2 = recs[1].slice();
  v2[0] = 2;
  assert.equal(run([recs[0], v2, recs[2]]), 'unsupported_version');
  // §1: the version before the size (a short record with version 2 is unsupported_version).
  assert.equal(run([recs[0], v2.subarray(0, 10)]), 'unsupported_version');
  assert.equal(run([v2.subarray(0, 1)]), 'unsupported_version');
  assert.equal(run([recs[0], new Uint8Array(0)]), 'malformed');
  for (const pos of [1, 1000, P.CHUNK_RECORD_BYTES - 17, P.CHUNK_RECORD_BYTES - 1]) {
    assert.equal(run([recs[0], recs[1], flipped(recs[2], pos)]), 'decrypt_failed', `last chunk byte ${pos}`);
    assert.equal(run([recs[0], flipped(recs[1], pos), recs[2]]), 'decrypt_failed', `middle chunk byte ${pos}`);
  }
});

test('chunks: streaming decryptor emits with one chunk of look-ahead and dies after an error', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(CS + 3);
  const recs = P.encryptFile(secrets, data);
  const d = new P.ChunkStreamDecryptor(secrets);
  assert.equal(d.push(recs[0]), null);
  assert.deepEqual(d.push(recs[1]), data.subarray(0, CS));
  assert.deepEqual(d.finish(), data.subarray(CS));
  throwsCode(() => d.push(recs[1]), 'extended');
  const e = new P.ChunkStreamDecryptor(secrets);
  e.push(recs[1]);
  // Index 0 holds what is really chunk 1 (the last): it opens neither as a middle nor as a last chunk 0.
  throwsCode(() => e.push(recs[0]), 'decrypt_failed');
  throwsCode(() => e.finish(), 'malformed'); // dead after an error
  // Any data after the chunk that opened as last is `extended`, even bytes that are not a record.
  const x = new P.ChunkStreamDecryptor(secrets);
  x.push(recs[0]);
  x.push(recs[1]);
  throwsCode(() => x.push(new Uint8Array(1)), 'extended');
});

test('chunks: a byte stream cut anywhere gives the same outcomes as whole records', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(2 * CS + 77);
  const recs = P.encryptFile(secrets, data);
  const cuts = [1, 7, 4096, CS, P.CHUNK_RECORD_BYTES, P.CHUNK_RECORD_BYTES + 1, 3 * P.CHUNK_RECORD_BYTES];
  const runBytes = (parts, n, ref) => {
    const all = P.concatBytes(...parts);
    const slices = [];
    for (let o = 0; o < all.length; o += n) slices.push(all.subarray(o, o + n));
    return P.decryptChunkStream(secrets, slices, ref);
  };
  const outcomeBytes = (parts, n, ref) => outcome(() => runBytes(parts, n, ref));
  for (const n of cuts) {
    const r = runBytes(recs, n);
    assert.deepEqual(r.plaintext, data, `slice ${n}`);
    assert.equal(r.chunks, 3);
    assert.equal(r.size, data.length);
    assert.equal(outcomeBytes(recs, n, { chunks: 3, size: data.length }), 'success');
    assert.equal(outcomeBytes([], n), 'truncated');
    assert.equal(outcomeBytes(recs.slice(0, 2), n), 'truncated');
    assert.equal(outcomeBytes([...recs, Uint8Array.of(0)], n), 'extended'); // even a byte whose "version" is 0
    assert.equal(outcomeBytes([...recs, recs[2]], n), 'extended');
    assert.equal(outcomeBytes([recs[0], recs[1].subarray(0, 1000)], n), 'malformed'); // cut inside a record
    assert.equal(outcomeBytes([recs[0], recs[1], recs[2].subarray(0, P.CHUNK_RECORD_BYTES - 1)], n), 'malformed');
    const v2 = recs[1].slice();
    v2[0] = 2;
    assert.equal(outcomeBytes([recs[0], v2.subarray(0, 10)], n), 'unsupported_version');
    assert.equal(outcomeBytes([recs[1], recs[0], recs[2]], n), 'decrypt_failed');
  }
  // Plaintext is released only after the chunk authenticated, one record behind the input.
  const d = new P.ChunkStreamDecryptor(secrets);
  assert.deepEqual(d.write(recs[0]), []);
  assert.deepEqual(d.write(recs[1].subarray(0, 1)), [data.subarray(0, CS)]);
  assert.throws(() => d.push(recs[2]), /cannot be mixed/);
});

test('chunks: the file reference (§11) must match what the stream delivered', () => {
  const secrets = P.newFileSecrets();
  const data = P.randomBytes(CS + 5);
  const recs = P.encryptFile(secrets, data);
  assert.deepEqual(P.decryptChunks(secrets, recs, { chunks: 2, size: CS + 5 }), data);
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 3, size: CS + 5 })), 'malformed');
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 2, size: CS + 4 })), 'malformed');
  assert.equal(outcome(() => P.decryptChunks(secrets, recs, { chunks: 2, size: -1 })), 'malformed');
  // Stream outcomes come first: a truncated stream is `truncated`, whatever the reference says.
  assert.equal(outcome(() => P.decryptChunks(secrets, recs.slice(0, 1), { chunks: 2, size: CS + 5 })), 'truncated');
});

test('chunks: more than 2^20 records is malformed', () => {
  const secrets = P.newFileSecrets();
  const max = P.CHUNK_MAX_COUNT;
  // Building 2^20 records is 512 GiB; start the decryptor at the last allowed index instead (internal).
  const d = new P.ChunkStreamDecryptor(secrets);
  d._index = max - 1;
  const middle = P.encryptChunk(secrets, max - 1, new Uint8Array(CS), false);
  assert.equal(d.push(middle), null);
  throwsCode(() => d.push(middle), 'malformed');
  // Index 2^20 − 1 as the last chunk is fine.
  const e = new P.ChunkStreamDecryptor(secrets);
  e._index = max - 1;
  e.push(P.encryptChunk(secrets, max - 1, Uint8Array.of(1, 2), true));
  assert.deepEqual(e.finish(), Uint8Array.of(1, 2));
});

test('chunks: last-chunk padding must be 0x80 then zeros', () => {
  const secrets = P.newFileSecrets();
  const seal = (block) =>
    P.concatBytes(
      Uint8Array.of(1),
      P.aeadEncrypt(secrets.fileKey, P.concatBytes(secrets.noncePrefix, P.u32(0)), P.concatBytes(P.L('dojava/v1/chunk'), Uint8Array.of(1), secrets.fileId, P.u32(0), Uint8Array.of(1)), block),
    );
  const zero = new Uint8Array(CS);
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(zero)])), 'malformed'); // no marker at all
  const b1 = zero.slice();
  b1[5] = 0x80;
  b1[CS - 1] = 1;
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(b1)])), 'malformed'); // junk after marker
  const b2 = zero.slice();
  b2[5] = 0x81;
  assert.equal(outcome(() => P.decryptChunks(secrets, [seal(b2)])), 'malformed'); // wrong marker
  const b3 = zero.slice();
  b3[CS - 1] = 0x80;
  assert.equal(P.decryptChunks(secrets, [seal(b3)]).length, CS - 1); // fullest possible last chunk
  const b4 = zero.slice();
  b4[0] = 0x80;
  assert.equal(P.decryptChunks(secrets, [seal(b4)]).length, 0); // the empty file
});

// ------------------------------------------------------------------------------------------------
// §10 login

test('login: round trip and binding to instance, reviewer and challenge', () => {
  const k = P.deriveReviewerKeys(P.randomBytes(32));
  const inst = P.randomBytes(16);
  const id = P.randomBytes(16);
  const ch = P.randomBytes(32);
  const sig = P.signLogin(k.edSeed, inst, id, ch);
  P.verifyLogin(k.edPublic, inst, id, ch, sig);
  throwsCode(() => P.verifyLogin(k.edPublic, P.randomBytes(16), id, ch, sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, P.randomBytes(16), ch, sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, P.randomBytes(32), sig), 'bad_signature');
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, ch, flipped(sig, 63)), 'bad_signature');
  // A login signature is not a valid signature under another label (domain separation).
  assert.equal(P.verify(k.edPublic, 'dojava/v1/roster', P.concatBytes(inst, id, ch), sig), false);
  throwsCode(() => P.verifyLogin(k.edPublic, inst, id, ch.subarray(0, 31), sig), 'malformed');
});
