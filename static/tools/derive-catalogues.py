#!/usr/bin/env python3
"""Derives three catalogues from www/i18n/sr-Latn.json, for a native speaker to review afterwards:

- sr-Cyrl: Serbian Latin transliterated to Cyrillic (lj/nj/dž digraphs; placeholders and product names
  such as Tor Browser, JavaScript, SLAPP, KB, MB kept in Latin);
- bs, cnr: the ijekavian forms of the words the catalogue uses, and for Bosnian the -irati verbs
  (šifrirati) and "preglednik".

Run: python3 static/tools/derive-catalogues.py   (rewrites the three files).
"""
import json
import pathlib
import re

d = pathlib.Path(__file__).resolve().parent.parent / "www" / "i18n"
src = json.loads((d / "sr-Latn.json").read_text(encoding="utf-8"))

IJE = [
    (r"\bpre\b", "prije"), (r"\bPre\b", "Prije"), ("umesto", "umjesto"), ("verujete", "vjerujete"),
    ("Prover", "Provjer"), ("prover", "provjer"), ("mesec", "mjesec"), ("vreme", "vrijeme"),
    ("primer", "primjer"), ("proleće", "proljeće"), ("videli", "vidjeli"), ("negde", "negdje"),
    ("delite", "dijelite"), ("mesta", "mjesta"), ("zamenile", "zamijenile"), ("promenio", "promijenio"),
    ("promenjeno", "promijenjeno"), ("izmenjeni", "izmijenjeni"), ("promenio", "promijenio"),
    ("promenio", "promijenio"), ("Severna", "Sjeverna"), ("Zahtev", "Zahtjev"), ("zahtev", "zahtjev"),
    ("pretnja", "prijetnja"), (r"\bdve\b", "dvije"), ("uneli", "unijeli"), ("promenio", "promijenio"),
    ("Zapisao/la", "Zapisao/la"), ("ispravan", "ispravan"), ("Dole", "Dolje"), ("dole", "dolje"),
    ("razumeti", "razumjeti"), (r"\bgde\b", "gdje"), ("mestu", "mjestu"), ("uvek", "uvijek"),
]
BS_ONLY = [
    ("dešifruju", "dešifriraju"), ("dešifrovan", "dešifriran"), ("nešifrovan", "nešifriran"),
    ("Šifrovanje", "Šifriranje"), ("šifrovanja", "šifriranja"), ("šifrovala", "šifrirala"),
    ("šifrovan", "šifriran"), ("Šifruj", "Šifriraj"), ("šifruju", "šifriraju"), ("Šifruje", "Šifrira"),
    ("šifruje", "šifrira"), ("pregledaču", "pregledniku"), ("Špijunski softver", "Špijunski softver"),
    ("računaru", "računaru"),
]


def sub_all(s, pairs):
    for a, b in pairs:
        s = re.sub(a, b, s) if a.startswith("\\b") else s.replace(a, b)
    return s


cnr = {k: sub_all(v, IJE) for k, v in src.items()}
bs = {k: sub_all(v, IJE + BS_ONLY) for k, v in src.items()}

LAT = "abcčćdđefghijklmnoprsštuvzž"
CYR = "абцчћдђефгхијклмнопрсштувзж"
KEEP = re.compile(r"(\{[a-z_]+\}|Tor Browser|JavaScript|SLAPP|\bKB\b|\bMB\b)")


def cyr(s):
    out = []
    for part in KEEP.split(s):
        if KEEP.fullmatch(part or " "):
            out.append(part)
            continue
        r = []
        i = 0
        while i < len(part):
            two = part[i : i + 2]
            low = two.lower()
            if low in ("lj", "nj", "dž"):
                c = {"lj": "љ", "nj": "њ", "dž": "џ"}[low]
                r.append(c.upper() if two[0].isupper() else c)
                i += 2
                continue
            ch = part[i]
            lo = ch.lower()
            if lo in LAT:
                c = CYR[LAT.index(lo)]
                r.append(c.upper() if ch.isupper() else c)
            else:
                r.append(ch)
            i += 1
        out.append("".join(r))
    return "".join(out)


srcyr = {k: cyr(v) for k, v in src.items()}
# Cyrillic names where the Latin ones were written for Latin script.
srcyr["page_title"] = cyr(src["page_title"])

for name, cat in (("sr-Cyrl", srcyr), ("bs", bs), ("cnr", cnr)):
    (d / f"{name}.json").write_text(json.dumps(cat, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("wrote sr-Cyrl, bs, cnr")
