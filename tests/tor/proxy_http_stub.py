#!/usr/bin/env python3
"""A stand-in for dojavad's listeners in tests/tor: one HTTP server on a unix
socket that requires tor's PROXY v1 line first (HiddenServiceExportCircuitID
haproxy), exactly as dojavad does with `proxy_protocol = true`.

    proxy_http_stub.py SOCKET_PATH NAME

Each request is answered with 200 and the body "NAME circuit=<id>\n", where
<id> is the global circuit id decoded from the PROXY line. A connection whose
first line is not a PROXY TCP6 line from tor's fc00:dead:beef:4dad::/64 prefix
is closed without an answer (and counted in the log on stderr), so a test that
reaches this server through the onion service also proves the circuit id
export works. Stops on SIGTERM; removes its socket.
"""
import os
import re
import signal
import socket
import socketserver
import sys

PROXY_RE = re.compile(
    rb"^PROXY TCP6 fc00:dead:beef:4dad::([0-9a-f]{1,4}):([0-9a-f]{1,4}) ::1 \d{1,5} \d{1,5}\r\n$")


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline(108)
        m = PROXY_RE.match(line)
        if not m:
            sys.stderr.write("stub %s: refused a connection without a PROXY v1 line\n" % NAME)
            return
        circuit = (int(m.group(1), 16) << 16) | int(m.group(2), 16)
        # Read the request head (request line + headers) and ignore it.
        while True:
            h = self.rfile.readline(8192)
            if not h or h in (b"\r\n", b"\n"):
                break
        body = ("%s circuit=%d\n" % (NAME, circuit)).encode()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if __name__ == "__main__":
    path, NAME = sys.argv[1], sys.argv[2]
    if os.path.exists(path):
        os.unlink(path)
    server = Server(path, Handler)
    os.chmod(path, 0o660)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        os.unlink(path)
