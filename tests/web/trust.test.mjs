// The page's trust anchor (PROTOCOL.md §12.1, SECURITY.md F1) in Debian's chromium and in firefox-esr at
// Tor Browser's "Safer" level, against the real dojavad, with a hostile proxy in front of it
// (tests/web/hostile-proxy.mjs) playing a server compromised while the source is on the page:
//  - the address's rv floor: a roster older than rv stops the page (`rollback`); without fp and rv the
//    page says what it cannot detect;
//  - mid-submission (after 409 roster_changed) the server presents another admin key with a roster of its
//    own: refused, nothing sealed to it, nothing sent;
//  - mid-submission the server serves the older genuine roster: refused (`rollback`), nothing sent;
//  - the organisation really adds a reviewer while the source writes: the page shows the new list and
//    asks before sealing; after "send", the new reviewer can open the case key.
// Skipped, with the reason, when there is no dojavad binary (set DOJAVAD or build the default preset).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { BROWSERS, REPO, launch, screenshot, watch } from './browsers.mjs';
import { Instance, b64, b64d, dojavadPath, haveDojavad } from './dojavad.mjs';
import { HostileProxy } from './hostile-proxy.mjs';

const SLOW = 180000;
const cat = (code) => JSON.parse(fs.readFileSync(path.join(REPO, 'static', 'www', 'i18n', `${code}.json`), 'utf8'));
const en = cat('en');
const skip = haveDojavad() ? false : `no dojavad at ${dojavadPath()} (build the default preset or set DOJAVAD)`;

function newReviewer(name) {
  const seed = P.randomBytes(32);
  return { name, seed, reviewerId: P.randomBytes(16), ...P.deriveReviewerKeys(seed) };
}

/** Signs a roster of `people` with `adminSeed` for `instanceId` (version 1 of the format: what dojavad installs today). */
function signed(instanceId, version, people, adminSeed) {
  return P.signRoster({ instanceId, version, entries: people.map((r) => ({ reviewerId: r.reviewerId, ed25519: r.edPublic, x25519: r.xPublic, name: r.name })) }, adminSeed);
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
  const install = async (list) => {
    version += 1;
    await inst.api('reviewer', 'PUT', '/api/v1/roster', { json: { roster: b64(signed(inst.instanceId, version, list, inst.admin.edSeed)) } });
    inst.reviewers = list;
    return version;
  };
  before(async () => {
    inst = await Instance.create();
    const info = await inst.instanceInfo();
    inst.instanceId = b64d(info.instance_id);
    inst.salt = b64d(info.salt);
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
        await w.assertClean(assert);
        await w2.assertClean(assert);
        await p2.close();
      });

      // Each of these plays the server compromised during the submission: the first instance document is
      // the real one; on "send" the server answers 409 roster_changed and then serves a document of its own.
      const attacks = {
        'another admin key with a roster of its own': () => {
          const admin = P.deriveAdminKeys(P.randomBytes(32));
          const roster = signed(inst.instanceId, version + 1, [...people, newReviewer('Ana K.')], admin.edSeed);
          return { admin_public_key: b64(admin.edPublic), admin_fingerprint: P.formatFingerprint(P.adminFingerprint(admin.edPublic)), roster: b64(roster), roster_version: version + 1, expect: en.err_trust_instance_changed };
        },
        'the older genuine roster': () => ({ roster: b64(signed(inst.instanceId, 1, people.slice(0, 1), inst.admin.edSeed)), roster_version: 1, expect: en.err_crypto_rollback }),
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

      test('a reviewer really added while the source writes: the new list is shown and the page asks before sealing', async () => {
        const page = await browser.newPage();
        const w = await watch(page, inst.source);
        await page.goto(`${inst.source}/index.html#lang=bs`);
        await page.waitForSelector('body[data-ready="submit"]', { timeout: SLOW });
        await fillReport(page, `new reviewer ${kind}`);
        const added = newReviewer(`Jasmina Hadžić ${kind}`);
        people = [...people, added];
        await install(people);
        await page.click('#submit');
        await page.waitForSelector('#roster-confirm:not([hidden])', { timeout: SLOW });
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
