"""Credits: photo credits, wire sign-offs, "via" lines and wire datelines, each name with
its type (every name and place here is invented)."""

from __future__ import annotations

import pytest

from kg.creditnames import credited_name
from kg.credits import caption_ends, contributors, credits, photo_credits, sign_offs, slash_credits, wire_dateline, with_credits
from kg.kb import KBEntry, KnowledgeBase
from kg.outletnames import head_outlets, outlet_nouns, reporting_outlets, site_keys, site_names, title_outlet, via_outlets, without_tag_labels
from kg.types import Mention


def small_kb() -> KnowledgeBase:
    news = ["NewsOrganization"]
    return KnowledgeBase(
        [
            KBEntry("lantern-wire", "Organization", "Lantern Wire", aliases=["LW", "LANTERN", "Lantern"], classes=news),
            KBEntry("telegram", "Organization", "Telegram", classes=["Company"]),
            KBEntry("river-press", "Organization", "River Press", aliases=["RP", "rpress"], classes=news),
            KBEntry("harbourton", "Place", "Harbourton", classes=["City"], country="XA"),
            KBEntry("coastland", "Place", "Coastland", classes=["Country"], country="XA"),
            KBEntry("dunmere", "Place", "Dunmere", classes=["City"], country="XA"),
            KBEntry("ora", "Place", "Ora", classes=["City"], country="XA"),
        ]
    )


CANDS = small_kb().candidates


def names(found) -> list[list[tuple[str, str]]]:
    return [[(m.text, m.label) for m in credited] for _, _, credited in found]


def check_offsets(text: str, found) -> None:
    for _, _, credited in found:
        for m in credited:
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smoke over the port.\nPhoto: LW\n", [[("LW", "KB")]]),
        ("Smoke over the port.\nFile photo: RP\n", [[("RP", "KB")]]),  # "File" is nothing
        ("Smoke over the port. (Photo by Ivo Brandtner/Getty Images)", [[("Ivo Brandtner", "PERSON"), ("Getty Images", "ORG")]]),
        ("Smoke over the port. (Photo by MARTA QUELLOVA/LW via Getty Images)", [[("MARTA QUELLOVA", "PERSON"), ("LW", "KB"), ("Getty Images", "ORG")]]),
        ("Smoke over the portImage: Lantern Wire/Ola Vennberg\n", [[("Lantern Wire", "KB"), ("Ola Vennberg", "PERSON")]]),
        ("Credit: Getty Images\n", [[("Getty Images", "ORG")]]),
        ("Source: El Lantern (sp)\n", [[("El Lantern", "ORG")]]),
        ("Source: Harbour Info.Net\n", [[("Harbour Info.Net", "ORG")]]),
        ("Source: Harbour News and Information Agency – LW\n", [[("Harbour News and Information Agency", "KB"), ("LW", "KB")]]),
        ("Photo: Jana Roeva and Ivo Brandtner/LW\n", [[("Jana Roeva", "PERSON"), ("Ivo Brandtner", "PERSON"), ("LW", "KB")]]),
        ("Photo: Lantern Wire and River Press\n", [[("Lantern Wire", "KB"), ("River Press", "KB")]]),
        ("PHOTO/ TEMBO KARIUKO\n", [[("TEMBO KARIUKO", "PERSON")]]),
        ("Photo by Jana Roeva EPA-EFE\n", [[("Jana Roeva", "PERSON"), ("EPA-EFE", "ORG")]]),
        ("Firefighters at the depot. (RP Photo/Jana Roeva)", [[("RP", "KB"), ("Jana Roeva", "PERSON")]]),
        ("A caption. (Photo: HANDOUT/LW)", [[("LW", "KB")]]),
        ("Smoke over the depot (LW/File)", [[("LW", "KB")]]),
        ("The army said so. (Lantern)", [[("Lantern", "KB")]]),
        ("The army said so. (Velmora)", []),
        ("Photo credit: Ivo Brandtner\n", [[("Ivo Brandtner", "PERSON")]]),
        ("Image courtesy: Lantern Wire\n", [[("Lantern Wire", "KB")]]),
        ("A fighter at the gate.\nImage source, Getty Images\n", [[("Getty Images", "ORG")]]),
        ("(Photo by Ivo Brandtner/The Harbour Picture Collection/Getty Images)", [[("Ivo Brandtner", "PERSON"), ("Harbour Picture Collection", "ORG"), ("Getty Images", "ORG")]]),
        ("Smoke over the port. © Getty Images / Ola Vennberg\n", [[("Getty Images", "ORG"), ("Ola Vennberg", "PERSON")]]),
        ("© 2024 Lantern Media. All rights reserved.", [[("Lantern Media", "ORG")]]),
        ("Copyright 2019-2024 River Press", [[("River Press", "KB")]]),
        # A caption after the label, not a credit; a bracket of places, not a credit.
        ("Photo: Soldiers patrol the streets of Harbourton.\n", []),
        ("The road (Harbourton/Dunmere) was shut.", []),
    ],
)
def test_photo_credits_name_agencies_and_photographers(text, expected):
    found = photo_credits(text, CANDS)
    check_offsets(text, found)
    assert names(found) == expected


