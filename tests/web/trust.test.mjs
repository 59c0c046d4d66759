// The page's trust anchor (PROTOCOL.md §12.1, SECURITY.md F1) in Debian's chromium and in firefox-esr at
// Tor Browser's "Safer" level, against the real dojavad, with a hostile proxy in front of it
// (tests/web/hostile-proxy.mjs) playing a server compromised while the source is on the page:
//  - the address's rv floor: a roster older than rv stops the page (`rollback`); without fp and rv the
//    page says what it cannot detect;
//  - mid-submission (after 409 roster_changed) the server presents another admin key with a roster of its
//    own: refused, nothing sealed to it, nothing sent;
//  - mid-submission the server serves the older genuine roster: refused (`rollback`), nothing sent;
//  - the organisation really adds a reviewer while the source writes (two v2 rosters: the page checks the
//    chain through the intermediate one from GET /api/v1/rosters): the page shows the new list and asks
//    before sealing; after "send", the new reviewer can open the case key;
//  - the returning page shows a case whose report is not signed with the receipt's key as untrustworthy
//    and withdraws the reply form (§8.4, §12.3).
// Skipped, with the reason, when there is no dojavad binary (set DOJAVAD or build the default preset).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { BROWSERS, REPO, launch, screenshot, watch } from './browsers.mjs';
import { Instance, b64, dojavadPath, haveDojavad } from './dojavad.mjs';
import { HostileProxy } from './hostile-proxy.mjs';

const SLOW = 180000;
const cat = (code) => JSON.parse(fs.readFileSync(path.join(REPO, 'static', 'www', 'i18n', `${code}.json`), 'utf8'));
const en = cat('en');
const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;

function newReviewer(name) {
  const seed = P.randomBytes(32);
  return { name, seed, reviewerId: P.randomBytes(16), ...P.deriveReviewerKeys(seed) };
}

/** A v2 roster (§6) of `people` signed with `adminSeed`, as a server holding another admin key would make one. */
function forged(instanceId, version, people, adminSeed) {
  const entries = people.map((r) => ({ reviewerId: r.reviewerId, ed25519: r.edPublic, x25519: r.xPublic, name: r.name }));
  return P.signRosterV2({ instanceId, version, expiresDay: P.dayOf(Date.now()) + 30, prevDigest: P.randomBytes(32), entries }, adminSeed);
}

async function fillReport(page, title) {
  await page.select('#f-country', 'RS');
  await page.select('#f-incident', 'intimidation');
  await page.click('input[name="responsible"][value="unknown"]');
  await page.type('#f-title', title);
  await page.$eval('#f-text', (el) => {
    el.value = 'Someone followed me home.';
    el.dispatchEvent(new Event('input'));
  });
}

