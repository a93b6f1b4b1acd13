"""Return the administrative-division gazetteer (province → town) read from jionlp's data file.

The file ships inside the installed ``jionlp`` package; it is read directly
(jionlp itself is not imported, which would be slow and print a banner) and
cached once per process.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zonekg.schema.errors import ConfigError

LEVELS = ("province", "city", "county", "town")

# Suffixes removed to get the short form people write (来凤县 → 来凤, 恩施土家族苗族自治州 → 恩施).
_SHORT_SUFFIXES = ("土家族苗族自治州", "藏族羌族自治州", "自治州", "自治县", "自治旗", "特别行政区", "壮族自治区",
                   "回族自治区", "维吾尔自治区", "自治区", "新区", "地区", "林区", "矿区", "街道", "省", "市", "县", "区",
                   "旗", "盟", "镇", "乡")


@dataclass(frozen=True)
class Place:
    """One administrative division: its official name, short form, level, code and parents."""

    name: str
    short: str | None
    level: str
    code: str | None
    province: str | None
    city: str | None

    def chain(self) -> tuple[str | None, str | None, str | None]:
        """Return (province, city, county) with this place filled in at its level."""
        if self.level == "province":
            return (self.name, None, None)
        if self.level == "city":
            return (self.province, self.name, None)
        return (self.province, self.city, self.name if self.level == "county" else None)


def location_lines() -> Iterator[str]:
    """Yield the lines of jionlp's china_location.txt, or raise ConfigError when jionlp is missing.

    A fresh jionlp install ships the file zipped and unzips it on first use into
    site-packages; read it from the zip when it is not unpacked, so nothing is written
    into the installation and a read-only install works too.
    """
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("jionlp: package not installed; run `pip install 'jionlp>=1.5,<1.6'` for the place gazetteer")
    folder = Path(list(spec.submodule_search_locations)[0]) / "dictionary"
    text_file, zip_file = folder / "china_location.txt", folder / "china_location.zip"
    if text_file.is_file():
        with open(text_file, encoding="utf-8") as handle:
            yield from handle
    elif zip_file.is_file():
        with zipfile.ZipFile(zip_file) as archive, archive.open("china_location.txt") as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        raise ConfigError(f"{folder}: jionlp's place file china_location.txt(.zip) is missing; reinstall jionlp")


def short_form(name: str, level: str) -> str | None:
    """Return the short form of an official place name, or None when it would be one character."""
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            # nationality words before 自治县 etc. are not part of the short form (长阳土家族 → 长阳)
            for ethnic in ("土家族", "苗族", "侗族", "瑶族", "彝族", "回族", "藏族", "蒙古族", "满族", "壮族", "黎族", "畲族",
                           "羌族", "白族", "傣族", "布依族", "仡佬族", "水族", "哈尼族", "纳西族", "傈僳族", "朝鲜族"):
                while stem.endswith(ethnic) and len(stem) - len(ethnic) >= 2:
                    stem = stem[: -len(ethnic)]
            return stem if len(stem) >= 2 else None
    return None


@lru_cache(maxsize=1)
def load_places() -> tuple[Place, ...]:
    """Return every province, city, county and town of the gazetteer, in file order."""
    places: list[Place] = []
    province = city = None
    for raw in location_lines():
        line = raw.rstrip("\r\n")
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3 or not line.strip():
            continue  # villages and communities: too many and too ambiguous
        fields = line.strip().split("\t")
        name = fields[0]
        code = fields[1] if len(fields) > 1 and fields[1] else None
        level = LEVELS[depth]
        if depth == 0:
            province, city = name, None
        elif depth == 1:
            city = name
        if depth == 1 and (name == province or "直辖" in name):
            continue  # municipalities repeat themselves as their own city; 省直辖行政区划 is no city
        short = fields[2] if len(fields) > 2 and fields[2] and fields[2] != name else short_form(name, level)
        parent_city = city if depth >= 2 and city != province and "直辖" not in (city or "") else None
        places.append(Place(name, short if short and len(short) >= 2 else None, level, code,
                            province if depth else None, parent_city))
    return tuple(places)