def test_a_slash_credit_inside_a_captions_text():
    text = "Fighters in Harbourton Jana Roeva/LW Soldiers patrol. A road LANTERN/Ivo Brandtner in the town."
    assert names(slash_credits(text, CANDS)) == [[("Jana Roeva", "PERSON"), ("LW", "KB")], [("LANTERN", "KB"), ("Ivo Brandtner", "PERSON")]]
    assert slash_credits("The Harbourton/Dunmere road and the Jana Roeva/Velmora case.", CANDS) == []


def test_a_full_name_and_its_known_short_name_are_one_outlet():
    text = "Source: Harbour News Agency – LW\n"
    full, short = photo_credits(text, CANDS)[0][2]
    assert (full.text, full.kb_id) == ("Harbour News Agency", short.kb_id) and short.text == "LW"
    other = photo_credits("Source: Harbour News Agency – Velmora Post\n", CANDS)[0][2]
    assert [m.label for m in other] == ["ORG", "ORG"]  # neither known: two names


def test_a_caption_ending_in_an_agency_and_a_photographer():
    text = "A fighter in Harbourton on Sunday. LANTERN/Jean Baptiste Kavira\nMore text follows here."
    assert names(caption_ends(text, CANDS)) == [[("LANTERN", "KB"), ("Jean Baptiste Kavira", "PERSON")]]
    assert caption_ends("Traffic on the road. Harbourton/Dunmere\n", CANDS) == []  # no agency, no credit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army said so.\n(Reporting by Amina Bellora in Harbourton; Editing by Ruth Marlowe and Tom Ashby)",
            [[("Amina Bellora", "PERSON"), ("Harbourton", "GPE")], [("Ruth Marlowe", "PERSON"), ("Tom Ashby", "PERSON")]],
        ),
        ("The army said so. Additional reporting by Chidi Nwosa in Harbourton and Dunmere.", [[("Chidi Nwosa", "PERSON"), ("Harbourton", "GPE"), ("Dunmere", "GPE")]]),
        ("With reporting by Kemal Arslanov; Writing by Hana Novakova", [[("Kemal Arslanov", "PERSON")], [("Hana Novakova", "PERSON")]]),
        ("Additional reporting by Lantern Wire.", [[("Lantern Wire", "KB")]]),
        ("EDITING BY JOHN OKAFORO", [[("JOHN OKAFORO", "PERSON")]]),
        ("Reporting by phone from the town, she said.", []),
        ("Reported by Lantern Wire, the raid on Dunmere killed five.", [[("Lantern Wire", "KB")]]),
    ],
)
def test_sign_off_lines_name_reporters_and_their_towns(text, expected):
    found = sign_offs(text, CANDS)
    check_offsets(text, found)
    assert names(found) == expected


