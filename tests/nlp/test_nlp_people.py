"""People: full names, the short forms that point to them, and offices read before and beside names."""

from __future__ import annotations


def people(doc):
    return doc._.people


def roles(doc) -> dict[str, list[tuple[str, str | None]]]:
    return {name: [(r.title, r.of) for r in person.roles] for name, person in people(doc).persons.items()}


def mention_names(doc) -> list[tuple[str, str]]:
    return [(doc[i].text, name) for i, name in people(doc).mentions()]


def test_full_names_are_people(doc_of) -> None:
    doc = doc_of("Amina Okafor met Tomas Berg and Vikram Misri in Geneva.")
    assert set(people(doc).persons) == {"Amina Okafor", "Tomas Berg", "Vikram Misri"}


def test_surname_mention_resolves_to_the_full_name(doc_of) -> None:
    doc = doc_of("Amina Okafor opened the talks. Later, Okafor spoke to reporters.")
    assert set(people(doc).persons) == {"Amina Okafor"}
    okafor = next(t for t in doc if t.text == "Okafor" and t.i > 3)
    assert people(doc).at(okafor.i) == "Amina Okafor"


def test_honorific_mention_is_a_person(doc_of) -> None:
    doc = doc_of("Ms Khan met the press in Geneva.")
    assert "Khan" in people(doc).persons
    assert "Ms" not in " ".join(people(doc).persons)


def test_honorific_mention_joins_the_full_name_given_later(doc_of) -> None:
    doc = doc_of("Ms Khan, the Pakistani foreign minister, spoke first. Sana Khan later left the hall.")
    assert set(people(doc).persons) == {"Sana Khan"}
    assert [name for _, name in mention_names(doc)] == ["Sana Khan", "Sana Khan"]


def test_honorific_with_full_name_is_stripped(doc_of) -> None:
    doc = doc_of("Dr Helen Park and Mr. Tomas Berg attended the talks.")
    assert set(people(doc).persons) == {"Helen Park", "Tomas Berg"}


def test_name_with_particles_is_kept_whole(doc_of) -> None:
    doc = doc_of("Kenyan President William Ruto met Ursula von der Leyen in Brussels.")
    assert "Ursula von der Leyen" in people(doc).persons


def test_office_before_the_name_with_its_country(doc_of) -> None:
    doc = doc_of("Kenyan President William Ruto arrived on Monday.")
    assert roles(doc) == {"William Ruto": [("President", "KE")]}


def test_two_word_office_before_the_name(doc_of) -> None:
    doc = doc_of("German Chancellor Olaf Scholz and Canadian Prime Minister Mark Carney arrived.")
    assert roles(doc)["Mark Carney"] == [("Prime Minister", "CA")]
    assert roles(doc)["Olaf Scholz"] == [("Chancellor", "DE")]


def test_office_in_apposition_with_of_an_organisation(doc_of) -> None:
    doc = doc_of("Marta Lindqvist, President of the European Commission, arrived.")
    assert roles(doc)["Marta Lindqvist"] == [("President", "European Commission")]


def test_office_in_apposition_with_at_an_organisation(doc_of) -> None:
    doc = doc_of("Priya Raman, vice president of research at Cohere, disagreed.")
    assert roles(doc)["Priya Raman"] == [("vice president of research", "Cohere")]


def test_office_in_apposition_with_a_demonym(doc_of) -> None:
    doc = doc_of("Lars Janssen, the Dutch digital minister, opened the conference.")
    assert roles(doc)["Lars Janssen"] == [("digital minister", "NL")]


def test_office_with_a_possessive_country_before_the_name(doc_of) -> None:
    doc = doc_of("Senegal's ambassador, Awa Ndiaye, chaired the session.")
    assert roles(doc)["Awa Ndiaye"] == [("ambassador", "SN")]


def test_office_of_a_country_and_its_brief(doc_of) -> None:
    doc = doc_of('"We cannot wait," said Amina Okafor, Nigeria\'s minister of digital economy.')
    assert roles(doc)["Amina Okafor"] == [("minister of digital economy", "NG")]


def test_office_keeps_the_sentence_it_came_from(doc_of) -> None:
    doc = doc_of("The talks opened. Kenyan President William Ruto arrived late.")
    role = people(doc).persons["William Ruto"].roles[0]
    assert role.sentence.text == "Kenyan President William Ruto arrived late."


def test_person_country_is_the_key_of_their_office(doc_of) -> None:
    doc = doc_of("Kenyan President William Ruto arrived on Monday.")
    assert people(doc).persons["William Ruto"].country == "KE"


def test_country_names_and_titles_are_not_people(doc_of) -> None:
    doc = doc_of("President Lula of Brazil met Kenya's foreign minister.")
    assert not {"Brazil", "Kenya", "President"} & set(people(doc).persons)


