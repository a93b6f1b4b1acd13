"""IN_REGION: a zone and the administrative area it lies in.

From the place that begins the zone's name (the nested Place span, or a
gazetteer prefix: 来凤经济开发区 → 来凤), from a place written right before the
zone (阜城县运河新区), from 位于/地处/坐落于 X, and from the larger areas (city,
province) of that place when the same sentence names them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Span

from zonekg.extractors.data.places import load_places
from zonekg.extractors.pipeline.spans import RelationCandidate
from zonekg.extractors.relations.context import DocContext, ZONE, is_generic_zone, text_of, zone_key
from zonekg.extractors.relations.emit import candidate
from zonekg.schema.errors import ConfigError

REL = "IN_REGION"
PLACE = "Place"
_LOCATED = re.compile(r"位于|地处|坐落于|坐落在|地跨|处于")
_MAX_PREFIX = 8
_OTHER_SUBJECT = re.compile(r"项目|企业|公司|基地|工厂|厂区|车间|总部")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, str | None, str | None]]:
    """Return name or unambiguous short form → (level, province, city) of provinces, cities and counties."""
    try:
        places = load_places()
    except (ConfigError, OSError):  # the gazetteer is an aid: without it only the text's own places count
        return {}
    table: dict[str, tuple[str, str | None, str | None]] = {}
    shorts: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for place in places:
        if place.level == "town":
            continue
        info = (place.level, place.province, place.city)
        table.setdefault(place.name, info)
        if place.short:
            shorts.setdefault(place.short, []).append(info)
    for short, infos in shorts.items():
        if len(set(infos)) == 1:
            table.setdefault(short, infos[0])
    return table


@lru_cache(maxsize=1)
def _all_readings() -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
    """Return every (level, province, city) a place name or short form may stand for (东山: 福建 or 黑龙江)."""
    try:
        places = load_places()
    except (ConfigError, OSError):
        return {}
    readings: dict[str, set[tuple[str, str | None, str | None]]] = {}
    for place in places:
        if place.level == "town":
            continue
        for form in (place.name, place.short):
            if form:
                readings.setdefault(form, set()).add((place.level, place.province, place.city))
    return {form: tuple(sorted(infos, key=str)) for form, infos in readings.items()}


def _ancestors_named(place: Span, named: list[Span]) -> set[str]:
    """Return the city and province of a place, an ambiguous short form read by the areas the document names."""
    found = _ancestors(place)
    if found:
        return found
    fitting = set()
    for info in _all_readings().get(text_of(place), ()):
        names = {n for n in info[1:] if n}
        if names and any(_same_area(other, names) for other in named if text_of(other) != text_of(place)):
            fitting.add(frozenset(names))
    # only a single reading the document vouches for counts
    return set(next(iter(fitting))) if len(fitting) == 1 else set()


def place_info(text: str) -> tuple[str, str | None, str | None] | None:
    """Return (level, province, city) of a place name or short form, or None when unknown or ambiguous."""
    return _gazetteer().get(text)


def _prefix_places(ctx: DocContext, zone: Span) -> list[Span]:
    """Return the places that begin the zone's name: nested Place spans, else gazetteer prefixes."""
    found: list[Span] = []
    pos = zone.start_char
    # nested places count only where they chain from the start of the name (云南|嵩明|杨林工业园区)
    for span in ctx.nested_in(zone, (PLACE,)):
        # an ambiguous short form (东山, 凤山) is the recogniser's call; a unique one must fit the region
        if span.start_char == pos and _looks_like_place(text_of(span)) and (
                _ADMIN_SUFFIX.search(text_of(span)) or place_info(text_of(span)) is None or _known_here(ctx, text_of(span))):
            found.append(span)
            pos = span.end_char
    if found:
        return _nested_chain(found)
    # 云南嵩明杨林工业园区: a province, then a county, each a gazetteer prefix
    while pos < zone.end_char and len(found) < 3:
        for length in range(min(_MAX_PREFIX, zone.end_char - pos - 2), 1, -1):
            text = ctx.text[pos:pos + length]
            if place_info(text) and (_ADMIN_SUFFIX.search(text) or _known_here(ctx, text)):
                span = ctx.doc.char_span(pos, pos + length, label=PLACE)
                if span is not None:
                    found.append(span)
                    pos += length
                    break
        else:
            break
    return _nested_chain(found)


