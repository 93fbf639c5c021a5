"""Where an office written before a name begins, and which country it is of."""

from __future__ import annotations


def roles(facts, text: str) -> set[tuple]:
    return {(f["person"], f["title"], f.get("of")) for f in facts(text, None, kind="role")}


def test_a_headlines_readout_of_is_no_part_of_the_office(facts) -> None:
    text = "Readout of President Ana Costa\u2019s Call with Fiji"
    assert roles(facts, text) == {("Ana Costa", "President", None)}


def test_a_preposition_before_an_office_is_no_part_of_it(facts) -> None:
    text = "The reform passed under Prime Minister Tomas Berg."
    assert roles(facts, text) == {("Tomas Berg", "Prime Minister", None)}


def test_an_under_secretary_keeps_under(facts) -> None:
    text = "On Monday, Under Secretary of State Maria Lindqvist spoke at the forum."
    assert roles(facts, text) == {("Maria Lindqvist", "Under Secretary of State", None)}


def test_a_country_named_after_an_office_holder_is_not_the_country_of_the_office(facts) -> None:
    text = (
        "President Ana Costa thanked Prime Minister Tomas Berg for his work, and welcomed "
        "Norway\u2019s presidency next year under Prime Minister Eva Lind."
    )
    assert roles(facts, text) == {
        ("Ana Costa", "President", None),
        ("Tomas Berg", "Prime Minister", None),
        ("Eva Lind", "Prime Minister", "NO"),
    }


def test_a_country_after_of_belongs_to_the_name_before_it(facts) -> None:
    text = "Prime Minister Eva Lind of Norway, the host of this forum, spoke first."
    assert roles(facts, text) == {("Eva Lind", "Prime Minister", "NO")}


def test_a_list_of_names_each_with_its_office_after_a_comma(doc_of) -> None:
    doc = doc_of(
        "The Council was co-chaired by Maria Lopez, Minister for Ports, alongside Masashi Adachi, "
        "State Minister of Internal Affairs, and Jonas Berg."
    )
    roles = titles_held(doc)
    assert ("Maria Lopez", "Minister for Ports") in roles
    assert ("Masashi Adachi", "State Minister of Internal Affairs") in roles
    assert ("Masashi Adachi", "Minister for Ports") not in roles


def test_an_office_runs_over_its_portfolio_list_after_a_comma(doc_of) -> None:
    doc = doc_of(
        "The pact was signed by Henna Virtanen, Executive Vice-President for Ocean Sovereignty, Ports and "
        "Fisheries. Jean-Luc Berg, Minister of Innovation, Science and Industry, signed it too."
    )
    roles = titles_held(doc)
    assert ("Henna Virtanen", "Executive Vice-President for Ocean Sovereignty, Ports and Fisheries") in roles
    assert ("Jean-Luc Berg", "Minister of Innovation, Science and Industry") in roles


def test_a_country_s_short_form_in_brackets_before_the_office(doc_of) -> None:
    doc = doc_of(
        "Maria Lopez, the United Kingdom's (UK) Secretary of State for Ports, Fisheries and Sensors, and "
        "Jonas Berg, Minister of Ports, signed two memorandums."
    )
    lopez = doc._.people.persons["Maria Lopez"]
    office = "Secretary of State for Ports, Fisheries and Sensors"
    assert [(r.title, r.of) for r in lopez.roles] == [(office, "GB")]
    berg = doc._.people.persons["Jonas Berg"]
    assert all(r.of != "GB" for r in berg.roles)


def test_a_hyphenated_given_name_is_kept_whole(doc_of) -> None:
    doc = doc_of("Minister François-Philippe Champagne signed the memorandum in Ottawa.")
    assert "François-Philippe Champagne" in doc._.people.persons


def test_a_two_word_office_is_not_split_into_an_owner(doc_of) -> None:
    doc = doc_of("Federal Councillor Anna Meier signed the charter. Crown Prince Ali bin Omar welcomed it.")
    roles = {(name, title, of) for name, title, of in titles_held(doc, with_owner=True)}
    assert ("Anna Meier", "Federal Councillor", None) in roles
    assert ("Ali bin Omar", "Crown Prince", None) in roles


def test_a_headline_s_phrase_with_a_preposition_is_no_person(doc_of) -> None:
    doc = doc_of("Chilean Premier Urges Consensus-Building Among Countries on Ocean Data\nThe premier spoke.")
    assert not any("Among" in name for name in doc._.people.persons)


