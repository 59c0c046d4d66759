// The source listener's API v1 (service/API.md), same origin only, with automatic retry.
//
// No credentials: no cookie is sent (credentials: 'omit'), nothing is cached (cache: 'no-store'), no
// referrer. The lookup key travels only in the X-Dojava-Lookup-Key header, on /api/v1/source/* only.

export class ApiError extends Error {
  /** `code`: the server's error code (API.md), or 'network' when no answer arrived. */
  constructor(code, status, retryAfter) {
    super(`api: ${code}${status ? ' (' + status + ')' : ''}`);
    this.name = 'ApiError';
    this.code = code;
    this.status = status || 0;
    this.retryAfter = retryAfter || 0;
  }

  /** Worth trying again: no answer, a timeout, a rate limit or a server-side failure. */
  get transient() {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'rate_limited' || this.status >= 500 && this.code !== 'insufficient_storage';
  }
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new ApiError('aborted', 0));
    }, { once: true });
  });

/** Retry policy: delays in ms between attempts (about 2.5 minutes in all), then give up. */
export const RETRY_DELAYS = Object.freeze([500, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000, 30000]);

/**
 * Deadline of one attempt, from sending the request to the end of the answer's body (ms). A stream that
 * stalls silently (a Tor circuit that died without a reset) would otherwise hold the page, and with
 * several uploads in flight the retry pass, until the browser gives up on its own. Generous: a 512 KiB
 * chunk at 10 KB/s, a slow circuit, takes about 52 s. Past it the attempt fails as 'timeout' (transient).
 */
export const REQUEST_TIMEOUT_MS = 120000;

/**
 * A page of the returning source's conversation holds up to about 8 MiB of records (API.md), 4/3 of that
 * as base64url JSON: as much as 22 chunk records. It gets 22 deadlines, so that it arrives at the rate a
 * chunk is given (REQUEST_TIMEOUT_MS) instead of timing out, and starting over, on every retry.
 */
const SOURCE_PAGE_CHUNKS = Math.ceil(((8 << 20) * 4) / 3 / 524305);

/** The returning source's routes: the only ones that take the lookup key (API.md). */
const SOURCE_ROUTES = '/api/v1/source/';

