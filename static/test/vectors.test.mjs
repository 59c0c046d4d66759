// Runs every shared test vector (tests/vectors/*.json, format in PROTOCOL.md §13) against protocol.js.
// Dispatches on `kind`; an unknown kind fails, so a new vector file is never silently skipped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import { blake2b } from '@noble/hashes/blake2.js';

import * as P from '../js/protocol.js';
import { V2_HANDLERS } from './vectors-v2.mjs';
import { parseBody } from '../www/js/payload.js';

// DOJAVA_VECTOR_DIR lets a developer point the runner at a scratch directory; the default is the repo's.
const VECTOR_DIR = process.env.DOJAVA_VECTOR_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'vectors');
// `unsupported`: the payload kind's outcome for a body type this version does not know (§11.4).
const OUTCOMES = new Set(['success', 'unsupported', ...P.OUTCOMES]);

const hex = (s) => P.hexDecode(s);
const toHex = (b) => P.hexEncode(b);

/** A required field: a vector that lacks it is a broken vector (or a renamed field), never a pass. */
function need(obj, name, where) {
  if (obj === undefined || obj === null || !(name in obj)) throw new Error(`vector lacks ${where}.${name}`);
  return obj[name];
}

function has(obj, name) {
  return obj !== undefined && obj !== null && name in obj;
}


/** An optional field of a vector: undefined when absent. */
function opt(obj, name) {
  return has(obj, name) ? obj[name] : undefined;
}

/** A vector's output must have exactly these fields (README), so a renamed or new field is not skipped. */
function exactFields(obj, names, where) {
  assert.deepEqual(Object.keys(obj).sort(), [...names].sort(), `${where} fields`);
}

/** §9.2 / README: the chunks vectors' plaintext rule, byte i = (i·31 + 7) mod 251. */
function chunkPlaintext(size) {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + 7) % 251;
  return out;
}

/**
 * The hash of `record_hashes` and `plaintext_hash`. README says "unkeyed BLAKE2b-256", but every chunks
 * vector holds BLAKE2b-256(0x00 || data), i.e. §3's H(32, label, data) with the empty label "" (L("") is
 * the single byte 0x00); plain BLAKE2b-256(data) matches none of them (e.g. the empty file's
 * plaintext_hash 03170a2e… is BLAKE2b-256(0x00), not BLAKE2b-256("") = 0e5751c0…). We check the files as
 * they are — a collision-resistant hash of the exact bytes either way — and report the README mismatch;
 * the test "chunks vector hashes are H(32, \"\", ·)" below pins which one it is.
 */
const vectorHash = (b) => P.labeledHash(32, '', b);
const plainBlake256 = (b) => blake2b(b, { dkLen: 32 });

/**
 * Each handler returns an object { run, check?, reencrypt? }:
 * run() performs the reader operation (throws DojavaError for a rejection) and returns a result;
 * check(result) compares with `output`; reencrypt() rebuilds the input record from the encryption inputs
 * (success vectors only) and returns [actualBytes, expectedBytes].
 */
