#!/usr/bin/python3
"""tests/notify: dojavad's content-free notifications against a real SMTP server.

Starts Debian's aiosmtpd on 127.0.0.1 (STARTTLS required, AUTH required, a
certificate made here) and the real dojavad on unix sockets, and submits with
the real dojava CLI:
  1. two reports: ONE message arrives (one per notify.min_period_seconds), over
     STARTTLS, authenticated with the password from the file, to both
     recipients, saying "There is new activity in <instance>" and nothing it
     must not (no case id, receipt, report text, count or time); the password
     is on no command line. `dojavad alert` (the monitoring checks' channel)
     sends its one line to the operator through the same relay.
  2. a relay without STARTTLS: nothing is sent in the clear, a warning is
     logged, the report is stored.
  3. a relay that is down: the submission answers as fast as without
     notifications, the source reads its case back, dojavad keeps serving and
     stops at once on SIGTERM.
  4. through a SOCKS5 proxy on a unix socket (tor's `SocksPort unix:PATH`):
     the relay's name goes to the proxy (remote resolution), TLS still holds.

  tests/notify/notify_test.py DOJAVAD DOJAVA
Uses Debian's /usr/bin/python3 (python3-aiosmtpd, ops/setup installs it).
"""
import atexit
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

DOJAVAD, DOJAVA = sys.argv[1], sys.argv[2]
started = []  # every dojavad this script started; none outlives it, however it ends


@atexit.register
def stop_leftovers():
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
PASSWORD = "relay-pass-7Qx"
INSTANCE = "Notify Newsroom"
failures = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Relay:
    """aiosmtpd keeping every message with how it came (TLS, login)."""

    def __init__(self, tls_context=None):
        self.messages = []
        self.logins = []
        self.port = free_port()
        kw = dict(hostname="127.0.0.1", port=self.port, auth_require_tls=True,
                  authenticator=self.auth)
        if tls_context is not None:
            kw.update(tls_context=tls_context, require_starttls=True, auth_required=True)
        self.controller = Controller(self, **kw)
        self.controller.start()

    def auth(self, server, session, envelope, mechanism, auth_data):
        self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.password.decode() == PASSWORD)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(dict(content=envelope.content.decode("utf-8", "replace"),
                                  mail_from=envelope.mail_from, rcpt=list(envelope.rcpt_tos),
                                  tls=session.ssl is not None))
        return "250 OK"

    def stop(self):
        self.controller.stop()


class UnixSocks5:
    """A SOCKS5 proxy on a unix socket, as tor's `SocksPort unix:PATH`: records
    each request (address type, host, port) and connects it on 127.0.0.1."""

    def __init__(self, path):
        self.requests = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        self.sock.listen(8)
        threading.Thread(target=self.accept, daemon=True).start()

    @staticmethod
    def exact(c, n):
        b = b""
        while len(b) < n:
            part = c.recv(n - len(b))
            if not part:
                raise EOFError
            b += part
        return b

    def accept(self):
        while True:
            c, _ = self.sock.accept()
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def serve(self, c):
        try:
            _, n = self.exact(c, 2)
            self.exact(c, n)
            c.sendall(b"\x05\x00")
            _, cmd, _, atyp = self.exact(c, 4)
            host = (self.exact(c, self.exact(c, 1)[0]).decode() if atyp == 3
                    else socket.inet_ntoa(self.exact(c, 4)))
            port = int.from_bytes(self.exact(c, 2), "big")
            self.requests.append((atyp, host, port))
            up = socket.create_connection(("127.0.0.1", port), timeout=30)
            c.sendall(b"\x05\x00\x00\x01" + bytes(6))
            for a, b in ((c, up), (up, c)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()
        except (EOFError, OSError):
            c.close()

    @staticmethod
    def pipe(a, b):
        try:
            while True:
                d = a.recv(65536)
                if not d:
                    break
                b.sendall(d)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


class Node:
    """One instance: dojavad serve on unix sockets, a roster, a source."""

    def __init__(self, work, name, notify):
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir)
        run(DOJAVAD, "init", "--data-dir", self.dir + "/data", "--admin-public-key", admin_pub,
            "--name", INSTANCE)
        self.src = "unix:" + self.dir + "/s.sock"
        self.rev = "unix:" + self.dir + "/r.sock"
        self.log = open(self.dir + "/serve.log", "w+")
        args = [DOJAVAD, "serve", "--data-dir", self.dir + "/data", "source.listen=" + self.src,
                "reviewer.listen=" + self.rev, "store.disk_reserve_bytes=0"]
        args += ["notify.%s=%s" % kv for kv in notify.items()]
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        started.append(self.proc)
        for _ in range(100):
            if os.path.exists(self.dir + "/r.sock") and os.path.exists(self.dir + "/s.sock"):
                break
            time.sleep(0.1)
        run(DOJAVA, "roster", "add", "--server", self.rev, "--state-dir", self.dir + "/admin-st",
            "--admin-fingerprint", admin_fp, "--admin-key", work + "/admin.key",
            "--passphrase-file", work + "/pass", "--name", "Reviewer",
            "--reviewer-public", work + "/reviewer.key.pub")

    def submit(self, text):
        path = self.dir + "/report-%d.txt" % time.monotonic_ns()
        with open(path, "w") as f:
            f.write(text + "\n")
        t0 = time.monotonic()
        out = run(DOJAVA, "submit", "--server", self.src, "--state-dir", self.dir + "/src-st",
                  "--admin-fingerprint", admin_fp, "--text-file", path, "--json").stdout
        return json.loads(out), time.monotonic() - t0

    def logged(self):
        self.log.flush()
        with open(self.dir + "/serve.log") as f:
            return f.read()

    def stop(self):
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=30)
        return rc, time.monotonic() - t0


