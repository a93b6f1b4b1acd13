"""Render benchmark results as one Markdown table (the CLI prints it; BENCHMARKS.md embeds it)."""

from __future__ import annotations

from typing import Any

# The targets the numbers are read against (see BENCHMARKS.md).
TARGET_CHARS_PER_S = 100_000
TARGET_RATIO = 4.0
TARGET_LOAD_FACTS_PER_S = 20_000
TARGET_P95_MS = 100.0


def render_table(result: dict[str, Any]) -> str:
    """Return the results as a Markdown table: section | measure | value | against."""
    rows: list[tuple[str, str, str, str]] = []
    corpus = result["corpus"]
    rows.append(("corpus", "files / docs / chars", f"{corpus['files']} / {corpus['docs']} / {corpus['chars']:,}", ""))
    extract = result["extract"]
    rows.append(("extract", "end to end, 1 process", _speed(extract),
                 _target(extract["chars_per_s"], TARGET_CHARS_PER_S, "chars/s")))
    for stage, entry in extract.get("stages", {}).items():
        rows.append(("extract", f"  stage {stage}", f"{entry['chars_per_s']:,.0f} chars/s",
                     f"{entry['share']:.0%} of staged time"))
    rows.append(("extract", "entities / relations", f"{extract['entities']:,} / {extract['relations']:,}", ""))
    best = max((a.get("chars_per_s", 0) for a in result.get("alternatives", {}).values()), default=0)
    for name, alt in result.get("alternatives", {}).items():
        note = f"zonekg ÷ {name} = {alt['ratio']}×" if alt.get("ratio") is not None else ""
        if alt.get("cpu_ratio") is not None:
            note += f" (per CPU-s {alt['cpu_ratio']}×)"
        if alt.get("chars_per_s") == best and alt.get("ratio") is not None:
            note += f" ({'meets' if alt['ratio'] >= TARGET_RATIO else 'below'} ≥{TARGET_RATIO:g}× target)"
        value = f"{alt['chars_per_s']:,.0f} chars/s"
        if alt.get("chars_per_cpu_s"):
            value += f" ({alt['chars_per_cpu_s']:,.0f} chars/CPU-s)"
        rows.append(("alternative", f"{name} ({alt['names']:,} names)", value, note))
    if "load" in result:
        rows.extend(_graph_rows("corpus", result["load"], result["presets"]))
    for scale, entry in result.get("scales", {}).items():
        section = f"{scale}×"
        rows.append((section, "docs / chars", f"{entry['corpus']['docs']:,} / {entry['corpus']['chars']:,}", ""))
        rows.append((section, "extract, 1 process", _speed(entry["extract"]),
                     f"{entry['extract']['entities']:,} entities, {entry['extract']['relations']:,} relations"))
        if "load" in entry:
            rows.extend(_graph_rows(section, entry["load"], entry["presets"]))
        workers = entry.get("workers")
        if workers:
            for count, point in workers["processes"].items():
                rows.append((section, f"extract, {count} process(es)", f"{point['chars_per_s']:,.0f} chars/s",
                             f"speedup {point['speedup']}×, identical output: {point['identical']}"))
            ray = workers.get("ray")
            if ray and "skipped" not in ray:
                rows.append((section, f"extract, Ray local ({ray['workers']} CPUs)", f"{ray['chars_per_s']:,.0f} chars/s",
                             f"+{ray['startup_seconds']:.1f} s start-up, identical output: {ray['identical']}"))
            elif ray:
                rows.append((section, "extract, Ray", "skipped", ray["skipped"]))
        rows.append((section, "peak RSS so far", f"{entry['peak_rss_mb']:,.0f} MB", ""))
    grow = result.get("growth") or {}
    if grow:
        span = f"{grow['from_scale']}×→{grow['to_scale']}×"
        rows.append(("growth", f"extract time exponent {span}", _fmt(grow["extract_seconds"]), "1 = linear"))
        if "load_seconds" in grow:
            rows.append(("growth", f"load time exponent {span}", _fmt(grow["load_seconds"]), "1 = linear"))
            flat = [v for v in grow["presets_p95"].values() if v is not None]
            if flat:
                rows.append(("growth", f"preset p95 exponent {span} (max)", _fmt(max(flat)), "0 = flat"))
    rows.append(("memory", "peak RSS", f"{result['peak_rss_mb']:,.0f} MB", ""))
    return _markdown(("section", "measure", "value", "against"), rows)


def _graph_rows(section: str, load: dict[str, Any], presets: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows = [(section, f"load {load['facts']:,} facts", f"{load['facts_per_s']:,.0f} facts/s",
             _target(load["facts_per_s"], TARGET_LOAD_FACTS_PER_S, "facts/s")),
            (section, "repeat load: created", f"{load['repeat_created']} nodes+relationships",
             f"target 0; repeat took {load['repeat_seconds']:.2f} s")]
    worst = max((p["p95_ms"] for p in presets.values() if p.get("p95_ms") is not None), default=None)
    for name, entry in presets.items():
        failed = f"; {entry['failures']} failed: {entry['first_failure']}" if entry.get("failures") else ""
        if entry.get("p95_ms") is None:
            rows.append((section, f"preset {name}", "not run", entry.get("note", "") + failed))
            continue
        mark = " (worst)" if entry["p95_ms"] == worst else ""
        rows.append((section, f"preset {name} p50 / p95", f"{entry['p50_ms']:.1f} / {entry['p95_ms']:.1f} ms",
                     f"target p95 < {TARGET_P95_MS:g} ms{mark}{failed}"))
    return rows


def _speed(entry: dict[str, Any]) -> str:
    text = f"{entry['chars_per_s']:,.0f} chars/s, {entry['docs_per_s']:,.1f} docs/s"
    if entry.get("chars_per_cpu_s"):
        text += f" ({entry['chars_per_cpu_s']:,.0f} chars/CPU-s)"
    return text


def _target(value: float, target: float, unit: str) -> str:
    return f"{'meets' if value >= target else 'below'} ≥{target:,.0f} {unit}"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _markdown(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)
