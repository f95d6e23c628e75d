"""Actors worldwide in ACLED's own names (issue 17): the cases a coder would argue about, region by
region, run through the real extractor; and the check of the actor dictionary itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.corpus import jsonl_objects
from sitrep.evaluate import evaluate_actor_notes, normalise_actor
from sitrep.extract import actornames
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event

# (country prior, event date, note, actor 1, actor 2); None where the case does not argue that side.
CASES = {
    "Africa": [
        # a demonym names that state's forces, under the regime of the event's date
        ("SD", "2023-06-12", "On 12 June 2023, Sudanese troops shelled RSF positions in Omdurman. 4 civilians "
         "were killed.", "Military Forces of Sudan (2019-)", None),
        # the RSF was part of Sudan's forces until the war of April 2023, a rebel group after it
        ("SD", "2023-09-03", "On 3 September 2023, the Rapid Support Forces attacked villagers in Tawila, killing "
         "9 civilians.", "Rapid Support Forces", "Civilians (Sudan)"),
        ("SD", "2021-12-02", "On 2 December 2021, Rapid Support Forces troops attacked villagers in Tawila, "
         "killing 3 civilians.", "Military Forces of Sudan (2019-2023) Rapid Support Forces", "Civilians (Sudan)"),
        # the regime that held power on the day: Nigeria before and after 29 May 2023
        ("NG", "2022-04-10", "On 10 April 2022, Nigerian soldiers clashed with ISWAP fighters near Malam Fatori, "
         "killing 6.", "Military Forces of Nigeria (2015-2023)", "Islamic State (West Africa)"),
        ("NG", "2024-04-10", "On 10 April 2024, Nigerian soldiers clashed with ISWAP fighters near Malam Fatori, "
         "killing 6.", "Military Forces of Nigeria (2023-)", "Islamic State (West Africa)"),
        # a mission's member acting under it is coded to the mission
        ("SO", "2023-03-02", "On 2 March 2023, ATMIS troops clashed with al Shabaab militants in Bulo Burde.",
         "ATMIS: African Union Transition Mission in Somalia (2022-2024)", "Al Shabaab"),
        # Islamic State in Mozambique is its Mozambique branch, not the one in Syria
        ("MZ", "2022-09-06", "On 6 September 2022, Islamic State militants attacked the village of Chipene in "
         "Memba, killing 6 civilians.", "Islamic State (Mozambique)", "Civilians (Mozambique)"),
        # unnamed gunmen, and a group the authorities blame in another sentence: the group is actor 1
        ("CM", "2020-10-24", "On 24 October 2020, gunmen stormed a school in Kumba and opened fire on pupils, "
         "killing 7 children. Authorities blamed Ambazonian separatists.", "Ambazonian Separatists",
         "Civilians (Cameroon)"),
        # the Palestinian Authority's security forces are its West Bank police
        ("PS", "2024-12-14", "On 14 December 2024, Palestinian Authority security forces clashed with gunmen of "
         "the Jenin Brigade in Jenin camp.", "Police Forces of Palestine (1994-) West Bank", "PIJ: Katibat Jenin"),
        # a Libyan rival government's forces by their commander's name
        ("LY", "2019-07-02", "On 2 July 2019, forces loyal to Khalifa Haftar shelled a neighbourhood of Tripoli, "
         "killing 3 civilians.", "Military Forces of Libya (2014-) Khalifa Haftar Faction", None),
    ],
    "Middle East": [
        # the Houthis as Yemen's de facto authorities
        ("YE", "2024-01-20", "On 20 January 2024, Houthi forces fired a missile at a commercial ship off Hodeidah.",
         "Military Forces of Yemen (2017-) Houthi", None),
        # the Saudi-led coalition is coded to its operation
        ("YE", "2022-01-21", "On 21 January 2022, Saudi-led coalition air strikes hit a prison in Saada, killing "
         "91 people.", "Operation Restoring Hope", None),
        # Israeli forces under the government of the day
        ("PS", "2021-05-16", "On 16 May 2021, Israeli air strikes hit buildings in Gaza City, killing 42 people.",
         "Military Forces of Israel (2009-2021)", None),
        ("IR", "2022-10-01", "On 1 October 2022, the Revolutionary Guards fired on protesters in Zahedan, killing "
         "dozens.", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", None),
    ],
    "Asia": [
        # the Taliban before and after they took Kabul
        ("AF", "2020-06-01", "On 1 June 2020, Taliban militants attacked an army checkpoint in Kunduz, killing 4 "
         "soldiers.", "Taliban", "Military Forces of Afghanistan (2014-2021)"),
        ("AF", "2023-06-01", "On 1 June 2023, Taliban forces clashed with NRF fighters in Panjshir, killing 4.",
         "Military Forces of Afghanistan (2021-)", "NRF: National Resistance Front"),
        # the Tatmadaw is Myanmar's military, under the junta after February 2021
        ("MM", "2023-04-11", "On 11 April 2023, Tatmadaw jets bombed a gathering in Pazigyi, killing 160 "
         "civilians.", "Military Forces of Myanmar (2021-)", None),
    ],
    "Europe and Caucasus": [
        # a foreign state's forces are external forces, and a named branch is kept where ACLED splits it
        ("UA", "2023-01-14", "On 14 January 2023, the Russian Air Force struck Dnipro, killing 46 civilians.",
         "Military Forces of Russia (2000-) Air Force", "Civilians (Ukraine)"),
        ("AM", "2022-09-13", "On 13 September 2022, Azerbaijani troops shelled Armenian positions near Jermuk.",
         "Military Forces of Azerbaijan (2003-)", None),
    ],
    "Americas": [
        # a gang with no name: the country's convention for criminal violence
        ("MX", "2023-05-02", "On 2 May 2023, a gang shot dead two men in a bar in Celaya.",
         "Unidentified Gang (Mexico)", "Civilians (Mexico)"),
        ("CO", "2023-03-29", "On 29 March 2023, ELN fighters attacked a military base in El Carmen, killing 9 "
         "soldiers.", "ELN: National Liberation Army", "Military Forces of Colombia (2022-)"),
    ],
}


def _first(extractor: Extractor, cc: str, day: str, text: str) -> Event:
    article = Article(id=f"{cc}-{day}", text=text, published=dt.date.fromisoformat(day))
    (item,) = list(extractor.with_country(cc).extract([article]))
    assert not isinstance(item, Exception)
    events = item[1]  # type: ignore[index]
    assert events, f"no event in {text!r}"
    return events[0]


@pytest.mark.parametrize(("cc", "day", "text", "actor1", "actor2"),
                         [case for cases in CASES.values() for case in cases],
                         ids=[f"{region}-{i}" for region, cases in CASES.items() for i in range(len(cases))])
def test_actors_world_acled_names(extractor: Extractor, cc: str, day: str, text: str, actor1: str,
                                  actor2: str | None) -> None:
    event = _first(extractor, cc, day, text)
    assert event.actor1 == actor1
    if actor2 is not None:
        assert event.actor2 == actor2
    assert event.actor1_plain == actornames.plain(actor1)


def test_actors_world_police_forces_are_one_force(extractor: Extractor) -> None:
    """'Police forces' is the police, not the police and a second, military force."""
    event = _first(extractor, "KE", "2018-09-14", "On 14 September 2018, police forces shot dead two suspects in "
                   "Njoro.")
    assert event.actor1 == "Police Forces of Kenya (2013-2022)"


def test_actors_world_member_under_operation_is_associate(extractor: Extractor) -> None:
    """Malian troops with Wagner: Wagner is the associate; French troops of Barkhane: coded to the operation."""
    event = _first(extractor, "ML", "2022-03-27", "On 27 March 2022, Malian soldiers and Wagner mercenaries "
                   "clashed with JNIM militants near Moura.")
    assert (event.actor1, event.assoc_actor_1) == ("Military Forces of Mali (2021-)", ["Wagner Group"])
    event = _first(extractor, "SO", "2023-03-02", "On 2 March 2023, ATMIS troops and the Somali National Army "
                   "clashed with al Shabaab in Bulo Burde.")
    assert event.assoc_actor_1 == ["Military Forces of Somalia (2022-)"]
    assert event.actor2 == "Al Shabaab"


def test_actors_world_abbreviation_needs_context(extractor: Extractor) -> None:
    """'CPC' is the Central African coalition only where the text is about the Central African Republic."""
    event = _first(extractor, "CF", "2021-01-03", "On 3 January 2021, CPC rebels attacked soldiers in Bangassou.")
    assert event.actor1 == "CPC: Coalition of Patriots for Change"
    d = actornames.dictionary()
    assert d.pick("CPC", "Kenya", dt.date(2021, 1, 3), "The CPC met in Nairobi.", {"Kenya"}) is None
    assert d.pick("CPC", "Kenya", dt.date(2021, 1, 3), "The CPC met.", {"Central African Republic"}) is not None
    # a long abbreviation no other actor has stands alone; a short one only where nothing placed the text
    assert d.pick("SLDF", "Uganda", dt.date(2008, 1, 3), "SLDF gunmen struck.", set()) is not None
    assert d.pick("MRC", "International", dt.date(2012, 1, 3), "MRC attacks village.", set()) is not None
    assert d.pick("MRC", "Tanzania", dt.date(2012, 1, 3), "MRC attacks village.", set()) is None


def test_actors_world_name_valid_on_the_date() -> None:
    d = actornames.dictionary()
    assert d.named_at("issahel", "Mali", dt.date(2018, 5, 1)).name == "Islamic State (Greater Sahara)"
    assert d.named_at("issahel", "Mali", dt.date(2020, 5, 1)).name == \
        "Islamic State (West Africa) - Greater Sahara Faction"
    assert d.named_at("issahel", "Mali", dt.date(2023, 5, 1)).name == "Islamic State (Sahel)"
    assert d.state_name("Police Forces", "Kenya", dt.date(2024, 2, 13)) == "Police Forces of Kenya (2022-)"
    assert d.state_name("Police Forces", "Kenya", dt.date(2016, 2, 13)) == "Police Forces of Kenya (2013-2022)"
    assert d.state_name("Military Forces", "United States", dt.date(2025, 3, 1)) == \
        "Military Forces of the United States (2025-)"


def test_actors_world_plain_form_and_comparison() -> None:
    assert actornames.plain("Police Forces of Kenya (2013-) Prison Guards") == "Police Forces of Kenya Prison Guards"
    assert normalise_actor("Military Forces of Israel (2022-)") == normalise_actor("Military Forces of Israel")


def test_actors_world_dictionary_is_sound(extractor: Extractor) -> None:
    """Every name unique to its group, every inter code valid, every country known to the gazetteer,
    no alias naming two actors in one country and period without a rule to decide; the 60 countries
    of issue 17 all have their regimes."""
    d = actornames.dictionary()
    countries = set(extractor.country_names.values())
    assert d.problems(countries) == []
    sixty = ("Nigeria|Democratic Republic of Congo|Sudan|South Sudan|Somalia|Ethiopia|Burkina Faso|Mali|Niger|"
             "Cameroon|Central African Republic|Mozambique|Libya|Kenya|Uganda|Burundi|Chad|South Africa|Benin|Togo|"
             "Ghana|Zimbabwe|Egypt|Algeria|Syria|Yemen|Iraq|Palestine|Israel|Lebanon|Iran|Turkey|Myanmar|India|"
             "Pakistan|Afghanistan|Bangladesh|Philippines|Indonesia|Thailand|Nepal|Sri Lanka|Ukraine|Russia|France|"
             "Germany|United Kingdom|Italy|Spain|Armenia|Mexico|Brazil|Colombia|United States|Haiti|Ecuador|Peru|"
             "Chile|Venezuela|Honduras").split("|")
    assert len(sixty) == 60
    assert [c for c in sixty if c not in d.regimes] == []
    assert [c for c in sixty if c not in countries] == []


def test_actors_world_check_finds_an_undecided_alias(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check is no formality: two groups sharing an alias in one country and period are reported."""
    d = actornames.dictionary()
    a = actornames.Named("a", "Group A", 2, ("Kenya",), None, None, ("the Lions",))
    b = actornames.Named("b", "Group B", 9, ("Kenya",), None, None, ("the Lions",))
    d2 = object.__new__(actornames.Dictionary)
    d2.__dict__.update({k: getattr(d, k) for k in ("regimes", "branches", "state_names", "conventions")})
    d2.groups, d2.international, d2.named = [a, b], [], [a, b]
    problems = d2.problems({"Kenya"} | set(d.regimes) | {s.country for s in d.state_names}
                           | {c for c, _ in d.conventions})
    assert any("the lions" in p for p in problems)
    assert any("inter 9" in p for p in problems)


WORLD_NOTES = sorted((Path(__file__).parent / "fixtures" / "world_notes").glob("*.jsonl"))
# Floors about 0.01 under the dev split's figures when they were set (docs/benchmarks.md, issue 17);
# raise them in the change that earns it. The test split is measured by benchmarks/world_actors.py only.
WORLD_FLOORS = {"actor1_plain": 0.655, "actor2_plain": 0.585, "actor1_exact": 0.64, "actor2_exact": 0.58}


@pytest.mark.slow
def test_actors_world_notes_dev_split_holds_its_floors(extractor: Extractor) -> None:
    """The world notes' dev split (our own ACLED-style notes from 59 countries) keeps its actor figures."""
    assert WORLD_NOTES, "tests/fixtures/world_notes is empty"
    notes = [n for path in WORLD_NOTES for _, n in jsonl_objects(path) if n.get("split") == "dev"]
    figures = evaluate_actor_notes(extractor, notes).figures()["dev"]
    assert {k: figures[k] for k in WORLD_FLOORS if figures[k] < WORLD_FLOORS[k]} == {}