def test_contributors_at_the_end_of_a_story():
    text = "The army said so.\n\nLantern Wire writers Jana Roeva in Harbourton and Ivo Brandtner contributed to this report."
    assert names(contributors(text, CANDS)) == [[("Lantern Wire", "KB"), ("Jana Roeva", "PERSON"), ("Harbourton", "GPE"), ("Ivo Brandtner", "PERSON")]]
    assert names(contributors("Marta Quellova contributed reporting.", CANDS)) == [[("Marta Quellova", "PERSON")]]
    assert contributors("The rebels contributed to the report.", CANDS) == []
    text = "Lantern Wire writer Jana Roeva in Harbourton, Coastland, contributed."
    assert names(contributors(text, CANDS)) == [[("Lantern Wire", "KB"), ("Jana Roeva", "PERSON"), ("Harbourton", "GPE"), ("Coastland", "GPE")]]


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Gunmen kill ten in a raid | Harbour Tribune", "Harbour Tribune"),
        ("Gunmen kill ten in a raid - Lantern Wire", "Lantern Wire"),
        ("Gunmen kill ten in a raid — The Valley Post", "Valley Post"),
        ("Gunmen kill ten in a raid - Harbourton", None),  # a place
        ("Gunmen kill ten in a raid - Marta Quell", None),  # a person
        ("Gunmen kill ten - officials say five more died", None),
    ],
)
def test_the_outlet_a_scraped_title_ends_with(title, outlet):
    found = title_outlet(title + "\n\nGunmen killed ten people.", CANDS)
    assert [m.text for _, _, credited in found for m in credited] == ([outlet] if outlet else [])


def test_via_names_the_outlet_not_a_route():
    assert names(via_outlets("Fighters raided the village, residents said, via Lantern Wire.", CANDS)) == [[("Lantern Wire", "KB")]]
    assert names(via_outlets("The story came to us (via Harbour News)", CANDS)) == [[("Harbour News", "ORG")]]
    assert via_outlets("The weapons reached the rebels via Coastland.", CANDS) == []
    assert via_outlets("They travelled via Harbourton to the coast.", CANDS) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nHARBOURTON, Coastland (LW) — Gunmen attacked.", [[("HARBOURTON", "GPE"), ("Coastland", "GPE"), ("LW", "KB")]]),
        ("Title\n\nDUNMERE, Coastland (Lantern Wire) - Gunmen attacked.", [[("DUNMERE", "GPE"), ("Coastland", "GPE"), ("Lantern Wire", "KB")]]),
        ("Title\n\nHARBOURTON — Gunmen attacked the base.", [[("HARBOURTON", "GPE")]]),  # a known place in capitals
        ("Title\n\nVELMORA (LW/RP) — Gunmen attacked.", [[("VELMORA", "GPE"), ("LW", "KB"), ("RP", "KB")]]),  # unknown, but the wire's brackets
        ("Title\n\nKorvasi, Coastland — Gunmen attacked.", [[("Korvasi", "GPE"), ("Coastland", "GPE")]]),
        ("Title\n\nHARBOURTON—Gunmen attacked the base.", [[("HARBOURTON", "GPE")]]),
        ("Title\n\nVELMORA, Coastland (rpress) — Gunmen attacked.", [[("VELMORA", "GPE"), ("Coastland", "GPE"), ("rpress", "KB")]]),
        ("Title\n\nVELMORA (ORA) — Gunmen attacked.", [[("VELMORA", "GPE"), ("ORA", "ORG")]]),
        ("Title\n\nUPDATE — The toll rose.", []),
        ("Title\n\nHARBOURTON: Gunmen attacked the base.", [[("HARBOURTON", "GPE")]]),
        ("Title\n\nHarbourton: Gunmen attacked the base.", [[("Harbourton", "GPE")]]),
        ("Title\n\nHarbourton, May 6 (LW) Gunmen attacked the base.", [[("Harbourton", "GPE"), ("LW", "KB")]]),
        ("Title\n\nVÉLMORA, Coastland (LW) — Gunmen attacked.", [[("VÉLMORA", "GPE"), ("Coastland", "GPE"), ("LW", "KB")]]),
        ("Title\n\nWarning: Gunmen attacked the base.", []),
        ("Title\n\nVelmora (South Coastland) — Gunmen attacked the base.", []),  # a region in the brackets, no agency
        ("Title\n\nHarbourton, May 12 (LW).- Gunmen attacked the base.", [[("Harbourton", "GPE"), ("LW", "KB")]]),
        ("Coastland: Gunmen attack a base\n\nGunmen attacked the base.", []),  # a title
        ("Title\n\nHarbourton, LW – Gunmen attacked the base.", [[("Harbourton", "GPE"), ("LW", "KB")]]),
        ("Title\n\nHarbourton, Velmora – Gunmen attacked the base.", []),
        ("Title\n\nVELMORA CITY , Coastland,  Suspected gunmen attacked.", [[("VELMORA CITY", "GPE"), ("Coastland", "GPE")]]),
        ("Title\n\nHarbourton, Coastland, Gunmen attacked.", []),  # a comma ends a dateline in capitals only
        ("Title\n\nVelmora: Gunmen attacked the base.", []),  # unknown, in title case, nothing else
        ("Title\n\nKorvasi, Dunmere — Gunmen attacked.", []),  # a town after the comma is no country
        ("Title\n\nVELMORA — Gunmen attacked.", []),  # capitals alone: maybe a heading
        ("Title\n\nMarta Quell — a profile of a medic.", []),
    ],
)
def test_a_wire_dateline_gives_its_place_and_agency_apart(text, expected):
    found = wire_dateline(text, CANDS)
    check_offsets(text, found)
    assert names(found) == expected