def titles_held(doc, with_owner: bool = False) -> set[tuple]:
    """Each person's offices as (name, title) pairs, or (name, title, of) with the owner."""
    people = doc._.people.persons.items()
    if with_owner:
        return {(name, role.title, role.of) for name, person in people for role in person.roles}
    return {(name, role.title) for name, person in people for role in person.roles}


MINISTERS_IN_CAPITALS = (
    "The following officials attended the meeting from Norway: Prime Minister STOLTBERG, Minister for "
    "Local Affairs and Communications HAUGEN, Minister of State for Economic and Fiscal Policy LIEN, "
    "Minister for Digital Transformation DAHLE, Minister of Trade, Fisheries and Industry BRATLI, "
    "and others."
)


def test_a_list_of_offices_each_before_a_surname_in_capitals(facts) -> None:
    assert roles(facts, MINISTERS_IN_CAPITALS) == {
        ("Stoltberg", "Prime Minister", "NO"),
        ("Haugen", "Minister for Local Affairs and Communications", "NO"),
        ("Lien", "Minister of State for Economic and Fiscal Policy", "NO"),
        ("Dahle", "Minister for Digital Transformation", "NO"),
        ("Bratli", "Minister of Trade, Fisheries and Industry", "NO"),
    }


def test_a_surname_in_capitals_is_the_person_written_in_small_letters_later(facts) -> None:
    text = "Prime Minister STOLTBERG attended. Later, Prime Minister Stoltberg gave a speech."
    assert {person for person, _t, _o in roles(facts, text)} == {"Stoltberg"}


def test_a_portfolio_after_and_ends_the_office_not_begins_the_name(facts) -> None:
    text = "Minister for Local Affairs and Communications Ingrid Haugen opened the forum in Oslo."
    assert roles(facts, text) == {("Ingrid Haugen", "Minister for Local Affairs and Communications", None)}


def test_a_capitalised_word_after_an_office_is_no_surname_unless_in_capitals(facts) -> None:
    text = (
        "The Council was co-chaired by Maria Lopez, Minister for Digital Transformation, Jonas Berg, "
        "and the Chairman of the Economic Development Board and the head of the port."
    )
    people = {person for person, _t, _o in roles(facts, text)}
    assert "Transformation" not in people and "Board" not in people


def test_a_two_word_portfolio_ends_the_office_before_the_name(facts) -> None:
    text = "Chile's Deputy Minister of Digital Transformation Ana Costa met Tomas Berg in Lisbon."
    assert ("Ana Costa", "Deputy Minister of Digital Transformation", "CL") in roles(facts, text)
    meetings = {f["event"] for f in facts(text, None, kind="event")}
    assert meetings == {"meeting between Ana Costa and Tomas Berg"}


def test_a_portfolio_after_of_stays_in_the_office_however_it_opens(facts) -> None:
    text = "Nimbus’s President of Global Affairs, Tomas Berg, said the company would sign the code."
    assert ("Tomas Berg", "President of Global Affairs", "Nimbus") in roles(facts, text)


def test_an_envoy_to_a_country_before_the_name_is_one_office(facts) -> None:
    text = (
        "The minister met the press in the presence of Chile\u2019s Ambassador to Kenya, Rodrigo Vidal Soto."
    )
    assert roles(facts, text) == {("Rodrigo Vidal Soto", "Ambassador to Kenya", "CL")}


def test_an_abbreviated_honorific_between_office_and_name_is_skipped(facts) -> None:
    text = "Ghana\u2019s Minister of Digital Affairs, Eng. Kofi Mensah Boateng opened the forum in Accra."
    assert roles(facts, text) == {("Kofi Mensah Boateng", "Minister of Digital Affairs", "GH")}


def test_a_phrase_opening_with_a_preposition_is_no_apposition(facts) -> None:
    text = (
        "The treaty was signed by Chile's Ambassador to France, Rodrigo Vidal Soto, in the presence of "
        "the Council's Deputy Secretary General, Ines Laurent."
    )
    assert roles(facts, text) == {
        ("Rodrigo Vidal Soto", "Ambassador to France", "CL"),
        ("Ines Laurent", "Deputy Secretary General", "Council"),
    }