def _nested_chain(places: list[Span]) -> list[Span]:
    """Return the prefix places up to the first that does not lie inside the one before it.

    云南|嵩明|杨林工业园区 nests county in province; 成都|阿坝工业园区 pairs two prefectures
    (a park one builds for the other), and the second is no location of the park.
    """
    kept = places[:1]
    for place in places[1:]:
        outer = place_info(text_of(kept[-1]))
        readings = _all_readings().get(text_of(place), ()) or _all_readings().get(text_of(place) + "州", ())
        if outer and outer[0] == "city" and readings and not any(
                _same_area(kept[-1], {n for n in r[1:] if n}) for r in readings):
            break
        kept.append(place)
    return kept


_ADMIN_SUFFIX = re.compile(r"(?:省|市|县|区|州|旗|盟|镇|乡)$")


def _looks_like_place(text: str) -> bool:
    """Return whether a nested mention reads as an administrative name, not a park's stem (南川工业园)."""
    return not re.search(r"[园区]$", text) or place_info(text) is not None


def _known_here(ctx: DocContext, short: str) -> bool:
    """Return whether a short place form belongs to this document: its region, or a place it names."""
    info = place_info(short)
    region = str(ctx.doc._.region or "")
    if info and region:
        level, province, city = info
        # a county must lie in the region's city, a city in its province (运河 is Cangzhou's, not Hengshui's)
        parent = city if level == "county" and city else province
        if parent and parent in region:
            return True
    if region and short in region:
        return True
    return any(s.label_ == PLACE and text_of(s).startswith(short) and text_of(s) != short for s in ctx.ents)


def _ancestors(place: Span) -> set[str]:
    """Return the names of the city and province a place belongs to."""
    info = place_info(text_of(place))
    if not info:
        return set()
    return {name for name in info[1:] if name}


def _same_area(mentioned: Span, names: set[str]) -> bool:
    """Return whether a mentioned place is one of ``names``, written in full or short (黑龙江 ~ 黑龙江省, 黔东南州)."""
    text = text_of(mentioned)
    if len(text) < 2:
        return False
    stem = _stem(text)
    return any(name.startswith(text) or _stem(name) == stem for name in names)


def _stem(name: str) -> str:
    """Return a place name without its level word and nationality words (黔东南苗族侗族自治州 → 黔东南)."""
    stem = _AUTONOMOUS.sub("", name)
    if stem != name:
        stem = _NATIONALITIES.sub("", stem)  # 黔东南苗族侗族 → 黔东南
    else:
        stem = _LEVEL.sub("", stem)
    return stem if len(stem) >= 2 else name


_AUTONOMOUS = re.compile(r"自治(?:州|县|区|旗)$")
_NATIONALITIES = re.compile(
    r"(?:(?:土家|苗|侗|瑶|彝|回|藏|蒙古|满|壮|黎|畲|羌|白|傣|布依|仡佬|水|哈尼|纳西|傈僳|朝鲜|维吾尔|哈萨克|"
    r"柯尔克孜|景颇|佤|拉祜|仫佬|毛南|土|撒拉|达斡尔|鄂温克|鄂伦春|裕固|保安|东乡|锡伯|怒|普米|独龙|德昂|"
    r"基诺|阿昌|京|门巴|珞巴|塔吉克|乌孜别克|塔塔尔|赫哲)族)+$")
_LEVEL = re.compile(r"(?:省|市|县|区|州|盟|旗|地区)$")


_FEW_ZONES = 4
_THIS_AREA = re.compile(r"(?:该|本|我)(?P<level>县|市|区|旗)")
_LOCAL_ZONE = re.compile(r"(?:开发区|园区|工业园|产业园|集中区|小镇)$")  # not an 经济区 spanning several cities