def test_outlets_that_report():
    text = "Harbour Tribune gathered that the toll could rise.\n\nOfficials said so."
    assert names(reporting_outlets(text, CANDS)) == [[("Harbour Tribune", "ORG")]]
    assert names(reporting_outlets("The Harbourton Times reported it.", CANDS)) == [[("Harbourton Times", "ORG")]]
    assert names(reporting_outlets("Officials reported no deaths.", CANDS)) == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Getty Images", "ORG"),
        ("AFPX", "ORG"),
        ("Jana Roeva", "PERSON"),
        ("JANA ROEVA", "PERSON"),
        ("File", None),
        ("HANDOUT", None),
        ("Staff", None),
        ("Velmora", "ORG"),
        ("local residents", None),
        ("ORA", "ORG"),  # an acronym, though a town's name spells it
        ("Dunmere", None),  # a known place
        ("rpress", "ORG"),  # known, though in lower case
        ("velmora", None),
    ],
)
def test_what_a_credited_name_is(name, kind):
    assert credited_name(name, CANDS) == kind


def test_credits_replace_what_the_model_drew_over_them():
    text = "Smoke rose. (Photo by Ivo Brandtner/Getty Images)\nFile photo: RP\nEditing by Ruth Marlowe"
    fused = Mention(text.index("Ivo"), text.index(")"), "Ivo Brandtner/Getty Images", "ORG")
    file_ = Mention(text.index("File"), text.index("File") + 4, "File", "ORG")
    editor = Mention(text.index("Ruth"), len(text), "Ruth Marlowe", "ORG")
    smoke = Mention(0, 5, "Smoke", "ORG")
    out = with_credits([smoke, fused, file_, editor], text, CANDS)
    assert [(m.text, m.label) for m in out] == [
        ("Smoke", "ORG"),  # outside every credit: untouched
        ("Ivo Brandtner", "PERSON"),
        ("Getty Images", "ORG"),
        ("RP", "KB"),
        ("Ruth Marlowe", "PERSON"),
    ]
    assert out[0] is smoke


def test_a_mention_that_is_already_right_keeps_its_identity():
    text = "Title\n\nHARBOURTON, Coastland (LW) — Gunmen attacked."
    place = Mention(text.index("HARBOURTON"), text.index(","), "HARBOURTON", "GPE")
    out = with_credits([place], text, CANDS)
    assert out[0] is place and [m.text for m in out] == ["HARBOURTON", "Coastland", "LW"]


