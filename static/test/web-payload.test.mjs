// static/www/js/payload.js: the §11 bodies the page builds and reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64urlDecode as b64d, base64urlEncode as b64 } from '../js/protocol.js';
import {
  COUNTRIES,
  INCIDENTS,
  MAX_BODY_SOURCE,
  PayloadError,
  RESPONSIBLE,
  buildMessage,
  buildReport,
  cleanFileName,
  encodeBody,
  fileRef,
  parseBody,
} from '../www/js/payload.js';

const form = { country: 'RS', incident: 'spyware', when: ' 2026-10 ', responsible: 'state', title: ' Pegasus on my phone ' };
const PK = b64(new Uint8Array(32).fill(7)); // the receipt's source_pk (§11.1)
const up = { fileId: new Uint8Array(16).fill(1), fileKey: new Uint8Array(32).fill(2), noncePrefix: new Uint8Array(20).fill(3), chunks: 2, size: 524288 };

test('the report payload has exactly the §11 shape', () => {
  const ref = fileRef({ ...up, name: 'C:\\Users\\ana\\scan.pdf', mime: 'application/pdf' }, b64);
  const p = buildReport(form, 'Line 1\r\nLine 2 — čćžšđ ЖЉ ë', [ref], PK);
  assert.deepEqual(p, {
    type: 'report',
    source_pk: PK,
    form: { country: 'RS', incident: 'spyware', when: '2026-10', responsible: 'state', title: 'Pegasus on my phone' },
    text: 'Line 1\nLine 2 — čćžšđ ЖЉ ë',
    files: [{ id: b64(up.fileId), key: b64(up.fileKey), prefix: b64(up.noncePrefix), chunks: 2, size: 524288, name: 'scan.pdf', mime: 'application/pdf' }],
  });
  // Non-ASCII is written as UTF-8, never \\u escaped (§11).
  const json = new TextDecoder().decode(encodeBody(p));
  assert.ok(json.includes('čćžšđ ЖЉ ë'));
  assert.ok(!json.includes('\\u'));
});

test('every choice of the form is accepted, anything else is refused with the field named', () => {
  for (const country of COUNTRIES) for (const incident of INCIDENTS) for (const responsible of RESPONSIBLE) buildReport({ ...form, country, incident, responsible }, 'x', [], PK);
  for (const [field, value] of [['country', 'HR'], ['incident', 'SPYWARE'], ['responsible', ''], ['country', undefined]]) {
    assert.throws(() => buildReport({ ...form, [field]: value }, 'x', [], PK), (e) => e instanceof PayloadError && e.code === 'bad_choice' && e.field === field);
  }
});

test('title and description are required; lengths are counted in characters', () => {
  assert.throws(() => buildReport({ ...form, title: '  ' }, 'x', [], PK), (e) => e.code === 'required' && e.field === 'title');
  assert.throws(() => buildReport(form, ' \n ', [], PK), (e) => e.code === 'required' && e.field === 'text');
  // 100,000 four-byte characters fit (§11), one more does not.
  const emoji = '😀'.repeat(100000);
  assert.equal(encodeBody(buildReport(form, emoji, [], PK)).length > 400000, true);
  assert.throws(() => buildReport(form, emoji + '😀', [], PK), (e) => e.code === 'too_long' && e.field === 'text');
  assert.throws(() => buildReport({ ...form, title: 'x'.repeat(201) }, 'x', [], PK), (e) => e.code === 'too_long' && e.field === 'title');
  assert.throws(() => buildReport({ ...form, when: 'x'.repeat(101) }, 'x', [], PK), (e) => e.code === 'too_long' && e.field === 'when');
});

test('a lone surrogate is refused rather than sent as an escape', () => {
  assert.throws(() => buildReport(form, 'a\uD800b', [], PK), (e) => e.code === 'bad_text');
  assert.throws(() => buildMessage('\uDC00', []), (e) => e.code === 'bad_text');
});

test('MaxBodySize: a body made of control characters (6-byte escapes) is refused, never truncated', () => {
  const p = buildReport(form, '\u0001'.repeat(100000), [], PK);
  assert.throws(() => encodeBody(p), (e) => e.code === 'too_long' && e.field === 'body');
  const ok = buildReport(form, 'a'.repeat(100000), [], PK);
  assert.ok(encodeBody(ok).length <= MAX_BODY_SOURCE);
});