describe('the page pins what it trusts (§12.1)', { skip }, () => {
  let inst;
  let proxy;
  let people;
  let version = 0;
  const history = []; // the signed rosters installed, oldest first
  const install = async (list) => {
    version += 1;
    await inst.installReviewers(list, version);
    history.push(inst.rosterBytes);
    return version;
  };
  before(async () => {
    // The per-circuit login bucket is off: on loopback every connection is one circuit, and the test's
    // reviewer logins share one (as in upload.test.mjs).
    inst = await Instance.create({ extraArgs: ['rate.costly.circuit_per_second=0'] });
    people = [newReviewer('Ana Kovačević'), newReviewer('Marko Petrović')];
    await install(people.slice(0, 1));
    await install(people);
    proxy = await HostileProxy.start(inst.source);
  });
  after(async () => {
    await proxy?.close();
    await inst?.destroy();
  });

  for (const kind of BROWSERS) {
    describe(kind, () => {
      let browser;
      before(async () => {
        browser = await launch(kind);
      });
      after(async () => {
        await browser?.close();
      });

      test('the rv floor: an older roster than the address names stops the page; without fp and rv the page says what it cannot detect', async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/index.html#lang=en`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        assert.equal(await page.$eval('#pin-state', (e) => e.textContent), en.pin_none);
        assert.equal(await page.$eval('#pin-floor', (e) => e.textContent), en.pin_no_floor);
        const fp = P.hexEncode(P.adminFingerprint(inst.admin.edPublic));
        await page.close();
        const p2 = await browser.newPage();
        const w2 = await watch(p2, inst.source);
        await p2.goto(`${inst.source}/index.html#lang=mk&fp=${fp}&rv=${version + 1}`);
        await p2.waitForSelector('#fatal:not([hidden])', { timeout: SLOW });
        assert.equal(await p2.$eval('#fatal', (e) => e.textContent), cat('mk').err_crypto_rollback);
        assert.equal(await p2.$eval('#report', (e) => e.hidden), true);
        await screenshot(p2, `${kind}-trust-rv-floor`);
        await p2.goto(`${inst.source}/return.html#lang=en&fp=${fp}&rv=${version}`);
        await p2.waitForSelector('body[data-ready="return"]', { timeout: SLOW });
        assert.equal(await p2.$eval('#pin-state', (e) => e.textContent), en.pin_match);
        assert.equal(await p2.$eval('#pin-floor', (e) => e.textContent), '');
        await w.assertClean(assert);
        await w2.assertClean(assert);
        await p2.close();
      });

      // Each of these plays the server compromised during the submission: the first instance document is
      // the real one; on "send" the server answers 409 roster_changed and then serves a document of its own.
      const attacks = {
        'another admin key with a roster of its own': () => {
          const admin = P.deriveAdminKeys(P.randomBytes(32));
          const roster = forged(inst.instanceId, version + 1, [...people, newReviewer('Ana K.')], admin.edSeed);
          return { admin_public_key: b64(admin.edPublic), admin_fingerprint: P.formatFingerprint(P.adminFingerprint(admin.edPublic)), roster: b64(roster), roster_version: version + 1, expect: en.err_trust_instance_changed };
        },
        'the older genuine roster': () => ({ roster: b64(history[0]), roster_version: 1, expect: en.err_crypto_rollback }),
        'another salt': () => ({ salt: b64(P.randomBytes(16)), expect: en.err_trust_instance_changed }),
      };
      for (const [what, make] of Object.entries(attacks)) {
        test(`mid-submission the server presents ${what}: refused, nothing sent`, async () => {
          proxy.clear();
          const page = await browser.newPage();
          const w = await watch(page, proxy.origin);
          await page.goto(`${proxy.origin}/index.html#lang=en`);
          await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
          await fillReport(page, `attack ${what} ${kind}`);
          const genuine = await inst.instanceInfo();
          const { expect, ...swap } = make();
          proxy.answer('POST', /^\/api\/v1\/cases$/, () => ({ status: 409, json: { error: { code: 'roster_changed', message: 'roster changed' } } }), { once: true });
          proxy.answer('GET', /^\/api\/v1\/instance$/, () => ({ status: 200, json: { ...genuine, ...swap } }));
          const before = proxy.forwarded.length;
          await page.click('#submit');
          await page.waitForSelector('#progress-error:not([hidden])', { timeout: SLOW });
          assert.equal(await page.$eval('#progress-error', (e) => e.textContent), expect);
          assert.deepEqual(proxy.forwarded.slice(before).filter((r) => r.method === 'POST'), [], 'nothing reached the server');
          assert.equal(await page.$eval('#receipt', (e) => e.hidden), true);
          await screenshot(page, `${kind}-trust-${what.replace(/ /g, '-')}`);
          await w.assertClean(assert);
          await page.close();
          proxy.clear();
        });
      }

      // §8.4, §12.3: a case whose key opens with the receipt but whose message #1 is not signed with the key
      // the receipt gives (a reviewer or anyone holding CK writing "as the source"): shown with a warning, and
      // the page will not write into it.
      test('the returning page refuses to write into a case whose report is not signed with the receipt', async () => {
        const digits = P.generateReceipt();
        const keys = P.deriveReceiptKeys(digits, inst.salt);
        const caseId = P.randomBytes(16);
        const ck = P.randomBytes(32);
        const body = new TextEncoder().encode(JSON.stringify({ type: 'report', source_pk: b64(keys.sourcePublic), form: { country: 'RS', incident: 'slapp', when: '', responsible: 'state', title: `not yours ${kind}` }, text: 'written with another key', files: [] }));
        const message = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId, key: ck, body, signer: { author: P.AUTHOR_SOURCE, edSeed: P.randomBytes(32) }, context: { rosterVersion: version, day: P.dayOf(Date.now()), prev: new Uint8Array(32) } });
        const sealed = [{ recipient: 'source', role: 'case', sealed: b64(P.wrapSourceKey(ck, keys.sourceWrap, P.ROLE_CK, caseId)) }];
        for (const r of people) sealed.push({ recipient: b64(r.reviewerId), role: 'case', sealed: b64(P.sealKey(ck, r.xPublic, P.ROLE_CK, caseId)) });
        await inst.api('source', 'POST', '/api/v1/cases', { json: { case_id: b64(caseId), lookup_key: b64(keys.lookupKey), source_public_key: b64(keys.sourcePublic), keys: sealed, message: b64(message), files: [] } });
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/return.html#lang=cnr`);
        await page.waitForSelector('body[data-ready="return"]', { timeout: SLOW });
        await page.type('#r-receipt', P.formatReceipt(digits));
        await page.click('#open');
        await page.waitForSelector('#conversation:not([hidden])', { timeout: SLOW });
        assert.equal(await page.$eval('#case-warning', (e) => e.textContent), cat('cnr').case_untrusted);
        assert.equal(await page.$eval('#reply', (e) => e.hidden), true);
        await screenshot(page, `${kind}-trust-report-not-signed-with-receipt`);
        await w.assertClean(assert);
        await page.close();
      });

      test('a reviewer really added while the source writes: the new list is shown and the page asks before sealing', async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/index.html#lang=bs`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        await fillReport(page, `new reviewer ${kind}`);
        // Two rosters while the source writes: the page, holding v, gets v + 2 and checks the chain through
        // v + 1 from GET /api/v1/rosters (§6 chain rule).
        const added = newReviewer(`Jasmina Hadžić ${kind}`);
        const held = version;
        await install(people);
        people = [...people, added];
        await install(people);
        await page.click('#submit');
        await page.waitForSelector('#roster-confirm:not([hidden])', { timeout: SLOW });
        assert.ok(w.requests.some((r) => r.method === 'GET' && r.url.endsWith(`/api/v1/rosters?after=${held}`)), 'the intermediate roster was fetched');
        const shown = await page.$$eval('#roster-confirm-list li', (l) => l.map((e) => e.textContent));
        assert.deepEqual(shown.sort(), people.map((r) => r.name).sort());
        assert.equal(await page.$eval('#roster-confirm-send', (e) => e.textContent), cat('bs').roster_changed_send);
        await screenshot(page, `${kind}-trust-roster-changed`);
        await page.click('#roster-confirm-send');
        await page.waitForSelector('#receipt:not([hidden])', { timeout: SLOW });
        const receipt = await page.$eval('#receipt-value', (e) => e.textContent);
        await w.assertClean(assert);
        await page.close();
        const keys = P.deriveReceiptKeys(P.parseReceipt(receipt), inst.salt);
        const { case_id } = await inst.api('source', 'GET', '/api/v1/source/case', { lookupKey: b64(keys.lookupKey) });
        const c = await inst.readCase(added, await inst.login(added), case_id);
        assert.equal(c.messages[0].body.form.title, `new reviewer ${kind}`);
      });
    });
  }
});