export class Api {
  /** `base`: '' for the page's own origin. `onRetry(attempt, error)` is told about each retry. */
  constructor({ base = '', onRetry = null, delays = RETRY_DELAYS, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
    this.base = base;
    this.onRetry = onRetry;
    this.delays = delays;
    this.timeoutMs = timeoutMs;
    this.lookupKey = null; // base64url string while a returning source is signed in
  }

  async _once(method, path, { json, body, type, binary = false, signal, timeoutMs = this.timeoutMs } = {}) {
    const headers = {};
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (body !== undefined) {
      headers['Content-Type'] = type || 'application/octet-stream';
    }
    // Only where API.md takes it: uploads and the instance document must not carry the case's credential
    // (as the CLI: cli/api_client.cc IsSourceTarget).
    if (this.lookupKey && path.startsWith(SOURCE_ROUTES)) headers['X-Dojava-Lookup-Key'] = this.lookupKey;
    // One controller for the attempt: the caller's signal and the deadline both abort it.
    const attempt = new AbortController();
    let timedOut = false;
    const onAbort = () => attempt.abort();
    if (signal?.aborted) throw new ApiError('aborted', 0);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, timeoutMs);
    const failed = () => {
      if (signal?.aborted) return new ApiError('aborted', 0);
      return new ApiError(timedOut ? 'timeout' : 'network', 0);
    };
    try {
      let r;
      try {
        r = await fetch(this.base + path, { method, headers, body, credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer', signal: attempt.signal });
      } catch {
        throw failed();
      }
      if (r.status === 204) return null;
      if (r.ok) {
        try {
          return binary ? new Uint8Array(await r.arrayBuffer()) : await r.json();
        } catch (e) {
          // Cut off while the body arrived: as if no answer came. Not JSON: the server is not ours.
          if (attempt.signal.aborted || !(e instanceof SyntaxError)) throw failed();
          throw new ApiError('bad_answer', r.status);
        }
      }
      let code = 'http_' + r.status;
      try {
        const e = await r.json();
        if (e && e.error && typeof e.error.code === 'string') code = e.error.code;
      } catch {
        if (attempt.signal.aborted) throw failed();
        /* not JSON: keep http_NNN */
      }
      throw new ApiError(code, r.status, Number(r.headers.get('Retry-After')) || 0);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** One request, retried while the failure is transient. Idempotent requests only (all of API v1's). */
  async request(method, path, opts = {}) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this._once(method, path, opts);
      } catch (e) {
        if (!(e instanceof ApiError) || !e.transient || attempt >= this.delays.length || opts.noRetry) throw e;
        this.onRetry?.(attempt + 1, e);
        await sleep(Math.max(this.delays[attempt], e.retryAfter * 1000), opts.signal);
      }
    }
  }

  instance() {
    return this.request('GET', '/api/v1/instance');
  }

  /**
   * The installed rosters with a version above `after` (a number or BigInt), ascending, as signed bytes:
   * GET /api/v1/rosters?after=V, paged while the server says there is more (PROTOCOL.md §12.1: the
   * intermediate rosters of the chain rule). Anything but a list of strings is `bad_answer`.
   */
  async rostersAfter(after) {
    const out = [];
    let v = BigInt(after);
    for (let page = 0; page < 1000; page++) {
      const r = await this.request('GET', `/api/v1/rosters?after=${v}`);
      if (!r || !Array.isArray(r.rosters) || !r.rosters.every((x) => typeof x === 'string')) throw new ApiError('bad_answer', 0);
      const got = r.rosters.map((x) => base64urlToBytes(x));
      out.push(...got);
      if (!r.more || !got.length) return out;
      v = rosterVersionOf(got[got.length - 1]);
    }
    throw new ApiError('bad_answer', 0);
  }

  /** `signal`: an AbortSignal that cancels the request and the waits between its retries. */
  createUpload(fileId, chunks, signal) {
    return this.request('POST', '/api/v1/uploads', { json: { file_id: fileId, chunks }, signal });
  }

  uploadStatus(fileId) {
    return this.request('GET', `/api/v1/uploads/${fileId}`);
  }

  /**
   * One attempt only: the uploader decides what to do after a failure (ask what is missing). `streams`:
   * the PUTs in flight together (upload.js `parallel`). They share one circuit, so each gets the deadline
   * times `streams`: at the slow rate REQUEST_TIMEOUT_MS allows for one chunk, three together take three
   * times as long, and a deadline of one would fail every one of them on every retry.
   */
  putChunk(fileId, index, record, signal, streams = 1) {
    return this._once('PUT', `/api/v1/uploads/${fileId}/chunks/${index}`, { body: record, signal, timeoutMs: this.timeoutMs * streams });
  }

  createCase(body) {
    return this.request('POST', '/api/v1/cases', { json: body, noRetry: true });
  }

  /** One page of the conversation: its deadline is that of the chunks its size is worth (SOURCE_PAGE_CHUNKS). */
  sourceCase(after = 0) {
    return this.request('GET', `/api/v1/source/case${after ? '?after=' + after : ''}`, { timeoutMs: this.timeoutMs * SOURCE_PAGE_CHUNKS });
  }

  postSourceMessage(body) {
    return this.request('POST', '/api/v1/source/messages', { json: body, noRetry: true });
  }

  sourceChunk(fileId, index) {
    return this.request('GET', `/api/v1/source/files/${fileId}/chunks/${index}`, { binary: true });
  }
}

/** base64url (RFC 4648 §5, no padding) to bytes; anything else is `bad_answer`. */
function base64urlToBytes(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new ApiError('bad_answer', 0);
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The u64 roster_version at bytes 17..25 of a signed roster of either version (PROTOCOL.md §6). */
function rosterVersionOf(b) {
  if (b.length < 25) throw new ApiError('bad_answer', 0);
  let v = 0n;
  for (let i = 17; i < 25; i++) v = (v << 8n) | BigInt(b[i]);
  return v;
}

export { sleep };