def test_a_credit_clears_only_its_own_stretch():
    text = "Reported by Lantern Wire, the raid on Dunmere killed five."
    place = Mention(text.index("Dunmere"), text.index("Dunmere") + 7, "Dunmere", "GPE")
    assert [m.text for m in with_credits([place], text, CANDS)] == ["Lantern Wire", "Dunmere"]


def test_a_writers_post_is_no_name():
    text = "A Staff Reporter and Our Correspondent of the News Desk saw the Harbour Staff College."
    spans = [Mention(text.index(n), text.index(n) + len(n), n, "ORG") for n in ("Staff Reporter", "Our Correspondent", "News Desk", "Harbour Staff College")]
    assert [m.text for m in with_credits(spans, text, CANDS)] == ["Harbour Staff College"]


def test_the_word_after_a_dateline_opens_its_sentence():
    text = "Title\n\nVELMORA CITY , Coastland,  Suspected gunmen attacked. Two suspected men fled."
    word = Mention(text.index("Suspected"), text.index("Suspected") + 9, "Suspected", "ORG")
    assert [m.text for m in with_credits([word], text, CANDS)] == ["VELMORA CITY", "Coastland"]


def test_a_rules_match_stays_when_its_entry_is_of_the_credits_type():
    text = "Title\n\nHARBOURTON, Coastland (LW) — Gunmen attacked."
    town = Mention(text.index("HARBOURTON"), text.index(","), "HARBOURTON", "KB", "kb", "harbourton")
    wire = Mention(text.index("LW"), text.index("LW") + 2, "LW", "KB", "kb", "lw")
    out = with_credits([town, wire], text, CANDS)
    assert out[0] is town and out[2] is wire
    as_org = Mention(text.index("HARBOURTON"), text.index(","), "HARBOURTON", "KB|ORG", "kb", "lantern wire")
    assert with_credits([as_org], text, CANDS)[0].label == "GPE"  # an organisation's match over the dateline's place


def test_a_credits_label_before_its_outlet_is_no_name():
    text = "Homes were looted. INFO Harbour Tribune\n\nMore text."
    info = Mention(text.index("INFO"), text.index("INFO") + 4, "INFO", "ORG")
    out = with_credits([info], text, CANDS, "https://harbourtribune.example/a")
    assert [m.text for m in out] == ["Harbour Tribune"]


def test_credits_do_not_overlap():
    text = "Smoke rose. (Photo by Ivo Brandtner/LW via Getty Images)"
    found = credits(text, CANDS)
    assert len(found) == 1 and [m.text for m in found[0][2]] == ["Ivo Brandtner", "LW", "Getty Images"]


@pytest.mark.parametrize(
    ("url", "keys"),
    [
        ("https://www.harbourtribune.example/a/b", {"harbourtribune", "harbourtribuneexample"}),
        ("https://news.harbour-info.net/x", {"harbourinfo", "harbourinfonet"}),
        ("https://edition.valleypost.co.xa/x", {"valleypost", "valleypostxa"}),
        ("https://abc.example/", {"abcexample"}),  # a short name alone matches nothing
        ("https://www.harbourtimesng.example/x", {"harbourtimesng", "harbourtimesngexample", "harbourtimes"}),
        (None, set()),
    ],
)
def test_the_sites_name_run_together(url, keys):
    assert site_keys(url) == keys


