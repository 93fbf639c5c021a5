"""Recognise countries however the text names them, and key every entity to a country when it is one."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import json_data, organisations

_LABELS = {"name": "GPE", "demonym": "NORP", "capital": "GPE"}


@Language.factory(
    "accord_gazetteer",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"overwrite_ents": False},
)
def make_gazetteer(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """An entity ruler that knows every country form and known organisation (`country_patterns`)."""
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents)
    # Phrase patterns are matched on their text alone: only the tokenizer needs to read them.
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(country_patterns())
    return ruler


def country_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for every country form and known organisation, keyed by their ids."""
    gazetteer = load_gazetteer()
    patterns: list[dict[str, Any]] = []
    for kind, forms in gazetteer.surface_forms().items():
        for form in forms:
            code = gazetteer.country(form, capitals=kind == "capital")
            if code and form[:1].isupper():
                label = "ORG" if code == "EU" and kind == "name" else _LABELS[kind]
                # 'Democratic People’s Republic of Korea' as typeset, with a curly apostrophe
                for variant in dict.fromkeys((form, form.replace("'", "’"))):
                    patterns.append({"label": label, "pattern": variant, "id": code})
    for name, (canonical, _key) in organisations().items():
        camel_case = " " not in name and any(c.isupper() for c in name)  # 'xAI', 'iFlytek'
        if name[:1].isupper() or camel_case:
            patterns.append({"label": "ORG", "pattern": name, "id": canonical})
    # World regions are places of no state: the longer match keeps 'America' of 'Latin America'
    # from being the United States.
    for region in json_data("names.json")["world_regions"]:
        name = region[4:] if region.startswith("the ") else region
        if " " in name or "-" in name:
            patterns.append({"label": "LOC", "pattern": name})
    return patterns


def span_country(span: Span) -> str | None:
    """Key a span to a country (or `EU`) when it names, adjectivises or stands for one.

    Capitals count only when the text uses them as an actor; the callers that know the
    context ask `span_capital` for that.
    """
    text = span.text
    gazetteer = load_gazetteer()
    code = gazetteer.country(text)
    if code:
        return code
    org = organisations().get(_strip_the(text))
    return org[1] if org else None


def span_capital(span: Span) -> str | None:
    """Key a capital used for its government ('Washington declined')."""
    gazetteer = load_gazetteer()
    if gazetteer.kind(span.text) == "capital":
        return gazetteer.country(span.text, capitals=True)
    return None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


if not Span.has_extension("country"):
    Span.set_extension("country", getter=span_country)
if not Span.has_extension("capital"):
    Span.set_extension("capital", getter=span_capital)