def _region_place(ctx: DocContext, level: str) -> Span | None:
    """Return the document's mention of its own county (县/区/旗) or city (市), from its region."""
    region = ctx.doc._.region
    name = None
    if region is not None and hasattr(region, "county"):
        name = region.city if level == "市" else region.county
    if not name:
        return None
    for span in ctx.ents:
        if span.label_ == PLACE and text_of(span) in (name, _stem(name)):
            return span
    return None
_APPROVED = re.compile(r"[^，。；]{0,8}?(?:批准|批复|同意|审批)")


def _body_end(ctx: DocContext, place: Span) -> int:
    """Return where the body holding a nested place ends (the place's end when no body holds it)."""
    bodies = ctx.ents_in(max(0, place.start_char - 1), place.end_char + 20, ("Organization",))
    bodies += [s for s in ctx.nested if s.label_ == "Organization"]
    for body in bodies:
        if body.start_char <= place.start_char and place.end_char <= body.end_char:
            return body.end_char
    return place.end_char
_LINK = re.compile(r"是|为|系|属|隶属")


def _stated_with(ctx: DocContext, zone: Span, place: Span) -> bool:
    """Return whether a larger area is stated for the zone: written before it in its clause, or after 是/为."""
    if place.end_char <= zone.start_char:
        between = ctx.text[place.end_char:zone.start_char]
    else:
        between = ctx.text[zone.end_char:place.start_char]
        if not _LINK.match(between):
            return False
    return not re.search(r"[，,。；;：:]", between)


def _doc_ancestors(ctx: DocContext, seen_prefix: dict[str, list[Span]]) -> Iterator[RelationCandidate | None]:
    """Yield zone → the city or province of its place, named anywhere in a document about few zones.

    A report on a handful of zones states their city and province once (安康市 in the
    addressee, 陕西省 in the issuer); a city-wide survey of a dozen parks does not
    place each one again, so documents naming many zones are left alone.
    """
    keys = {zone_key(text_of(s)) for s in ctx.ents if s.label_ == ZONE and not is_generic_zone(text_of(s))}
    if len(keys) > _FEW_ZONES:
        return
    places: dict[str, Span] = {}
    for span in ctx.ents + ctx.nested:
        if span.label_ == PLACE and len(text_of(span)) >= 2:
            places.setdefault(text_of(span), span)
    for zone in ctx.ents:
        prefixes = seen_prefix.get(text_of(zone)) if zone.label_ == ZONE else None
        if not prefixes:
            continue
        ancestors: set[str] = set()
        for place in prefixes:
            ancestors |= _ancestors_named(place, list(places.values()))
        for text, place in sorted(places.items()):
            if _same_area(place, ancestors):
                yield candidate(REL, zone, place, ctx.sentence_of(zone.start_char), None, 0.5)


