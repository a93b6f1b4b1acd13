"""Money amounts and dates written in Chinese, as normalised values with their offsets.

``find_amounts`` turns 10亿元 / 16500万元 / 5000万美元 / 近亿元 into
:class:`zonekg.schema.records.Amount` (value in yuan or US dollars);
``find_dates`` turns 2005年12月8日 / 2005年12月 / 2005年 / 二〇〇五年 into ISO
strings (partial dates stay partial).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zonekg.schema.records import Amount

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUM = "〇零○一二两三四五六七八九十百千"

# Multipliers of the unit words that may stand between the number and 元/美元.
_SCALE = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10_000, "十万": 100_000, "百万": 1_000_000,
          "千万": 10_000_000, "亿": 100_000_000, "十亿": 1_000_000_000, "百亿": 10_000_000_000,
          "千亿": 100_000_000_000, "万亿": 1_000_000_000_000}

_AMOUNT = re.compile(
    r"(?P<approx>近|约|逾|超)?"
    r"(?P<num>\d+(?:[,，]\d{3})*(?:\.\d+)?|[" + _CN_NUM + r"]+)?"
    r"(?P<scale>万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)?"
    r"(?:多|余)?"
    r"(?P<unit>美元|元|美金)"
)

_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2}|[一二〇○零][〇○零一二三四五六七八九]{3})\s*年"
    r"(?:\s*(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
    r"(?:\s*(?P<day>3[01]|[12]\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*日)?)?"
)


@dataclass(frozen=True)
class Found:
    """A value found in a text: its ``[start, end)`` offsets and the normalised value."""

    start: int
    end: int
    value: object


def chinese_number(text: str) -> int | None:
    """Return the integer a Chinese numeral spells (三十五 → 35, 二〇〇五 → 2005), or None."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        # digit by digit, as years are written: 二〇〇五
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _number(text: str) -> float | None:
    text = text.replace(",", "").replace("，", "")
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    value = chinese_number(text)
    return None if value is None else float(value)


def parse_amount(text: str) -> Amount | None:
    """Return the Amount that ``text`` spells as a whole (e.g. "8.52亿元"), or None."""
    match = _AMOUNT.fullmatch(text.strip())
    return _amount_from(match) if match else None


def find_amounts(text: str) -> list[Found]:
    """Return every money amount in ``text`` with its offsets, in text order."""
    found = []
    for match in _AMOUNT.finditer(text):
        amount = _amount_from(match)
        if amount is not None:
            found.append(Found(match.start(), match.end(), amount))
    return found


def _amount_from(match: re.Match[str]) -> Amount | None:
    num_text, scale = match.group("num") or "", match.group("scale") or ""
    if not num_text and not scale:
        return None  # a bare 元 is not an amount
    if not num_text:
        # 近亿元 / 千万元: the scale word alone means one of it
        number = 1.0
    else:
        # 十亿 read as one Chinese numeral would swallow the scale: split it back
        number = _number(num_text)
        if number is None:
            return None
    value = number * _SCALE[scale]
    unit = "USD" if match.group("unit") in ("美元", "美金") else "CNY"
    if float(value).is_integer():
        value = int(value)
    return Amount(value=value, unit=unit, text=match.group(0))


def _month_or_day(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese_number(text)


def parse_date(text: str) -> str | None:
    """Return the ISO date that ``text`` spells as a whole (2005年12月 → "2005-12"), or None."""
    match = _DATE.fullmatch(text.strip())
    return _iso_from(match) if match else None


def find_dates(text: str) -> list[Found]:
    """Return every full or partial date in ``text`` as ISO strings with offsets, in text order."""
    found = []
    for match in _DATE.finditer(text):
        iso = _iso_from(match)
        if iso is not None:
            found.append(Found(match.start(), match.end(), iso))
    return found


def _iso_from(match: re.Match[str]) -> str | None:
    year_text = match.group("year")
    year = int(year_text) if year_text.isdigit() else chinese_number(year_text)
    if year is None or not 1900 <= year <= 2100:
        return None
    month = _month_or_day(match.group("month"))
    day = _month_or_day(match.group("day"))
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
