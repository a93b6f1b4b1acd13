"""Return the grouping key of a name: surface forms of one real thing share one key.

经开区 ↔ 经济技术开发区, 高新区 ↔ 高新技术产业开发区, 人民政府 ↔ 政府, a leading
province name dropped (湖北来凤经济开发区 ↔ 来凤经济开发区), quotes and spaces removed.
"""

from __future__ import annotations

import re
import unicodedata

# Zone suffix variants folded to one form; longest first so 经济技术开发区 is not read as 开发区.
_ZONE_FOLDS = (
    ("经济技术产业开发区", "经开"), ("经济技术开发区", "经开"), ("经济开发区", "经开"), ("经开区", "经开"),
    ("高新技术产业开发区", "高新"), ("高新产业技术开发区", "高新"), ("高新技术开发区", "高新"), ("高新产业开发区", "高新"),
    ("高新区", "高新"), ("工业园区", "工业园"), ("产业园区", "产业园"), ("物流园区", "物流园"), ("科技园区", "科技园"),
)
# Government departments: the full name and the short form people write (工业和信息化局 ↔ 工信局).
_DEPARTMENT_WORDS = (
    ("工业和信息化", "工信"), ("经济和信息化", "经信"), ("人力资源和社会保障", "人社"), ("住房和城乡建设", "住建"),
    ("发展和改革", "发改"), ("发展改革", "发改"), ("科学技术", "科技"), ("市场监督管理", "市场监管"),
    ("文化和旅游", "文旅"), ("文化广电和旅游", "文广旅"), ("卫生健康", "卫健"), ("交通运输", "交通"),
    ("自然资源和规划", "自然资源"), ("国土资源", "国土"), ("国有资产监督管理", "国资"),
)
# 委员会 comes before 委 so 卫生健康委员会 folds whole, and before 管理委员会 → 管委会 below.
_DEPARTMENT_FOLDS = tuple((long + tail, short + short_tail) for long, short in _DEPARTMENT_WORDS
                          for tail, short_tail in (("委员会", "委"), ("局", "局"), ("厅", "厅"), ("委", "委")))
_ORG_FOLDS = _DEPARTMENT_FOLDS + (
    ("人民代表大会常务委员会", "人大常委会"), ("人民政府", "政府"), ("管理委员会", "管委会"),
    ("市委员会", "市委"), ("县委员会", "县委"), ("区委员会", "区委"), ("省委员会", "省委"),
)
_DROP = re.compile(r"[\s\"'“”‘’《》「」『』]")


def clean(name: str) -> str:
    """Return ``name`` NFKC-folded without whitespace, quotes and 《》「」, with 〔〕 as []."""
    folded = unicodedata.normalize("NFKC", name).replace("〔", "[").replace("〕", "]")
    return _DROP.sub("", folded)


def zone_key(name: str, provinces: tuple[str, ...] = ()) -> str:
    """Return the grouping key of a zone name (suffix variants folded, a leading province and 国家 dropped)."""
    key = clean(name)
    for long, short in _ZONE_FOLDS:
        if key.endswith(long):
            key = key[: -len(long)] + short
            break
    if key.startswith("国家") and len(key) > 5:
        key = key[2:]
    for province in provinces:
        if key.startswith(province) and len(key) - len(province) >= 4:
            return key[len(province):]
    return key


def org_key(name: str, provinces: tuple[str, ...] = ()) -> str:
    """Return the grouping key of a body's name (人民政府 ↔ 政府, 管理委员会 ↔ 管委会, 湖北来凤… ↔ 来凤…)."""
    key = clean(name)
    for long, short in _ORG_FOLDS:
        key = key.replace(long, short)
    for long, short in sorted(_ZONE_FOLDS, key=lambda fold: -len(fold[0])):
        key = key.replace(long, short)  # 来凤经开区管委会 ↔ 来凤经济开发区管委会
    for province in provinces:
        # a province before a zone's body (湖北来凤经济开发区管委会) is dropped like in zone keys
        if key.startswith(province) and any(z in key for z in ("经开", "高新", "开发区", "工业园", "产业园")):
            return key[len(province):]
    return key


def zone_kind(name: str) -> str:
    """Return which family of zone a name ends in: 经开, 高新, or the name's last two characters."""
    key = zone_key(name)
    for family in ("经开", "高新"):
        if key.endswith(family):
            return family
    return key[-2:]


_FIRM_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|公司)$")


def firm_key(name: str) -> str:
    """Return the grouping key of a firm's name: the company-form suffix dropped (湖南熙可食品有限公司 ↔ …公司)."""
    key = clean(name)
    stripped = _FIRM_SUFFIX.sub("", key)
    return stripped if len(stripped) >= 2 else key


def department_forms(name: str) -> tuple[str, ...]:
    """Return the other spelling of a department's name: 工信局 for 工业和信息化局 and back, or ()."""
    for long, short in _DEPARTMENT_FOLDS:
        if name.endswith(long):
            return (name[: -len(long)] + short,)
    for long, short in _DEPARTMENT_FOLDS:
        # 发改 stands for two spellings; the first listed (发展和改革) is the official one
        if name.endswith(short) and not name.endswith(long):
            return (name[: -len(short)] + long,)
    return ()
