#!/usr/bin/env python3
"""Writes src-tauri/core/data/country-names-cldr.tsv: the names CLDR gives each
ISO 3166-1 country in English, Spanish and French (with CLDR's short and variant
forms), which the participant import matches countries by.

Usage: npm pack cldr-localenames-modern && tar xzf cldr-localenames-modern-*.tgz
       python3 scripts/cldr-country-names.py package/main > src-tauri/core/data/country-names-cldr.tsv
"""
import json
import pathlib
import sys

main = pathlib.Path(sys.argv[1])
iso = {
    line.split("\t")[0]
    for line in pathlib.Path(__file__).parent.parent.joinpath("src-tauri/core/data/iso3166-1.tsv").read_text().splitlines()
    if line and not line.startswith("#")
}
version = json.loads(main.parent.joinpath("package.json").read_text())["version"]
print(f"# Country names from CLDR {version.split('.')[0]} (Unicode CLDR, https://cldr.unicode.org; the")
print(f"# cldr-localenames-modern {version} npm package), English, Spanish and French, with")
print("# CLDR's short and variant forms; written by scripts/cldr-country-names.py on 2026-12-07.")
print("# alpha-2 code, locale, name")
for locale in ["en", "es", "fr"]:
    names = json.loads(main.joinpath(locale, "territories.json").read_text())["main"][locale]["localeDisplayNames"]["territories"]
    for key in sorted(names):
        code = key.split("-alt-")[0]
        if code in iso:
            print(f"{code}\t{locale}\t{names[key]}")
