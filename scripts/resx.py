#!/usr/bin/env python3
"""Adds or updates Swedish UI strings in SharedResource.sv.resx.

Usage: scripts/resx.py "English text=Svensk text" ...   (or with no arguments, just re-sorts the file)
The English text is the key; views use it through IStringLocalizer, so English needs no file.
"""
import sys, xml.etree.ElementTree as ET
from pathlib import Path

path = Path(__file__).resolve().parent.parent / "src/DataPlatform.Web/Localization/SharedResource.sv.resx"
entries = {}
if path.exists():
    for data in ET.parse(path).getroot().findall("data"):
        entries[data.get("name")] = data.find("value").text or ""
for arg in sys.argv[1:]:
    key, _, value = arg.partition("=")
    entries[key] = value

# .resx names are unique regardless of case: "Search" and "search" would collide.
lowered = {}
for key in entries:
    if key.lower() in lowered and lowered[key.lower()] != key:
        sys.exit(f"'{key}' and '{lowered[key.lower()]}' differ only in case; a .resx cannot hold both")
    lowered[key.lower()] = key

root = ET.Element("root")
for name, value in [("resmimetype", "text/microsoft-resx"), ("version", "2.0"),
                    ("reader", "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"),
                    ("writer", "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]:
    header = ET.SubElement(root, "resheader", name=name)
    ET.SubElement(header, "value").text = value
for key in sorted(entries, key=str.lower):
    data = ET.SubElement(root, "data", name=key)
    data.set("xml:space", "preserve")
    ET.SubElement(data, "value").text = entries[key]
ET.indent(root, "  ")
path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
print(f"{len(entries)} strings in {path.name}")
