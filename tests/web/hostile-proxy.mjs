// A compromised server for the browser tests: an HTTP proxy in front of the real dojavad's source listener
// that passes every request through unless the test tells it to answer one itself (issue 14's hostile-server
// suite: swap the admin key mid-submission, serve an older roster). The page talks to the proxy's origin.
import http from 'node:http';

export class HostileProxy {
  /** `target`: the source listener's origin (http://127.0.0.1:PORT). */
  static async start(target) {
    const p = new HostileProxy();
    p.target = new URL(target);
    p.answers = []; // [{ method, path (RegExp), once, respond: () => { status, json } }]
    p.forwarded = []; // [{ method, path, status }] of what reached dojavad
    p.server = http.createServer((req, res) => p.#handle(req, res));
    await new Promise((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    return p;
  }

  get origin() {
    return `http://127.0.0.1:${this.server.address().port}`;
  }

  /** The proxy answers `method path` itself with respond() (once, or every time). */
  answer(method, path, respond, { once = false } = {}) {
    this.answers.push({ method, path, respond, once });
  }

  clear() {
    this.answers = [];
  }

  #handle(req, res) {
    const i = this.answers.findIndex((a) => a.method === req.method && a.path.test(req.url));
    if (i >= 0) {
      const a = this.answers[i];
      if (a.once) this.answers.splice(i, 1);
      req.resume();
      req.on('end', () => {
        const { status, json } = a.respond();
        res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(json));
      });
      return;
    }
    const up = http.request({ host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.target.host } }, (r) => {
      this.forwarded.push({ method: req.method, path: req.url, status: r.statusCode });
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  }

  close() {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
