"""The pipeline is assembled from its config, and its components' declared contracts hold."""

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from accord.nlp.components.people import People
from accord.nlp.pipeline import build_pipeline, load_pipeline, pipeline_config


def test_pipeline_analysis_finds_no_missing_attribute() -> None:
    analysis = load_pipeline().analyze_pipes(pretty=False)
    assert {name: problems for name, problems in analysis["problems"].items() if problems} == {}


def test_every_accord_component_declares_what_it_assigns() -> None:
    nlp = load_pipeline()
    accord = [name for name in nlp.pipe_names if name.startswith("accord_")]
    assert accord
    for name in accord:
        assert nlp.get_pipe_meta(name).assigns, name


def test_people_component_declares_the_entities_it_rewrites() -> None:
    assert "doc.ents" in load_pipeline().get_pipe_meta("accord_people").assigns


def test_pipeline_order_and_lexicons_come_from_the_bundled_config() -> None:
    config = pipeline_config()
    nlp = load_pipeline()
    assert [n for n in config["nlp"]["pipeline"] if n in nlp.pipe_names] == nlp.pipe_names
    assert nlp.config["components"]["accord_names"]["lexicon"]["name"] == "names.json"


@Language.factory("test_no_people", assigns=["doc._.people"])
def make_no_people(nlp: Language, name: str) -> object:
    def no_people(doc: Doc) -> Doc:
        doc._.people = People()
        return doc

    return no_people


def test_a_config_swaps_a_component_for_another_factory() -> None:
    config = pipeline_config()
    swapped = Config(config).merge({"components": {"accord_people": {"factory": "test_no_people"}}})
    for key in ("honorifics",):
        swapped["components"]["accord_people"].pop(key, None)
    nlp = build_pipeline(swapped)
    assert nlp.get_pipe_meta("accord_people").factory == "test_no_people"
    doc = nlp("President Emmanuel Macron opened the summit in Paris on Monday.")
    assert doc._.people.persons == {}
    assert not any(problems for problems in nlp.analyze_pipes(pretty=False)["problems"].values())
