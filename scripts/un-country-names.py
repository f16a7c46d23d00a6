#!/usr/bin/env python3
"""Writes src-tauri/core/data/un-names.tsv: the short names the United Nations
gives its Member States in English, Spanish and French (UNTERM, the UN
Terminology Database), as compiled in the codelist of the countrycode package
(Arel-Bundock, Enevoldsen and Yetman; its un.name.* columns come from UNTERM).

Usage: pip download countrycode==0.6.0 --no-deps && unzip countrycode-0.6.0-py3-none-any.whl
       python3 scripts/un-country-names.py countrycode/data/codelist.pickle > src-tauri/core/data/un-names.tsv
"""
import pickle
import sys

with open(sys.argv[1], "rb") as f:
    codes = pickle.load(f)  # a dict of columns, from the package we just downloaded
print("# The UN's short names of its Member States in English, Spanish and French, from UNTERM")
print("# (https://unterm.un.org) as compiled in the countrycode 0.6.0 codelist (un.name.en,")
print("# un.name.es, un.name.fr); written by scripts/un-country-names.py on 2026-12-07.")
print("# alpha-2 code, English, Spanish, French")
rows = zip(codes["iso2c"], codes["un.name.en"], codes["un.name.es"], codes["un.name.fr"])
for code, en, es, fr in sorted((r for r in rows if r[0] and r[1]), key=lambda r: r[0]):
    print(f"{code}\t{en}\t{es}\t{fr}")