def test_a_name_that_spells_the_sites_is_the_outlet():
    text = "Gunmen struck Dorgumi.\n\nHarbour Tribune gathered that more died; the Harbour Tribune said so.\nSource: Harbour Info.Net"
    found = site_names(text, CANDS, "https://www.harbourtribune.example/x")
    assert [[(m.text, m.label) for m in c] for _, _, c in found] == [[("Harbour Tribune", "ORG")], [("Harbour Tribune", "ORG")]]
    assert names(site_names(text, CANDS, "https://harbour-info.net/y")) == [[("Harbour Info.Net", "ORG")]]
    assert site_names("Officials in Harbourton said so.", CANDS, "https://harbourton.example/") == []  # a known place
    assert site_names(text, CANDS, None) == []
    # Never a piece of a longer name; a sentence's first word is no part of it.
    assert site_names("The Harbour Tribune Weekly said so.", CANDS, "https://harbourtribune.example/") == []
    assert names(site_names("A man told The Harbour Tribune so.", CANDS, "https://harbourtribune.example/")) == [[("Harbour Tribune", "ORG")]]
    assert names(site_names("Yesterday Harbour Tribune said so.", CANDS, "https://harbourtribune.example/")) == [[("Harbour Tribune", "ORG")]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Harbour al-Ahrar channel said on Sunday", ["Harbour al-Ahrar"]),
        ("Coastland's Velmora news agency said", ["Velmora"]),
        ("the pro-government Velmora Times newspaper wrote", ["Velmora Times"]),
        ("the state-run Lantern Wire website", ["Lantern Wire"]),  # known: the words it knows
        ("the French daily Le Courrier reported", ["Le Courrier"]),
        ("news agency Lantern Wire said.", ["Lantern Wire"]),
        ("said the broadcaster RP.", ["RP"]),
        ("Coastland television said", []),  # a country's television, no outlet's name
        ("a daily Mass in Harbourton", []),
        ("told the newspaper on Monday", []),
        ("he told the newspaper Monday that", []),
        ("The newspaper said so.", []),
        ("Several radio stations reported it.", []),
        ("News website Carta de Velmora reported", ["Carta de Velmora"]),
        ("the Ministry of Defence of Coastland website said", ["Ministry of Defence of Coastland"]),
        ("the army's website said", []),
        ("the Harbour Guard's website said", []),  # a body's website, no outlet
        ("the Velmora Telegram channel said", ["Velmora", "Telegram"]),
    ],
)
def test_outlets_named_with_the_noun_of_their_kind(text, expected):
    found = outlet_nouns(text, CANDS)
    check_offsets(text, found)
    assert [m.text for _, _, c in found for m in c] == expected


def test_a_syndication_bracket_names_both_outlets():
    text = "(VELNET- Lantern Wire) Officials said five died."
    assert names(photo_credits(text, CANDS)) == [[("VELNET", "ORG"), ("Lantern Wire", "KB")]]
    assert photo_credits("(Harbourton - Dunmere) road", CANDS) == []


def test_a_section_line_names_no_topic_and_its_label_no_name():
    text = "Gunmen attack a base\n\nStoryline:National News, Lantern Wire\n\nGunmen attacked a base in Harbourton."
    fused = Mention(text.index("Storyline"), text.index(","), "Storyline:National News", "ORG")
    lw = Mention(text.index("Lantern"), text.index("Lantern") + 12, "Lantern Wire", "ORG")
    town = Mention(text.index("Harbourton"), text.index("Harbourton") + 10, "Harbourton", "GPE")
    assert [m.text for m in without_tag_labels([fused, lw, town], text)] == ["Lantern Wire", "Harbourton"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Marta Quell By\n\nHarbour News Service\n\n", ["Harbour News Service"]),
        ("Lantern Wire\n\n", ["Lantern Wire"]),
        ("World News\n\n", []),  # a section's label
        ("By Harbour News\n\n", []),  # a byline: kg/bylines.py reads it
        ("Coastland News\n\n", []),
        ("Marta Quell\n\n", []),  # a person, or nobody knows
        ("Local officials say more died\n\n", []),
    ],
)
def test_an_outlets_name_alone_in_the_head(head, expected):
    text = "Gunmen kill ten in a raid\n\n" + head + "HARBOURTON: Gunmen killed ten people in a raid on the town on Sunday, officials said, and more are missing."
    found = head_outlets(text, CANDS)
    check_offsets(text, found)
    assert [m.text for _, _, c in found for m in c] == expected
