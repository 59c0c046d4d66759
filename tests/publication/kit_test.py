#!/usr/bin/python3
"""tests/publication: ops/publication/make-kit makes the publication kit in the seven languages.

Checks, for a made-up instance: every language's landing text and sheet exist, in that language (the
page's own catalogue titles), with the address, the grouped fingerprint and the pinning link
http://ADDRESS/#fp=40hex exactly as the page parses it (static/www/js/page.js); the sheet's QR code is
qrencode's code of that link; the Onion-Location examples; a bad address or fingerprint is refused and
writes nothing. With Debian's chromium: the English sheet printed to a one-page PDF.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KIT = os.path.join(ROOT, "ops", "publication", "make-kit")
LANGS = ["en", "sq", "sr-Latn", "sr-Cyrl", "bs", "cnr", "mk"]
failures = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


addr = base64.b32encode(os.urandom(35)).decode().lower() + ".onion"
fp_text = "f41a 9eb9 2702 61e6 77dd ed6b a235 cc92 b131 c6ee"
fp = fp_text.replace(" ", "")
link = "http://%s/#fp=%s" % (addr, fp)
with tempfile.TemporaryDirectory() as out:
    run = subprocess.run([sys.executable, KIT, "--address", addr, "--fingerprint", fp_text, "--name",
                          "Alpha <newsroom>", "--out", out, "--no-pdf"], capture_output=True, text=True)
    check(run.returncode == 0, "make-kit --no-pdf succeeds " + run.stderr.strip())
    expected_qr = subprocess.run(["qrencode", "-t", "SVG", "-l", "M", "-m", "2", "-s", "8", "-o", "-",
                                  link], check=True, capture_output=True).stdout.decode()
    expected_qr = expected_qr[expected_qr.index("<svg"):]
    for lang in LANGS:
        with open(os.path.join(ROOT, "static", "www", "i18n", lang + ".json"), encoding="utf-8") as f:
            title = json.load(f)["submit_title"]
        for kind in ("landing", "sheet"):
            path = os.path.join(out, "%s-%s.html" % (kind, lang))
            text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            check(('lang="%s"' % lang) in text and title in text, "%s-%s: in %s" % (kind, lang, lang))
            check(addr in text and fp_text in text, "%s-%s: address and fingerprint" % (kind, lang))
            check("Alpha &lt;newsroom&gt;" in text and "<newsroom>" not in text,
                  "%s-%s: the name is escaped" % (kind, lang))
        landing = open(os.path.join(out, "landing-%s.html" % lang), encoding="utf-8").read()
        m = re.search(r'href="([^"]+)"', landing)
        pinned = re.search(r"(?:^#|&)fp=([0-9a-f]{40})(?:&|$)", m.group(1).split("/", 3)[-1].lstrip("/")) if m else None
        check(m is not None and m.group(1) == link and pinned and pinned.group(1) == fp,
              "landing-%s: the link pins the fingerprint as the page reads it" % lang)
        sheet = open(os.path.join(out, "sheet-%s.html" % lang), encoding="utf-8").read()
        check(expected_qr in sheet, "sheet-%s: the QR code is qrencode's code of the link" % lang)
    ol = open(os.path.join(out, "onion-location.txt")).read()
    check("add_header Onion-Location http://%s$request_uri always;" % addr in ol, "Onion-Location (nginx)")
    check('Header always set Onion-Location "http://%s%%{REQUEST_URI}s"' % addr in ol,
          "Onion-Location (Apache)")
    for bad in (["--address", "example.org"], ["--fingerprint", "f41a 9eb9"]):
        args = dict(zip(["--address", "--fingerprint"], [addr, fp_text]))
        args[bad[0]] = bad[1]
        d = os.path.join(out, "bad")
        r = subprocess.run([sys.executable, KIT, "--name", "X", "--out", d] +
                           sum(([k, v] for k, v in args.items()), []), capture_output=True, text=True)
        check(r.returncode != 0 and not os.path.exists(d), "refused, nothing written: %s %s" % tuple(bad))
    if shutil.which("chromium"):
        r = subprocess.run([sys.executable, KIT, "--address", addr, "--fingerprint", fp_text, "--name",
                            "Alpha", "--out", out + "/pdf", "--lang", "en"], capture_output=True, text=True)
        pdf = open(out + "/pdf/sheet-en.pdf", "rb").read() if r.returncode == 0 else b""
        check(pdf.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1,
              "sheet-en.pdf: a one-page PDF")
    else:
        print("  skip  PDF: chromium is not installed")
print("tests/publication: %s" % ("all checks passed" if not failures else "FAILED: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
