"""Return a spaCy ``Language`` built from a pipeline config, validated before any text runs."""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

# Importing the component modules registers their names with spaCy.
from zonekg.extractors.pipeline import gazetteer, merge, names, region, tokenizer  # noqa: F401
from zonekg.schema.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).with_name("pipeline.cfg")
_RELATIONS_MODULE = "zonekg.extractors.relations"


def component_names() -> list[str]:
    """Return the names of every registered zonekg component, sorted."""
    _load_relations()
    return sorted(name for name in Language.factories if name.startswith("zonekg_"))


_import_problems: dict[str, str] = {}


def _load_relations() -> None:
    """Import the relation components; a broken module leaves them unregistered and its error is remembered."""
    try:
        importlib.import_module(_RELATIONS_MODULE)
        _import_problems.pop(_RELATIONS_MODULE, None)
    except ImportError as exc:
        _import_problems[_RELATIONS_MODULE] = f"{type(exc).__name__}: {exc}"


def read_config(config_path: str | Path | None = None) -> Config:
    """Return the parsed config, or raise ConfigError naming the file and the problem."""
    path = Path(config_path) if config_path is not None else DEFAULT_CONFIG
    try:
        config = Config().from_disk(path, interpolate=False)
    except FileNotFoundError:
        raise ConfigError(f"{path}: pipeline config not found; pass an existing .cfg file") from None
    except Exception as exc:  # confection raises several parser error types
        raise ConfigError(f"{path}: not a valid spaCy config ({exc}); fix the syntax") from None
    pipeline = config.get("nlp", {}).get("pipeline")
    if not isinstance(pipeline, list) or not pipeline:
        raise ConfigError(f"{path}: [nlp] pipeline must be a non-empty list of component names")
    return config


def build_pipeline(config_path: str | Path | None = None) -> Language:
    """Return the extraction pipeline described by ``config_path`` (default: the packaged pipeline.cfg).

    Every component name is checked against the registered zonekg components
    before the pipeline is assembled; an unknown one raises ConfigError listing
    the valid names.
    """
    path = Path(config_path) if config_path is not None else DEFAULT_CONFIG
    config = read_config(path)
    valid = component_names()
    pipeline = list(config["nlp"]["pipeline"])
    components = config.get("components", {})
    for name in pipeline:
        factory = components.get(name, {}).get("factory", name)
        if factory not in valid:
            hint = "".join(f" ({module} failed to import: {problem})" for module, problem in _import_problems.items())
            raise ConfigError(f"{path}: unknown pipeline component {factory!r}; valid: {', '.join(valid)}{hint}")
    tokenizer_config = config["nlp"].get("tokenizer") or {"@tokenizers": "zonekg.char_tokenizer"}
    try:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": dict(tokenizer_config)}})
    except Exception as exc:  # spaCy reports registry and validation problems with several types
        raise ConfigError(f"{path}: [nlp.tokenizer] is not usable ({exc}); use @tokenizers = \"zonekg.char_tokenizer\"") from None
    for name in pipeline:
        settings = dict(components.get(name, {}))
        factory = settings.pop("factory", name)
        nlp.add_pipe(factory, name=name, config=settings)
    return nlp
