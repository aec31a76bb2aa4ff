"""Name edges of kg/spanedges.py (water bodies, compass suffixes, a unit's seat), on texts written here."""

from __future__ import annotations

from kg.spanedges import cut_unit_seat, extend_by_compass_suffix, extend_to_water_body
from kg.types import Mention


def at(text: str, surface: str, label: str, kb_id: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, label, "kb" if kb_id else "ner", kb_id)


def test_a_country_after_gulf_of_is_the_water_body_and_the_kbs_gulf_goes():
    text = "The threat is spreading to countries along the Gulf of Guinea, the minister said."
    gulf = at(text, "Gulf", "KB|LOC", "persian-gulf")
    guinea = at(text, "Guinea", "KB|LOC", "gn/1")
    out = extend_to_water_body([gulf, guinea], text)
    assert [(m.text, m.kb_id) for m in out] == [("Gulf of Guinea", None)]
    # no water word before it: the country stays
    text = "Troops from Guinea arrived."
    assert [m.text for m in extend_to_water_body([at(text, "Guinea", "KB|LOC", "gn/1")], text)] == ["Guinea"]


def test_a_hyphenated_compass_word_is_part_of_an_areas_name():
    text = "the head of the Walendu-Nord chiefdom said"
    out = extend_by_compass_suffix([at(text, "Walendu", "PERSON")], text)
    assert [(m.text, m.label) for m in out] == [("Walendu-Nord", "GPE")]
    text = "the Walendu-Nordic group"
    assert [m.text for m in extend_by_compass_suffix([at(text, "Walendu", "PERSON")], text)] == ["Walendu"]


def test_a_units_seat_of_command_names_the_unit():
    text = "the Command of the Ninth Infantry Division of the army said"
    out = cut_unit_seat([at(text, "Command of the Ninth Infantry Division", "ORG")], text)
    assert [m.text for m in out] == ["Ninth Infantry Division"]
    text = "the Command of the Faithful said"
    assert [m.text for m in cut_unit_seat([at(text, "Command of the Faithful", "ORG")], text)] == ["Command of the Faithful"]