const HANDLERS = {
  sealed_key(v) {
    const i = v.input;
    const secret = hex(need(i, 'recipient_secret', 'input'));
    return {
      run() {
        // The vector's public key must be the one the secret gives (a self-check of the vector).
        assert.equal(toHex(P.x25519Public(secret)), need(i, 'recipient_public', 'input'));
        return P.openSealedKey(hex(need(i, 'record', 'input')), secret, need(i, 'role', 'input'), hex(need(i, 'case_id', 'input')));
      },
      check(key) {
        assert.equal(toHex(key), need(v.output, 'key', 'output'));
      },
      // README: success vectors add `key` and `ephemeral_secret` to re-seal byte for byte.
      reencrypt: () => [
        P.sealKey(hex(need(i, 'key', 'input')), hex(i.recipient_public), i.role, hex(i.case_id), { ephemeralSecret: hex(need(i, 'ephemeral_secret', 'input')) }),
        hex(i.record),
      ],
    };
  },

  source_key(v) {
    const i = v.input;
    const sourceWrap = hex(need(i, 'source_wrap', 'input'));
    return {
      run() {
        // The vector's source_wrap must be the one its receipt gives (§4.3; a self-check of the vector).
        const keys = P.deriveReceiptKeys(need(i, 'receipt', 'input'), hex(need(i, 'salt', 'input')));
        assert.equal(toHex(keys.sourceWrap), i.source_wrap);
        return P.openSourceKey(hex(need(i, 'record', 'input')), sourceWrap, need(i, 'role', 'input'), hex(need(i, 'case_id', 'input')));
      },
      check(key) {
        assert.equal(toHex(key), need(v.output, 'key', 'output'));
      },
      // README: success vectors add `key` and `r` to re-wrap byte for byte.
      reencrypt: () => [P.wrapSourceKey(hex(need(i, 'key', 'input')), sourceWrap, i.role, hex(i.case_id), { random: hex(need(i, 'r', 'input')) }), hex(i.record)],
    };
  },

  login(v) {
    const i = v.input;
    const args = () => [hex(need(i, 'instance_id', 'input')), hex(need(i, 'reviewer_id', 'input')), hex(need(i, 'challenge', 'input'))];
    return {
      run() {
        if (has(i, 'ed25519_seed')) assert.equal(toHex(P.ed25519Public(hex(i.ed25519_seed))), need(i, 'ed25519_public', 'input'));
        P.verifyLogin(hex(need(i, 'ed25519_public', 'input')), ...args(), hex(need(i, 'signature', 'input')));
        return null;
      },
      check() {},
      // Ed25519 is deterministic: signing the same challenge must give the same bytes.
      reencrypt: has(i, 'ed25519_seed') ? () => [P.signLogin(hex(i.ed25519_seed), ...args()), hex(i.signature)] : undefined,
    };
  },
  // §5.4: the page has no use for the reviewer's .pub line, so this is the reference reader, written from the
  // rule: the literal prefix, two canonical base64url keys of 32 bytes, no ending or one LF or CR LF.
  public_key_line(v) {
    const i = v.input;
    const line = hex(need(i, 'line', 'input'));
    return {
      run() {
        assert.equal(new TextDecoder().decode(line), need(i, 'line_text', 'input'));
        let text = new TextDecoder('utf-8', { fatal: true }).decode(line);
        if (text.endsWith('\r\n')) text = text.slice(0, -2);
        else if (text.endsWith('\n')) text = text.slice(0, -1);
        const m = /^dojava-reviewer-v1:([^:]*):([^:]*)$/.exec(text);
        if (!m) throw new P.DojavaError('malformed', 'not a reviewer public key line');
        const [ed, x] = [P.base64urlDecode(m[1]), P.base64urlDecode(m[2])];
        if (ed.length !== 32 || x.length !== 32) throw new P.DojavaError('malformed', 'a key of the wrong length');
        return { ed, x };
      },
      check({ ed, x }) {
        exactFields(v.output, ['ed25519', 'x25519'], 'output');
        assert.equal(toHex(ed), v.output.ed25519);
        assert.equal(toHex(x), v.output.x25519);
        if (has(i, 'written')) assert.equal(`dojava-reviewer-v1:${P.base64urlEncode(ed)}:${P.base64urlEncode(x)}\n`, need(i, 'line_text', 'input'));
      },
    };
  },
  receipt(v) {
    const i = v.input;
    const typed = hex(need(i, 'typed', 'input'));
    // README: typed_text is absent when the typed bytes are not UTF-8.
    const typedText = opt(i, 'typed_text');
    return {
      run() {
        // The two forms of the input must agree (a self-check of the vector), then both parse alike.
        if (typedText !== undefined) assert.equal(toHex(P.utf8(typedText)), toHex(typed), 'typed_text is not the UTF-8 of typed');
        const canonical = P.parseReceipt(typed);
        if (typedText !== undefined) assert.equal(P.parseReceipt(typedText), canonical, 'string and byte input disagree');
        return { canonical, keys: P.deriveReceiptKeys(canonical, hex(need(i, 'salt', 'input'))) };
      },
      check(r) {
        const o = v.output;
        exactFields(o, ['canonical', 'formatted', 'lookup_key', 'lookup_hash', 'source_secret', 'source_public', 'source_wrap', 'source_sign_public'], 'output');
        assert.equal(r.canonical, o.canonical);
        assert.equal(P.formatReceipt(r.canonical), o.formatted);
        assert.equal(P.parseReceipt(o.formatted), o.canonical, 'the display form parses back');
        assert.equal(toHex(r.keys.lookupKey), o.lookup_key);
        assert.equal(toHex(r.keys.lookupHash), o.lookup_hash);
        assert.equal(toHex(P.lookupHash(hex(o.lookup_key))), o.lookup_hash);
        assert.equal(toHex(r.keys.sourceSecret), o.source_secret);
        assert.equal(toHex(r.keys.sourcePublic), o.source_public);
        assert.equal(toHex(r.keys.sourceWrap), o.source_wrap);
        assert.equal(toHex(r.keys.sourceSignPublic), o.source_sign_public);
      },
    };
  },

  keys(v) {
    const seed = hex(need(v.input, 'seed', 'input'));
    return {
      run() {
        const reviewer = P.deriveReviewerKeys(seed);
        const admin = P.deriveAdminKeys(seed);
        return { reviewer, admin, fingerprint: P.formatFingerprint(P.adminFingerprint(admin.edPublic)) };
      },
      check(r) {
        const o = v.output;
        exactFields(o, ['reviewer_ed25519_public', 'reviewer_x25519_secret', 'reviewer_x25519_public', 'admin_ed25519_public', 'admin_fingerprint', 'signature_of_empty_under_label_test'], 'output');
        assert.equal(toHex(r.reviewer.edPublic), o.reviewer_ed25519_public);
        assert.equal(toHex(r.reviewer.xSecret), o.reviewer_x25519_secret);
        assert.equal(toHex(r.reviewer.xPublic), o.reviewer_x25519_public);
        assert.equal(toHex(r.admin.edPublic), o.admin_ed25519_public);
        assert.equal(r.fingerprint, o.admin_fingerprint);
        // Sign(reviewer ed_sk, "dojava/v1/test", ""): deterministic, so byte for byte; and it verifies strictly.
        const sig = P.sign(r.reviewer.edSeed, 'dojava/v1/test', new Uint8Array(0));
        assert.equal(toHex(sig), o.signature_of_empty_under_label_test);
        assert.ok(P.verify(r.reviewer.edPublic, 'dojava/v1/test', new Uint8Array(0), hex(o.signature_of_empty_under_label_test)));
      },
    };
  },

  payload(v) {
    const i = v.input;
    const body = hex(need(i, 'body', 'input'));
    return {
      run() {
        if (has(i, 'body_text')) assert.equal(toHex(P.utf8(i.body_text)), toHex(body), 'body_text is not the UTF-8 of body');
        const r = parseBody(body, (s) => P.base64urlDecode(s));
        if (r.outcome !== 'success') throw new P.DojavaError(r.outcome, 'payload');
        return r;
      },
      check(r) {
        const o = v.output;
        exactFields(o, o.type === 'report' ? ['type', 'text', 'source_pk', 'form', 'files', 'bad_files'] : ['type', 'text', 'files', 'bad_files'], 'output');
        assert.equal(r.type, o.type);
        assert.equal(r.text, o.text);
        assert.equal(r.badFiles, o.bad_files);
        if (o.form) assert.deepEqual(r.form, o.form);
        if (o.type === 'report') assert.equal(toHex(r.sourcePk), o.source_pk);
        assert.equal(r.files.length, o.files.length);
        r.files.forEach((f, n) => {
          const want = o.files[n];
          exactFields(want, ['id', 'chunks', 'size', 'name', 'mime'], 'output.files[]');
          assert.equal(toHex(f.fileId), want.id);
          assert.equal(f.chunks, want.chunks);
          assert.equal(f.size, want.size);
          assert.equal(f.name, want.name);
          assert.equal(f.mime, want.mime);
        });
      },
    };
  },

  key_file(v) {
    const i = v.input;
    const file = hex(need(i, 'file', 'input'));
    const passphrase = hex(need(i, 'passphrase', 'input'));
    return {
      run() {
        assert.equal(toHex(P.utf8(need(i, 'passphrase_text', 'input'))), toHex(passphrase), 'passphrase_text is not the UTF-8 of passphrase');
        return P.openKeyFile(file, passphrase);
      },
      check(r) {
        const o = v.output;
        exactFields(o, ['kind', 'seed'], 'output');
        assert.equal(r.kind, o.kind);
        assert.equal(toHex(r.seed), o.seed);
      },
      // README: success vectors add `seal` {t, m_kib, salt, nonce}; re-seal byte for byte.
      reencrypt: () => {
        const seal = need(i, 'seal', 'input');
        exactFields(seal, ['t', 'm_kib', 'salt', 'nonce'], 'input.seal');
        const rec = P.sealKeyFile(hex(need(v.output, 'seed', 'output')), passphrase, {
          kind: need(v.output, 'kind', 'output'),
          t: seal.t,
          m: seal.m_kib,
          salt: hex(seal.salt),
          nonce: hex(seal.nonce),
        });
        return [rec, file];
      },
    };
  },

  chunks(v) {
    const i = v.input;
    const writer = {
      fileKey: hex(need(i, 'file_key', 'input')),
      noncePrefix: hex(need(i, 'nonce_prefix', 'input')),
      fileId: hex(need(i, 'file_id', 'input')),
    };
    const size = need(i, 'size', 'input');
    assert.equal(need(i, 'plaintext', 'input'), 'byte i = (i * 31 + 7) mod 251', 'unknown plaintext rule');
    const reader = { ...writer };
    if (has(i, 'reader')) {
      const r = i.reader;
      for (const k of Object.keys(r)) assert.ok(['file_key', 'nonce_prefix', 'file_id'].includes(k), `unknown reader field ${k}`);
      if (has(r, 'file_key')) reader.fileKey = hex(r.file_key);
      if (has(r, 'nonce_prefix')) reader.noncePrefix = hex(r.nonce_prefix);
      if (has(r, 'file_id')) reader.fileId = hex(r.file_id);
    }
    const plaintext = chunkPlaintext(size);

    /** The honest records, rebuilt from the inputs and checked against record_hashes. */
    function honestRecords() {
      const recs = P.encryptFile(writer, plaintext);
      const hashes = need(i, 'record_hashes', 'input');
      assert.equal(recs.length, hashes.length, 'number of honest records');
      recs.forEach((r, k) => {
        assert.equal(r.length, P.CHUNK_RECORD_BYTES);
        assert.equal(toHex(vectorHash(r)), hashes[k], `record_hashes[${k}]`);
      });
      return recs;
    }

    /** README: the items of `stream`, each turned into bytes. */
    function streamItems(recs) {
      return need(i, 'stream', 'input').map((item, k) => {
        const where = `input.stream[${k}]`;
        if (has(item, 'record')) {
          for (const f of Object.keys(item)) assert.ok(['record', 'flip', 'version', 'cut'].includes(f), `${where}: unknown field ${f}`);
          const r = recs[item.record];
          assert.ok(r, `${where}: no honest record ${item.record}`);
          let b = r.slice();
          if (has(item, 'flip')) b[need(item.flip, 'offset', `${where}.flip`)] ^= need(item.flip, 'mask', `${where}.flip`);
          if (has(item, 'version')) b[0] = item.version;
          if (has(item, 'cut')) b = b.subarray(0, item.cut);
          return b;
        }
        if (has(item, 'bytes')) {
          assert.deepEqual(Object.keys(item), ['bytes'], where);
          return hex(item.bytes);
        }
        if (has(item, 'reseal')) {
          assert.deepEqual(Object.keys(item), ['reseal'], where);
          const rs = item.reseal;
          assert.equal(need(rs, 'plaintext', `${where}.reseal`), 'zeros', `${where}: unknown reseal plaintext`);
          return P.encryptChunkBlock(writer, need(rs, 'index', `${where}.reseal`), new Uint8Array(P.CHUNK_PLAIN_BYTES), need(rs, 'last', `${where}.reseal`));
        }
        throw new Error(`${where}: unknown stream item ${JSON.stringify(item)}`);
      });
    }

    // The reader holds the file reference (§11): chunk count and size, compared after the stream (§9.2).
    const fileRef = { chunks: P.chunkCount(size), size };
    let items;
    return {
      run() {
        items = streamItems(honestRecords());
        const stream = P.concatBytes(...items);
        // Fed as one byte stream cut at places unrelated to record boundaries (§9: one look-ahead).
        const slices = [];
        for (let o = 0, n = 1; o < stream.length; o += n, n = (n * 7 + 65521) % 300007 + 1) slices.push(stream.subarray(o, o + n));
        return P.decryptChunkStream(reader, slices, fileRef);
      },
      check(r) {
        const o = v.output;
        exactFields(o, ['size', 'chunk_count', 'plaintext_hash'], 'output');
        assert.equal(r.size, o.size);
        assert.equal(r.chunks, o.chunk_count);
        assert.equal(toHex(vectorHash(r.plaintext)), o.plaintext_hash);
        assert.equal(toHex(r.plaintext), toHex(plaintext), 'plaintext');
        // Record mode on the same items gives the same file.
        assert.equal(toHex(P.decryptChunks(reader, items, fileRef)), toHex(plaintext));
      },
    };
  },
};

