// static/www/js/metadata.js against real images made by Chromium (test/fixtures/make-fixtures.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { applyPlan, bytesReader, planClean, planJpeg, planPng, sniffType } from '../www/js/metadata.js';

const fx = (n) => new Uint8Array(fs.readFileSync(new URL(`./fixtures/${n}`, import.meta.url)));
const has = (bytes, s) => Buffer.from(bytes).includes(Buffer.from(s, 'latin1'));

async function clean(bytes) {
  const plan = await planClean(bytesReader(bytes));
  assert.equal(plan.ok, true);
  return { plan, out: applyPlan(bytes, plan.keep) };
}

test('JPEG: EXIF (GPS, camera), XMP, MPF, comment and trailer are removed; the image bytes are untouched', async () => {
  const dirty = fx('photo-gps.jpg');
  assert.ok(has(dirty, 'Exif') && has(dirty, 'DojavaCam') && has(dirty, 'Ana'));
  const { plan, out } = await clean(dirty);
  assert.equal(plan.type, 'jpeg');
  assert.deepEqual([...plan.removed].sort(), ['app2', 'comment', 'exif', 'trailer']);
  // Removing exactly what was inserted gives back Chromium's original encoding, byte for byte.
  assert.deepEqual(Buffer.from(out), Buffer.from(fx('photo-clean.jpg')));
  for (const s of ['Exif', 'DojavaCam', 'Ana', 'MPF', 'TRAILER']) assert.ok(!has(out, s), s);
});

test('JPEG without metadata: nothing removed, output identical', async () => {
  const jpg = fx('photo-clean.jpg');
  const { plan, out } = await clean(jpg);
  assert.deepEqual(plan.removed, []);
  assert.deepEqual(out, jpg);
});

test('JPEG: an ICC profile (APP2 ICC_PROFILE) is kept', async () => {
  const jpg = fx('photo-clean.jpg');
  const icc = Buffer.concat([Buffer.from([0xff, 0xe2, 0, 2 + 14 + 4]), Buffer.from('ICC_PROFILE\0\x01\x01'), Buffer.from('abcd')]);
  const withIcc = new Uint8Array(Buffer.concat([jpg.subarray(0, 2), icc, jpg.subarray(2)]));
  const { out } = await clean(withIcc);
  assert.deepEqual(out, withIcc);
});

test('JPEG: a marker split across scan windows is found (large entropy-coded data)', async () => {
  // Build a JPEG-shaped stream with 3 MiB of entropy-coded bytes (0xFF stuffed as FF 00).
  const jpg = fx('photo-clean.jpg');
  const sos = Buffer.from(jpg).indexOf(Buffer.from([0xff, 0xda]));
  const sosLen = (jpg[sos + 2] << 8) | jpg[sos + 3];
  const head = jpg.subarray(0, sos + 2 + sosLen);
  const data = Buffer.alloc(3 * 1024 * 1024 + 1, 0x11);
  for (let i = 0; i < data.length - 1; i += 4096) {
    data[i] = 0xff;
    data[i + 1] = 0x00;
  }
  data[data.length - 1] = 0xff; // 1 MiB windows: the EOI's 0xFF is the last byte of a window
  const file = new Uint8Array(Buffer.concat([head, data, Buffer.from([0xd9]), Buffer.from('after')]));
  const plan = await planJpeg(bytesReader(file));
  assert.equal(plan.ok, true);
  assert.deepEqual(plan.removed, ['trailer']);
  assert.equal(applyPlan(file, plan.keep).length, file.length - 5);
});

test('JPEG: truncated or corrupt files are refused, not guessed at', async () => {
  const jpg = fx('photo-gps.jpg');
  const eoi = Buffer.from(jpg).lastIndexOf(Buffer.from([0xff, 0xd9]));
  for (const bad of [jpg.subarray(0, 3), jpg.subarray(0, 30), jpg.subarray(0, eoi), (() => {
    const b = jpg.slice();
    b[b.indexOf(0xe1, 2) + 1] = 0xff; // segment length runs past the end
    b[b.indexOf(0xe1, 2) + 2] = 0xff;
    return b;
  })()]) {
    const plan = await planJpeg(bytesReader(bad));
    assert.equal(plan.ok, false);
  }
});

function pngChunks(bytes) {
  const b = Buffer.from(bytes);
  const out = [];
  for (let p = 8; p < b.length; ) {
    const len = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    assert.equal(b.readUInt32BE(p + 8 + len), zlib.crc32(b.subarray(p + 4, p + 8 + len)), `CRC of ${type}`);
    out.push(type);
    p += 12 + len;
    if (type === 'IEND') assert.equal(p, b.length, 'nothing after IEND');
  }
  return out;
}

test('PNG: tEXt, iTXt, eXIf, tIME and trailer are removed; the rest is a valid PNG identical to the original', async () => {
  const dirty = fx('photo-text.png');
  assert.ok(has(dirty, 'Ana'));
  const { plan, out } = await clean(dirty);
  assert.equal(plan.type, 'png');
  assert.deepEqual([...plan.removed].sort(), ['exif', 'text', 'time', 'trailer']);
  assert.deepEqual(Buffer.from(out), Buffer.from(fx('photo-clean.png')));
  assert.ok(!has(out, 'Ana'));
  const types = pngChunks(out);
  assert.equal(types[0], 'IHDR');
  assert.ok(types.includes('IDAT'));
  assert.equal(types.at(-1), 'IEND');
});

test('PNG: bad structure is refused', async () => {
  const png = fx('photo-text.png');
  assert.equal((await planPng(bytesReader(png.subarray(0, 40)))).ok, false); // no IEND
  const b = png.slice();
  b[12] = 0x00; // IHDR type byte not a letter
  assert.equal((await planPng(bytesReader(b))).ok, false);
});

test('other files are recognised by content, not by name', async () => {
  assert.equal(sniffType(new TextEncoder().encode('%PDF-1.7')), null);
  const plan = await planClean(bytesReader(new TextEncoder().encode('%PDF-1.7 hello')));
  assert.deepEqual(plan, { type: null, ok: false });
  const empty = await planClean(bytesReader(new Uint8Array(0)));
  assert.equal(empty.ok, false);
});