def test_ambassador_to_a_body_is_of_the_country_that_sends_them(doc_of) -> None:
    doc = doc_of("Omar Farouk, Egypt's ambassador to the United Nations, spoke first.")
    assert [of for _title, of in roles(doc)["Omar Farouk"]] == ["EG"]


def test_organisation_possessive_is_not_a_person(doc_of) -> None:
    doc = doc_of("Acme chief executive Jonas Weber and Anthropic's Priya Raman were there.")
    assert set(people(doc).persons) == {"Jonas Weber", "Priya Raman"}


def test_a_bare_initial_belongs_to_the_name(doc_of) -> None:
    doc = doc_of("Open data matters, Secretary of the Ministry of Digital Economy, R Venkatesan, said.")
    assert "R Venkatesan" in people(doc).persons


def test_an_abbreviated_office_is_written_out_and_left_off_the_name(doc_of) -> None:
    doc = doc_of("Government keen on open AI models, says Ministry Secy Venkatesan. R Venkatesan spoke.")
    assert set(people(doc).persons) == {"R Venkatesan"}
    assert ("Secretary", None) in [(title, None) for title, _ in roles(doc)["R Venkatesan"]]


def test_an_office_phrase_set_off_by_commas_vouches_for_the_name(doc_of) -> None:
    doc = doc_of("Rules will follow, the head of the Nordic Council, Ingrid Solberg, said on Thursday.")
    assert "Ingrid Solberg" in people(doc).persons


def test_a_country_that_belongs_to_another_office_gives_no_office_its_country(doc_of) -> None:
    doc = doc_of("Prime Minister Ana Lind on Tuesday congratulated US Vice President Tom Hale in Paris.")
    assert roles(doc)["Ana Lind"] == [("Prime Minister", None)]
    assert roles(doc)["Tom Hale"] == [("Vice President", "US")]


def test_abbreviated_offices_before_a_name_are_written_out(doc_of) -> None:
    doc = doc_of("Narendra Modi spoke in Paris. Later PM Modi met FM Jean-Noel Barrot.")
    assert set(people(doc).persons) == {"Narendra Modi", "Jean-Noel Barrot"}
    assert ("Foreign Minister", None) in [(t, None) for t, _ in roles(doc)["Jean-Noel Barrot"]]


def test_a_portfolio_acronym_before_a_name_belongs_to_the_office(doc_of) -> None:
    doc = doc_of("Minister of State for Electronics and IT Ravi Menon opened the AI forum.")
    assert set(people(doc).persons) == {"Ravi Menon"}
    assert roles(doc)["Ravi Menon"][0][0] == "Minister of State for Electronics and IT"


def test_joint_and_assistant_offices_keep_their_modifier(doc_of) -> None:
    doc = doc_of("Joint Secretary Ravi Menon and Assistant Secretary Ana Lind opened the AI forum.")
    assert roles(doc)["Ravi Menon"][0][0] == "Joint Secretary"
    assert roles(doc)["Ana Lind"][0][0] == "Assistant Secretary"


def test_an_office_before_a_known_holders_surname_is_not_the_namesake(doc_of) -> None:
    doc = doc_of("Melania Trump attended the dinner. President Trump said the AI rules would be relaxed.")
    trump = next(t for t in doc if t.text == "Trump" and t.i > 3)
    assert people(doc).at(trump.i) == "Trump"
    assert "President" not in [title for title, _ in roles(doc)["Melania Trump"]]


def test_one_word_name_right_after_a_hyphenated_office(doc_of) -> None:
    doc = doc_of("Guests included Kenyan Vice-President Ruto, Chinese Vice-Premier Liang, and Tomas Berg.")
    assert roles(doc)["Liang"] == [("Vice-Premier", "CN")]
    assert "Ruto" in people(doc).persons


def test_member_states_are_no_person(doc_of) -> None:
    doc = doc_of("The charter was backed by EU Member States on Monday.")
    assert people(doc).persons == {}


def test_an_office_vouches_for_a_name_the_model_took_for_a_region(doc_of) -> None:
    doc = doc_of(
        "The charter was unveiled by Crystal Rugege, the Managing Director of Peru’s Centre for "
        "Ocean Data (COD), the summit organizer."
    )
    assert roles(doc) == {"Crystal Rugege": [("Managing Director", "Peru’s Centre for Ocean Data (COD)")]}
    region = doc_of("Southeast Asia, the ASEAN Secretary-General said, needs rules.")
    assert "Southeast Asia" not in people(region).persons


def test_a_given_name_before_a_middle_initial_the_model_left_out(facts) -> None:
    text = "US Secretary of State Tomas J. Lindqvist addressed the council on Thursday."
    assert [(f["person"], f["title"]) for f in facts(text, kind="role")] == [
        ("Tomas J. Lindqvist", "Secretary of State")
    ]
