"""Amounts and dates as written in Chinese documents → normalised values."""

from __future__ import annotations

import pytest

from zonekg.extractors.relations.values import chinese_number, find_amounts, find_dates, parse_amount, parse_date


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("10亿元", 1_000_000_000, "CNY"),
    ("8.52亿元", 852_000_000, "CNY"),
    ("16500万元", 165_000_000, "CNY"),
    ("180万元", 1_800_000, "CNY"),
    ("近亿元", 100_000_000, "CNY"),
    ("千万元", 10_000_000, "CNY"),
    ("三千万元", 30_000_000, "CNY"),
    ("5000万美元", 50_000_000, "USD"),
    ("1.2亿美元", 120_000_000, "USD"),
    ("1,200万元", 12_000_000, "CNY"),
    ("十亿元", 1_000_000_000, "CNY"),
    ("2.5万亿元", 2_500_000_000_000, "CNY"),
])
def test_parse_amount(text: str, value: int, unit: str) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.value == value and amount.unit == unit and amount.text == text


@pytest.mark.parametrize("text", ["元", "亿", "10亿", "三边", ""])
def test_not_an_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_find_amounts_offsets_slice_text() -> None:
    text = "总投资达200亿元，其中外资5000万美元，年产半轴50万件"
    found = find_amounts(text)
    assert [text[f.start:f.end] for f in found] == ["200亿元", "5000万美元"]
    assert [f.value.value for f in found] == [20_000_000_000, 50_000_000]


@pytest.mark.parametrize(("text", "iso"), [
    ("2005年12月8日", "2005-12-08"),
    ("2005年12月", "2005-12"),
    ("2005年", "2005"),
    ("2024年10月29日", "2024-10-29"),
    ("二〇〇五年十二月八日", "2005-12-08"),
    ("2016年9月6日", "2016-09-06"),
])
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2005年13月", "1850年", "12月8日", "五年来"])
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_sentence() -> None:
    text = "2001年12月28日,省政府批复同意设立开发区;2015年,高校继续帮扶"
    assert [(text[f.start:f.end], f.value) for f in find_dates(text)] == [
        ("2001年12月28日", "2001-12-28"), ("2015年", "2015")]


@pytest.mark.parametrize(("text", "value"), [("三十五", 35), ("二〇二三", 2023), ("十二", 12), ("一百零八", 108)])
def test_chinese_number(text: str, value: int) -> None:
    assert chinese_number(text) == value