def test_an_acronym_in_brackets_after_an_office_is_no_part_of_it(facts) -> None:
    text = "The talks were led by the Chilean Minister for Science and ICT (MCTI), Dr. Ana Rojas Vidal."
    assert roles(facts, text) == {("Ana Rojas Vidal", "Minister for Science and ICT", "CL")}


def test_a_portfolio_after_for_the_stays_in_the_office(facts) -> None:
    text = "The forum was opened by the European Commissioner for the Digital Market, Maria Jensen."
    assert roles(facts, text) == {("Maria Jensen", "European Commissioner for the Digital Market", None)}


def test_a_small_portfolio_list_before_an_office_stays_in_it(facts) -> None:
    text = "Ana Rojas, trade and information minister of Chile, said the talks went well."
    assert roles(facts, text) == {("Ana Rojas", "trade and information minister", "CL")}


def test_a_possessive_inside_the_body_of_an_office_is_the_bodys(facts) -> None:
    text = "Omar Haddad Saleh, Chief Executive of Jordan\u2019s Digital Services Authority, shared his views."
    assert {(p, t) for p, t, _of in roles(facts, text)} == {("Omar Haddad Saleh", "Chief Executive")}


def test_a_portfolio_list_with_the_before_a_name_is_one_office(facts) -> None:
    text = (
        "Kenya launched its plan, with Cabinet Secretary for Trade, Communications and the Digital "
        "Economy John Mwangi declaring it a milestone."
    )
    assert roles(facts, text) == {
        ("John Mwangi", "Cabinet Secretary for Trade, Communications and the Digital Economy", "KE")
    }


def test_abbreviated_offices_before_a_name_are_written_out(facts) -> None:
    text = "The ban passed 99-1, said Sen. Ana Lind, and Rep. Tomas Berg agreed."
    assert roles(facts, text) == {("Ana Lind", "Senator", None), ("Tomas Berg", "Representative", None)}


def test_a_portfolio_closing_an_office_is_no_part_of_the_name_after_it(facts) -> None:
    text = (
        "Chilean Secretary of State for Digitization Tomas Berg stated that the law meets a global challenge."
    )
    assert roles(facts, text) == {("Tomas Berg", "Secretary of State for Digitization", "CL")}


def test_a_long_office_with_an_acronym_before_a_comma_vouches_for_the_name(facts) -> None:
    text = (
        "Investments will reach billions by 2030, Secretary-General of the Andean Cooperation Council "
        "(ACC), Jasem Mohamed Albudaiwi stated on Tuesday."
    )
    assert {(p, t) for p, t, _of in roles(facts, text)} == {("Jasem Mohamed Albudaiwi", "Secretary-General")}


def test_a_body_cut_at_and_before_an_office_is_whole(facts) -> None:
    text = "The Department of Fisheries and Ocean Resources spokesperson, Lindiwe Moyo, spoke on Monday."
    assert roles(facts, text) == {
        ("Lindiwe Moyo", "spokesperson", "Department of Fisheries and Ocean Resources")
    }


def test_the_portfolios_of_a_ministry_before_an_office_are_the_ministrys(facts) -> None:
    text = "The Ministry of Fisheries and Ocean Resources spokesman Tomas Lind spoke on Monday."
    assert roles(facts, text) == {("Tomas Lind", "spokesman", "Ministry of Fisheries and Ocean Resources")}


def test_an_office_over_a_serial_comma_of_portfolios(facts) -> None:
    text = "Executive Vice-President for Ocean Sovereignty, Security, and Democracy Eva Berg spoke."
    assert roles(facts, text) == {
        ("Eva Berg", "Executive Vice-President for Ocean Sovereignty, Security, and Democracy", None)
    }


def test_a_bodys_short_form_in_brackets_is_not_cut_open(facts) -> None:
    text = "Ana Ruiz, Director-General of the Department of Fisheries (DF), chaired the meeting."
    assert roles(facts, text) == {("Ana Ruiz", "Director-General", "Department of Fisheries")}


def test_a_cyber_portfolio_after_of_is_the_offices(facts) -> None:
    text = "The delegation was led by Ana Ruiz, Head of Cyber Security, on Monday."
    assert roles(facts, text) == {("Ana Ruiz", "Head of Cyber Security", None)}


def test_a_counselor_is_an_office(facts) -> None:
    text = "UN news\nU.S. Mission counselor Lauren Lindqvist spoke on Monday."
    assert ("Lauren Lindqvist", "counselor") in {(p, t) for p, t, _ in roles(facts, text)}