function loadVectors() {
  const files = readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => ({ file: f, v: JSON.parse(readFileSync(join(VECTOR_DIR, f), 'utf8')) }));
}

const vectors = loadVectors();

test('vector directory is not empty', () => {
  assert.ok(vectors.length > 0, `no vectors in ${VECTOR_DIR}`);
});

const counts = {};
for (const { file, v } of vectors) {
  test(`${v.kind ?? '?'}: ${file}`, () => {
    assert.ok(typeof v.kind === 'string', 'vector has no kind');
    assert.ok(OUTCOMES.has(v.expect), `unknown expected outcome ${v.expect}`);
    const handler = HANDLERS[v.kind] ?? V2_HANDLERS[v.kind];
    assert.ok(handler, `unknown vector kind "${v.kind}": add a handler in static/test/vectors.test.mjs`);
    const h = handler(v);
    if (v.expect === 'success') {
      const result = h.run();
      h.check(result);
      if (h.reencrypt) {
        const [actual, expected] = h.reencrypt();
        assert.equal(toHex(actual), toHex(expected), 're-encryption differs');
      }
    } else {
      assert.throws(
        () => h.run(),
        (e) => {
          assert.ok(e instanceof P.DojavaError, `expected DojavaError(${v.expect}), got ${e && e.stack}`);
          assert.equal(e.code, v.expect);
          if (process.env.DOJAVA_VECTOR_VERBOSE) console.log(`${file}: ${e.message}`);
          return true;
        },
      );
    }
    counts[v.kind] = counts[v.kind] || {};
    counts[v.kind][v.expect] = (counts[v.kind][v.expect] || 0) + 1;
  });
}

test('chunks vector hashes are H(32, "", ·), not plain BLAKE2b-256 (README/vector mismatch, see report)', () => {
  const v = vectors.find((x) => x.file === 'chunks-empty-file.json');
  assert.ok(v, 'chunks-empty-file.json is missing');
  assert.equal(v.v.input.size, 0);
  assert.equal(toHex(vectorHash(new Uint8Array(0))), v.v.output.plaintext_hash);
  assert.notEqual(toHex(plainBlake256(new Uint8Array(0))), v.v.output.plaintext_hash);
});

test('summary of vectors run', { skip: false }, () => {
  // Printed for the report; the per-file tests above are what pass or fail.
  console.log('vector counts by kind/outcome:', JSON.stringify(counts));
});
