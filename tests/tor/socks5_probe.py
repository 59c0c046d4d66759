#!/usr/bin/env python3
"""SOCKS5 CONNECT probe: prints tor's reply code, nothing else.

    socks5_probe.py PROXY_HOST:PORT ONION_HOST PORT [TIMEOUT_SECONDS]

Prints the reply code as two hex digits (00 = connected; with tor's
ExtendedErrors: f0 descriptor not found, f4 client authorization missing,
f6 bad onion address ...; RFC 1928: 01 general failure, 04 host unreachable,
06 TTL expired) and exits 0. Exits 2 on a usage or protocol error and 3 on a
timeout or a proxy that closed the connection. The onion name is sent to the
proxy (remote resolution), never resolved locally.
"""
import socket
import struct
import sys


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    host, port = sys.argv[1].rsplit(":", 1)
    name = sys.argv[2].encode("ascii")
    timeout = float(sys.argv[4]) if len(sys.argv) == 5 else 60.0
    if len(name) > 255:
        return 2
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as s:
            s.sendall(b"\x05\x01\x00")
            if s.recv(2) != b"\x05\x00":
                print("proxy refused the greeting", file=sys.stderr)
                return 2
            s.sendall(b"\x05\x01\x00\x03" + bytes([len(name)]) + name +
                      struct.pack(">H", int(sys.argv[3])))
            reply = s.recv(2)
            if len(reply) < 2 or reply[0] != 5:
                print("proxy closed the connection", file=sys.stderr)
                return 3
            print("%02x" % reply[1])
            return 0
    except (socket.timeout, ConnectionError) as e:
        print("probe: %s" % e, file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