test('a report names the source_pk of its receipt (§11.1): required to write, required to read', () => {
  for (const bad of [undefined, '', PK.slice(1), PK + 'A', b64(new Uint8Array(31)), PK.slice(0, 42) + 'B', new Uint8Array(32)]) {
    assert.throws(() => buildReport(form, 'x', [], bad), TypeError);
  }
  const body = buildReport(form, 'x', [], PK);
  for (const sourcePk of [undefined, null, 7, PK + '=', PK.slice(0, 41) + '+/', b64(new Uint8Array(33))]) {
    assert.deepEqual(parseBody(encodeBody({ ...body, source_pk: sourcePk }), b64d), { type: 'unsupported', outcome: 'malformed' });
  }
  // source_pk is a report's member; in a message it is an unknown field, ignored.
  assert.equal(parseBody(encodeBody({ ...buildMessage('m', []), source_pk: 1 }), b64d).outcome, 'success');
});

test('a follow-up may have no text only when it carries files', () => {
  assert.throws(() => buildMessage('', []), (e) => e.code === 'required');
  assert.deepEqual(buildMessage('', [{ id: 'x' }]), { type: 'message', text: '', files: [{ id: 'x' }] });
});

test('file names lose directories and control or bidi characters; types are printable ASCII', () => {
  assert.equal(cleanFileName('/home/ana/evidence.pdf'), 'evidence.pdf');
  assert.equal(cleanFileName('fdp.exe\u202Egnp.pdf'), 'fdp.exegnp.pdf');
  assert.equal(cleanFileName('a\u200Eb\u200F\u061Cc.txt'), 'abc.txt'); // bidi marks too (issue 14)
  assert.equal(cleanFileName('.bashrc'), '_.bashrc');
  assert.equal(cleanFileName('a\nb\u0000c'), 'abc');
  assert.equal(cleanFileName(''), 'file');
  assert.equal(cleanFileName('..'), 'file');
  assert.equal([...cleanFileName('ž'.repeat(300))].length, 255);
  assert.equal(fileRef({ ...up, name: 'x', mime: 'text/plain\n' }, b64).mime, '');
});

test('parseBody reads what buildReport wrote, ignores unknown fields, and marks unknown types', () => {
  const ref = fileRef({ ...up, name: 'a.jpg', mime: 'image/jpeg' }, b64);
  const bytes = encodeBody({ ...buildReport(form, 'hello', [ref], PK), extra: 1 });
  const r = parseBody(bytes, b64d);
  assert.equal(r.type, 'report');
  assert.equal(r.text, 'hello');
  assert.equal(r.form.title, 'Pegasus on my phone');
  assert.equal(b64(r.sourcePk), PK);
  assert.deepEqual(r.files[0].fileId, up.fileId);
  assert.equal(r.files[0].chunks, 2);
  assert.equal(r.badFiles, 0);
  assert.deepEqual(parseBody(new TextEncoder().encode('{"type":"poll"}'), b64d), { type: 'unsupported', outcome: 'unsupported' });
  assert.deepEqual(parseBody(new TextEncoder().encode('[1]'), b64d), { type: 'unsupported', outcome: 'malformed' });
  assert.deepEqual(parseBody(Uint8Array.of(0xff), b64d), { type: 'unsupported', outcome: 'malformed' });
});

test('parseBody refuses a FILEREF whose chunk count does not match its size, or with wrong lengths', () => {
  const good = fileRef({ ...up, name: 'a', mime: '' }, b64);
  for (const bad of [{ ...good, chunks: 3 }, { ...good, size: -1 }, { ...good, key: good.prefix }, { ...good, id: good.id + 'A' }]) {
    const r = parseBody(encodeBody({ type: 'message', text: 't', files: [bad] }), b64d);
    assert.equal(r.files.length, 0);
    assert.equal(r.badFiles, 1);
  }
});

test('reportProblems names every bad field at once, in the form\'s order, and nothing for a good form', async () => {
  const { reportProblems } = await import('../www/js/payload.js');
  const empty = reportProblems({ country: '', incident: '', when: '', responsible: 'unknown', title: ' ' }, '');
  assert.deepEqual(empty.map((e) => `${e.code}:${e.field}`), ['bad_choice:country', 'bad_choice:incident', 'required:title', 'required:text']);
  const good = { country: 'RS', incident: 'spyware', when: '', responsible: 'state', title: 'T' };
  assert.deepEqual(reportProblems(good, 'text'), []);
  assert.deepEqual(reportProblems({ ...good, when: 'x'.repeat(101) }, 'y'.repeat(11), { maxChars: 10 }).map((e) => `${e.code}:${e.field}`), ['too_long:when', 'too_long:text']);
});