def find(ctx: DocContext) -> Iterator[RelationCandidate | None]:
    """Yield IN_REGION candidates for every named zone."""
    seen_prefix: dict[str, list[Span]] = {}
    for zone in ctx.ents:
        if zone.label_ != ZONE or is_generic_zone(text_of(zone)):
            continue
        sentence = ctx.sentence_of(zone.start_char)
        if text_of(zone) not in seen_prefix:
            seen_prefix[text_of(zone)] = _prefix_places(ctx, zone)
        prefixes = seen_prefix[text_of(zone)]
        for place in prefixes:
            yield candidate(REL, zone, place, sentence, None, 0.85)
        places = ctx.ents_in(sentence[0], sentence[1], (PLACE,))
        # 阜城县运河新区: a place written right before the zone
        for place in places:
            if place.end_char == zone.start_char or (
                    place.end_char < zone.start_char and ctx.text[place.end_char:zone.start_char] in ("的", "境内")):
                yield candidate(REL, zone, place, sentence, None, 0.8)
        # the city or province of the prefix place, named in the same sentence
        ancestors: set[str] = set()
        for place in prefixes:
            ancestors |= _ancestors(place)
        # 由甘肃省政府批准成立: the province inside the approving body counts as stated
        inside_bodies = [s for s in ctx.nested if s.label_ == PLACE and sentence[0] <= s.start_char < sentence[1]
                         and not (zone.start_char <= s.start_char < zone.end_char)
                         and _APPROVED.match(ctx.text, _body_end(ctx, s))]
        for place in places + inside_bodies:
            if ancestors and _same_area(place, ancestors) and _stated_with(ctx, zone, place):
                yield candidate(REL, zone, place, sentence, None, 0.6)
        # 立足该县…推进六峰工业园区建设: 该县/本县 is the county the document is about
        if not prefixes and _LOCAL_ZONE.search(text_of(zone)):
            for match in _THIS_AREA.finditer(ctx.text, *sentence):
                place = _region_place(ctx, match.group("level"))
                if place is not None:
                    yield candidate(REL, zone, place, sentence, None, 0.6)
                    break
        # 位于X县Y镇: the places after the verb, up to the clause end
        for match in _LOCATED.finditer(ctx.text, zone.end_char, min(sentence[1], zone.end_char + 12)):
            if _OTHER_SUBJECT.search(ctx.text, zone.end_char, match.start()):
                break  # X园区签约，项目位于Y镇: the project lies there, not necessarily the park
            stop = ctx.text.find("，", match.end(), sentence[1])
            stop = sentence[1] if stop < 0 else stop
            for place in ctx.ents_in(match.end(), stop, (PLACE,)):
                yield candidate(REL, zone, place, sentence, None, 0.8)
    yield from _doc_ancestors(ctx, seen_prefix)
    # 位于X (the zone in focus is the subject when the sentence names no zone first)
    for start, end in ctx.sentences:
        for match in _LOCATED.finditer(ctx.text, start, end):
            if ctx.ents_in(start, match.start(), (ZONE,)):
                yield from _subject_located(ctx, start, end, match)
                continue
            anaphors = [a for a in ctx.zone_anaphors(start, match.start())]
            if anaphors:
                zone = ctx.anaphor_zone(*anaphors[-1])
            elif match.start() == start:
                # 位于绿水镇…: a sentence without subject continues the park introduced just before
                zone = ctx.zone_before(start, same_paragraph=False)
            else:
                continue
            if zone is None:
                continue
            stop = ctx.text.find("，", match.end(), end)
            stop = end if stop < 0 else stop
            for place in ctx.ents_in(match.end(), stop, (PLACE,)):
                yield candidate(REL, zone, place, (start, end), None, 0.7)


# what may open a sentence before its subject zone: a numbered point of a reply, 同意设立
_SUBJECT_OPENING = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?(?:同意|批准|原则同意)?(?:设立|建设|筹建|升级)?")


def _subject_located(ctx: DocContext, start: int, end: int, match: re.Match) -> Iterator[RelationCandidate | None]:
    """Yield zone → place for 同意设立X（以下简称Y），…，位于A县B镇: a clause-initial 位于 speaks of the sentence's subject.

    Only when the zone opens the sentence and nothing else that could lie somewhere (another
    zone, a project, an enterprise) is named between it and the verb.
    """
    if ctx.text[match.start() - 1] not in "，,":
        return
    zones = ctx.ents_in(start, match.start(), (ZONE,))
    subject = zones[0]
    if not _SUBJECT_OPENING.fullmatch(ctx.text[start:subject.start_char]) or is_generic_zone(text_of(subject)):
        return
    others = [z for z in zones[1:] if zone_key(text_of(z)) != zone_key(text_of(subject))
              and not ctx.text[z.start_char - 6:z.start_char].endswith(("简称", "称", "（", "("))]
    if others or ctx.ents_in(subject.end_char, match.start(), ("Project", "Enterprise")):
        return
    stop = ctx.text.find("，", match.end(), end)
    stop = end if stop < 0 else stop
    for place in ctx.ents_in(match.end(), stop, (PLACE,)):
        yield candidate(REL, subject, place, (start, end), None, 0.65)