def wait_for(cond, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return cond()


with tempfile.TemporaryDirectory(prefix="dojava-notify-") as work:
    os.chmod(work, 0o700)
    old_umask = os.umask(0o077)
    with open(work + "/pass", "w") as f:
        f.write("notify test passphrase\n")
    with open(work + "/smtp.pass", "w") as f:
        f.write(PASSWORD + "\n")
    admin = json.loads(run(DOJAVA, "admin", "init", "--key-file", work + "/admin.key",
                           "--passphrase-file", work + "/pass", "--kdf-memory-mib", "8",
                           "--json").stdout)
    admin_pub, admin_fp = admin["admin_public_key"], admin["fingerprint"]
    run(DOJAVA, "keygen", "--key-file", work + "/reviewer.key", "--passphrase-file",
        work + "/pass", "--kdf-memory-mib", "8")
    # The relay's certificate, for localhost and 127.0.0.1; dojavad trusts it
    # through notify.ca_file (a relay with a private CA), nothing else.
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", work + "/relay.key", "-out", work + "/relay.crt")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(work + "/relay.crt", work + "/relay.key")

    print("== 1. a relay with STARTTLS and AUTH; two reports, one message", flush=True)
    relay = Relay(ctx)
    base = {"from": "dojava@example.org", "to": "desk@example.org, editor@example.org",
            "ca_file": work + "/relay.crt", "min_period_seconds": "60",
            "max_delay_seconds": "2", "timeout_seconds": "10"}
    a = Node(work, "a", dict(base, smtp_url="smtp://localhost:%d" % relay.port,
                             smtp_user="newsroom", smtp_password_file=work + "/smtp.pass"))
    marker = "Interception at the Vrbnica crossing %d" % time.time_ns()
    first, _ = a.submit(marker)
    second, _ = a.submit(marker + " (follow-up case)")
    check(wait_for(lambda: relay.messages, 20), "a message arrives (random delay <= 2 s)")
    time.sleep(4)
    check(len(relay.messages) == 1, "exactly one message for two reports in one period "
          "(got %d)" % len(relay.messages))
    m = relay.messages[0] if relay.messages else dict(content="", rcpt=[], tls=False, mail_from="")
    text = m["content"]
    print("    | " + text.replace("\r\n", "\n").replace("\n", "\n    | ").rstrip(), flush=True)
    check(m["tls"], "sent over TLS (STARTTLS)")
    check(relay.logins == [("newsroom", PASSWORD)], "authenticated with the password file's password")
    check(sorted(m["rcpt"]) == ["desk@example.org", "editor@example.org"], "to both recipients")
    check(m["mail_from"] == "dojava@example.org", "from the configured sender")
    check("Subject: There is new activity in %s." % INSTANCE in text, "subject names the instance")
    body = text.split("\r\n\r\n", 1)[-1] if "\r\n\r\n" in text else text.split("\n\n", 1)[-1]
    check(not re.search(r"\d", body), "no digit in the body: no count, id, time or receipt")
    secrets = [first["receipt"], second["receipt"], marker, "Vrbnica"]
    for k in ("case_id", "id"):
        secrets += [str(r[k]) for r in (first, second) if r.get(k)]
    check(not any(s and s in text for s in secrets), "no receipt, case id or report text")
    receipt_digits = re.sub(r"\D", "", first["receipt"])
    check(receipt_digits not in re.sub(r"\D", "", text), "no receipt digits anywhere")
    check(not re.search(r"\b\d{1,2}:\d{2}\b", text), "no clock time")
    with open("/proc/%d/cmdline" % a.proc.pid, "rb") as f:
        check(PASSWORD.encode() not in f.read(), "the password is on no command line")
    check(PASSWORD not in a.logged(), "the password is not logged")
    # dojavad alert (the monitoring checks' channel): the relay of the
    # instance's config file, another recipient, the given line; the password
    # from a file given by option.
    conf = a.dir + "/data/dojavad.conf"
    keys = dict(base, smtp_url="smtp://localhost:%d" % relay.port, smtp_user="newsroom")
    with open(conf) as f:
        lines = [l for l in f.read().splitlines()
                 if l.split(" = ")[0] not in ["notify." + k for k in keys]]
    with open(conf, "w") as f:
        f.write("\n".join(lines + ["notify.%s = %s" % kv for kv in keys.items()]) + "\n")
    out = subprocess.run([DOJAVAD, "alert", "--data-dir", a.dir + "/data", "--to", "ops@example.org",
                          "--password-file", work + "/smtp.pass", "--message",
                          "Dojava monitor: 1 problem(s): alpha: no backup yet"],
                         capture_output=True, text=True)
    check(out.returncode == 0, "dojavad alert exits 0 " + out.stderr.strip())
    check(wait_for(lambda: len(relay.messages) == 2, 10), "the alert arrives")
    if len(relay.messages) == 2:
        alert = relay.messages[1]
        check(alert["rcpt"] == ["ops@example.org"] and alert["tls"], "  ... to the operator, over TLS")
        check("Subject: Dojava monitor: 1 problem(s): alpha: no backup yet" in alert["content"],
              "  ... with the given line")
    bad = subprocess.run([DOJAVAD, "alert", "--data-dir", a.dir + "/data", "--message", "x\nBcc: y@z"],
                         capture_output=True, text=True)
    check(bad.returncode != 0, "dojavad alert refuses a message of two lines")
    version = subprocess.run([DOJAVAD, "--version"], capture_output=True, text=True).stdout
    check(re.fullmatch(r"dojavad \d+\.\d+\.\d+ \(protocol v\d+, API v\d+\)\n", version) is not None, "dojavad --version")
    rc, _ = a.stop()
    relay.stop()

    print("== 2. a relay without STARTTLS: nothing in the clear", flush=True)
    plain = Relay(None)
    b = Node(work, "b", dict(base, smtp_url="smtp://localhost:%d" % plain.port,
                             max_delay_seconds="0"))
    b.submit("A report that must not trigger a mail in the clear")
    check(wait_for(lambda: "notification not sent" in b.logged(), 20),
          "dojavad logs 'notification not sent'")
    check(plain.messages == [], "no message accepted by a relay without TLS")
    check(b.proc.poll() is None, "dojavad keeps serving")
    b.stop()
    plain.stop()

    print("== 4. through tor's SOCKS port on a unix socket (notify.socks5 = unix:PATH)", flush=True)
    relay = Relay(ctx)
    socks = UnixSocks5(work + "/socks")
    e = Node(work, "e", dict(base, smtp_url="smtp://localhost:%d" % relay.port, smtp_user="newsroom",
                             smtp_password_file=work + "/smtp.pass", socks5="unix:" + work + "/socks",
                             max_delay_seconds="0"))
    e.submit("A report whose notice goes through tor")
    check(wait_for(lambda: relay.messages, 20), "the message arrives through the SOCKS proxy")
    check(socks.requests == [(3, "localhost", relay.port)],
          "  ... the relay's NAME was sent to the proxy (resolved by tor, no DNS here): %r"
          % socks.requests)
    check(bool(relay.messages) and relay.messages[0]["tls"], "  ... and STARTTLS still required")
    e.stop()
    relay.stop()

    print("== 3. a relay that is down: no case lost, nothing blocked", flush=True)
    c = Node(work, "c", dict(base, smtp_url="smtp://127.0.0.1:%d" % free_port(),
                             max_delay_seconds="0"))
    d = Node(work, "d", {})  # the same without notifications, for the timing
    _, t_plain = d.submit("Timing reference")
    d.stop()
    res, t_down = c.submit("A report while the relay is down")
    res2, t_down2 = c.submit("Another one while the relay is down")
    check(t_down2 < t_plain + 5, "submission answers as without notifications "
          "(%.2f s / %.2f s vs %.2f s)" % (t_down, t_down2, t_plain))
    check(wait_for(lambda: "notification not sent" in c.logged(), 20),
          "dojavad logs 'notification not sent'")
    with open(c.dir + "/receipt", "w") as f:
        f.write(res["receipt"] + "\n")
    inbox = subprocess.run([DOJAVA, "inbox", "--server", c.src, "--state-dir", c.dir + "/src-st",
                            "--admin-fingerprint", admin_fp, "--receipt-file", c.dir + "/receipt"],
                           capture_output=True, text=True)
    check(inbox.returncode == 0 and "A report while the relay is down" in inbox.stdout,
          "the source reads its case back")
    rc, t_stop = c.stop()
    check(rc == 0 and t_stop < 5, "SIGTERM: dojavad exits 0 at once (%.2f s)" % t_stop)
    print("    | " + c.logged().strip().replace("\n", "\n    | "), flush=True)
    os.umask(old_umask)

print("tests/notify: %s" % ("all checks passed" if not failures else "FAILED: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
