// A static file server for page-only checks while no dojavad with the API is at hand. It is NOT a
// stand-in for dojavad's API: it serves static/www only, answers every other path 404 with the API's
// error shape, and sends the security headers copied at run time from service/http/http_message.cc
// (so the page is checked under the exact CSP the server sends).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };

/** The header list of service/http/http_message.cc, parsed from the source. */
export function serverSecurityHeaders(repo) {
  const src = fs.readFileSync(path.join(repo, 'service/http/http_message.cc'), 'utf8');
  const headers = {};
  for (const m of src.matchAll(/\{"([A-Za-z-]+)",\s*((?:"[^"]*"\s*)+)\}/g)) {
    headers[m[1]] = [...m[2].matchAll(/"([^"]*)"/g)].map((x) => x[1]).join('');
  }
  if (!headers['Content-Security-Policy']) throw new Error('CSP not found in http_message.cc');
  return headers;
}

/** `tamper`: { '/path': (bytes) => bytes } applied to a file as served (tests of integrity checks). */
export function startStaticServer(repo, root, { tamper = {} } = {}) {
  const headers = serverSecurityHeaders(repo);
  const server = http.createServer((req, res) => {
    let p = new URL(req.url, 'http://x').pathname;
    if (p === '/') p = '/index.html';
    const parts = p.split('/').slice(1);
    const ok = parts.every((s) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(s));
    const file = path.join(root, ...parts);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (req.method === 'GET' && ok && TYPES[path.extname(file)] && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.setHeader('Content-Type', TYPES[path.extname(file)]);
      const bytes = fs.readFileSync(file);
      res.end(tamper[p] ? tamper[p](bytes) : bytes);
      return;
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json');
    res.end('{"error":{"code":"not_found","message":"Not found."}}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
