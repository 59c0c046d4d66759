// The real dojavad for the browser tests: `dojavad init` a fresh instance in a temporary directory,
// `dojavad serve` it on two loopback ports with static_dir = static/www, and a reviewer client written
// with static/js/protocol.js (the vector-tested JavaScript implementation of PROTOCOL.md) that installs
// the roster, logs in, reads and decrypts cases, and replies — over the API of service/API.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as P from '../../static/js/protocol.js';
import { REPO, tmpDir } from './browsers.mjs';

export const b64 = P.base64urlEncode;
export const b64d = P.base64urlDecode;

export function dojavadPath() {
  return process.env.DOJAVAD || path.join(REPO, 'build', 'default', 'service', 'daemon', 'dojavad');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args[0]} exited ${code}: ${out}`))));
  });
}

/**
 * A running instance. `start()` launches `dojavad serve` and resolves once both listeners printed their
 * line; `stop()` sends SIGTERM and waits for the exit (graceful shutdown); `start()` again reuses the
 * data directory and ports (a restart).
 */
export class Instance {
  /** `extraArgs`: more `key=value` overrides for `dojavad serve` (service/CONFIG.md). */
  static async create({ name = 'Dojava test newsroom', extraArgs = [] } = {}) {
    const inst = new Instance();
    inst.extraArgs = extraArgs;
    inst.bin = dojavadPath();
    inst.dir = tmpDir('dojava-web-');
    inst.data = path.join(inst.dir, 'instance');
    inst.adminSeed = P.randomBytes(32);
    inst.admin = P.deriveAdminKeys(inst.adminSeed);
    inst.initOutput = await run(inst.bin, ['init', '--data-dir', inst.data, '--admin-public-key', b64(inst.admin.edPublic), '--name', name]);
    inst.sourcePort = await freePort();
    inst.reviewerPort = await freePort();
    await inst.start();
    return inst;
  }

  get source() {
    return `http://127.0.0.1:${this.sourcePort}`;
  }

  get reviewer() {
    return `http://127.0.0.1:${this.reviewerPort}`;
  }

  start() {
    const args = ['serve', '--data-dir', this.data, `source.listen=127.0.0.1:${this.sourcePort}`, `reviewer.listen=127.0.0.1:${this.reviewerPort}`, `static_dir=${path.join(REPO, 'static', 'www')}`, ...(this.extraArgs || [])];
    this.log = '';
    this.proc = spawn(this.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => (this.log += d));
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`dojavad serve did not start: ${out} ${this.log}`)), 20000);
      this.proc.stdout.on('data', (d) => {
        out += d;
        if (/source listening/.test(out) && /reviewer listening/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`dojavad serve exited ${code}: ${out} ${this.log}`));
      });
    });
  }

  stop() {
    if (!this.proc || this.proc.exitCode !== null) return Promise.resolve();
    const p = this.proc;
    return new Promise((resolve) => {
      p.removeAllListeners('exit');
      p.on('exit', () => resolve());
      p.kill('SIGTERM');
    });
  }

  async destroy() {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async api(listener, method, route, { json, body, token, lookupKey, binary } = {}) {
    const headers = {};
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (body !== undefined) headers['Content-Type'] = 'application/octet-stream';
    if (token) headers.Authorization = `Bearer ${token}`;
    if (lookupKey) headers['X-Dojava-Lookup-Key'] = lookupKey;
    const r = await fetch((listener === 'source' ? this.source : this.reviewer) + route, { method, headers, body });
    if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${await r.text()}`);
    if (r.status === 204) return null;
    return binary ? new Uint8Array(await r.arrayBuffer()) : r.json();
  }

  async instanceInfo() {
    return this.api('source', 'GET', '/api/v1/instance');
  }

  /**
   * Signs (PROTOCOL.md §6, version 2: expiring in 30 days, chained to the roster this instance installed
   * before) and installs a roster of new reviewers; returns them with their keys.
   */
  async installRoster(names, version = (this.roster ? Number(this.roster.version) + 1 : 1)) {
    const reviewers = names.map((name) => {
      const seed = P.randomBytes(32);
      const keys = P.deriveReviewerKeys(seed);
      return { name, seed, reviewerId: P.randomBytes(16), ...keys };
    });
    await this.installReviewers(reviewers, version);
    return reviewers;
  }

  /**
   * Installs a roster of `reviewers` (objects as installRoster returns; `retiredAt` optional): it expires
   * in 30 days and names the roster installed before (PROTOCOL.md §6).
   */
  async installReviewers(reviewers, version = (this.roster ? Number(this.roster.version) + 1 : 1)) {
    const info = await this.instanceInfo();
    const instanceId = b64d(info.instance_id);
    const today = P.dayOf(Date.now());
    const entries = reviewers.map((r) => ({ reviewerId: r.reviewerId, ed25519: r.edPublic, x25519: r.xPublic, name: r.name, retiredAt: r.retiredAt ?? 0 }));
    const prevDigest = version === 1 ? new Uint8Array(32) : this.roster.digest;
    const roster = P.signRosterV2({ instanceId, version, expiresDay: today + 30, prevDigest, entries }, this.admin.edSeed);
    await this.api('reviewer', 'PUT', '/api/v1/roster', { json: { roster: b64(roster) } });
    this.instanceId = instanceId;
    this.salt = b64d(info.salt);
    this.reviewers = reviewers;
    this.rosterBytes = roster;
    this.roster = P.verifyAnyRoster(roster, this.admin.edPublic, instanceId, today);
  }

  async login(rev) {
    const { challenge } = await this.api('reviewer', 'POST', '/api/v1/login/challenge', { json: { reviewer_id: b64(rev.reviewerId) } });
    const signature = P.signLogin(rev.edSeed, this.instanceId, rev.reviewerId, b64d(challenge));
    const { token } = await this.api('reviewer', 'POST', '/api/v1/login', { json: { reviewer_id: b64(rev.reviewerId), challenge, signature: b64(signature) } });
    return token;
  }

  async cases(token) {
    return (await this.api('reviewer', 'GET', '/api/v1/cases', { token })).cases;
  }

  /**
   * Opens a case as `rev`: its CK, and every conversation message decrypted and verified against the
   * installed roster, with the §8.4 order of the whole listing.
   */
  async readCase(rev, token, caseIdB64) {
    const caseId = b64d(caseIdB64);
    const { keys } = await this.api('reviewer', 'GET', `/api/v1/cases/${caseIdB64}`, { token });
    const mine = keys.find((k) => k.recipient === b64(rev.reviewerId) && k.role === 'case');
    const ck = P.openSealedKey(b64d(mine.sealed), rev.xSecret, P.ROLE_CK, caseId);
    const { messages } = await this.api('reviewer', 'GET', `/api/v1/cases/${caseIdB64}/messages`, { token });
    const listing = [];
    const decrypted = messages.map((m) => {
      const record = b64d(m.record);
      const d = P.decryptMessageV2(record, { caseId, caseKey: ck, roster: this.roster });
      listing.push({ eventHash: d.eventHash, opened: d });
      return { seq: m.seq, version: 2, author: d.author, sourcePublic: d.sourcePublic, prev: d.prev, eventHash: d.eventHash, rosterVersion: d.rosterVersion, bodyBytes: d.body, body: JSON.parse(new TextDecoder().decode(d.body)) };
    });
    const order = listing.length ? P.checkCaseOrder(listing, this.roster) : null;
    const last = decrypted.at(-1);
    return { caseId, ck, keys, messages: decrypted, order, lastHash: last?.eventHash ?? new Uint8Array(32) };
  }

  /** Downloads and decrypts a file of a case (reviewer listener), checked against its FILEREF. */
  async readFile(token, caseIdB64, ref) {
    const records = [];
    for (let i = 0; i < ref.chunks; i++) records.push(await this.api('reviewer', 'GET', `/api/v1/cases/${caseIdB64}/files/${ref.id}/chunks/${i}`, { token, binary: true }));
    return P.decryptChunks({ fileKey: b64d(ref.key), noncePrefix: b64d(ref.prefix), fileId: b64d(ref.id) }, records, { chunks: ref.chunks, size: ref.size });
  }

  /** Uploads a file as a reviewer; returns its FILEREF. */
  async uploadFile(token, bytes, name, mime) {
    const s = P.newFileSecrets();
    const records = P.encryptFile(s, bytes);
    await this.api('reviewer', 'POST', '/api/v1/uploads', { token, json: { file_id: b64(s.fileId), chunks: records.length } });
    for (let i = 0; i < records.length; i++) await this.api('reviewer', 'PUT', `/api/v1/uploads/${b64(s.fileId)}/chunks/${i}`, { token, body: records[i] });
    return { id: b64(s.fileId), key: b64(s.fileKey), prefix: b64(s.noncePrefix), chunks: records.length, size: bytes.length, name, mime };
  }

  /** A signed reviewer reply in the conversation (§8.3: naming the last record `c` read). */
  async reply(rev, token, c, text, files = []) {
    const body = new TextEncoder().encode(JSON.stringify({ type: 'message', text, files }));
    const record = P.encryptMessageV2({ kind: P.KIND_CONVERSATION, caseId: c.caseId, key: c.ck, body, signer: { author: P.AUTHOR_REVIEWER, reviewerId: rev.reviewerId, edSeed: rev.edSeed }, context: { rosterVersion: this.roster.version, day: P.dayOf(Date.now()), prev: c.lastHash } });
    return this.api('reviewer', 'POST', `/api/v1/cases/${b64(c.caseId)}/messages`, { token, json: { message: b64(record), files: files.map((f) => f.id) } });
  }
}

export function dojavaCliPath() {
  return process.env.DOJAVA_CLI || path.join(REPO, 'build', 'default', 'cli', 'dojava');
}

/**
 * Runs the reviewer CLI (`dojava`, cli/README.md) with `rev`'s seed in a key file written by
 * protocol.js (§5.3, smallest allowed Argon2id cost so the test stays fast), its own state directory,
 * against the reviewer listener, giving the admin key's fingerprint as a reviewer does on first
 * contact. Returns stdout.
 */
export async function runCli(inst, rev, args) {
  const dir = tmpDir('dojava-cli-');
  try {
    const keyFile = path.join(dir, 'reviewer.key');
    const passFile = path.join(dir, 'pass');
    fs.writeFileSync(passFile, 'correct horse battery staple', { mode: 0o600 });
    fs.writeFileSync(keyFile, P.sealKeyFile(rev.seed, P.utf8('correct horse battery staple'), { t: 1, m: 8192 }), { mode: 0o600 });
    return await run(dojavaCliPath(), [args[0], '--server', inst.reviewer, '--key-file', keyFile, '--passphrase-file', passFile, '--state-dir', path.join(dir, 'state'),
      '--admin-fingerprint', P.formatFingerprint(P.adminFingerprint(inst.admin.edPublic)), ...args.slice(1)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True if `bin` exists and serves the API (it may be a build without it). */
export function haveDojavad() {
  return fs.existsSync(dojavadPath());
}
