"""Relation extraction needs no network: every socket connection attempt fails the test."""

from __future__ import annotations

import socket

import pytest


def test_pipeline_with_relations_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from zonekg.extractors.extract import extract_text

    facts = extract_text("青山经济技术开发区重点发展电子信息、生物医药等产业。华信电子有限公司落户青山经济技术开发区。")
    found = {(r.type, facts.mentions[r.head].name, facts.mentions[r.tail].name) for r in facts.relations}
    assert ("HAS_INDUSTRY", "青山经济技术开发区", "电子信息") in found
    assert ("LOCATED_IN", "华信电子有限公司", "青山经济技术开发区") in found
