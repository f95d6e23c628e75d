"""Synthetic, labelled news sentences for training sitrep's sub-event type classifier.

Provenance: this generator was written for sitrep. Every template, word list and country sketch in it is
our own writing, and it is released with the project under the MIT licence. No ACLED data, codebook text or
event note was used or copied, and neither was any other source's text; the place names are real towns and
regions and the actor names are the names of real armed groups and forces, combined freely (a sentence
describes no real event).

The output is one JSON object per line: ``{"text": ..., "label": ..., "kind": ...}``. ``label`` is one of
ACLED's 25 sub-event types (``LABELS``) or "" for a sentence that reports no event; ``kind`` is "event" for
the former and, for the latter, one of ``NON_EVENT_KINDS`` (negated, planned, threatened, hypothetical,
historical, cumulative_toll, disaster, crime, diplomacy, statement, other_news).

Sentences come in four registers, from three families of templates: wire-service style ("Gunmen killed five
villagers in Bama on Tuesday, police said.") and ACLED-note style ("On 12 March 2023, police fired teargas to
disperse traders ..."), from the same templates; headlines ("Bandits torch 30 homes in Alale": present tense,
no articles, mostly no date or source); and terse coder notes ("Residents beat a suspected goat thief to death in
Kisii town. Area tense."). The headline and note families also carry the everyday vocabulary of local conflict
(cattle raids, mob justice, boda boda riders, chiefs and MCAs, gangs fighting the police).

Run::

    python scripts/generate_corpus.py OUT.jsonl [--seed 13] [--per-class 360] [--summary]

or import ``generate(seed=13, per_class=360)``. The output is deterministic for a given seed and Python
version; only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sitrep.taxonomy import SUB_EVENT_TYPES

# --------------------------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------------------------

LABELS = tuple(SUB_EVENT_TYPES)  # ACLED's 25, in the taxonomy's order

NON_EVENT_KINDS = (
    "negated",
    "planned",
    "threatened",
    "hypothetical",
    "historical",
    "cumulative_toll",
    "disaster",
    "crime",
    "diplomacy",
    "statement",
    "other_news",
)

NON_EVENT_SHARE = 0.45  # non-events in all = NON_EVENT_SHARE * len(LABELS) * per_class

# Labels whose sentences only make sense where there is an armed conflict.
PEACETIME_LABELS = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Arrests",
    "Change to group/activity",
)
# Labels about control of territory: countries sketched with territory=False are not used for them.
TERRITORY_LABELS = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)
PROTEST_LABELS = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
)

# --------------------------------------------------------------------------------------------------------------
# Country sketches: real regions with real towns in them, and the kinds of actors one reads about there
# --------------------------------------------------------------------------------------------------------------

ACTOR_FIELDS = ("rebels", "foes", "allies", "militias", "air", "heavy", "bombers", "chem", "intercepts", "sources",
                "venues", "gangs")


def _country(
    name: str,
    adj: str,
    poss: str,
    capital: str,
    places: dict[str, tuple[str, ...]],
    army: tuple[str, ...],
    police: tuple[str, ...],
    *,
    by_area: dict[str, dict] | None = None,
    conflict: bool = True,
    territory: bool = True,
    criminal: bool = False,
    lethal: bool = True,
    army_abuses: bool = True,
    **actors: tuple[str, ...],
) -> dict:
    """One country sketch: places maps a first-level region to real towns in it.

    Actor phrases are bare plurals ("M23 rebels") unless they carry their own article. The actor fields:
    rebels (non-state armed groups), foes (foreign state forces fighting the army), allies (foreign or
    international forces on the government's side), militias, air and heavy (who drops bombs / fires artillery
    there), bombers (groups that claim suicide attacks there), chem (who has been reported to use chemical
    agents), intercepts (what air defences there shoot down: "drones"), sources (local attributions) and
    venues (where talks about the conflict are held), gangs (criminal gangs that fight the police even where
    there is no armed conflict: only the headline and coder-note templates with a {gang} slot use them). by_area
    overrides any of these, or conflict/territory, for some regions. conflict=False: only protests, riots,
    arrests and the like are placed there; territory=False: no sentences about control of territory;
    criminal=True: the armed groups are gangs or cartels (no peace deals); lethal=False: no sentences about
    security forces killing protesters; army_abuses=False: the army is not among the "armed men" who attack,
    abduct or loot.
    """
    unknown = set(actors) - set(ACTOR_FIELDS)
    if unknown:
        raise ValueError(f"unknown actor fields {sorted(unknown)}")
    base = {field: () for field in ACTOR_FIELDS}
    base.update(actors)
    base.update(name=name, adj=adj, poss=poss, capital=capital, army=army, police=police, conflict=conflict,
                territory=territory, criminal=criminal, lethal=lethal, army_abuses=army_abuses)
    return {"base": base, "places": places, "by_area": by_area or {}}


_BORNO = {"rebels": ("Boko Haram fighters", "ISWAP militants", "jihadists", "Boko Haram insurgents"),
          "militias": ("Civilian JTF members", "local hunters", "vigilantes"), "bombers": ("Boko Haram", "ISWAP"),
          "heavy": ("ISWAP militants", "Nigerian troops")}
_MIDDLE_BELT = {"militias": ("armed herders", "Fulani militiamen", "local vigilantes", "armed youths")}
_QUIET = {"conflict": False}
_MALI_NORTH = {"rebels": ("JNIM militants", "Islamic State Sahel fighters", "CSP separatist fighters",
                          "Tuareg rebels")}
_KIVU = {"rebels": ("M23 rebels", "AFC/M23 fighters", "ADF militants"),
         "militias": ("Wazalendo fighters", "Mai-Mai militiamen", "Nyatura militiamen")}
_KENYA_NE = {"conflict": True, "rebels": ("al-Shabaab militants", "suspected al-Shabaab fighters")}
_KENYA_RIFT = {"conflict": True, "militias": ("armed bandits", "Pokot raiders", "Turkana raiders", "cattle rustlers")}
_SYRIA_NW = {"rebels": ("HTS fighters", "Syrian National Army factions", "Turkish-backed rebels", "jihadists"),
             "air": ("Russian warplanes", "Syrian government jets", "a Russian jet", "government helicopters"),
             "heavy": ("Syrian government forces", "HTS fighters", "pro-government militiamen")}
_SYRIA_EAST = {"rebels": ("Islamic State militants", "SDF fighters", "IS militants"),
               "air": ("US-led coalition aircraft", "Turkish drones", "a Turkish drone", "Russian warplanes"),
               "heavy": ("Turkish artillery units", "SDF fighters", "Syrian government forces"),
               "militias": ("Arab tribal fighters", "tribal gunmen")}
_SYRIA_SOUTH = {"rebels": ("former opposition fighters", "Islamic State militants", "local armed factions"),
                "air": ("Israeli jets", "Israeli aircraft", "Russian warplanes"),
                "militias": ("local gunmen", "Druze militiamen", "Bedouin tribal fighters")}
_YEMEN_SOUTH = {"rebels": ("AQAP militants", "Houthi fighters"), "bombers": ("AQAP", "the Islamic State group")}
_IRAQ_KURD = {"rebels": ("PKK fighters", "PKK militants"), "air": ("Turkish warplanes", "Turkish drones"),
              "heavy": ("Turkish forces", "Turkish artillery units"),
              "army": ("Kurdish Peshmerga forces", "Iraqi forces")}
_GAZA = {"rebels": ("Hamas fighters", "Palestinian Islamic Jihad militants", "al-Qassam Brigades fighters"),
         "heavy": ("Israeli forces", "Israeli artillery units", "Palestinian militants")}
_WEST_BANK = {"rebels": ("Palestinian gunmen", "Jenin Brigade fighters", "al-Aqsa Martyrs' Brigades militants"),
              "militias": ("Israeli settlers", "armed settlers"), "air": ("an Israeli drone", "Israeli aircraft")}
_AFG_NRF = {"rebels": ("National Resistance Front fighters", "anti-Taliban fighters")}
_AFG_IS = {"rebels": ("ISKP militants", "Islamic State Khorasan fighters"),
           "bombers": ("Islamic State Khorasan", "ISKP")}
_AFG_BORDER = {"rebels": ("ISKP militants", "Pakistani Taliban fighters"), "air": ("Pakistani jets",
                                                                                    "Pakistani aircraft"),
               "heavy": ("Pakistani forces",)}
_KP = {"rebels": ("Pakistani Taliban militants", "TTP fighters", "Hafiz Gul Bahadur group militants"),
       "bombers": ("the Pakistani Taliban", "Islamic State Khorasan"), "militias": ("tribal gunmen",
                                                                                   "sectarian militants")}
_BALOCH = {"rebels": ("Baloch Liberation Army separatists", "BLA fighters", "BLF militants"),
           "bombers": ("the BLA",)}
_MAOIST = {"rebels": ("Maoist rebels", "Naxalite insurgents", "Maoist guerrillas")}
_MANIPUR = {"militias": ("Meitei militants", "Kuki armed groups", "armed village volunteers"),
            "territory": False}

COUNTRIES = (
    _country(
        "Nigeria", "Nigerian", "Nigeria's", "Abuja",
        {"Borno state": ("Maiduguri", "Bama", "Gwoza", "Damboa", "Monguno", "Dikwa", "Konduga"),
         "Yobe state": ("Damaturu", "Geidam", "Gujba", "Buni Yadi"),
         "Adamawa state": ("Madagali", "Michika", "Mubi"),
         "Zamfara state": ("Gusau", "Tsafe", "Maru", "Anka"),
         "Kaduna state": ("Kaduna", "Birnin Gwari", "Zaria", "Kajuru"),
         "Katsina state": ("Katsina", "Batsari", "Faskari"),
         "Sokoto state": ("Sokoto", "Sabon Birni", "Isa"),
         "Plateau state": ("Jos", "Bokkos", "Mangu", "Barkin Ladi"),
         "Benue state": ("Makurdi", "Agatu", "Guma"),
         "Lagos state": ("Lagos", "Ikeja", "Lekki"),
         "Kano state": ("Kano",)},
        ("Nigerian troops", "soldiers", "the Nigerian army", "government troops"),
        ("police", "anti-riot police", "mobile police officers", "Nigerian police"),
        by_area={"Borno state": _BORNO, "Yobe state": _BORNO, "Adamawa state": _BORNO, "Plateau state": _MIDDLE_BELT,
                 "Benue state": _MIDDLE_BELT, "Lagos state": _QUIET, "Kano state": _QUIET},
        militias=("bandits", "armed bandits", "vigilantes", "armed herders"),
        air=("the Nigerian Air Force", "military jets", "a Nigerian Air Force jet"),
        sources=("a spokesman for the state police command said", "a local government chairman said"),
        gangs=("suspected cultists", "armed robbers", "kidnap gang members"),
    ),
    _country(
        "Somalia", "Somali", "Somalia's", "Mogadishu",
        {"Lower Shabelle": ("Afgoye", "Marka", "Wanlaweyn", "Qoryoley"),
         "Hiraan region": ("Beledweyne", "Bulo Burte", "Mataban"),
         "Middle Shabelle": ("Jowhar", "Balcad", "Adan Yabaal"),
         "Bay region": ("Baidoa", "Burhakaba", "Dinsoor"),
         "Galmudug state": ("Dhusamareb", "El Bur", "Adado", "Galkayo"),
         "Lower Juba": ("Kismayo", "Afmadow", "Jamame"),
         "Banadir region": ("Mogadishu",)},
        ("Somali troops", "government forces", "Somali National Army soldiers", "Danab special forces",
         "Somali forces backed by clan fighters"),
        ("Somali police", "police"),
        rebels=("al-Shabaab fighters", "al-Shabaab militants", "Islamist insurgents"),
        allies=("African Union troops", "AU peacekeepers"),
        militias=("clan militiamen", "Macawisley fighters", "rival clan militias"),
        air=("US forces", "a US drone", "Somali military aircraft", "Turkish drones"),
        heavy=("al-Shabaab militants", "al-Shabaab fighters"),
        bombers=("al-Shabaab",),
        sources=("a local elder said", "the state news agency reported"),
        venues=("Mogadishu", "Nairobi", "Addis Ababa"),
    ),
    _country(
        "Mali", "Malian", "Mali's", "Bamako",
        {"the Mopti region": ("Mopti", "Sevare", "Douentza", "Djenne", "Boni", "Bandiagara"),
         "the Gao region": ("Gao", "Ansongo", "Bourem"),
         "the Menaka region": ("Menaka", "Anderamboukane"),
         "the Segou region": ("Segou", "Niono", "Macina"),
         "the Timbuktu region": ("Timbuktu", "Niafunke", "Goundam", "Ber"),
         "the Kidal region": ("Kidal", "Tessalit", "Aguelhok"),
         "the Bamako district": ("Bamako",)},
        ("Malian soldiers", "the Malian army", "FAMa troops", "Malian troops backed by Russian mercenaries",
         "Malian soldiers supported by Wagner fighters"),
        ("police", "gendarmes"),
        by_area={"the Gao region": _MALI_NORTH, "the Timbuktu region": _MALI_NORTH, "the Kidal region": _MALI_NORTH,
                 "the Bamako district": _QUIET},
        rebels=("JNIM militants", "Islamic State Sahel fighters", "jihadists"),
        allies=("UN peacekeepers", "French troops", "Russian Africa Corps troops"),
        militias=("Dozo hunters", "Dan Na Ambassagou militiamen", "self-defence militiamen"),
        air=("Malian army drones", "military helicopters", "a Malian army drone"),
        heavy=("JNIM militants", "Islamic State Sahel fighters"),
        bombers=("JNIM", "Islamic State Sahel"),
        sources=("a local elected official said", "a security source in the region said"),
        venues=("Algiers", "Bamako"),
    ),
    _country(
        "Burkina Faso", "Burkinabe", "Burkina Faso's", "Ouagadougou",
        {"the Sahel region": ("Djibo", "Dori", "Arbinda", "Sebba", "Gorom-Gorom"),
         "the Centre-Nord region": ("Kaya", "Barsalogho", "Kongoussi"),
         "the Est region": ("Fada N'Gourma", "Diapaga", "Kantchari"),
         "the Boucle du Mouhoun region": ("Dedougou", "Tougan", "Nouna"),
         "the Nord region": ("Ouahigouya", "Titao"),
         "the Centre region": ("Ouagadougou",)},
        ("Burkinabe soldiers", "the army", "soldiers and VDP auxiliaries", "government troops"),
        ("police", "gendarmes"),
        by_area={"the Centre region": _QUIET},
        rebels=("JNIM fighters", "Islamic State militants", "suspected jihadists", "Ansarul Islam fighters"),
        allies=("French special forces",),
        militias=("VDP volunteers", "Koglweogo militiamen", "local self-defence fighters"),
        air=("the Burkinabe air force", "army drones", "a military drone"),
        sources=("a local resident reached by phone said", "a security source said"),
    ),
    _country(
        "Niger", "Nigerien", "Niger's", "Niamey",
        {"the Tillaberi region": ("Tillaberi", "Ouallam", "Banibangou", "Ayorou", "Torodi", "Tera"),
         "the Diffa region": ("Diffa", "Bosso", "Maine-Soroa"),
         "the Tahoua region": ("Tahoua", "Tassara", "Tillia"),
         "the Niamey region": ("Niamey",)},
        ("Nigerien soldiers", "the Nigerien army", "government troops"),
        ("police", "gendarmes", "National Guard officers"),
        by_area={"the Diffa region": {"rebels": ("Boko Haram militants", "ISWAP fighters"),
                                      "bombers": ("Boko Haram",)},
                 "the Niamey region": _QUIET},
        rebels=("Islamic State Sahel fighters", "JNIM militants", "jihadists"),
        allies=("French troops", "US troops"),
        militias=("local vigilantes", "self-defence militiamen"),
        air=("Nigerien military aircraft", "army drones"),
    ),
    _country(
        "the Democratic Republic of Congo", "Congolese", "Congo's", "Kinshasa",
        {"North Kivu province": ("Goma", "Beni", "Butembo", "Rutshuru", "Kiwanja", "Sake", "Masisi", "Oicha",
                                 "Walikale"),
         "South Kivu province": ("Bukavu", "Uvira", "Minova", "Kamanyola", "Kalehe"),
         "Ituri province": ("Bunia", "Djugu", "Mambasa", "Irumu"),
         "Kinshasa": ("Kinshasa",)},
        ("Congolese troops", "FARDC soldiers", "the Congolese army", "government soldiers"),
        ("Congolese police", "police"),
        by_area={"North Kivu province": _KIVU, "South Kivu province": _KIVU, "Kinshasa": _QUIET},
        rebels=("ADF militants", "ADF fighters", "CODECO militiamen"),
        allies=("UN peacekeepers", "East African regional forces", "Burundian troops"),
        militias=("CODECO militiamen", "Zaire militiamen", "Chini ya Kilima fighters"),
        air=("Congolese army jets", "military drones", "a Congolese army drone"),
        heavy=("M23 rebels", "Congolese troops", "FARDC artillery units"),
        bombers=("the ADF",),
        sources=("a local civil society leader said", "the local administrator said"),
        venues=("Doha", "Luanda", "Nairobi", "Washington"),
    ),
    _country(
        "Sudan", "Sudanese", "Sudan's", "Khartoum",
        {"Khartoum state": ("Khartoum", "Omdurman", "Bahri"),
         "North Darfur": ("El Fasher", "Tawila", "Kutum", "Mellit"),
         "South Darfur": ("Nyala", "Kas"),
         "West Darfur": ("Geneina", "Misterei"),
         "Gezira state": ("Wad Madani", "Hasaheisa", "Rufaa"),
         "North Kordofan": ("El Obeid", "Bara", "Um Rawaba"),
         "South Kordofan": ("Kadugli", "El Dilling"),
         "Sennar state": ("Sennar", "Singa")},
        ("the Sudanese army", "SAF troops", "army soldiers", "the Sudanese Armed Forces"),
        ("riot police", "Sudanese security forces", "police"),
        by_area={"South Kordofan": {"rebels": ("RSF fighters", "SPLM-N fighters")}},
        rebels=("RSF fighters", "Rapid Support Forces fighters", "RSF paramilitaries"),
        militias=("Arab militiamen", "armed tribesmen", "Popular Resistance volunteers"),
        air=("Sudanese army warplanes", "army drones", "RSF drones", "an army drone"),
        heavy=("RSF fighters", "the Sudanese army", "SAF artillery units"),
        chem=("the Sudanese army",),
        intercepts=("drones", "RSF drones", "attack drones"),
        sources=("a local emergency response committee said", "a medical source said",
                 "a doctors' network said"),
        venues=("Jeddah", "Geneva", "Manama"),
    ),
    _country(
        "Ethiopia", "Ethiopian", "Ethiopia's", "Addis Ababa",
        {"the Amhara region": ("Gondar", "Bahir Dar", "Lalibela", "Debre Markos", "Dessie", "Debre Birhan",
                               "Woldiya", "Debre Tabor"),
         "the Oromia region": ("Nekemte", "Shashemene", "Ambo", "Fiche", "Gimbi"),
         "the Tigray region": ("Mekele", "Adigrat", "Shire")},
        ("Ethiopian federal forces", "ENDF troops", "government soldiers", "the Ethiopian army"),
        ("federal police", "regional special forces", "police"),
        by_area={"the Oromia region": {"rebels": ("OLA fighters", "Oromo Liberation Army rebels")},
                 "the Tigray region": {"rebels": ("Tigrayan forces", "TPLF fighters")}},
        rebels=("Fano militiamen", "Fano fighters", "Amhara Fano fighters"),
        militias=("local militias", "ethnic militiamen"),
        air=("Ethiopian military drones", "a government drone", "military aircraft"),
        heavy=("ENDF troops", "Ethiopian federal forces"),
        sources=("a regional health official said", "residents reached by phone said"),
        venues=("Pretoria", "Nairobi", "Dar es Salaam"),
    ),
    _country(
        "Kenya", "Kenyan", "Kenya's", "Nairobi",
        {"Nairobi county": ("Nairobi", "Githurai", "Kawangware", "Mathare", "Kibera", "Eastleigh"),
         "Kisumu county": ("Kisumu", "Ahero"),
         "Kisii county": ("Kisii", "Ogembo"),
         "Mombasa county": ("Mombasa", "Likoni"),
         "Nakuru county": ("Nakuru", "Naivasha", "Molo"),
         "Uasin Gishu county": ("Eldoret",),
         "Kajiado county": ("Kitengela", "Kajiado"),
         "Mandera county": ("Mandera", "Elwak"),
         "Garissa county": ("Garissa", "Dadaab"),
         "Lamu county": ("Lamu", "Mpeketoni"),
         "Marsabit county": ("Marsabit", "Moyale", "Sololo"),
         "Samburu county": ("Baragoi", "Maralal", "Wamba"),
         "Baringo county": ("Kapedo", "Chemolingot", "Marigat"),
         "Turkana county": ("Lodwar", "Lokichoggio", "Kakuma"),
         "West Pokot county": ("Kapenguria", "Alale"),
         "Isiolo county": ("Isiolo", "Merti"),
         "Tana River county": ("Hola", "Garsen")},
        ("Kenyan soldiers", "KDF troops"),
        ("police", "anti-riot police", "General Service Unit officers"),
        by_area={"Mandera county": _KENYA_NE, "Garissa county": _KENYA_NE, "Lamu county": _KENYA_NE,
                 "Marsabit county": {"conflict": True}, "Samburu county": _KENYA_RIFT, "Baringo county": _KENYA_RIFT,
                 "Turkana county": _KENYA_RIFT, "West Pokot county": _KENYA_RIFT, "Isiolo county": {"conflict": True},
                 "Tana River county": {"conflict": True, "militias": ("armed herders", "Orma militiamen",
                                                                      "Pokomo militiamen")}},
        militias=("armed bandits", "armed herders", "Borana militiamen"),
        gangs=("gangsters", "Mungiki gang members", "armed robbers", "criminal gang members"),
        sources=("the county police commander said", "a local MP said"),
        conflict=False, territory=False,
    ),
    _country(
        "Mozambique", "Mozambican", "Mozambique's", "Maputo",
        {"Cabo Delgado province": ("Pemba", "Palma", "Mocimboa da Praia", "Macomia", "Mueda", "Ancuabe",
                                   "Quissanga", "Montepuez", "Meluco", "Chiure"),
         "Niassa province": ("Lichinga", "Mecula"),
         "Nampula province": ("Nampula", "Memba"),
         "Maputo province": ("Maputo", "Matola")},
        ("Mozambican troops", "FADM soldiers", "government forces"),
        ("police", "Rapid Intervention Unit officers"),
        by_area={"Maputo province": _QUIET, "Nampula province": _QUIET},
        rebels=("Islamic State-linked insurgents", "al-Sunnah wa Jama'ah fighters", "insurgents"),
        allies=("Rwandan troops", "SADC troops"),
        militias=("local militiamen", "Naparama fighters"),
        sources=("a local source told reporters", "the district administrator said"),
    ),
    _country(
        "Cameroon", "Cameroonian", "Cameroon's", "Yaounde",
        {"the Northwest region": ("Bamenda", "Ndop", "Kumbo", "Wum", "Bali"),
         "the Southwest region": ("Buea", "Kumba", "Mamfe", "Limbe"),
         "the Far North region": ("Kolofata", "Mora", "Maroua", "Mozogo", "Tourou"),
         "the Centre region": ("Yaounde",),
         "the Littoral region": ("Douala",)},
        ("Cameroonian soldiers", "BIR troops", "government troops"),
        ("gendarmes", "police"),
        by_area={"the Far North region": {"rebels": ("Boko Haram fighters", "ISWAP militants"),
                                          "bombers": ("Boko Haram",),
                                          "militias": ("vigilance committee members",)},
                 "the Centre region": _QUIET, "the Littoral region": _QUIET},
        rebels=("Ambazonian separatists", "separatist fighters", "Amba fighters"),
        militias=("local vigilantes", "Fulani militiamen"),
        territory=False,
    ),
    _country(
        "the Central African Republic", "Central African", "the Central African Republic's", "Bangui",
        {"the Ouaka prefecture": ("Bambari", "Ippy"),
         "the Haute-Kotto prefecture": ("Bria",),
         "the Ouham prefecture": ("Bossangoa", "Batangafo"),
         "the Ouham-Pende prefecture": ("Paoua", "Bozoum"),
         "the Haut-Mbomou prefecture": ("Obo", "Zemio"),
         "the Vakaga prefecture": ("Birao",),
         "the Mbomou prefecture": ("Bangassou",),
         "the Nana-Grebizi prefecture": ("Kaga-Bandoro",)},
        ("Central African troops", "FACA soldiers", "government forces backed by Wagner fighters",
         "government troops backed by Russian instructors"),
        ("police", "gendarmes"),
        rebels=("CPC rebels", "3R fighters", "UPC rebels", "MPC rebels"),
        allies=("UN peacekeepers",),
        militias=("anti-balaka militiamen", "Azande Ani Kpi Gbe militiamen", "self-defence militiamen"),
        sources=("a UN source said", "a local priest said"),
        venues=("Luanda", "Bangui", "Khartoum"),
    ),
    _country(
        "South Sudan", "South Sudanese", "South Sudan's", "Juba",
        {"Upper Nile state": ("Malakal", "Nasir", "Ulang"),
         "Jonglei state": ("Bor", "Akobo", "Pibor"),
         "Central Equatoria": ("Yei", "Kajo-Keji", "Morobo"),
         "Unity state": ("Bentiu", "Leer"),
         "Western Equatoria": ("Tambura", "Yambio"),
         "Warrap state": ("Tonj", "Kuajok")},
        ("SSPDF soldiers", "South Sudanese troops", "government forces"),
        ("police",),
        by_area={"Upper Nile state": {"rebels": ("SPLA-IO fighters", "White Army fighters")},
                 "Jonglei state": {"rebels": ("SPLA-IO fighters", "White Army fighters")},
                 "Central Equatoria": {"rebels": ("NAS rebels", "SPLA-IO fighters")}},
        rebels=("SPLA-IO fighters",),
        allies=("UN peacekeepers", "Ugandan troops"),
        militias=("armed youth", "cattle raiders", "Agelweng militiamen"),
        air=("South Sudanese military aircraft",),
        venues=("Nairobi", "Addis Ababa", "Rome"),
    ),
    _country(
        "Libya", "Libyan", "Libya's", "Tripoli",
        {"western Libya": ("Tripoli", "Zawiya", "Misrata", "Gharyan", "Tarhuna", "Zuwara", "Sabratha"),
         "the Fezzan": ("Sabha", "Ubari", "Murzuq"),
         "Cyrenaica": ("Benghazi", "Derna", "Ajdabiya")},
        ("forces loyal to the Tripoli government", "LNA forces", "eastern forces loyal to Khalifa Haftar"),
        ("security forces", "police"),
        militias=("rival militias", "Radaa force fighters", "444 Brigade fighters", "armed groups from Zawiya",
                  "Stability Support Apparatus fighters"),
        air=("drones", "LNA warplanes"),
        heavy=("rival militias", "LNA forces"),
        venues=("Geneva", "Tunis", "Berlin"),
        territory=False,
    ),
    _country(
        "Syria", "Syrian", "Syria's", "Damascus",
        {"Idlib province": ("Idlib", "Maarat al-Numan", "Saraqib", "Jisr al-Shughur", "Ariha"),
         "Aleppo province": ("Aleppo", "Manbij", "Afrin", "Tal Rifaat", "Al-Bab"),
         "Hama province": ("Hama", "Morek", "Kafr Nabudah"),
         "Deir ez-Zor province": ("Deir ez-Zor", "Al-Mayadeen", "Al-Bukamal"),
         "Raqqa province": ("Raqqa", "Tabqa"),
         "Daraa province": ("Daraa", "Nawa", "Tafas"),
         "Homs province": ("Homs", "Palmyra", "Talbiseh")},
        ("Syrian government forces", "regime troops", "the Syrian army", "pro-government militiamen"),
        ("security forces",),
        by_area={"Idlib province": _SYRIA_NW, "Aleppo province": _SYRIA_NW, "Hama province": _SYRIA_NW,
                 "Deir ez-Zor province": _SYRIA_EAST, "Raqqa province": _SYRIA_EAST,
                 "Daraa province": _SYRIA_SOUTH, "Homs province": _SYRIA_SOUTH},
        chem=("Syrian government forces", "government helicopters", "regime forces"),
        intercepts=("missiles", "Israeli missiles", "drones"),
        bombers=("the Islamic State group",),
        sources=("according to the Syrian Observatory for Human Rights",
                 "the Britain-based Syrian Observatory for Human Rights said",
                 "the White Helmets civil defence group said"),
        venues=("Geneva", "Astana", "Amman"),
    ),
    _country(
        "Yemen", "Yemeni", "Yemen's", "Sanaa",
        {"Taiz governorate": ("Taiz", "Mokha"),
         "Marib governorate": ("Marib", "Harib", "Sirwah"),
         "Hodeidah governorate": ("Hodeidah", "Hays", "Zabid"),
         "Abyan governorate": ("Zinjibar", "Shuqra", "Mudiyah"),
         "Shabwa governorate": ("Ataq", "Bayhan"),
         "Al-Dhale governorate": ("Al-Dhale", "Qataba"),
         "Saada governorate": ("Saada",),
         "Hajjah governorate": ("Hajjah", "Abs"),
         "Aden governorate": ("Aden",)},
        ("government forces", "troops loyal to the Presidential Leadership Council",
         "Southern Transitional Council forces", "Giants Brigades fighters"),
        ("security forces", "police"),
        by_area={"Abyan governorate": _YEMEN_SOUTH, "Shabwa governorate": _YEMEN_SOUTH,
                 "Aden governorate": _YEMEN_SOUTH},
        rebels=("Houthi fighters", "Houthi rebels", "Houthi forces"),
        militias=("tribal fighters", "armed tribesmen"),
        air=("Saudi-led coalition warplanes", "US and British aircraft", "Israeli jets", "US warplanes",
             "a US drone"),
        heavy=("Houthi fighters", "Houthi forces", "government forces"),
        intercepts=("Houthi drones", "drones", "ballistic missiles"),
        sources=("the Houthi-run health ministry said", "a local medical official said"),
        venues=("Muscat", "Riyadh", "Stockholm"),
    ),
    _country(
        "Iraq", "Iraqi", "Iraq's", "Baghdad",
        {"Nineveh province": ("Mosul", "Sinjar", "Tal Afar"),
         "Kirkuk province": ("Kirkuk", "Hawija"),
         "Diyala province": ("Baqubah", "Khanaqin", "Muqdadiya"),
         "Salahuddin province": ("Tikrit", "Samarra", "Tuz Khurmatu", "Baiji"),
         "Anbar province": ("Ramadi", "Fallujah", "Al-Qaim"),
         "Baghdad province": ("Baghdad",),
         "Duhok province": ("Duhok", "Zakho", "Amadiya"),
         "Basra province": ("Basra",)},
        ("Iraqi forces", "Iraqi security forces", "the Iraqi army", "Popular Mobilisation Forces fighters"),
        ("police", "riot police"),
        by_area={"Duhok province": _IRAQ_KURD, "Basra province": _QUIET},
        rebels=("Islamic State militants", "IS fighters", "IS militants"),
        militias=("Iran-backed militiamen", "armed tribesmen"),
        air=("Iraqi F-16 jets", "US-led coalition aircraft", "Iraqi army helicopters"),
        heavy=("Iran-backed militiamen", "Islamic State militants"),
        chem=("Islamic State militants",),
        intercepts=("drones", "explosive-laden drones", "rockets"),
        bombers=("the Islamic State group",),
        sources=("the Iraqi security media cell said", "a police officer told reporters"),
    ),
    _country(
        "the Palestinian territories", "Palestinian", "", "Ramallah",
        {"the Gaza Strip": ("Gaza City", "Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Beit Lahia",
                            "Nuseirat", "Beit Hanoun"),
         "the occupied West Bank": ("Jenin", "Nablus", "Tulkarem", "Hebron", "Qalqilya", "Tubas", "Ramallah")},
        ("Israeli forces", "Israeli troops", "the Israeli military", "Israeli soldiers"),
        ("Israeli police", "Israeli border police", "Palestinian Authority security forces"),
        by_area={"the Gaza Strip": _GAZA, "the occupied West Bank": _WEST_BANK},
        air=("Israeli aircraft", "Israeli warplanes", "an Israeli drone"),
        sources=("the Gaza health ministry said", "the Palestinian Red Crescent said",
                 "the Palestinian health ministry said"),
        venues=("Cairo", "Doha"),
        territory=False,
    ),
    _country(
        "Lebanon", "Lebanese", "Lebanon's", "Beirut",
        {"south Lebanon": ("Tyre", "Nabatieh", "Bint Jbeil", "Khiam", "Marjayoun", "Naqoura", "Sidon"),
         "the Bekaa Valley": ("Baalbek", "Hermel")},
        ("the Lebanese army",),
        ("Lebanese security forces", "riot police"),
        air=("Israeli warplanes", "an Israeli drone", "Israeli aircraft"),
        heavy=("Israeli artillery units", "Israeli forces"),
        sources=("Lebanon's state news agency reported", "the health ministry said"),
        territory=False,
        lethal=False,
        army_abuses=False,
    ),
    _country(
        "Afghanistan", "Afghan", "Afghanistan's", "Kabul",
        {"Panjshir province": ("Bazarak", "Rokha"),
         "Baghlan province": ("Pul-e-Khumri", "Andarab"),
         "Nangarhar province": ("Jalalabad", "Achin", "Khogyani"),
         "Kabul province": ("Kabul",),
         "Kunduz province": ("Kunduz",),
         "Kunar province": ("Asadabad", "Dangam"),
         "Khost province": ("Khost",)},
        ("Taliban forces", "Taliban security forces", "Taliban fighters"),
        ("Taliban police",),
        by_area={"Panjshir province": _AFG_NRF, "Baghlan province": _AFG_NRF, "Nangarhar province": _AFG_IS,
                 "Kabul province": _AFG_IS, "Kunduz province": _AFG_IS, "Kunar province": _AFG_BORDER,
                 "Khost province": _AFG_BORDER},
        sources=("a Taliban spokesman said", "a provincial official said"),
        venues=("Doha", "Islamabad", "Moscow"),
    ),
    _country(
        "Pakistan", "Pakistani", "Pakistan's", "Islamabad",
        {"Khyber Pakhtunkhwa province": ("Peshawar", "Bannu", "Dera Ismail Khan", "Lakki Marwat", "Parachinar",
                                         "Bajaur", "Miranshah", "Tank"),
         "Balochistan province": ("Quetta", "Turbat", "Gwadar", "Mastung", "Kalat", "Noshki"),
         "Punjab province": ("Lahore", "Rawalpindi", "Faisalabad"),
         "Sindh province": ("Karachi", "Hyderabad", "Sukkur")},
        ("Pakistani soldiers", "security forces", "the Pakistani military", "Frontier Corps troops"),
        ("police", "counter-terrorism police", "riot police"),
        by_area={"Khyber Pakhtunkhwa province": _KP, "Balochistan province": _BALOCH, "Punjab province": _QUIET,
                 "Sindh province": _QUIET},
        air=("Pakistani jets", "military helicopters"),
        sources=("the military's media wing said", "a police official told reporters"),
        territory=False,
    ),
    _country(
        "India", "Indian", "India's", "New Delhi",
        {"Jammu and Kashmir": ("Srinagar", "Anantnag", "Pulwama", "Kupwara", "Baramulla"),
         "Manipur state": ("Imphal", "Churachandpur", "Jiribam", "Moreh", "Kangpokpi"),
         "Chhattisgarh state": ("Bijapur", "Sukma", "Dantewada", "Narayanpur"),
         "Jharkhand state": ("Chaibasa", "Latehar")},
        ("Indian security forces", "Indian army soldiers", "CRPF personnel", "paramilitary troops"),
        ("police", "riot police"),
        by_area={"Chhattisgarh state": _MAOIST, "Jharkhand state": _MAOIST, "Manipur state": _MANIPUR},
        rebels=("suspected militants", "Kashmiri militants", "militants"),
        sources=("a senior police officer said", "a district official said"),
        territory=False,
    ),
    _country(
        "Myanmar", "Myanmar", "Myanmar's", "Naypyitaw",
        {"the Sagaing region": ("Sagaing", "Monywa", "Kale", "Shwebo"),
         "northern Shan state": ("Lashio", "Laukkai", "Kyaukme", "Hsipaw"),
         "Rakhine state": ("Sittwe", "Mrauk-U", "Thandwe", "Buthidaung"),
         "Kachin state": ("Hpakant", "Bhamo", "Myitkyina"),
         "Karenni state": ("Loikaw", "Demoso"),
         "Kayin state": ("Myawaddy", "Hpapun"),
         "Chin state": ("Hakha", "Falam")},
        ("junta troops", "the Myanmar military", "regime soldiers", "military government forces"),
        ("police",),
        by_area={"northern Shan state": {"rebels": ("MNDAA fighters", "TNLA fighters", "resistance fighters")},
                 "Rakhine state": {"rebels": ("Arakan Army fighters",), "heavy": ("junta troops",
                                                                                  "Arakan Army fighters")},
                 "Kachin state": {"rebels": ("Kachin Independence Army fighters", "KIA fighters")},
                 "Karenni state": {"rebels": ("Karenni resistance fighters", "KNDF fighters")},
                 "Kayin state": {"rebels": ("Karen National Liberation Army fighters", "KNLA fighters")},
                 "Chin state": {"rebels": ("Chin resistance fighters", "Chinland Defence Force fighters")}},
        rebels=("People's Defence Force fighters", "PDF fighters", "resistance fighters"),
        militias=("Pyu Saw Htee militiamen", "pro-junta militiamen"),
        air=("junta jets", "military aircraft", "junta warplanes", "resistance drones", "a junta helicopter"),
        intercepts=("resistance drones", "drones"),
        heavy=("junta troops", "the Myanmar military"),
        sources=("a local resistance group said", "an aid worker in the area said"),
        venues=("Kunming", "Bangkok"),
    ),
    _country(
        "the Philippines", "Philippine", "the Philippines'", "Manila",
        {"Maguindanao": ("Datu Hoffer", "Shariff Aguak", "Datu Piang", "Cotabato City"),
         "Lanao del Sur": ("Marawi", "Butig"),
         "Sulu province": ("Jolo", "Patikul"),
         "Basilan province": ("Isabela City", "Lamitan"),
         "Northern Samar": ("Catarman", "Las Navas")},
        ("Philippine army troops", "government soldiers", "marines"),
        ("police",),
        by_area={"Maguindanao": {"rebels": ("BIFF fighters", "Dawlah Islamiyah militants")},
                 "Lanao del Sur": {"rebels": ("Dawlah Islamiyah militants", "Maute group militants")},
                 "Sulu province": {"rebels": ("Abu Sayyaf gunmen",), "bombers": ("Abu Sayyaf",)},
                 "Basilan province": {"rebels": ("Abu Sayyaf gunmen",)},
                 "Northern Samar": {"rebels": ("NPA guerrillas", "New People's Army rebels")}},
        militias=("MILF fighters", "armed clan members"),
        air=("air force attack helicopters", "military aircraft"),
        sources=("an army spokesman said", "provincial police said"),
        venues=("Kuala Lumpur", "Oslo"),
        territory=False,
    ),
    _country(
        "Colombia", "Colombian", "Colombia's", "Bogota",
        {"Cauca department": ("Argelia", "Suarez", "Toribio", "El Plateado", "Popayan"),
         "Valle del Cauca": ("Jamundi", "Buenaventura"),
         "Norte de Santander": ("Tibu", "Cucuta", "Ocana"),
         "Arauca department": ("Arauca", "Tame", "Saravena"),
         "Narino department": ("Tumaco", "Barbacoas"),
         "Antioquia": ("Ituango", "Segovia"),
         "Bogota": ("Bogota",)},
        ("Colombian soldiers", "army troops", "the Colombian military"),
        ("police", "riot police"),
        by_area={"Norte de Santander": {"rebels": ("ELN guerrillas", "FARC dissidents")},
                 "Arauca department": {"rebels": ("ELN guerrillas", "FARC dissidents")},
                 "Antioquia": {"rebels": ("Gulf Clan gunmen", "ELN guerrillas")},
                 "Bogota": _QUIET},
        rebels=("FARC dissidents", "Estado Mayor Central fighters", "dissident guerrillas"),
        militias=("indigenous guards",),
        air=("Colombian air force aircraft",),
        sources=("the ombudsman's office said", "the local mayor said"),
        venues=("Havana", "Caracas", "Mexico City"),
    ),
    _country(
        "Mexico", "Mexican", "Mexico's", "Mexico City",
        {"Sinaloa state": ("Culiacan", "Mazatlan"),
         "Michoacan state": ("Apatzingan", "Aguililla", "Uruapan", "Zamora"),
         "Tamaulipas state": ("Reynosa", "Nuevo Laredo", "Matamoros"),
         "Guanajuato state": ("Celaya", "Salamanca"),
         "Guerrero state": ("Chilapa", "Acapulco", "Chilpancingo"),
         "Zacatecas state": ("Fresnillo", "Zacatecas")},
        ("Mexican soldiers", "National Guard troops", "army troops"),
        ("state police", "municipal police", "police"),
        by_area={"Sinaloa state": {"rebels": ("Sinaloa Cartel gunmen", "Los Chapitos gunmen",
                                              "gunmen loyal to the Mayo faction")},
                 "Michoacan state": {"rebels": ("CJNG gunmen", "Carteles Unidos gunmen")},
                 "Tamaulipas state": {"rebels": ("Gulf Cartel gunmen", "Northeast Cartel gunmen")},
                 "Guanajuato state": {"rebels": ("CJNG gunmen", "Santa Rosa de Lima Cartel gunmen")},
                 "Guerrero state": {"rebels": ("Los Ardillos gunmen", "La Familia Michoacana gunmen")},
                 "Zacatecas state": {"rebels": ("CJNG gunmen", "Sinaloa Cartel gunmen")}},
        militias=("self-defence groups", "community police"),
        sources=("the state prosecutor's office said", "local authorities said"),
        gangs=("cartel gunmen", "gang members"),
        criminal=True,
    ),
    _country(
        "Brazil", "Brazilian", "Brazil's", "Brasilia",
        {"Rio de Janeiro state": ("Rio de Janeiro", "Duque de Caxias", "Sao Goncalo", "Niteroi"),
         "Bahia state": ("Salvador", "Feira de Santana", "Jequie"),
         "Ceara state": ("Fortaleza", "Caucaia"),
         "Amazonas state": ("Manaus",),
         "Para state": ("Belem", "Altamira"),
         "Sao Paulo state": ("Sao Paulo", "Campinas"),
         "the Federal District": ("Brasilia",)},
        ("Brazilian soldiers", "army troops", "National Force officers"),
        ("military police", "police", "riot police", "civil police officers"),
        by_area={"Sao Paulo state": _QUIET, "the Federal District": _QUIET},
        rebels=("Comando Vermelho gang members", "PCC gang members", "drug traffickers", "militia members"),
        militias=("militia members", "armed land grabbers", "gunmen hired by ranchers"),
        sources=("the state security secretariat said", "a community leader said"),
        gangs=("drug traffickers", "gang members"),
        criminal=True, territory=False, army_abuses=False,
    ),
    _country(
        "Haiti", "Haitian", "Haiti's", "Port-au-Prince",
        {"the West department": ("Port-au-Prince", "Petion-Ville", "Cite Soleil", "Croix-des-Bouquets",
                                 "Kenscoff", "Cabaret", "Delmas"),
         "the Artibonite department": ("Saint-Marc", "Gonaives", "Pont-Sonde", "Liancourt"),
         "the Centre department": ("Mirebalais", "Hinche")},
        ("Haitian police", "the Haitian national police", "police backed by Kenyan-led multinational forces"),
        ("Haitian police", "riot police"),
        rebels=("Viv Ansanm gang members", "400 Mawozo gang members", "Gran Grif gang members", "armed gangs"),
        allies=("Kenyan police officers",),
        militias=("Bwa Kale vigilantes", "self-defence brigades"),
        sources=("a human rights group said", "a local radio station reported"),
        gangs=("gang members", "armed gangs"),
        criminal=True,
    ),
    _country(
        "Ukraine", "Ukrainian", "Ukraine's", "Kyiv",
        {"the Donetsk region": ("Pokrovsk", "Chasiv Yar", "Toretsk", "Kramatorsk", "Sloviansk", "Kostiantynivka",
                                "Lyman"),
         "the Kharkiv region": ("Kharkiv", "Kupiansk", "Vovchansk", "Izium"),
         "the Zaporizhzhia region": ("Zaporizhzhia", "Huliaipole", "Orikhiv"),
         "the Kherson region": ("Kherson", "Beryslav"),
         "the Sumy region": ("Sumy", "Shostka"),
         "the Dnipropetrovsk region": ("Nikopol", "Dnipro")},
        ("Ukrainian forces", "Ukrainian troops", "Ukraine's armed forces", "a Ukrainian brigade"),
        ("Ukrainian police",),
        foes=("Russian forces", "Russian troops", "Russian assault units"),
        air=("Russian warplanes", "Russian drones", "Russia-launched attack drones", "Ukrainian drones",
             "a Russian drone"),
        heavy=("Russian forces", "Russian artillery units", "Ukrainian forces"),
        chem=("Russian forces", "Russian troops", "a Russian drone"),
        intercepts=("drones", "attack drones", "cruise missiles", "Russian drones"),
        sources=("the regional governor said", "Ukraine's general staff said",
                 "the regional military administration said"),
        venues=("Istanbul", "Riyadh", "Geneva"),
        lethal=False,
        army_abuses=False,
    ),
    _country(
        "Turkey", "Turkish", "Turkey's", "Ankara",
        {"Hakkari province": ("Hakkari", "Yuksekova", "Semdinli"),
         "Sirnak province": ("Sirnak", "Cizre", "Uludere"),
         "Diyarbakir province": ("Diyarbakir", "Lice"),
         "Mardin province": ("Mardin", "Nusaybin"),
         "Istanbul province": ("Istanbul",),
         "Izmir province": ("Izmir",)},
        ("Turkish soldiers", "the Turkish military", "Turkish security forces"),
        ("Turkish police", "riot police"),
        by_area={"Istanbul province": _QUIET, "Izmir province": _QUIET},
        rebels=("PKK militants", "PKK fighters"),
        sources=("the defence ministry said", "the local governor's office said"),
        territory=False,
    ),
    _country(
        "Bangladesh", "Bangladeshi", "Bangladesh's", "Dhaka",
        {"Dhaka division": ("Dhaka", "Narayanganj", "Gazipur"),
         "Chittagong division": ("Chittagong", "Cox's Bazar", "Comilla"),
         "Rajshahi division": ("Rajshahi", "Bogura"),
         "Khulna division": ("Khulna", "Jessore"),
         "Sylhet division": ("Sylhet",)},
        ("Bangladeshi soldiers", "army troops", "Border Guard Bangladesh personnel"),
        ("police", "Rapid Action Battalion members", "riot police"),
        militias=("Awami League activists", "BNP supporters", "Chhatra League activists", "Jamaat activists"),
        sources=("the local police station chief said", "a leading daily reported"),
        conflict=False,
    ),
    _country(
        "Thailand", "Thai", "Thailand's", "Bangkok",
        {"Yala province": ("Yala", "Bannang Sata", "Raman"),
         "Narathiwat province": ("Narathiwat", "Rueso", "Sungai Kolok"),
         "Pattani province": ("Pattani", "Nong Chik"),
         "central Thailand": ("Bangkok",),
         "Chiang Mai province": ("Chiang Mai",)},
        ("Thai soldiers", "rangers", "Thai security forces"),
        ("police", "riot police"),
        by_area={"central Thailand": _QUIET, "Chiang Mai province": _QUIET},
        rebels=("separatist insurgents", "BRN insurgents"),
        militias=("village defence volunteers",),
        territory=False,
    ),
    _country(
        "Senegal", "Senegalese", "Senegal's", "Dakar",
        {"the Dakar region": ("Dakar", "Pikine", "Rufisque"),
         "the Ziguinchor region": ("Ziguinchor", "Bignona"),
         "the Thies region": ("Thies", "Mbour"),
         "the Diourbel region": ("Mbacke", "Touba"),
         "the Kaolack region": ("Kaolack",)},
        ("Senegalese soldiers",),
        ("police", "gendarmes", "riot police"),
        conflict=False,
    ),
    _country(
        "Guinea", "Guinean", "Guinea's", "Conakry",
        {"the Conakry region": ("Conakry", "Ratoma"),
         "Upper Guinea": ("Kankan", "Siguiri"),
         "Middle Guinea": ("Labe", "Mamou"),
         "Forest Guinea": ("Nzerekore",),
         "Lower Guinea": ("Kindia", "Boke")},
        ("Guinean soldiers", "the presidential guard"),
        ("police", "gendarmes", "security forces"),
        conflict=False,
    ),
    _country(
        "France", "French", "France's", "Paris",
        {"the Paris region": ("Paris", "Nanterre", "Saint-Denis"),
         "Brittany": ("Rennes", "Brest"),
         "Occitanie": ("Toulouse", "Montpellier"),
         "Provence": ("Marseille",),
         "the Auvergne-Rhone-Alpes region": ("Lyon", "Grenoble"),
         "the Pays de la Loire region": ("Nantes",)},
        ("gendarmes",),
        ("riot police", "police", "gendarmes"),
        conflict=False,
        lethal=False,
    ),
    _country(
        "Serbia", "Serbian", "Serbia's", "Belgrade",
        {"Belgrade": ("Belgrade",),
         "Vojvodina": ("Novi Sad", "Subotica"),
         "central Serbia": ("Kragujevac", "Cacak"),
         "southern Serbia": ("Nis",)},
        ("gendarmerie units",),
        ("riot police", "police"),
        conflict=False,
        lethal=False,
    ),
    _country(
        "Georgia", "Georgian", "Georgia's", "Tbilisi",
        {"Tbilisi": ("Tbilisi",), "Adjara": ("Batumi",), "Imereti": ("Kutaisi",), "Kvemo Kartli": ("Rustavi",),
         "Samegrelo": ("Zugdidi",)},
        ("special forces",),
        ("riot police", "police"),
        conflict=False,
        lethal=False,
    ),
    _country(
        "Argentina", "Argentine", "Argentina's", "Buenos Aires",
        {"Buenos Aires": ("Buenos Aires",), "Buenos Aires province": ("La Plata", "Mar del Plata"),
         "Cordoba province": ("Cordoba",), "Santa Fe province": ("Rosario",), "Mendoza province": ("Mendoza",)},
        ("federal forces",),
        ("police", "federal police", "riot police"),
        conflict=False,
        lethal=False,
    ),
    _country(
        "Peru", "Peruvian", "Peru's", "Lima",
        {"Lima": ("Lima",), "the Puno region": ("Juliaca", "Puno"), "the Cusco region": ("Cusco",),
         "the Arequipa region": ("Arequipa",), "the Ayacucho region": ("Ayacucho", "Huanta"),
         "the Apurimac region": ("Andahuaylas", "Abancay")},
        ("Peruvian soldiers",),
        ("police", "riot police"),
        conflict=False,
    ),
    _country(
        "Indonesia", "Indonesian", "Indonesia's", "Jakarta",
        {"Papua": ("Jayapura",), "Highland Papua": ("Wamena",), "Central Papua": ("Intan Jaya", "Nabire"),
         "Jakarta": ("Jakarta",), "East Java": ("Surabaya",), "South Sulawesi": ("Makassar",),
         "West Java": ("Bandung",)},
        ("Indonesian soldiers", "Indonesian security forces"),
        ("police", "riot police", "mobile brigade officers"),
        by_area={a: {"conflict": False} for a in ("Jakarta", "East Java", "South Sulawesi", "West Java")},
        rebels=("West Papua National Liberation Army fighters", "Papuan separatist rebels"),
        territory=False,
    ),
    _country(
        "Iran", "Iranian", "Iran's", "Tehran",
        {"Tehran province": ("Tehran",), "Sistan-Baluchestan province": ("Zahedan", "Saravan", "Khash"),
         "Razavi Khorasan province": ("Mashhad",), "Isfahan province": ("Isfahan",),
         "Kurdistan province": ("Sanandaj", "Marivan"), "West Azerbaijan province": ("Mahabad", "Piranshahr")},
        ("Revolutionary Guards", "Iranian border guards"),
        ("security forces", "riot police", "Basij militiamen"),
        by_area={"Sistan-Baluchestan province": {"conflict": True, "rebels": ("Jaish al-Adl militants",)},
                 "Kurdistan province": {"conflict": True, "rebels": ("PJAK fighters",)}},
        conflict=False, territory=False,
    ),
    _country(
        "Sri Lanka", "Sri Lankan", "Sri Lanka's", "Colombo",
        {"the Western province": ("Colombo", "Negombo"), "the Central province": ("Kandy",),
         "the Southern province": ("Galle",), "the Northern province": ("Jaffna",)},
        ("Sri Lankan soldiers",),
        ("police", "riot police"),
        conflict=False,
    ),
    _country(
        "Nepal", "Nepali", "Nepal's", "Kathmandu",
        {"Bagmati province": ("Kathmandu", "Lalitpur"), "Gandaki province": ("Pokhara",),
         "Madhesh province": ("Birgunj", "Janakpur"), "Koshi province": ("Biratnagar",),
         "Lumbini province": ("Butwal",)},
        ("Nepali army troops",),
        ("police", "riot police", "armed police force personnel"),
        conflict=False,
    ),
    _country(
        "Ecuador", "Ecuadorian", "Ecuador's", "Quito",
        {"Guayas province": ("Guayaquil", "Duran"), "Esmeraldas province": ("Esmeraldas",),
         "El Oro province": ("Machala",), "Manabi province": ("Manta",), "Pichincha province": ("Quito",),
         "Azuay province": ("Cuenca",)},
        ("Ecuadorian soldiers", "army troops"),
        ("police", "riot police"),
        by_area={"Pichincha province": _QUIET, "Azuay province": _QUIET},
        rebels=("Los Choneros gang members", "Los Lobos gang members", "gang members"),
        territory=False, criminal=True,
    ),
    _country(
        "Venezuela", "Venezuelan", "Venezuela's", "Caracas",
        {"the Capital District": ("Caracas",), "Zulia state": ("Maracaibo",), "Carabobo state": ("Valencia",),
         "Lara state": ("Barquisimeto",), "Merida state": ("Merida",), "Tachira state": ("San Cristobal",)},
        ("National Guard troops",),
        ("National Guard officers", "police", "riot police"),
        militias=("pro-government colectivos",),
        conflict=False,
    ),
    _country(
        "Uganda", "Ugandan", "Uganda's", "Kampala",
        {"the Karamoja region": ("Moroto", "Kotido"), "the Rwenzori region": ("Kasese", "Fort Portal"),
         "the Central region": ("Kampala", "Masaka"), "the Northern region": ("Gulu",),
         "the Eastern region": ("Mbale",)},
        ("Ugandan soldiers", "UPDF troops"),
        ("police", "riot police", "military police"),
        by_area={"the Karamoja region": {"conflict": True, "militias": ("Karamojong cattle raiders",
                                                                        "armed warriors")},
                 "the Rwenzori region": {"conflict": True, "rebels": ("ADF militants",), "bombers": ("the ADF",)}},
        conflict=False, territory=False,
    ),
)

# Organisation names for the armed-group phrases above: (as a noun, as a modifier), e.g. "a senior PKK commander".
GROUP_NAMES = {
    "Boko Haram fighters": ("Boko Haram", "Boko Haram"), "Boko Haram insurgents": ("Boko Haram", "Boko Haram"),
    "Boko Haram militants": ("Boko Haram", "Boko Haram"), "ISWAP militants": ("ISWAP", "ISWAP"),
    "ISWAP fighters": ("ISWAP", "ISWAP"), "al-Shabaab fighters": ("al-Shabaab", "al-Shabaab"),
    "al-Shabaab militants": ("al-Shabaab", "al-Shabaab"), "suspected al-Shabaab fighters": ("al-Shabaab", "al-Shabaab"),
    "JNIM militants": ("JNIM", "JNIM"), "JNIM fighters": ("JNIM", "JNIM"),
    "Islamic State Sahel fighters": ("Islamic State Sahel", "Islamic State Sahel"), "CSP separatist fighters": (
        "the CSP", "CSP"), "Islamic State militants": ("the Islamic State group", "Islamic State"),
    "IS fighters": ("the Islamic State group", "Islamic State"), "IS militants": ("the Islamic State group", "IS"),
    "Ansarul Islam fighters": ("Ansarul Islam", "Ansarul Islam"),
    "M23 rebels": ("M23", "M23"), "AFC/M23 fighters": ("the AFC/M23", "M23"), "ADF militants": ("the ADF", "ADF"),
    "ADF fighters": ("the ADF", "ADF"), "CODECO militiamen": ("CODECO", "CODECO"), "RSF fighters": ("the RSF", "RSF"),
    "Rapid Support Forces fighters": ("the Rapid Support Forces", "RSF"), "RSF paramilitaries": ("the RSF", "RSF"),
    "SPLM-N fighters": ("the SPLM-N", "SPLM-N"), "Fano militiamen": ("Fano", "Fano"), "Fano fighters": ("Fano", "Fano"),
    "Amhara Fano fighters": ("Fano", "Fano"), "OLA fighters": ("the OLA", "OLA"),
    "Oromo Liberation Army rebels": ("the Oromo Liberation Army", "OLA"), "TPLF fighters": ("the TPLF", "TPLF"),
    "al-Sunnah wa Jama'ah fighters": ("al-Sunnah wa Jama'ah", "al-Sunnah wa Jama'ah"),
    "Islamic State-linked insurgents": ("the Islamic State group", "Islamic State"), "CPC rebels": ("the CPC", "CPC"),
    "3R fighters": ("3R", "3R"), "UPC rebels": ("the UPC", "UPC"), "MPC rebels": ("the MPC", "MPC"),
    "SPLA-IO fighters": ("the SPLA-IO", "SPLA-IO"), "NAS rebels": ("NAS", "NAS"),
    "White Army fighters": ("the White Army", "White Army"), "HTS fighters": ("HTS", "HTS"),
    "SDF fighters": ("the SDF", "SDF"), "Syrian National Army factions": ("the Syrian National Army", "SNA"),
    "Houthi fighters": ("the Houthis", "Houthi"), "Houthi rebels": ("the Houthis", "Houthi"),
    "Houthi forces": ("the Houthis", "Houthi"), "AQAP militants": ("AQAP", "AQAP"), "PKK fighters": ("the PKK", "PKK"),
    "PKK militants": ("the PKK", "PKK"), "Hamas fighters": ("Hamas", "Hamas"),
    "al-Qassam Brigades fighters": ("Hamas", "Hamas"), "Palestinian Islamic Jihad militants": ("Islamic Jihad",
                                                                                            "Islamic Jihad"),
    "Jenin Brigade fighters": ("the Jenin Brigade", "Jenin Brigade"),
    "al-Aqsa Martyrs' Brigades militants": ("the al-Aqsa Martyrs' Brigades", "al-Aqsa Martyrs' Brigades"),
    "National Resistance Front fighters": ("the National Resistance Front", "NRF"), "ISKP militants": ("ISKP", "ISKP"),
    "Islamic State Khorasan fighters": ("Islamic State Khorasan", "ISKP"),
    "Pakistani Taliban militants": ("the Pakistani Taliban", "TTP"), "TTP fighters": ("the TTP", "TTP"),
    "Pakistani Taliban fighters": ("the Pakistani Taliban", "TTP"),
    "Hafiz Gul Bahadur group militants": ("the Hafiz Gul Bahadur group", "Hafiz Gul Bahadur group"),
    "Baloch Liberation Army separatists": ("the Baloch Liberation Army", "BLA"), "BLA fighters": ("the BLA", "BLA"),
    "BLF militants": ("the BLF", "BLF"), "Maoist rebels": ("the banned Maoist party", "Maoist"),
    "Maoist guerrillas": ("the banned Maoist party", "Maoist"), "MNDAA fighters": ("the MNDAA", "MNDAA"),
    "TNLA fighters": ("the TNLA", "TNLA"), "Arakan Army fighters": ("the Arakan Army", "Arakan Army"),
    "Kachin Independence Army fighters": ("the Kachin Independence Army", "KIA"), "KIA fighters": ("the KIA", "KIA"),
    "KNDF fighters": ("the KNDF", "KNDF"), "Karen National Liberation Army fighters": (
        "the Karen National Liberation Army", "KNLA"), "KNLA fighters": ("the KNLA", "KNLA"),
    "Chinland Defence Force fighters": ("the Chinland Defence Force", "Chinland Defence Force"),
    "People's Defence Force fighters": ("the People's Defence Force", "PDF"), "PDF fighters": ("the PDF", "PDF"),
    "BIFF fighters": ("the BIFF", "BIFF"), "Dawlah Islamiyah militants": ("Dawlah Islamiyah", "Dawlah Islamiyah"),
    "Maute group militants": ("the Maute group", "Maute"), "Abu Sayyaf gunmen": ("Abu Sayyaf", "Abu Sayyaf"),
    "NPA guerrillas": ("the New People's Army", "NPA"), "New People's Army rebels": ("the New People's Army", "NPA"),
    "ELN guerrillas": ("the ELN", "ELN"), "FARC dissidents": ("the Estado Mayor Central", "FARC dissident"),
    "Estado Mayor Central fighters": ("the Estado Mayor Central", "Estado Mayor Central"),
    "Gulf Clan gunmen": ("the Gulf Clan", "Gulf Clan"),
    "Sinaloa Cartel gunmen": ("the Sinaloa Cartel", "Sinaloa Cartel"),
    "CJNG gunmen": ("the CJNG", "CJNG"), "Gulf Cartel gunmen": ("the Gulf Cartel", "Gulf Cartel"),
    "Northeast Cartel gunmen": ("the Northeast Cartel", "Northeast Cartel"),
    "Los Chapitos gunmen": ("Los Chapitos", "Los Chapitos"), "Carteles Unidos gunmen": ("Carteles Unidos",
                                                                                       "Carteles Unidos"),
    "Comando Vermelho gang members": ("Comando Vermelho", "Comando Vermelho"), "PCC gang members": ("the PCC", "PCC"),
    "Santa Rosa de Lima Cartel gunmen": ("the Santa Rosa de Lima Cartel", "Santa Rosa de Lima Cartel"),
    "Los Ardillos gunmen": ("Los Ardillos", "Los Ardillos"),
    "La Familia Michoacana gunmen": ("La Familia Michoacana", "La Familia Michoacana"),
    "Viv Ansanm gang members": ("Viv Ansanm", "Viv Ansanm"), "400 Mawozo gang members": ("the 400 Mawozo gang",
                                                                                         "400 Mawozo"),
    "Gran Grif gang members": ("the Gran Grif gang", "Gran Grif"), "Los Choneros gang members": ("Los Choneros",
                                                                                                "Los Choneros"),
    "Los Lobos gang members": ("Los Lobos", "Los Lobos"), "Jaish al-Adl militants": ("Jaish al-Adl", "Jaish al-Adl"),
    "PJAK fighters": ("PJAK", "PJAK"), "BRN insurgents": ("the BRN", "BRN"),
    "West Papua National Liberation Army fighters": ("the West Papua National Liberation Army", "TPNPB"),
}
# Armed groups that are not written as parties to talks, truces or deals (a word in their phrase).
NO_TALKS = ("Islamic State", "IS ", "ISKP", "ISWAP", "Boko Haram", "al-Shabaab", "AQAP", "ADF", "Dawlah", "Maute",
            "jihadist", "Abu Sayyaf", "Islamist", "insurgents", "al-Sunnah", "JNIM", "Ansarul", "militants",
            "Jaish al-Adl", "cells")
# Labels and non-event kinds whose sentences are about talks and deals.
TALK_KEYS = ("Agreement", "diplomacy", "planned")
# Fields of armed actors, emptied in regions without an armed conflict.
ARMED_FIELDS = ("rebels", "foes", "militias", "air", "heavy", "bombers", "chem", "intercepts", "allies")


def _bare(area: str) -> str:
    """A phrase without its leading "the"."""
    return area[4:] if area.startswith("the ") else area


def _scenes(country: dict) -> tuple[dict, ...]:
    """One scene per region of a country: the country's fields with the region's overrides applied."""
    places = country["places"]
    scenes = []
    for area, towns in places.items():
        scene = dict(country["base"])
        scene.update(country["by_area"].get(area, {}))
        scene.update(area=area, towns=towns, other_towns=tuple(t for a, ts in places.items() if a != area
                                                                  for t in ts))
        if not scene["conflict"]:
            scene.update({field: () for field in ARMED_FIELDS})
        scene["groups"] = tuple(GROUP_NAMES[r] for r in scene["rebels"] if r in GROUP_NAMES)
        scene["talkers"] = tuple(r for r in scene["rebels"] if not any(w in r for w in NO_TALKS))
        scene["talk_groups"] = tuple(GROUP_NAMES[r] for r in scene["talkers"] if r in GROUP_NAMES)
        scene["opponents"] = tuple(dict.fromkeys(scene["rebels"] + scene["militias"] + scene["gangs"]))
        # group names that take a singular verb in a headline ("al-Shabaab abducts"), without "the"
        scene["hgroups"] = tuple(dict.fromkeys(_bare(noun) for noun, _ in scene["groups"] if not noun.endswith("s")))
        scenes.append(scene)
    return tuple(scenes)


SCENES = tuple(_scenes(country) for country in COUNTRIES)  # one tuple of scenes per country

# --------------------------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------------------------

NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
QUANTIFIERS = ("", "", "", "", "at least ", "at least ", "at least ", "more than ", "about ", "some ",
               "nearly ", "up to ")
VAGUE_PLURALS = ("dozens of", "scores of", "several", "a number of", "many")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WIRE_TIMES = (
    "on {d}", "on {d}", "on {d}", "on {d} night", "late on {d}", "early on {d}", "on {d} morning",
    "on {d} afternoon", "on {d} evening", "overnight", "overnight on {d}", "at dawn on {d}",
    "in the early hours of {d}", "last week", "earlier this week", "at the weekend", "yesterday",
    "this morning", "on {date}", "late last month",
)
ACLED_DATES = ("On {dm} {y}", "On {dm} {y}", "On {dm} {y}", "On {dm} {y}", "Around {dm} {y}",
               "On or around {dm} {y}", "On the night of {dm} {y}", "Between {d1} and {dm} {y}",
               "On {dm} {y} (as reported)", "On the morning of {dm} {y}")
ACLED_SIZES = ("no report", "no report", "no report", "no report", "dozens", "around 50", "around 100",
               "hundreds", "between 20 and 30", "a handful", "large")

GUNMEN = ("unidentified gunmen", "gunmen", "armed men", "suspected militants", "assailants", "unknown attackers",
          "men in military fatigues", "masked gunmen", "armed assailants", "suspected insurgents",
          "gunmen on motorcycles", "a group of armed men")
VICTIM_SINGLE = (
    "a farmer", "a woman", "a local chief", "a village head", "a schoolteacher", "a motorcycle taxi driver",
    "a trader", "an aid worker", "a health worker", "a herder", "a religious leader", "an imam", "a pastor",
    "a student", "a local journalist", "an elderly man", "a teenage boy", "a shopkeeper", "a fisherman",
    "a displaced woman", "a local councillor", "a nurse", "a driver", "a community leader",
)
VICTIM_NOUNS = (
    "civilians", "people", "villagers", "farmers", "residents", "passengers", "worshippers", "miners",
    "fishermen", "herders", "traders", "displaced people", "travellers", "shoppers", "women", "men",
)
VICTIM_GROUPS = (
    "a woman and her two children", "a man and his son", "two brothers", "a couple and their baby",
    "a village chief and his wife", "three members of one family", "a pregnant woman", "two schoolchildren",
    "members of the same family",
)
CAPTIVES = ("a Catholic priest", "a local chief", "an engineer", "a businessman", "a district official", "a farmer",
            "a student", "an aid worker", "a nurse", "a pastor", "a schoolteacher", "a trader", "a village head",
            "a doctor", "a truck driver")
CAPTIVE_NOUNS = ("villagers", "farmers", "residents", "women", "children", "students", "travellers", "herders",
                 "passengers", "worshippers", "people")
BLAST_VICTIM_NOUNS = ("people", "civilians", "passers-by", "bystanders", "residents")
DISASTER_VICTIMS = ("a child", "an elderly woman", "a family of five", "two children", "a mother and her baby",
                    "a farmer", "a fisherman")
DISASTER_VICTIM_NOUNS = ("people", "residents", "villagers", "children", "people, including children")
WOMEN = ("a woman", "a girl", "two women", "two sisters", "a 16-year-old girl", "several women",
         "a mother of three", "a displaced woman")
PROTEST_VICTIMS = ("a student", "a teenage demonstrator", "a motorcycle taxi rider", "a young man",
                   "a schoolboy", "a trader", "a university student")
PROTEST_DEAD_NOUNS = ("protesters", "demonstrators", "people", "young men", "students")
PROTESTERS = (
    "students", "traders", "teachers", "motorcycle taxi riders", "opposition supporters", "farmers", "nurses",
    "residents", "market women", "miners", "truck drivers", "university lecturers", "fishermen", "pensioners",
    "civil servants", "doctors", "lawyers", "members of the teachers' union", "unemployed graduates",
    "women's rights activists", "factory workers", "taxi drivers", "health workers", "displaced people",
    "relatives of detained activists", "environmental activists", "youths", "bus drivers", "vendors",
)
CROWDS = ("", "", "hundreds of", "dozens of", "thousands of", "about 200", "more than 1,000", "a few dozen",
          "scores of", "several hundred", "around 50", "tens of thousands of")
GRIEVANCES = (
    "rising fuel prices", "a new tax law", "unpaid salaries", "insecurity in the region", "the killing of a colleague",
    "the results of the presidential election", "frequent power cuts", "the closure of a local market",
    "poor road conditions", "police harassment", "land grabbing", "the proposed finance bill",
    "the high cost of living", "the war in Gaza", "alleged electoral fraud", "water shortages",
    "the eviction of street vendors", "a ban on motorcycle taxis", "an increase in school fees",
    "the arrest of a religious leader", "corruption in local government", "kidnappings along the highway",
    "a controversial mining project", "the postponement of elections", "a foreign-agents law",
    "cuts to university funding", "a constitutional amendment", "delays in paying pensions",
)
DEMANDS = (
    "the payment of salary arrears", "the release of detained activists", "better security",
    "the resignation of the governor", "justice for a slain activist", "lower fuel prices",
    "the reopening of the border", "a recount of the vote", "clean drinking water", "higher wages",
    "the return of displaced families", "an end to police brutality", "fresh elections",
    "compensation for demolished homes",
)
OFFICES = (
    "the governor's office", "the town hall", "the regional assembly", "the labour ministry",
    "the electoral commission offices", "the district headquarters", "the state house", "the central bank",
    "parliament", "the offices of a mining company", "the courthouse", "the education ministry",
    "the prefecture", "the police headquarters",
)
PARTISANS = ("ruling party supporters", "opposition supporters", "youth wing members of the ruling party",
             "supporters of a rival candidate", "supporters of the incumbent mayor", "rival student groups")
TARGETS = (
    "a market", "a mosque", "a church", "a bus station", "a restaurant", "a hotel", "a checkpoint",
    "a police station", "a government building", "a school", "a football viewing centre", "a crowded market",
    "a camp for displaced people", "a bar", "a tea shop", "a hospital", "a courthouse", "a bank",
    "a recruitment centre", "a village meeting", "a livestock market", "a wedding hall",
)
WORSHIP = ("a mosque", "a church", "a shrine", "a Sufi shrine", "a cathedral")
BASES = ("an army base", "a military camp", "a police station", "an army checkpoint", "a military outpost",
         "a security post", "a barracks", "a gendarmerie post")
VEHICLES = (
    "a military convoy", "a police patrol vehicle", "a minibus carrying passengers", "a truck carrying soldiers",
    "an army pick-up", "a bus", "a car carrying local officials", "a UN vehicle", "a commercial truck",
    "a tractor", "a vehicle carrying aid workers", "a supply convoy", "an armoured personnel carrier",
    "a car carrying a district official",
)
FEATURES = ("bridge", "hilltop", "airstrip", "border crossing", "crossroads", "military base", "highway junction",
            "dam", "ridge", "river crossing")
OFFICIALS = ("a local chief", "the district commissioner", "a village head", "a local councillor",
             "an election official", "a senior police officer", "a provincial governor", "a tax official",
             "a judge", "a deputy mayor")
POLITICIANS = (
    "an opposition lawmaker", "the leader of the main opposition party", "a former minister",
    "a prominent opposition figure", "a senior party official", "an opposition presidential candidate",
    "a local opposition leader", "a member of parliament", "a former prime minister", "a student union leader",
    "a trade union leader", "a prominent activist", "a journalist critical of the government",
)
PARTIES = ("the main opposition party", "the opposition coalition", "a banned Islamist movement",
           "a separatist movement", "a student movement", "an opposition youth movement")
UNIONS = ("teachers' union", "national doctors' association", "transport workers' union",
          "main trade union federation", "students' union", "traders' association")
ITEMS = ("AK-47 rifles and ammunition", "rocket-propelled grenades", "hand grenades and detonators",
         "mortar rounds", "bomb-making materials", "machine guns and explosives", "landmines", "assault rifles",
         "drones and explosives", "fertiliser used to make explosives", "ammunition belts and rifles")
GOODS = ("food aid", "livestock", "medicines", "motorcycles", "grain", "fuel", "mobile phones", "cash",
         "solar panels", "sacks of maize")
DURATIONS = ("two days", "three days", "a week", "several hours", "two weeks", "days", "a month", "several days")
LONG_DURATIONS = ("months", "two years", "more than a year", "18 months", "several months", "three years")
DAYS_ADJ = ("three-day", "week-long", "two-week", "month-long", "48-hour", "days-long", "two-day")
MEDIATORS = ("Qatar", "Egypt", "the African Union", "the UN", "the International Committee of the Red Cross",
             "Saudi Arabia", "Turkey", "local religious leaders", "the Catholic Church", "Norway",
             "regional mediators", "community elders", "the United Arab Emirates")
VENUES = ("Doha", "Addis Ababa", "Geneva", "Jeddah", "Nairobi", "Luanda", "Istanbul", "Cairo", "Abu Dhabi",
          "Oslo", "Kampala", "Havana", "Caracas", "Riyadh")
NEW_GROUPS = ("Patriotic Resistance Front", "People's Liberation Movement", "Northern Defence Brigade",
              "Movement for Justice and Dignity", "United Self-Defence Council", "Sons of the Soil Army",
              "Popular Front for Renewal")
ORGS = ("the UN", "a monitoring group", "the UN refugee agency", "a local rights group", "the health ministry",
        "Human Rights Watch", "Amnesty International", "the International Committee of the Red Cross",
        "the World Health Organization", "researchers", "a conflict monitoring project", "church groups")
DISGUISES = ("soldier", "police officer", "worshipper", "beggar", "woman", "student")
GOVTS = ("the government", "the federal government", "the transitional authorities", "government negotiators")
SOURCES = (
    "police said", "a local official said", "witnesses said", "residents said", "local media reported",
    "a security source said", "officials said", "a local journalist said", "according to local sources",
    "according to a local official", "a hospital source said", "a military spokesman said",
    "according to residents", "a community leader told reporters", "the local authorities said",
    "a local rights group said", "a spokesman said",
)
PREFIX_SOURCES = (
    "police said", "a local official said", "witnesses said", "residents said", "officials said",
    "a security source said", "local media reported that", "according to residents,",
    "a community leader told reporters that", "local sources said", "a resident told reporters that",
    "according to a local official,",
)

# --------------------------------------------------------------------------------------------------------------
# Event templates, one tuple per sub-event type
#
# Slots (filled per sentence, from one country sketch): {army} {police} {rebels} {enemy} (rebels or foreign foes)
# {militia} {militia2} {allies} {air} {heavy} {bombers} {chem} {gunmen} {armed} (any armed actor there)
# {town} {town2} {loc} (a preposition phrase: "in Bama, Borno state") {area} {areab} (without "the")
# {country} {adj} {capital} {when} (a wire time, or empty in ACLED-note style) {src} (an attribution)
# {n} {n2} (plural counts: "at least 12") {victims} {women} {kill} {killc} {killf} {killp} (casualty
# clauses, may be empty) and the word lists above.
# --------------------------------------------------------------------------------------------------------------

ARMED_CLASH = (
    "{army} clashed with {enemy} {loc} {when}{killf}.",
    "fighting broke out between {army} and {enemy} {loc} {when}{killf}.",
    "{enemy} attacked an army post {loc} {when}, sparking a gun battle with {army} that lasted several hours"
    "{killf}.",
    "{army} ambushed a column of {enemy} on the road between {town} and {town2} {when}{killf}.",
    "heavy exchanges of gunfire were reported between {army} and {enemy} {loc} {when}{killf}.",
    "{rebels} and {militia} fought for control of grazing land {loc} {when}{killf}.",
    "{n} soldiers were killed when {enemy} ambushed their patrol {loc} {when}, {src}.",
    "{army} repelled an assault by {enemy} on a base {loc} {when}{killf}.",
    "{army}, backed by {militia}, engaged {enemy} in a firefight {loc} {when}{killf}.",
    "{militia} and {militia2} fought running battles {loc} {when}{killf}.",
    "{police} exchanged fire with {enemy} who had attacked a police station {loc} {when}{killf}.",
    "{n} people were killed in fighting between {army} and {enemy} {loc} {when}, {src}.",
    "{army} reported killing {n} {enemy} during a firefight {loc} {when}.",
    "a gun battle erupted {loc} {when} when {army} raided a hideout used by {enemy}{killf}.",
    "{enemy} and {army} traded fire for hours {loc} {when}{killf}.",
    "the military said troops had 'neutralised' {n} {enemy} who attacked their positions {loc} {when}.",
    "fierce fighting raged {loc} {when} as {enemy} tried to break through government lines{killf}.",
    "{rebels} launched a dawn assault on a military camp {loc}; troops fought back and the attackers withdrew"
    "{killf}.",
    "{militia} clashed with {rebels} {loc} {when}{killf}.",
    "{army} and {enemy} fought a pitched battle for control of the {feature} near {town} {when}{killf}.",
    "{n} {militia} were killed in a shootout with {army} {loc} {when}, {src}.",
    "several soldiers were wounded when {enemy} opened fire on a checkpoint {loc} {when} and troops returned fire.",
    "there was an exchange of fire between {army} and suspected {enemy} {loc} {when}{killf}.",
    "{army} fought off {enemy} who attacked their convoy on the outskirts of {town} {when}{killf}.",
    "{army} engaged {enemy} in combat {loc} {when}{killf}.",
    "a patrol of {army} came under fire from {enemy} {loc} {when}, triggering a prolonged gunfight{killf}.",
    "{enemy} stormed a military outpost {loc} {when} but were pushed back after hours of fighting{killf}.",
    "rocket-propelled grenades and machine-gun fire were heard {loc} {when} as {army} battled {enemy}{killf}.",
    "clashes between {army} and {enemy} {loc} {when} left {n} combatants dead, {src}.",
    "hostilities flared again {loc} {when}, with {army} and {enemy} fighting street by street{killf}.",
)

GOVERNMENT_REGAINS = (
    "{army} retook {town} from {enemy} {when} after {dur} of fighting.",
    "{army} recaptured the town of {town} from {enemy} {when}, {src}.",
    "the army said {when} it had regained control of {town}, {dur} after {enemy} overran it.",
    "{army} drove {enemy} out of {town} {when}{killf}.",
    "government troops entered {town} {when}, ending {ldur} of control by {enemy}.",
    "{army} cleared {enemy} from several villages around {town} {when}, {src}.",
    "{enemy} withdrew from {town} {when} in the face of a counter-offensive by {army}{killf}.",
    "{army} seized back the strategic {feature} near {town} from {enemy} {when}.",
    "{army} dislodged {enemy} from their positions in {town} and raised the national flag over the town hall "
    "{when}.",
    "state television showed {army} in the centre of {town} {when} after recapturing it from {enemy}.",
    "{town} was back under government control {when} after {army} pushed out {enemy}, {src}.",
    "{army} reclaimed {town} {when} following heavy fighting with {enemy}{killf}.",
    "after a {days} offensive, {army} announced that {town} had been cleared of {enemy}.",
    "{army} regained the {feature} outside {town} {when}; it had been held by {enemy} since {month}.",
    "troops supported by {militia} retook {town} {when}, forcing {enemy} to flee into the surrounding countryside.",
    "{army} wrested control of {town} back from {enemy} {when}{killf}.",
    "the military said it had restored state authority in {town} {when} after expelling {enemy}.",
    "{enemy} were routed from {town} {when} as {army} advanced from {town2}{killf}.",
    "{army} reoccupied {town} {when} after {enemy} abandoned it under sustained fire.",
    "the recapture of {town} by {army} {when} cut a key supply route used by {enemy}.",
    "government forces were back in control of {town} {when} after fighting with {enemy} that left {n} dead, "
    "{src}.",
    "{army} swept into {town} {when}, retaking it from {enemy} after a {days} battle.",
    "residents said {army} had retaken {town} {when} after {enemy} were forced out following clashes.",
    "{army} pushed {enemy} back and recovered the villages surrounding {town} {when}{killf}.",
    "in a statement, the army said it had retaken {town}, a stronghold of {enemy}, in an operation {when}.",
    "{army} liberated {town} from {enemy} {when}, a military spokesman said.",
    "soldiers regained {town} {when} after driving out {enemy} who had seized it earlier in the week{killf}.",
)

NON_STATE_OVERTAKES = (
    "{rebels} seized {town} {when} after heavy fighting with {army}.",
    "{town} fell to {rebels} {when} after a {days} battle with {army}, {src}.",
    "{rebels} overran an army base in {town} and took control of the town {when}{killf}.",
    "{rebels} captured the {areab} town of {town} {when} after clashes with {army}.",
    "{rebels} said they had taken control of {town} {when} following clashes with {army}.",
    "{rebels} stormed {town} {when}, routing {army} and seizing the local administration building.",
    "after {dur} of fighting, {rebels} were in full control of {town} {when}, residents said.",
    "{rebels} captured the {feature} near {town} from {army} {when}{killf}.",
    "{army} lost control of {town} to {rebels} {when}{killf}.",
    "{rebels} took over {town} {when}, raising their flag over the police station after a gunfight with its "
    "defenders.",
    "the fall of {town} to {rebels} {when} came after {dur} of fighting with {army}.",
    "{rebels} pushed {army} out of {town} {when}{killf}.",
    "{rebels} seized a border crossing near {town} {when} after clashes with {army}.",
    "{rebels} overran {town} {when}, forcing soldiers to retreat towards {town2}.",
    "{rebels} wrested {town} from {militia} after fierce fighting {when}{killf}.",
    "{rebels} occupied {town} {when} after driving out {army} in a surprise attack.",
    "{rebels} entered {town} {when} following a fierce battle with {army} and now control the town centre, {src}.",
    "{town} came under the control of {rebels} {when} after they overwhelmed the garrison.",
    "{rebels} proclaimed the 'liberation' of {town} {when} following fighting with {army}.",
    "{rebels} captured the airport in {town} {when} after a {days} siege and assault.",
    "troops abandoned their positions in {town} {when} after {rebels} overran them in a dawn assault{killf}.",
    "{rebels} advanced into {town} {when}, capturing the district headquarters after clashes that left {n} "
    "soldiers dead.",
    "{rebels} tightened their grip on {area} by capturing {town} from {army} {when}.",
    "{town}, a garrison town in {area}, was overrun by {rebels} {when}, {src}.",
    "{rebels} drove {army} from {town} {when} and set up checkpoints on the main roads.",
    "{rebels} seized several villages around {town} {when} after fighting with {militia}.",
    "video posted online showed {rebels} parading through {town} {when} after they captured it from {army}.",
)

CHEMICAL_WEAPON = (
    "{chem} used chlorine gas in an attack on {town} {when}, {src}.",
    "dozens of people were treated for breathing difficulties after {chem} attacked {town} with toxic gas {when}.",
    "{chem} dropped munitions containing a riot-control agent on positions near {town} {when}.",
    "a drone released canisters of tear gas over trenches near {town} {when}, the military said.",
    "residents of {town} reported a strong smell of chlorine after a barrel bomb exploded in the town {when}; "
    "{n} people suffered symptoms of suffocation.",
    "doctors in {town} said {n} patients showed symptoms consistent with exposure to a nerve agent after an "
    "attack {when}.",
    "{chem} fired shells filled with toxic chemicals at {town} {when}{killc}.",
    "a chemical attack on {town} {when} killed {victims}, {src}.",
    "{chem} used poison gas against {town} {when}, leaving {n} people with burns and breathing problems.",
    "soldiers near {town} were exposed to an irritant gas dropped by {chem} {when}.",
    "{chem} dropped grenades filled with chloropicrin on trenches near {town} {when}.",
    "rescuers said a gas-filled rocket hit a residential building in {town} {when}, killing {victims}.",
    "{n} fighters were taken to hospital after {chem} used chemical munitions against their positions near "
    "{town} {when}.",
    "medics reported cases of suffocation in {town} after {chem} dropped containers of toxic gas {when}.",
    "{chem} deployed mustard agent against {town} {when}, {src}.",
    "a toxic cloud spread over a neighbourhood of {town} {when} after {chem} fired gas-filled munitions{killc}.",
    "{chem} dispersed a choking agent over defensive positions around {town} {when}.",
    "people in {town} were found with foaming mouths and constricted pupils after an attack {when}, doctors said.",
    "{chem} used CS gas against soldiers in dugouts near {town} {when}, forcing them out into the open.",
    "the defence ministry said {chem} had used munitions containing toxic chemicals near {town} {when}.",
    "{n} civilians suffocated after a helicopter dropped a chlorine-filled barrel bomb on {town} {when}.",
    "a gas attack hit {town} {when}, with {n} people treated for chemical exposure at a local clinic.",
    "{chem} shelled {town} {when} with rounds that released a yellow, chlorine-smelling gas, {src}.",
    "a munition filled with an asphyxiating substance was dropped on positions near {town} by {chem} {when}.",
    "{chem} attacked positions near {town} with poisonous gas {when}, sickening {n} soldiers.",
)

AIR_DRONE_STRIKE = (
    "{air} struck targets {loc} {when}{killc}.",
    "an air strike on {target} {loc} {when} killed {victims}, {src}.",
    "{air} bombed positions held by {rebels} {loc} {when}{killa}.",
    "a drone strike hit a vehicle {loc} {when}{kill}.",
    "{air} carried out a series of raids on {town} {when}{killc}.",
    "warplanes pounded {town} {when}, flattening several houses{killc}.",
    "a drone attack on {target} {loc} {when} left {n} people dead, {src}.",
    "{n} people died when {air} hit a crowded market in {town} {when}.",
    "an air raid destroyed a school sheltering displaced families {loc} {when}{killc}.",
    "{air} dropped bombs on {town} {when}{killc}.",
    "the military said its aircraft had targeted a command centre used by {group} {loc} {when}{killa}.",
    "a strike by {air} on a house {loc} {when} killed {n} members of the same family.",
    "{air} targeted a gathering of {rebels} {loc} {when}{killa}.",
    "helicopter gunships fired rockets at {town} {when}{killc}.",
    "explosive-laden drones struck {town} {when}, damaging energy infrastructure{killc}.",
    "a barrel bomb dropped from a helicopter hit {town} {when}{killc}.",
    "an unmanned aerial vehicle fired a missile at a car {loc} {when}{kill}.",
    "{air} launched fresh strikes on {town} {when}, the second consecutive day of bombing{killc}.",
    "{n} people were killed in an air strike on {town} {when}, {src}.",
    "the bombing of {town} by {air} {when} destroyed a clinic and several shops{killc}.",
    "{air} hit a fuel depot {loc} {when}, sending plumes of smoke over the area.",
    "a drone dropped explosives on {target} {loc} {when}{kill}.",
    "residents said jets circled over {town} before dropping {n} bombs {when}{killc}.",
    "{air} conducted a strike against a senior {groupa} commander {loc} {when}{killa}.",
    "an air strike on a wedding party {loc} {when} killed {victims}, {src}.",
    "a drone strike killed {n} {rebels} travelling in a pick-up truck {loc} {when}.",
    "a quadcopter dropped a grenade on {target} {loc} {when}{kill}.",
    "{air} bombed the outskirts of {town} {when}{killc}, witnesses said.",
)

SUICIDE_BOMB = (
    "a suicide bomber blew himself up at {target} {loc} {when}{kills}.",
    "a suicide car bomb exploded at the gate of {base} {loc} {when}{kills}.",
    "a female suicide bomber detonated her explosives in a crowded market {loc} {when}{kills}.",
    "{bombers} claimed responsibility for a suicide attack on {target} {loc} {when} that killed {victims}.",
    "an attacker wearing an explosive vest struck {target} {loc} {when}{kills}.",
    "an assailant rammed an explosives-laden vehicle into {vehicle} {loc} {when} and detonated it{kills}.",
    "two suicide bombers targeted {target} {loc} {when}{kills}.",
    "a man on a motorcycle blew himself up next to {vehicle} {loc} {when}{kills}.",
    "a teenage boy detonated a suicide vest at {target} {loc} {when}{kills}, {src}.",
    "police said the attacker triggered his explosive belt as worshippers left {worship} {loc} {when}{kills}.",
    "a suicide attack targeting {official} {loc} {when} killed {victims}.",
    "{n} people were killed when a suicide bomber struck {target} {loc} {when}.",
    "a man strapped with explosives walked into {target} {loc} {when} and detonated them{kills}.",
    "a suicide bomber drove a truck packed with explosives into {base} {loc} {when}{kills}.",
    "the blast at {target} {loc} {when} was carried out by a bomber who died in the explosion, {src}.",
    "a suicide bombing at {target} {loc} {when} left {n} people dead.",
    "a suicide car bomber targeted a convoy of {army} {loc} {when}{kills}.",
    "{bombers} said one of its fighters carried out a 'martyrdom operation' against {base} {loc} {when}.",
    "three female suicide bombers set off their explosives at {target} {loc} {when}{kills}.",
    "an attacker detonated a vest packed with ball bearings among mourners at a funeral {loc} {when}{kills}.",
    "witnesses said the bomber approached on foot before blowing himself up at a checkpoint {loc} {when}{kills}.",
    "a vehicle-borne suicide attack hit {base} {loc} {when}{kills}.",
    "a suicide bomber disguised as a {disguise} blew himself up {loc} {when}{kills}.",
    "the suicide blast tore through {target} {loc} {when}{kills}.",
    "an explosives-laden car driven by a suicide attacker struck {vehicle} {loc} {when}{kills}.",
    "{bombers} said a bomber from its ranks attacked {target} {loc} {when}, killing {victims}.",
)

SHELLING = (
    "{heavy} shelled {town} {when}{killc}.",
    "artillery fire hit residential areas of {town} {when}{killc}, {src}.",
    "mortar rounds fired by {heavy} landed on {target} {loc} {when}{kill}.",
    "a missile strike on {town} {when} damaged apartment blocks{killc}.",
    "rockets fired by {heavy} slammed into {town} {when}{killc}.",
    "{heavy} pounded positions near {town} with artillery {when}{killa}.",
    "a mortar shell hit a house in {town} {when}, killing {victims}.",
    "{heavy} fired a barrage of rockets at {town} {when}{killc}.",
    "heavy shelling of {town} {when} killed {victims}, {src}.",
    "a ballistic missile struck {town} {when}{killc}.",
    "{base} {loc} came under mortar fire {when}{kill}.",
    "{heavy} launched Grad rockets towards {town} {when}{killc}.",
    "shells fell on a crowded market in {town} {when}, killing {victims}.",
    "artillery fire by {heavy} hit villages near {town} {when}{killc}.",
    "tank fire hit a residential building in {town} {when}{killc}.",
    "a cruise missile hit an energy facility near {town} {when}, causing power cuts{killc}.",
    "shelling by {heavy} damaged the hospital in {town} {when}{killc}.",
    "{n} mortar shells landed near a camp for displaced people outside {town} {when}{killc}.",
    "{heavy} bombarded the outskirts of {town} with heavy weapons {when}{killc}.",
    "residents of {town} said they counted dozens of shells falling on the town {when}{killc}.",
    "an artillery strike hit a bus stop in {town} {when}, killing {victims}.",
    "{heavy} fired missiles at {town} {when}{killc}, {src}.",
    "a rocket hit {target} in {town} {when}{kill}.",
    "artillery shells struck a school in {town} {when}, where families were sheltering{killc}.",
    "{heavy} shelled villages around {town} {when}, forcing residents to flee{killc}.",
    "a salvo of multiple-launch rockets hit the centre of {town} {when}{killc}.",
    "mortar bombs fired from positions held by {heavy} exploded in {town} {when}{killc}.",
)

REMOTE_EXPLOSIVE = (
    "a roadside bomb struck {vehicle} {loc} {when}{kill}.",
    "{vehicle} hit a landmine {loc} {when}{kill}.",
    "an improvised explosive device exploded {loc} {when}{kill}.",
    "a bomb planted under a car exploded {loc} {when}{kill}, {src}.",
    "a magnetic bomb attached to a vehicle carrying local officials exploded {loc} {when}{kill}.",
    "a herder stepped on a landmine while grazing his animals {loc} {when} and was killed.",
    "a car bomb parked near {target} {loc} was detonated {when}{kill}.",
    "an explosive device hidden in a motorcycle went off near {target} {loc} {when}{kill}.",
    "a remotely detonated bomb targeted {vehicle} {loc} {when}{kill}.",
    "{n} soldiers were killed when their vehicle ran over an explosive device {loc} {when}.",
    "an IED blast targeted {vehicle} {loc} {when}{kill}, {src}.",
    "a bomb exploded at {target} {loc} {when}{kill}.",
    "{ns} children were wounded when a piece of unexploded ordnance they were playing with blew up {loc} {when}.",
    "a buried mine exploded under a minibus {loc} {when}{kill}.",
    "{gunmen} detonated a roadside device as {vehicle} passed {loc} {when}{kill}.",
    "a parcel bomb exploded at the office of {official} {loc} {when}{kill}.",
    "explosives planted along the road {loc} went off as {vehicle} drove past {when}{kill}.",
    "a sticky bomb attached to {vehicle} exploded {loc} {when}{kill}.",
    "a blast caused by a device hidden in a rubbish bin rocked {target} {loc} {when}{kill}.",
    "an explosive-laden motorcycle parked outside {target} blew up {loc} {when}{kill}.",
    "a blast ripped through {target} {loc} {when}{kill}. Police said the bomb had been left in a bag.",
    "a pressure-plate device detonated under {vehicle} {loc} {when}{kill}.",
    "a bomb concealed in a cart of vegetables exploded in a market {loc} {when}{kill}.",
    "an explosion on the railway tracks {loc} {when} derailed a passenger train{kill}.",
    "{vehicle} was hit by a bomb buried in the road {loc} {when}{kill}.",
    "a farmer was killed when his tractor struck an anti-tank mine {loc} {when}.",
    "a landmine explosion {loc} {when} killed {victims}, {src}.",
    "{rebels} set off an explosive device as {vehicle} drove past {loc} {when}{kill}.",
)

GRENADE = (
    "a grenade was hurled into a bar {loc} {when}{killg}.",
    "{gunmen} threw a grenade at {target} {loc} {when}{killg}.",
    "a hand grenade exploded in a crowded market {loc} {when}{killg}.",
    "attackers on a motorcycle lobbed a grenade at a police post {loc} {when}{killg}.",
    "a grenade attack on {target} {loc} {when} wounded {ns} people, {src}.",
    "suspected militants hurled a grenade at a security forces bunker {loc} {when}{killg}.",
    "a grenade tossed over the wall of a church compound exploded during a service {loc} {when}{killg}.",
    "{ns} people were wounded when a grenade was thrown into a crowd of shoppers {loc} {when}.",
    "a grenade thrown from a passing car exploded outside {target} {loc} {when}{killg}.",
    "a man lobbed a grenade into a restaurant {loc} {when}{killg}, {src}.",
    "an unidentified attacker threw a grenade at the home of {official} {loc} {when}{killg}.",
    "a grenade exploded at a bus station {loc} {when} after being thrown by a passer-by{killg}.",
    "{gunmen} threw two grenades into a nightclub {loc} {when}{killg}.",
    "a grenade blast at a checkpoint {loc} {when} injured {ns} police officers.",
    "police said a grenade was thrown at their patrol vehicle {loc} {when}{killg}.",
    "{ns} civilians were injured in a grenade explosion near {target} {loc} {when}.",
    "an attacker pulled the pin from a grenade and threw it at worshippers {loc} {when}{killg}.",
    "a grenade was flung at {vehicle} {loc} {when}{killg}.",
    "assailants hurled a hand grenade into a house {loc} {when}, killing {victims}.",
    "a grenade exploded outside the residence of {politician} {loc} {when}; no one was hurt.",
    "youths threw a grenade at a group of soldiers at a market {loc} {when}{killg}.",
    "a hand-thrown explosive, identified by police as a grenade, went off in a tea shop {loc} {when}{killg}.",
    "{rebels} lobbed grenades at a police station {loc} {when}{killg}.",
    "a grenade attack targeting {target} {loc} {when} left {ns} people injured.",
    "an unknown person threw a grenade into a crowded bar {loc} {when}, wounding {ns} people.",
    "a grenade was thrown into the compound of {target} {loc} {when}{killg}.",
)

SEXUAL_VIOLENCE = (
    "{armed} raped {women} {loc} {when}, {src}.",
    "a woman was raped by {armed} {loc} {when}.",
    "{nwomen} were sexually assaulted by {armed} who stormed {town} {when}.",
    "a teenage girl was raped by {armed} while fetching water near {town} {when}.",
    "{armed} gang-raped a woman on her way to the market {loc} {when}.",
    "survivors told a local rights group that {armed} raped women and girls during an incursion into {town} "
    "{when}.",
    "a displaced woman was sexually assaulted by {armed} at a camp near {town} {when}.",
    "{armed} raped a woman working in her field {loc} {when}.",
    "medical workers in {town} said they treated {nwomen} who had been raped by {armed} {when}.",
    "a schoolgirl was sexually assaulted by a soldier at a checkpoint {loc} {when}.",
    "women detained at an army post {loc} were sexually abused by soldiers {when}, {src}.",
    "{armed} sexually abused {women} during a raid on {town} {when}.",
    "{armed} raped a mother in front of her children {loc} {when}.",
    "a 14-year-old girl was raped by {armed} {loc} {when}, her family said.",
    "{nwomen} gathering firewood {loc} were raped by {armed} {when}.",
    "{armed} assaulted and raped {women} at a roadblock {loc} {when}.",
    "a local women's association reported that {armed} raped {women} {loc} {when}.",
    "@army_abuses a woman was sexually assaulted by {army} during a house search {loc} {when}.",
    "{armed} forced their way into a home {loc} {when} and raped {women}.",
    "a nurse was raped by {armed} while travelling between {town} and {town2} {when}.",
    "{armed} raped {women} who were returning from a water point {loc} {when}.",
    "police said a woman had been sexually assaulted by {militia} {loc} {when}.",
    "{nwomen} were raped when {armed} attacked a settlement {loc} {when}.",
    "a girl was raped by {armed} who broke into her family's house {loc} {when}.",
    "health officials in {town} documented {n} cases of rape by {armed} {when}.",
)

ATTACK = (
    "{gunmen} killed {victims} {loc} {when}.",
    "{armed} opened fire on {civs} {loc} {when}{killc}.",
    "{militia} attacked a village {loc} {when}, killing {victims}.",
    "{armed} hacked {victims} to death with machetes {loc} {when}.",
    "the bodies of {n} farmers were found {loc} {when} after they were shot dead by {armed}, {src}.",
    "{armed} shot dead {official} {loc} {when}.",
    "{armed} executed {n} civilians {loc} {when}, {src}.",
    "@army_abuses {army} killed {victims} during a raid {loc} {when}, residents said.",
    "{armed} stormed a church during a service {loc} {when}, shooting dead {victims}.",
    "gunmen on motorcycles raided {town} {when}, shooting residents as they fled{killc}.",
    "{armed} attacked travellers on the road between {town} and {town2} {when}, killing {victims}.",
    "a local journalist was shot dead by {gunmen} {loc} {when}.",
    "{armed} beheaded {n} villagers {loc} {when}, {src}.",
    "{armed} massacred {nvictims} {loc} {when}.",
    "{armed} burned {n} villagers alive in their homes {loc} {when}.",
    "{official} was assassinated by {gunmen} {loc} {when}.",
    "{militia} attacked villagers with sticks and stones {loc} {when}, injuring {n} people.",
    "{armed} fired on a bus carrying passengers {loc} {when}{killc}.",
    "{armed} killed {n} fishermen on the river near {town} {when}.",
    "{armed} attacked a camp for displaced people {loc} {when}{killc}.",
    "a rights activist was stabbed to death by suspected {militia} {loc} {when}.",
    "{armed} tortured and killed {victims} {loc} {when}, {src}.",
    "{armed} shot and wounded {victims} {loc} {when}.",
    "{militia} attacked farmers working in their fields {loc} {when}{killc}.",
    "@army_abuses {army} beat civilians and burned their belongings during an operation {loc} {when}, {src}.",
    "{armed} killed {n} artisanal gold miners at a mine {loc} {when}.",
    "an aid worker was killed when {armed} fired on a clearly marked vehicle {loc} {when}.",
    "{armed} went from house to house {loc} {when}, killing {victims}.",
    "{victims} were killed by {armed} {loc} {when}, {src}.",
)

ABDUCTION = (
    "{armed} abducted {captives} {loc} {when}.",
    "{gunmen} kidnapped {n} passengers from a bus on the road between {town} and {town2} {when}.",
    "{armed} seized {n} schoolchildren from their boarding school {loc} {when}.",
    "a journalist went missing {loc} {when} after being taken away by men in plain clothes.",
    "{armed} took {n} farmers hostage {loc} {when}, {src}.",
    "an activist was picked up by security agents {loc} {when} and his whereabouts remain unknown.",
    "{militia} kidnapped worshippers from {worship} {loc} {when}.",
    "{armed} abducted a Catholic priest {loc} {when}, church officials said.",
    "gunmen stormed a village {loc} {when} and carried off {captives}.",
    "{armed} abducted women who had gone to collect firewood {loc} {when}.",
    "a trader was kidnapped {loc} {when}, and his family later received a ransom demand.",
    "{rebels} abducted {n} aid workers {loc} {when}, {src}.",
    "@army_abuses {army} detained {captives} {loc} {when} and relatives have had no news of them since.",
    "men in military uniform forcibly disappeared {captives} {loc} {when}, a rights group said.",
    "{armed} seized {ncaptives} from their homes {loc} {when}.",
    "{gunmen} kidnapped {captives} on a farm {loc} {when}.",
    "{ncaptives} were abducted by {armed} {loc} {when}, {src}.",
    "{armed} stopped a vehicle at a fake checkpoint {loc} {when} and kidnapped its occupants.",
    "{armed} abducted {n} students from a university hostel {loc} {when}.",
    "a student leader vanished after being bundled into an unmarked car {loc} {when}, his family said.",
    "{armed} kidnapped a local chief and his two wives {loc} {when}.",
    "{armed} snatched {n} children from a village {loc} {when}, reportedly to use them as fighters.",
    "an engineer working on a road project was abducted by {armed} {loc} {when}.",
    "{armed} raided a clinic {loc} {when} and took away {n} patients and a doctor.",
    "{gunmen} abducted a district official {loc} {when} and demanded a ransom for his release.",
)

PEACEFUL_PROTEST = (
    "{crowd} {protesters} marched through {town} {when} {grievance}.",
    "{protesters} staged a sit-in outside {office} in {town} {when} {grievance}.",
    "{crowd} people rallied in {town} {when} {grievance}, {src}.",
    "{protesters} demonstrated {loc} {when} {grievance}; the protest ended without incident.",
    "{protesters} held a peaceful march in {town} {when} {grievance}.",
    "chanting slogans and waving placards, {crowd} {protesters} gathered in {town} {when} {grievance}.",
    "{protesters} downed tools and gathered outside {office} in {town} {when} {grievance}.",
    "{protesters} blocked the main road in {town} for several hours {when} {grievance}, then dispersed.",
    "a candlelight vigil was held in {town} {when} to demand {demand}.",
    "{protesters} took to the streets of {town} {when} {grievance}.",
    "women in {town} held a demonstration {when} {grievance}.",
    "{protesters} marched to {office} in {town} {when} and handed over a petition {grievance}.",
    "supporters of {party} rallied in {town} {when} to protest against the arrest of their leader.",
    "{crowd} {protesters} gathered in front of parliament in {capital} {when} {grievance}.",
    "a small group of {protesters} gathered {loc} {when} {grievance}.",
    "a march by {protesters} {loc} {when} passed off peacefully, {src}.",
    "traders shut their shops and demonstrated in {town} {when} {grievance}.",
    "{crowd} {protesters} held placards and sang songs outside {office} in {town} {when} {grievance}.",
    "residents of {town} demonstrated {when} {grievance}.",
    "{crowd} members of the {union} joined a demonstration in {town} {when} {grievance}.",
    "{protesters} picketed outside {office} in {town} {when} {grievance}.",
    "students boycotted classes and marched through {town} {when} {grievance}.",
    "{protesters} drove in a convoy through {town} {when}, honking their horns {grievance}.",
    "{crowd} {protesters} demonstrated in {capital} {when} {grievance}, {src}.",
    "{protesters} staged a silent march in {town} {when} {grievance}.",
    "{crowd} {protesters} rallied outside the local government headquarters in {town} {when} {grievance}.",
    "in {town}, {crowd} {protesters} gathered at the central square {when} {grievance}.",
)

PROTEST_WITH_INTERVENTION = (
    "{police} fired teargas to disperse {protesters} protesting {gn} {loc} {when}.",
    "{police} used water cannon to break up a demonstration by {protesters} in {town} {when}.",
    "{police} arrested {n} {protesters} who had gathered in {town} {when} {grievance}.",
    "{police} baton-charged {protesters} marching {grievance} in {town} {when}.",
    "a peaceful march by {protesters} in {town} was broken up by {police} {when}.",
    "{police} dispersed a sit-in by {protesters} outside {office} in {town} {when}.",
    "{n} demonstrators were detained when {police} broke up a rally in {town} {when} {grievance}.",
    "{police} fired rubber bullets and teargas at {protesters} demonstrating {grievance} in {town} {when}.",
    "security forces prevented {protesters} from marching to {office} in {town} {when} and detained several of "
    "them.",
    "{police} forcibly removed {protesters} who were blocking a road {loc} {when} {grievance}.",
    "{police} beat {protesters} with batons as they rallied {grievance} in {town} {when}.",
    "the protest in {town} {when} ended when {police} fired tear gas; several people were treated for "
    "inhalation.",
    "{police} cleared a protest camp set up by {protesters} in {town} {when}.",
    "{police} used stun grenades to disperse {crowd} {protesters} in {town} {when}.",
    "{police} sealed off the square in {town} {when} and arrested the organisers of a demonstration "
    "{grievance}.",
    "{protesters} demonstrating {grievance} in {town} were scattered by {police} firing teargas {when}.",
    "{police} detained {n} {protesters} at a demonstration {grievance} in {capital} {when}, {src}.",
    "{police} pushed back {protesters} with shields and pepper spray outside {office} in {town} {when}.",
    "{police} used tear gas and water cannon against {protesters} in {town} {when}, though the crowd had remained "
    "peaceful.",
    "{police} broke up a gathering of {protesters} in {town} {when}, detaining several of them.",
    "{protesters} were dispersed with teargas by {police} {loc} {when} as they marched {grievance}.",
    "{police} arrested a group of {protesters} as they tried to hold a vigil in {town} {when}.",
    "{police} fired teargas at {protesters} who were staging a peaceful demonstration in {town} {when}.",
    "{police} fired warning shots into the air to disperse {protesters} gathered in {town} {when}.",
    "{police} blocked {protesters} from reaching {office} in {town} {when} and bundled several into police vans.",
    "{police} confiscated banners and arrested {n} {protesters} at a rally in {town} {when}.",
    "{police} lobbed teargas canisters at {crowd} {protesters} in {town} {when}, forcing them to disperse.",
)

EXCESSIVE_FORCE = (
    "{police} opened fire on {protesters} protesting {gn} {loc} {when}, killing {pvictims}.",
    "{police} shot dead {pvictims} during a demonstration {grievance} in {town} {when}.",
    "security forces fired live rounds at a peaceful demonstration in {town} {when}, killing {pvictims}.",
    "a student was shot dead by {police} during a peaceful march in {town} {when}, {src}.",
    "{pdead} were killed and dozens wounded when troops used live ammunition against protesters in {town} "
    "{when}.",
    "a protester died after being shot in the head by {police} at a rally in {town} {when}.",
    "soldiers fired into a crowd of unarmed protesters in {town} {when}, killing {pvictims}.",
    "{police} killed {pdead} who were demonstrating {grievance} in {town} {when}, {src}.",
    "a teenager was killed when {police} fired live bullets to disperse protesters in {town} {when}.",
    "witnesses said {police} shot at {protesters} who were marching peacefully {grievance} in {town} {when}, "
    "killing {pvictims}.",
    "a demonstrator died in hospital after being severely beaten by {police} during a protest in {town} {when}.",
    "snipers fired on protesters gathered in {town} {when}{killp}.",
    "{pdead} were shot dead when {police} opened fire on a march {grievance} in {town} {when}.",
    "{police} used live ammunition against peaceful protesters in {town} {when}{killp}.",
    "{n} protesters were critically wounded by gunfire as {police} dispersed a demonstration in {town} {when}.",
    "a motorcycle taxi rider taking part in a protest {grievance} was shot dead by {police} in {town} {when}.",
    "{police} fired at close range on {protesters} holding a sit-in in {town} {when}{killp}, {src}.",
    "the bodies of {pdead} shot during a protest in {town} {when} were taken to the morgue, relatives said.",
    "troops fired on mourners marching through {town} {when}{killp}.",
    "{police} shot dead {pvictims} as {protesters} marched to {office} in {town} {when}.",
    "a woman was killed by a stray bullet when {police} fired on protesters in {town} {when}.",
    "{pdead} were gunned down by {police} during a demonstration in {town} {when}.",
    "security forces used lethal force against demonstrators in {town} {when}{killp}, {src}.",
    "a police officer shot dead a protester during a march {grievance} in {town} {when}.",
    "{police} fired live rounds and teargas at protesters in {town} {when}{killp}.",
    "{pdead} died of gunshot wounds after {police} opened fire on a demonstration in {town} {when}.",
)

VIOLENT_DEMONSTRATION = (
    "{protesters} set tyres on fire and blocked roads in {town} {when} {grievance}.",
    "{protesters} protesting {gn} hurled stones at {police} {loc} {when}.",
    "angry {protesters} torched a police station in {town} {when} after the death of a young man in custody.",
    "demonstrators vandalised government offices in {town} {when} {grievance}.",
    "rioting youths burned vehicles in {town} {when} {grievance}.",
    "{protesters} clashed with {police} in {town} {when}, pelting officers with stones; police responded with "
    "teargas.",
    "{protesters} stormed {office} in {town} {when} and set part of the building ablaze {grievance}.",
    "youths erected burning barricades across the main roads of {town} {when} {grievance}.",
    "a protest over {gn} in {town} turned violent {when} when demonstrators smashed shop windows.",
    "students rioted at the university in {town} {when}, damaging property {grievance}.",
    "{protesters} threw petrol bombs at {police} in {town} {when}.",
    "{protesters} attacked the home of a local lawmaker in {town} {when} {grievance}.",
    "demonstrators ransacked {office} in {town} {when} {grievance}.",
    "angry residents blocked the highway near {town} with rocks and burning logs {when} and stoned passing "
    "vehicles.",
    "{protesters} set fire to the local office of {party} in {town} {when}.",
    "the crowd overturned and burned {n} police vehicles during a demonstration in {town} {when}.",
    "{crowd} {protesters} threw stones at {police} who tried to stop their march in {town} {when}.",
    "protesters armed with sticks and stones attacked security forces in {town} {when} {grievance}, {src}.",
    "demonstrators looted shops and burned a bank in {town} {when} during protests {grievance}.",
    "{protesters} torched a toll booth on the highway outside {town} {when} {grievance}.",
    "{crowd} {protesters} burned tyres and threw stones at passing cars in {town} {when}.",
    "rioters set fire to the town hall in {town} {when} after the announcement of election results.",
    "{protesters} destroyed traffic lights and set bins ablaze in {town} {when} {grievance}.",
    "a demonstration {grievance} degenerated into rioting in {town} {when}, with protesters attacking {police}.",
    "youths protesting {gn} blocked the road into {town} with burning tyres {when} and fought running battles "
    "with {police}.",
    "{protesters} pelted the governor's convoy with stones in {town} {when}.",
    "protesters in {town} burned an effigy of the governor and then torched a police vehicle {when}.",
)

MOB_VIOLENCE = (
    "a mob lynched a suspected thief {loc} {when}.",
    "an angry mob beat to death a man accused of stealing a motorcycle in {town} {when}.",
    "residents set ablaze two suspected kidnappers {loc} {when}, {src}.",
    "an elderly woman accused of witchcraft was beaten and burned by villagers {loc} {when}.",
    "a mob attacked a man accused of blasphemy {loc} {when}, leaving him seriously injured.",
    "{partisans} clashed with {partisans2} in {town} {when}, leaving {n} people injured.",
    "a crowd stormed a police station in {town} {when} and lynched a suspect held there.",
    "angry youths attacked a family they accused of sorcery {loc} {when}.",
    "motorcycle taxi riders beat a man suspected of stealing a motorbike {loc} {when}; he died of his injuries.",
    "villagers caught and killed a suspected cattle thief {loc} {when}.",
    "a group of residents assaulted health workers they accused of spreading disease {loc} {when}.",
    "a mob burned alive a man suspected of murder {loc} {when}, police said.",
    "traders in a market in {town} beat a suspected pickpocket to death {when}.",
    "a crowd attacked two men suspected of child abduction {loc} {when}, killing one of them.",
    "{partisans} attacked {partisans2} at a campaign event in {town} {when}, injuring {n} people.",
    "a mob descended on the home of a man accused of insulting the prophet in {town} {when} and set it on fire.",
    "residents took the law into their own hands {loc} {when}, killing a man they suspected of burglary.",
    "a suspected robber was stoned to death by a crowd {loc} {when}.",
    "an angry crowd attacked and injured a driver whose vehicle had knocked down a child {loc} {when}.",
    "a mob assaulted a woman accused of theft at a market in {town} {when}, {src}.",
    "villagers hacked to death two men suspected of stealing goats {loc} {when}.",
    "a mob attacked members of a religious minority {loc} {when} and burned their homes.",
    "vigilantes and residents lynched a suspected gang member {loc} {when}.",
    "an angry crowd killed a man accused of stealing a phone {loc} {when} by setting him on fire.",
    "students beat a classmate they accused of blasphemy at a university in {town} {when}; he later died.",
    "{partisans} pelted {partisans2} with stones in {town} {when}, injuring {n} people.",
    "a crowd dragged a suspected kidnapper from police custody {loc} {when} and beat him to death.",
)

AGREEMENT = (
    "{govt} and {rebels} agreed to a ceasefire {when}, {src}.",
    "{rebels} and the government signed a peace deal in {venue} {when}.",
    "a prisoner exchange between {army} and {enemy} took place near {town} {when}, with {n} detainees freed on "
    "each side.",
    "leaders of rival communities in {town} signed a peace pact {when} after months of clashes.",
    "{rebels} released {n} captured soldiers {when} under a deal brokered by {mediator}.",
    "an evacuation deal allowed {rebels} and their families to leave {town} {when}.",
    "{n} {rebels} surrendered to {army} in {town} {when} under an amnesty deal.",
    "a truce between {army} and {enemy} came into effect in {area} {when}.",
    "the warring parties agreed to a humanitarian pause in {town} {when} to allow aid deliveries.",
    "the two sides exchanged the bodies of fallen fighters near {town} {when}, {src}.",
    "negotiators from the government and {rebels} signed a deal in {venue} {when} to pull forces back from "
    "{town}.",
    "{rebels} freed {n} hostages {when} in exchange for the release of detained members, {src}.",
    "elders brokered a local ceasefire between {militia} and farmers in {area} {when}.",
    "{militia} and {militia2} agreed to end hostilities in {town} {when} following mediation by religious "
    "leaders.",
    "{govt} and {rebels} reached a deal {when} on the reopening of roads around {town}.",
    "the army and {rebels} signed a non-aggression pact {when} covering {area}.",
    "a ceasefire brokered by {mediator} between {army} and {enemy} was announced {when}.",
    "{rebels} handed over {n} prisoners of war to {mediator} {when} as part of an exchange.",
    "the authorities and {rebels} concluded a deal {when} that allows displaced residents to return to {town}.",
    "representatives of {group} signed a memorandum of understanding with the government in {venue} {when}.",
    "a deal to swap {n} detainees was implemented at a crossing near {town} {when}.",
    "the army and {rebels} agreed {when} to a 72-hour truce to allow civilians to leave {town}.",
    "{rebels} and government negotiators initialled a framework peace accord in {venue} {when}.",
    "a local {groupa} commander surrendered with dozens of his men to {army} near {town} {when}, under terms "
    "negotiated by elders.",
    "traditional leaders in {town} secured the release of {n} abducted villagers {when} after negotiations with "
    "{rebels}.",
    "rival factions in {town} agreed {when} to a ceasefire and the removal of checkpoints.",
)

ARRESTS = (
    "{police} arrested {politician} in {town} {when}.",
    "security forces detained {n} members of {party} in {town} {when}, {src}.",
    "{army} arrested a senior {groupa} commander {loc} {when}.",
    "{politician} was taken into custody at home in {capital} {when}.",
    "intelligence agents detained a journalist critical of the government in {town} {when}.",
    "{police} detained {n} opposition activists in {town} {when} ahead of planned demonstrations.",
    "{n} suspected members of {group} were arrested in a raid {loc} {when}.",
    "a prominent rights activist was arrested in {capital} {when} and charged with undermining state security.",
    "the leader of the {union} was arrested in {town} {when}, {src}.",
    "authorities arrested the mayor of {town} {when} on charges of supporting {rebels}.",
    "soldiers detained a traditional ruler {loc} {when}, accusing him of collaborating with {rebels}.",
    "{police} arrested {n} people suspected of financing {group} {loc} {when}.",
    "an opposition candidate was arrested at a checkpoint near {town} {when}.",
    "{police} raided the headquarters of {party} in {capital} {when} and arrested {n} senior officials.",
    "{n} army officers were arrested in {capital} {when} over an alleged coup plot.",
    "{army} detained {n} alleged informants for {group} in {town} {when}.",
    "a cleric accused of inciting violence was arrested by {police} in {town} {when}.",
    "security forces arrested {politician} at the airport in {capital} {when} as he returned from abroad.",
    "{police} arrested {n} local election officials in {town} {when} on suspicion of rigging the vote for the "
    "opposition.",
    "a spokesman for {group} was captured and detained by {army} near {town} {when}.",
    "{police} arrested {n} members of a separatist movement in {town} {when}, {src}.",
    "{politician} was detained by plain-clothes officers in {town} {when} and taken to police headquarters.",
    "a student union leader was arrested in {town} {when} for organising protests against the government.",
    "the authorities detained {n} journalists covering the situation in {area} {when}.",
    "{police} arrested a former minister in {capital} {when} on charges of plotting against the state.",
    "@conflict {army} arrested {n} militiamen in {town} {when} during a disarmament operation.",
    "counter-terrorism police detained {n} suspected recruiters for {group} in {town} {when}.",
)

CHANGE_TO_GROUP = (
    "@conflict {army} deployed additional troops to {town} {when}, {src}.",
    "the authorities imposed a dusk-to-dawn curfew in {town} {when}.",
    "{rebels} announced {when} that they had appointed a new leader.",
    "@conflict {army} pulled out of a base in {town} {when} and relocated to {town2}.",
    "{militia} handed over {n} weapons to the authorities at a disarmament ceremony in {town} {when}.",
    "{rebels} launched a recruitment drive in villages around {town} {when}, residents said.",
    "the government declared a state of emergency in {area} {when}.",
    "{rebels} split into two rival factions {when}, {src}.",
    "a new armed group calling itself the {newgroup} announced its formation in {area} {when}.",
    "authorities banned all public gatherings in {town} {when}.",
    "{allies} began withdrawing from {town} {when}, handing responsibility to local forces.",
    "{group} announced a merger with another armed faction {when}.",
    "{rebels} imposed a blockade on roads leading to {town} {when}.",
    "@conflict {army} launched a new military operation in {area} {when}, {src}.",
    "{n} {rebels} defected to the government side in {town} {when}.",
    "{rebels} began collecting taxes from traders in {town} {when}, residents said.",
    "@conflict the army set up new checkpoints on all roads into {town} {when}.",
    "police reinforcements were sent to {town} {when} after days of tension.",
    "{rebels} ordered all women in {town} to cover their faces in public {when}.",
    "@conflict the government banned motorcycle traffic in {area} {when} to curb attacks.",
    "@conflict {army} handed over security responsibility for {town} to the police {when}.",
    "{rebels} announced the suspension of their operations in {area} {when}.",
    "authorities closed the border crossing near {town} {when} amid rising insecurity.",
    "@conflict the military replaced its commander in {area} {when} following a string of setbacks.",
    "{militia} began training new recruits at a camp near {town} {when}, {src}.",
    "the government dissolved the local council of {town} {when} and appointed a military administrator.",
    "@conflict the army moved heavy equipment and hundreds of soldiers from {town} to {town2} {when}.",
)

DISRUPTED_WEAPONS = (
    "bomb disposal experts defused an IED planted along the road {loc} {when}.",
    "{army} seized a weapons cache including {items} {loc} {when}.",
    "{police} foiled a bomb plot targeting {target} in {town} {when}, {src}.",
    "@intercepts air defences intercepted {n} {intercept} over {town} {when}.",
    "a would-be suicide bomber was shot dead by guards before he could detonate his vest at {target} {loc} "
    "{when}.",
    "{army} discovered and destroyed a bomb-making workshop {loc} {when}.",
    "a landmine was found and safely detonated by engineers {loc} {when}.",
    "soldiers intercepted a truck carrying {items} {loc} {when}.",
    "@intercepts {army} shot down a drone near {town} {when}.",
    "security forces thwarted an attack on {target} {loc} {when}.",
    "{police} recovered {n} hand grenades and a rifle during a search {loc} {when}.",
    "a car bomb was defused outside {target} {loc} {when}, {src}.",
    "@foes the military said it had intercepted a ballistic missile fired towards {town} {when}.",
    "explosive ordnance teams removed a rocket that had failed to explode in a house {loc} {when}.",
    "troops dismantled an explosive device attached to a bridge {loc} {when}.",
    "{police} arrested a man carrying an explosive belt at a checkpoint {loc} {when}.",
    "{army} found an arms depot containing {items} {loc} {when}.",
    "a suspicious device found near {target} {loc} {when} was made safe by bomb disposal experts.",
    "{army} destroyed {n} explosive devices planted by {rebels} {loc} {when}.",
    "@intercepts the military said it had downed {n} {intercept} heading for {town} {when}.",
    "customs officials seized a shipment of {items} hidden in a lorry at the border near {town} {when}.",
    "{n} improvised explosive devices were found and neutralised along a highway {loc} {when}.",
    "guards opened fire on an explosives-laden vehicle {loc} {when}, stopping it before it reached {base}.",
    "{police} dismantled a cell planning attacks in {town} and seized {items} {when}.",
    "demining teams cleared {n} anti-personnel mines from farmland {loc} {when}.",
    "an attempt to smuggle {items} into {town} was foiled by soldiers at a checkpoint {when}.",
)

HEADQUARTERS = (
    "{army} established a new military base in {town} {when}.",
    "{rebels} set up a headquarters in {town} {when}, {src}.",
    "{army} opened a forward operating base near {town} {when}.",
    "{rebels} set up a camp on the outskirts of {town} {when}.",
    "{army} stationed troops at a new permanent post in {town} {when}.",
    "{rebels} established an administrative office in {town} {when} to run local affairs.",
    "{army} built a new outpost near {town} {when} to secure the highway.",
    "@allies a new peacekeeping base was opened in {town} {when}.",
    "{militia} set up a base in an abandoned school {loc} {when}.",
    "{army} inaugurated a military garrison in {town} {when}.",
    "{rebels} moved their command centre to {town} {when}, {src}.",
    "troops set up a base at the airstrip in {town} {when}.",
    "{rebels} established a training camp in the forest near {town} {when}.",
    "a joint task force headquarters was set up in {town} {when} to coordinate operations in {area}.",
    "{army} occupied a disused factory {loc} {when} and turned it into a barracks.",
    "{rebels} set up a base in the hills overlooking {town} {when}, residents said.",
    "the navy established a new base near {town} {when}.",
    "{allies} opened a military base near {town} {when}.",
    "{militia} established a headquarters in {town} {when} and began patrolling the area.",
    "{rebels} set up a base in the former district offices in {town} {when}, turning it into a stronghold.",
    "the army established a new brigade headquarters in {town} {when}.",
    "{rebels} opened an office in {town} {when}, flying their flag over the building.",
    "{army} set up a new operational base in {town} {when} ahead of an offensive.",
    "a mobile police unit base was established in {town} {when} following a spate of attacks.",
    "{rebels} established a base at a gold mine near {town} {when}, {src}.",
)

LOOTING = (
    "{armed} burned houses in a deserted village near {town} {when}.",
    "{armed} looted shops and a health centre in {town} {when}.",
    "{militia} rustled {n} head of cattle {loc} {when}.",
    "{armed} destroyed a telecommunications mast {loc} {when}.",
    "{armed} set fire to a school {loc} {when}, {src}.",
    "{armed} torched farms and granaries {loc} {when}.",
    "@army_abuses {army} demolished the family home of a suspected militant {loc} {when}.",
    "{armed} ransacked the offices of an aid agency in {town} {when}.",
    "{armed} destroyed a bridge linking {town} and {town2} {when}.",
    "{armed} seized food stocks from a warehouse {loc} {when}.",
    "{armed} destroyed a power pylon {loc} {when}, cutting electricity to the area.",
    "{militia} uprooted fruit trees belonging to villagers {loc} {when}.",
    "{armed} looted {goods} from villagers who had fled {loc} {when}.",
    "{armed} burned down the market in {town} {when} after residents fled.",
    "{armed} set ablaze vehicles belonging to a construction company {loc} {when}.",
    "{armed} plundered a hospital in {town} {when}, making off with medicines and equipment.",
    "{armed} vandalised a church and destroyed its contents {loc} {when}.",
    "{armed} burned {n} houses in an empty village near {town} {when}, {src}.",
    "{armed} stole {n} cows and burned a cattle camp {loc} {when}.",
    "{armed} destroyed crops and killed livestock belonging to farmers {loc} {when}.",
    "{armed} looted the local bank in {town} {when}.",
    "{armed} broke into aid warehouses in {town} {when} and carried off {goods}.",
    "{armed} torched a police post abandoned by officers {loc} {when}.",
    "@army_abuses {army} bulldozed shops and homes in {town} {when}, {src}.",
    "{armed} razed a deserted settlement outside {town} {when}.",
    "{armed} set fire to a fuel tanker and several trucks on the highway near {town} {when}.",
)

NON_VIOLENT_TRANSFER = (
    "{army} withdrew from {town} {when} and {rebels} moved in without a fight.",
    "{rebels} entered {town} unopposed {when} after government troops pulled out.",
    "{town} was handed over to {militia} {when} after the army left.",
    "{army} took over positions in {town} vacated by {allies} {when}.",
    "{rebels} took control of {town} without resistance {when}, {src}.",
    "{rebels} abandoned {town} {when} and {army} returned without fighting.",
    "@allies peacekeepers handed over their base in {town} to {army} {when}.",
    "@allies {army} took over the camp in {town} vacated by departing peacekeepers {when}.",
    "government soldiers left {town} {when}, and {rebels} took control shortly afterwards without clashes.",
    "{rebels} moved into the {feature} near {town} {when} after troops evacuated it.",
    "{militia} took over {town} {when} after {rebels} left the area, residents said.",
    "{army} re-entered {town} {when} after {rebels} pulled out overnight, with no shots fired.",
    "no fighting was reported as {rebels} took over the abandoned army base in {town} {when}.",
    "the police station in {town} came under the control of {rebels} {when} after officers fled ahead of their "
    "arrival.",
    "{rebels} peacefully occupied {town} {when} after the local garrison withdrew.",
    "{rebels} took control of {town} {when} after negotiations with local elders, without firing a shot.",
    "{army} assumed control of {town} {when} following the departure of {rebels}.",
    "{rebels} raised their flag over {town} {when} after government forces left the town the night before.",
    "{army} redeployed to {town} {when} after {rebels} vacated it, {src}.",
    "the handover of {town} from {allies} to {army} was completed {when}.",
    "{rebels} walked into {town} {when}, which had been left undefended after soldiers withdrew to {town2}.",
    "{rebels} relinquished control of {town} {when}, and government forces moved back in unopposed.",
    "{militia} took over checkpoints around {town} {when} after {army} withdrew from the area.",
    "{rebels} seized the deserted army camp outside {town} {when} without meeting any resistance.",
    "{army} regained {town} without a battle {when} after {rebels} withdrew.",
)

OTHER = (
    "a mass grave containing {n} bodies was discovered {loc} {when}, {src}.",
    "{gunmen} fired shots into the air in {town} {when} to intimidate voters, causing panic but no injuries.",
    "{rebels} distributed leaflets in {town} {when} warning residents not to cooperate with the authorities.",
    "{rebels} held a military parade in {town} {when}.",
    "unidentified drones were seen flying over {town} {when}, {src}.",
    "authorities shut down internet access in {area} {when}.",
    "{rebels} set up illegal checkpoints near {town} {when} to extort money from travellers.",
    "armed men paraded through the streets of {town} {when}, firing into the air.",
    "the bodies of {n} men were found {loc} {when}; the circumstances of their deaths are unclear.",
    "{rebels} forced residents of {town} to attend a public meeting {when} where they announced new rules.",
    "{army} conducted a show-of-force patrol through {town} {when}.",
    "{rebels} held a public trial in {town} {when}, {src}.",
    "{rebels} ordered the closure of schools in {town} {when}.",
    "the remains of {n} people were exhumed from a mass grave {loc} {when}.",
    "armed men forced voters to cast ballots for a particular candidate at a polling station {loc} {when}.",
    "{army} forced residents of {town} to attend a rally in support of the authorities {when}.",
    "{police} prevented an opposition delegation from entering {town} {when}.",
    "@air a military jet broke the sound barrier over {town} {when}, terrifying residents.",
    "{rebels} released a video {when} showing soldiers they said they had captured.",
    "the authorities expelled foreign journalists from {area} {when}.",
    "{rebels} banned music and smartphones in {town} {when}, {src}.",
    "{armed} set up roadblocks and checked the identity cards of travellers near {town} {when}.",
    "{rebels} levied a 'protection fee' on farmers in villages around {town} {when}.",
    "{rebels} hoisted their flag over a school in {town} {when} and then withdrew.",
    "{air} flew low over {town} {when} without firing, residents said.",
)

TEMPLATES: dict[str, tuple[str, ...]] = {
    "Armed clash": ARMED_CLASH,
    "Government regains territory": GOVERNMENT_REGAINS,
    "Non-state actor overtakes territory": NON_STATE_OVERTAKES,
    "Chemical weapon": CHEMICAL_WEAPON,
    "Air/drone strike": AIR_DRONE_STRIKE,
    "Suicide bomb": SUICIDE_BOMB,
    "Shelling/artillery/missile attack": SHELLING,
    "Remote explosive/landmine/IED": REMOTE_EXPLOSIVE,
    "Grenade": GRENADE,
    "Sexual violence": SEXUAL_VIOLENCE,
    "Attack": ATTACK,
    "Abduction/forced disappearance": ABDUCTION,
    "Peaceful protest": PEACEFUL_PROTEST,
    "Protest with intervention": PROTEST_WITH_INTERVENTION,
    "Excessive force against protesters": EXCESSIVE_FORCE,
    "Violent demonstration": VIOLENT_DEMONSTRATION,
    "Mob violence": MOB_VIOLENCE,
    "Agreement": AGREEMENT,
    "Arrests": ARRESTS,
    "Change to group/activity": CHANGE_TO_GROUP,
    "Disrupted weapons use": DISRUPTED_WEAPONS,
    "Headquarters or base established": HEADQUARTERS,
    "Looting/property destruction": LOOTING,
    "Non-violent transfer of territory": NON_VIOLENT_TRANSFER,
    "Other": OTHER,
}

# --------------------------------------------------------------------------------------------------------------
# Non-event templates, one tuple per kind
# --------------------------------------------------------------------------------------------------------------

NEGATED = (
    "@air the army denied reports that its aircraft had bombed {town} {when}.",
    "no clashes were reported in {town} {when}, {src}.",
    "police denied that anyone was arrested during the rally in {town} {when}.",
    "residents said no shots were fired as {army} moved through {town} {when}.",
    "{rebels} denied claims that they had captured {town}.",
    "officials dismissed as false a social media post about a bombing at {target} in {town}.",
    "@air no strikes hit the air base near {town} {when}, the defence ministry said.",
    "the market in {town} reopened {when} and no incidents were reported.",
    "a suspicious package found near {target} in {town} turned out to contain clothes, police said.",
    "the governor denied that troops had opened fire on protesters in {town}.",
    "there was no fighting in {town} {when}, despite reports of troop movements nearby.",
    "contrary to earlier reports, no one was killed in {town} {when}, a local official said.",
    "the military said it had not carried out any operations around {town} in the past week.",
    "the planned march in {town} did not take place {when} after organisers called it off.",
    "police said no explosive devices were found after a search of {target} in {town}.",
    "@conflict the ceasefire largely held overnight, with no violations reported along the front near {town}.",
    "there were no reports of violence as voters cast their ballots in {town} {when}.",
    "the ministry rejected claims that {n} civilians had been killed in {town}, calling the reports fabricated.",
    "{rebels} rejected reports that they had entered {town}.",
    "a spokesman said the loud bang heard in {town} {when} came from a quarry, not an attack.",
    "{town} remained calm {when}, and shops and schools were open, {src}.",
    "authorities denied that the journalist had been detained, saying he had travelled abroad voluntarily.",
    "the army said none of its soldiers had been captured, denying claims by {rebels}.",
    "the opposition insisted that none of its supporters had taken part in any violence in {town}.",
    "no protests were held in {town} {when}, despite calls by opposition leaders for nationwide demonstrations.",
    "witnesses said that, contrary to reports, {police} did not use teargas at the gathering in {town}.",
    "the strike called by unions failed to materialise in {town}, where businesses operated normally {when}.",
    "reports that {rebels} had abducted {n} villagers near {town} were untrue, the district commissioner said.",
    "@conflict no landmines have been found on the farmland around {town}, the demining agency said.",
    "the police chief said officers had not fired a single shot during the demonstration in {town}.",
    "@air officials denied that a drone strike had hit {town} {when}, saying the blast was accidental.",
    "@heavy no shelling was reported in {town} {when} for the first time in weeks, {src}.",
)

PLANNED = (
    "opposition leaders said a protest is planned for {day} in {town}.",
    "{protesters} plan to march to {office} next week {grievance}.",
    "unions have called a nationwide strike for {day}, with the main rally planned in {town}.",
    "@conflict the army is preparing an offensive to retake {town}, officials said.",
    "the government plans to deploy additional troops to {area} next month.",
    "@conflict the two sides are due to sign a ceasefire agreement in {venue} later this month.",
    "elections are scheduled for {month}, the electoral commission announced.",
    "organisers said they would hold a rally in {town} on {day} to demand {demand}.",
    "talks between the government and {rebels} are expected to resume in {venue} next week.",
    "activists are mobilising for a sit-in outside parliament in {capital} later this month.",
    "@conflict the authorities intend to build a new military base near {town}, a defence official said.",
    "police said officers would be deployed in large numbers ahead of a planned rally in {town} on {day}.",
    "{protesters} announced a three-day strike starting on {day} {grievance}.",
    "@conflict the army said it would begin clearing landmines around {town} next year.",
    "@conflict a prisoner exchange is expected to take place in the coming days, mediators said.",
    "@allies peacekeepers are set to withdraw from {town} by the end of the year.",
    "the opposition said it would boycott parliament and hold demonstrations in {capital} on {day}.",
    "the president will visit {town} on {day} to inaugurate a new hospital.",
    "aid agencies are preparing to distribute food to displaced families in {town} next week.",
    "a court is due to rule on {day} on the bail application of {politician}.",
    "a march to commemorate victims of violence is scheduled for {day} in {town}.",
    "the government announced plans to impose a curfew in {town} from next week.",
    "mediators hope to convene peace talks in {venue} before the end of the year.",
    "the army announced it will hold military exercises near {town} next month.",
    "students said they would march on {office} in {town} on {day} {grievance}.",
    "the interior ministry plans to open new police stations across {area} in the coming months.",
)

THREATENED = (
    "{rebels} threatened to storm {town} if government troops did not withdraw.",
    "{rebels} vowed to retaliate for the killing of their commander.",
    "{rebels} warned that they would attack convoys using the road between {town} and {town2}.",
    "{rebels} gave residents of {town} 48 hours to leave or face attack.",
    "{protesters} threatened to down tools unless their salaries are paid by {day}.",
    "the army warned {rebels} that it would respond with force to any further provocation.",
    "{rebels} threatened to resume fighting if the talks failed.",
    "in a video, a commander of {group} threatened new attacks on {town}.",
    "{official} warned that protesters who block roads in {town} would be arrested.",
    "the opposition threatened mass demonstrations if the election results were not reviewed.",
    "{rebels} warned aid agencies to leave {area} by the end of the month.",
    "@conflict a militia leader vowed to avenge the deaths of his fighters near {town}.",
    "the interior minister threatened to ban {party} if it went ahead with its rally.",
    "transport unions threatened to block major highways from {day} over fuel prices.",
    "{rebels} said in a statement they would target military convoys heading to {town}.",
    "@rebels the rebel commander threatened to march on {capital}.",
    "students threatened to occupy campus buildings in {town} if fees were raised.",
    "@rebels a senior official vowed to crush the rebellion in {area}.",
    "{rebels} threatened to shoot down any aircraft flying over {town}.",
    "{army} threatened to launch strikes on hideouts of {rebels} unless hostages were freed.",
    "residents of {town} said they had received messages warning them not to vote.",
    "the kidnappers threatened to kill their hostages unless a ransom was paid.",
    "{rebels} warned of a 'harsh response' after the arrest of their spokesman.",
    "herders threatened reprisals after the death of their cattle near {town}.",
    "@allies the government warned it would expel the UN mission if it continued its criticism.",
)

HYPOTHETICAL = (
    "analysts said {rebels} could launch an offensive on {town} in the coming weeks.",
    "@conflict officials fear that fighting may spread to {town} if the truce collapses.",
    "@conflict if the talks fail, clashes could resume in {area}, diplomats warned.",
    "@conflict a renewed assault on {town} would displace thousands, aid groups warned.",
    "@conflict security experts say militants might target {target} in {town} during the holiday season.",
    "the UN warned that famine could kill thousands in {area} if aid is not delivered.",
    "any attempt to arrest {politician} could spark unrest, his supporters warned.",
    "the airport in {town} could be closed if the security situation deteriorates, officials said.",
    "should the army advance on {town}, {rebels} are likely to withdraw into the hills, analysts said.",
    "@conflict it is unclear whether the ceasefire would survive a fresh round of fighting around {town}.",
    "@air a military source said air strikes on {town} were possible if the insurgents refused to leave.",
    "there are fears that the election could trigger violence in {town}.",
    "observers say a protest movement may emerge if fuel prices rise further.",
    "@conflict aid groups estimated how many civilians might die if the siege of {town} continued.",
    "@conflict officials said they were prepared to evacuate {town} in case of an attack.",
    "@conflict experts warned that landmines could pose a risk to returning refugees in {area} for decades.",
    "if {rebels} capture {town}, they would control the main road to the border.",
    "intelligence officials believe the group may be planning attacks in {capital}.",
    "@conflict residents said they would flee if fighting reached their neighbourhood in {town}.",
    "the minister said troops might be sent to {area} if the situation worsened.",
    "@conflict a wider war could draw in neighbouring countries, the envoy warned.",
    "a strike by teachers could shut schools across {area} next term.",
    "engineers warned that the dam above {town} could burst if the rains continue.",
    "@heavy military analysts said the army could bring up artillery to besiege {town}.",
    "the police would use force if protesters tried to enter {office}, a spokesman warned.",
    "@conflict a successful offensive on {town} could allow {army} to reopen the highway, analysts said.",
)

HISTORICAL = (
    "residents of {town} marked the anniversary of the {year} bombing of the main market.",
    "since the war began in {year}, {town} has changed hands several times.",
    "{town} was captured by {rebels} in {year} and retaken by the army two years later.",
    "the {year} massacre in {town} remains a source of anger among survivors.",
    "a memorial was unveiled in {town} for victims of the {year} attack on {target}.",
    "the trial of suspects in the {year} abduction of schoolchildren from {town} resumed in {capital}.",
    "in {year}, {rebels} overran {town}, forcing thousands to flee.",
    "the last major clashes in {town} took place in {year}.",
    "@rebels the armed group first emerged in {area} in {year}.",
    "the bridge at {town}, destroyed in the fighting of {year}, has since been rebuilt.",
    "the current unrest recalls the protests of {year} in {town}, when dozens were killed.",
    "a new documentary revisits the {year} siege of {town}.",
    "{town} has not seen a suicide bombing since {year}.",
    "survivors of the {year} air strike on {town} are still waiting for compensation.",
    "the peace deal signed in {year} ended two decades of war in {area}.",
    "a former commander was convicted over the killing of civilians in {town} in {year}.",
    "when the insurgency began in {year}, {town} was among the first places to be attacked.",
    "the ruins of the church, burned in {year}, still stand in the centre of {town}.",
    "many residents fled {town} in {year} and only began returning last year.",
    "a commission is investigating the deaths of protesters in {town} during the {year} unrest.",
    "the ceasefire agreed in {year} collapsed within months.",
    "the mass kidnapping of {year} led to the closure of schools across {area}.",
    "years after the {year} grenade attack on a bar in {town}, no one has been convicted.",
    "the army first set up a base in {town} in {year}, at the height of the insurgency.",
    "the {year} landmine blast that killed a family near {town} is still remembered by villagers.",
    "@air the drone strike that killed a senior commander near {town} in {year} is still debated by residents.",
    "@heavy the artillery duels of {year} left much of {town} in ruins.",
    "the town hall in {town}, torched by rioters in {year}, reopened after renovation.",
)

CUMULATIVE_TOLL = (
    "the conflict has killed more than {big} people since {year}, according to {org}.",
    "at least {big} civilians have been killed in {country} since January, {org} said.",
    "violence in {area} has claimed more than {big} lives this year, {src}.",
    "the war has displaced about {mil} million people.",
    "since {year}, attacks by {rebels} have killed {big} people and forced {mil} million from their homes.",
    "{org} said {big} people were killed in political violence in {country} last year.",
    "the death toll from months of fighting in and around {town} has passed {big}.",
    "more than {big3} protesters have been killed since the unrest began in {month}, rights groups say.",
    "a new report estimates that {big} people have died in the conflict, many of them children.",
    "nearly {big} soldiers have been killed since the start of the insurgency, according to official figures.",
    "the number of kidnappings in {area} doubled last year to {big3}, according to a security firm.",
    "@air a monitoring group recorded {big} air strikes in {country} in the first half of the year.",
    "fighting has killed tens of thousands of people in {country} since {year}.",
    "in total, {big} people have been abducted in {area} since {year}, officials say.",
    "landmines have killed or injured {big} people in {country} since the conflict started.",
    "{org} said the violence had forced {big} people to flee {town} in the past month.",
    "the toll from years of communal clashes in {area} exceeds {big}, local leaders say.",
    "the insurgency in {area} has cost more than {big} lives and left {mil} million in need of aid.",
    "@criminal at least {big} people have been killed in gang violence in {country} so far this year, {org} said.",
    "{org} has documented {big} cases of sexual violence since the war began in {year}.",
    "some {big} people have died in the war, but the real figure is believed to be far higher.",
    "more than {big} schools in {area} have closed because of insecurity since {year}.",
    "over the past decade, fighting in {area} has killed an estimated {big} people.",
    "@bombers suicide bombings have killed more than {big2} people in {country} since {year}, according to {org}.",
    "{org} said that {big} people had been arrested in connection with the protests since {month}.",
)

DISASTER = (
    "floods swept through {town} {when}, killing {dvictims}.",
    "a landslide buried houses in a village near {town} {when}, killing {dvictims}.",
    "an earthquake of magnitude {mag} struck near {town} {when}, killing {dvictims}, {src}.",
    "heavy rains caused a building to collapse in {town} {when}, killing {dvictims}.",
    "a cyclone made landfall near {town} {when}, destroying homes and killing {dvictims}.",
    "a boat carrying about {big3} passengers capsized on a river near {town} {when}; {n} bodies were recovered.",
    "a fire broke out at the main market in {town} {when}, destroying hundreds of stalls. Officials blamed an "
    "electrical fault.",
    "a cholera outbreak has killed {n} people in {area} since last month, health officials said.",
    "a gold mine collapsed near {town} {when}, trapping {n} miners.",
    "lightning killed {n} herders sheltering under a tree near {town} {when}.",
    "a fuel tanker overturned and exploded on the highway near {town} {when}, killing {dvictims}.",
    "a gas cylinder explosion at a restaurant in {town} {when} injured {n} people, firefighters said.",
    "drought has left {big} people in need of food aid in {area}.",
    "flash floods washed away a bridge linking {town} and {town2} {when}.",
    "a heatwave has killed {n} people in {area} this week, health officials said.",
    "rescuers recovered the bodies of {n} people {when} after floods hit {town}.",
    "a wildfire forced the evacuation of villages near {town} {when}.",
    "torrential rain triggered mudslides that killed {dvictims} {loc} {when}.",
    "a storm tore roofs off homes in {town} {when}, injuring {n} people.",
    "an outbreak of measles has killed {n} children in camps near {town}, aid groups said.",
    "a dam burst near {town} {when} after days of heavy rain, flooding several villages.",
    "an explosion at a chemical plant in {town} {when} was caused by a gas leak, investigators said.",
    "a dust storm grounded flights at the airport in {town} {when}.",
    "locust swarms destroyed crops across {area}, officials said.",
    "a tremor shook {town} {when}, damaging several buildings but causing no casualties.",
)

CRIME = (
    "thieves robbed a shop in {town} {when}, making off with cash and mobile phones, police said.",
    "a man was arrested in {town} on suspicion of killing his wife during a domestic dispute.",
    "{n} people died when a bus collided with a truck on the highway near {town} {when}.",
    "police arrested {n} suspects over a series of burglaries in {town}.",
    "a trader was stabbed during a robbery at a market in {town} {when}, police said.",
    "customs officers seized {big3} kilograms of cocaine hidden in a truck near {town} {when}.",
    "a court in {town} sentenced a man to {ns} years in prison for fraud.",
    "a motorcyclist was killed in a hit-and-run accident in {town} {when}.",
    "police in {town} recovered a stolen car and arrested the driver {when}.",
    "a teenager was charged with murder after a fight outside a nightclub in {town}.",
    "fraudsters posing as bank officials swindled pensioners in {town} out of their savings, police said.",
    "a pharmacist was arrested for selling counterfeit drugs in {town}.",
    "a man killed his neighbour in a dispute over a goat in a village near {town} {when}, police said.",
    "police arrested a gang suspected of stealing electricity cables in {town}.",
    "a minibus plunged into a ravine near {town} {when}, killing {dvictims}.",
    "police seized counterfeit banknotes worth {cash} in a raid in {town}.",
    "a bank employee in {town} was charged with embezzling {cash}.",
    "burglars broke into a school in {town} {when} and stole computers.",
    "two people died when a car ploughed into pedestrians in {town} {when}.",
    "police arrested a suspect over the murder of a businessman in {town} in a dispute over debts.",
    "a shop owner was shot dead during a robbery in {town} {when}, police said.",
    "a woman was arrested in {town} for stealing jewellery from her employer.",
    "a train hit a minibus at a level crossing near {town} {when}, killing {dvictims}.",
    "police in {town} broke up a pickpocketing ring operating at the central bus station.",
    "a man was sentenced to life in prison in {town} for the murder of his business partner.",
    "smugglers were arrested near {town} with {big3} litres of fuel hidden in their truck.",
)

DIPLOMACY = (
    "foreign ministers from the region met in {venue} {when} to discuss border security.",
    "talks between the government and {rebels} were held in {venue} {when} but ended without a deal.",
    "the UN envoy visited {town} {when} and met local leaders.",
    "the government signed a trade agreement with neighbouring countries worth {money}.",
    "the president received a delegation of foreign ambassadors in {capital} {when}.",
    "African Union leaders held a summit in {venue} on the crisis.",
    "@conflict delegations discussed a possible ceasefire in {venue}, but no agreement was reached.",
    "the two countries agreed to restore diplomatic relations and reopen their embassies.",
    "donors pledged {money} in humanitarian aid for {country} at a conference in {venue}.",
    "the foreign minister travelled to {venue} for talks on the refugee crisis.",
    "@conflict mediators shuttled between the two sides in {venue} {when} without any breakthrough.",
    "the government recalled its ambassador from a neighbouring country over a trade dispute.",
    "a regional bloc suspended {country} from its institutions pending a return to constitutional order.",
    "the Security Council extended the mandate of the peacekeeping mission for another year.",
    "@rebels envoys held closed-door talks in {venue} {when} on the crisis in {area}.",
    "the prime minister hosted a delegation of elders from {area} in {capital} {when}.",
    "the government and the IMF reached a staff-level agreement on a {money} loan.",
    "the defence minister met his counterpart in {venue} to discuss military cooperation.",
    "the UN human rights chief began a three-day visit to {country} {when}.",
    "negotiators in {venue} agreed on the agenda for the next round of talks.",
    "the government joined a regional initiative to combat climate change at a summit in {venue}.",
    "the government and donors signed a deal to fund road construction in {area}.",
    "the two presidents spoke by phone {when} and agreed to meet in {venue}.",
    "the foreign ministry summoned the ambassador of a neighbouring country over a border dispute.",
    "diplomats in {venue} said a deal on grain exports was close but not yet finalised.",
)

STATEMENT = (
    "@conflict the UN secretary-general condemned the attack on {town} and called for calm.",
    "@heavy the foreign ministry condemned the shelling of {town} and urged an immediate ceasefire.",
    "the government urged residents of {town} to remain calm.",
    "rights groups called for an independent investigation into the killings in {town}.",
    "the European Union expressed concern over the situation in {area}.",
    "the embassy advised its citizens to avoid travel to {area}.",
    "church leaders appealed for restraint after the violence in {town}.",
    "{rebels} said in a statement that they remained committed to dialogue.",
    "@conflict the army spokesman said operations in {area} were progressing well.",
    "the opposition denounced the arrest of its leader as politically motivated.",
    "the governor said security had been stepped up in {town}.",
    "aid agencies warned that access to {town} remained restricted.",
    "the minister told parliament that the security situation in {area} was improving.",
    "@conflict religious leaders urged both sides to respect the truce.",
    "@conflict in a televised address, the president paid tribute to soldiers killed in the conflict.",
    "a police spokesman said investigations into the incident in {town} were ongoing.",
    "@conflict the ICRC called on all parties to protect civilians in {town}.",
    "the president called for national unity in a speech in {capital} {when}.",
    "the United States condemned the violence in {area} and urged all sides to return to talks.",
    "{org} said it was alarmed by reports of abuses in {area}.",
    "@conflict the defence ministry said its forces were acting in accordance with international law.",
    "@rebels a spokesman for the rebels dismissed the government's offer of talks as a publicity stunt.",
    "the governor appealed to herders and farmers in {area} to live in peace.",
    "the ruling party accused the opposition of trying to destabilise the country.",
    "the UN said it was ready to support a political process in {country}.",
    "@conflict community leaders in {town} called on young people not to join armed groups.",
)

OTHER_NEWS = (
    "the central bank raised its benchmark interest rate to {pct} percent {when}.",
    "the electoral commission declared the incumbent the winner of the presidential election with {pct} percent "
    "of the vote.",
    "the {adj} national football team beat its rivals 2-1 in a World Cup qualifier in {capital}.",
    "inflation in {country} slowed to {pct} percent in {month}.",
    "the government inaugurated a new road linking {town} and {town2} {when}.",
    "a vaccination campaign against measles began in {area} {when}.",
    "schools in {town} reopened {when} after the holidays.",
    "the price of bread in {town} rose by {pct} percent this month.",
    "parliament passed the new budget {when} after a lengthy debate.",
    "a music festival drew thousands of visitors to {town} at the weekend.",
    "the mining company reported record gold output from its mine near {town}.",
    "voters in {town} queued to cast their ballots in local elections {when}.",
    "official results showed the ruling party winning most seats in {area}.",
    "the national airline launched a new route to {town} {when}.",
    "farmers in {area} expect a bumper harvest this year after good rains.",
    "a new hospital opened in {town} {when}, with 200 beds.",
    "the currency fell to a record low against the dollar {when}.",
    "thousands of runners took part in the annual marathon in {capital}.",
    "a telecoms operator extended mobile coverage to villages around {town}.",
    "the president appointed a new finance minister in a cabinet reshuffle.",
    "the constitutional court upheld the result of the election in {area}.",
    "tourist arrivals in {country} rose by {pct} percent last year.",
    "the {adj} women's basketball team qualified for the continental championship.",
    "a solar power plant near {town} was connected to the national grid {when}.",
    "the government raised the minimum wage by {pct} percent.",
    "a new university campus opened in {town} with places for 3,000 students.",
)

NON_EVENT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "negated": NEGATED,
    "planned": PLANNED,
    "threatened": THREATENED,
    "hypothetical": HYPOTHETICAL,
    "historical": HISTORICAL,
    "cumulative_toll": CUMULATIVE_TOLL,
    "disaster": DISASTER,
    "crime": CRIME,
    "diplomacy": DIPLOMACY,
    "statement": STATEMENT,
    "other_news": OTHER_NEWS,
}

# Optional second sentences (wire style only), by theme; the general ones go with every label and kind.
FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "general": (
        "Further details were not immediately available.",
        "Officials did not respond to requests for comment.",
        "It was not possible to verify the report independently.",
        "The information could not be confirmed.",
    ),
    "combat": (
        "The army did not give a toll.",
        "Fighting was continuing late into the night, residents said.",
        "Both sides have been fighting for control of the area for months.",
        "Thousands of residents have fled to {town2}.",
    ),
    "violence": (
        "The wounded were taken to hospital in {town2}.",
        "The area has seen repeated violence in recent months.",
        "Local officials said the toll could rise.",
        "Security was tightened in the area afterwards.",
    ),
    "blast": (
        "No group immediately claimed responsibility.",
        "The wounded were taken to hospital in {town2}.",
        "Security forces cordoned off the area.",
        "Local officials said the toll could rise.",
    ),
    "protest": (
        "Organisers said they would continue until their demands were met.",
        "Traffic in the town centre was disrupted for several hours.",
        "Shops in the area remained closed for the rest of the day.",
        "The authorities did not comment.",
    ),
    "strategic": (
        "The move comes amid growing insecurity in {area}.",
        "The development could not be independently confirmed.",
        "Residents said the situation was tense.",
    ),
    "casualty": (
        "The injured were taken to hospital in {town2}.",
        "Rescue workers were still searching the area.",
        "Local officials said the toll could rise.",
    ),
}
FOLLOW_THEME = {
    "Armed clash": "combat", "Government regains territory": "combat",
    "Non-state actor overtakes territory": "combat",
    "Peaceful protest": "protest", "Protest with intervention": "protest",
    "Excessive force against protesters": "protest", "Violent demonstration": "protest",
    "Agreement": "strategic", "Arrests": "strategic", "Change to group/activity": "strategic",
    "Disrupted weapons use": "strategic", "Headquarters or base established": "strategic",
    "Looting/property destruction": "strategic", "Non-violent transfer of territory": "strategic",
    "Other": "strategic", "Suicide bomb": "blast", "Abduction/forced disappearance": "general",
    "Sexual violence": "general", "Remote explosive/landmine/IED": "blast", "Grenade": "blast",
    "disaster": "casualty", "crime": "casualty", "threatened": "strategic",
}  # anything else: "violence" for events, "general" for non-events

# --------------------------------------------------------------------------------------------------------------
# Headline and coder-note templates
#
# Two more styles, mixed with the wire and ACLED-note sentences above (see FAMILY_WEIGHTS):
#
# * headlines: present tense, articles dropped, no date, 4-12 words ("Bandits torch 30 homes in Alale");
# * coder notes: short past-tense notes with few frills, sometimes prefixed with a date or with the kind of event
#   ("Property destruction: ..."), sometimes followed by a short remark ("Motive unknown.").
#
# Extra slots: {hloc} (a short "in X" / "near X"), {nloc} (a note's "in X village"), {opp} (rebels, militias or
# gangs), {gang} (a scene's criminal gangs; a template with it may be placed where there is no armed conflict),
# {hgroup} (an armed group's name, taking a singular verb), {hn} {hn2} (counts), {hvictim} {hvictim1} {nvictim}
# (victims; the last two singular), {raider} (local attackers), {suspect} {nsuspect} (a mob's victim), {captn},
# {moto} {moto1} {amoto} (motorcycle-taxi riders in local usage: plural, singular, with "a"), {rep1} {arep} (a local
# official in local usage, without and with "a"), {hprot} (who protests),
# {hgriev} {hgriev2} (a short grievance, with and without "over"), {hitems} (weapons), {stock} (livestock),
# {rustler} (armed raiders who fight the police), {rivals} (whose supporters clash).
# In a headline every slot's leading article is dropped ("a local chief" -> "local chief").
# --------------------------------------------------------------------------------------------------------------

H_ARMED_CLASH = (
    "{army} battle {opp} {hloc}",
    "{police} battle {gang} {hloc}",
    "{police} exchange fire with {gang} {hloc}, {hn} suspects killed",
    "{hn} {gang} shot dead in gun battle with police {hloc}",
    "{army} repulse {opp} attack on base {hloc}",
    "{opp} ambush police patrol {hloc}, {hn} officers killed",
    "{hn} killed as {army} clash with {opp} {hloc}",
    "{opp} and {army} exchange fire {hloc}",
    "{militia} and {militia2} clash {hloc}, {hn} dead",
    "{militia} fight {militia2} over grazing land {hloc}",
    "{police} repel {opp} raid {hloc}",
    "Heavy fighting {hloc} between {army} and {opp}",
    "{army} kill {hn} {opp} in fierce gun battle {hloc}",
    "Gunfight erupts {hloc} as {opp} storm police post",
    "Vigilantes and {opp} clash {hloc}, several dead",
    "{opp} attack army camp {hloc}, troops fight back",
    "Police reservists fight off {militia} {hloc}",
    "Police kill {hn} {rustler} in shootout {hloc}",
    "Officers, {rustler} trade fire {hloc}",
    "Soldiers, {opp} in hours-long firefight {hloc}",
    "{army} ambush {opp} convoy {hloc}",
    "Clan militias clash over pasture {hloc}",
    "Shootout between police and {gang} {hloc}",
    "{hgroup} fighters and troops clash {hloc}",
)

N_ARMED_CLASH = (
    "{police} battled armed {opp} {nloc}; {hn2} of the attackers were killed.",
    "{army} clashed with {opp} {nloc}. Fatalities unknown.",
    "{opp} ambushed a police patrol {nloc}, sparking an exchange of fire; {hn2} officers were injured.",
    "{militia} clashed with {militia2} over grazing land {nloc}; several killed on both sides.",
    "{police} engaged {gang} in a shootout {nloc}; {hn2} suspects were shot dead.",
    "{gang} exchanged fire with {police} {nloc}. No police casualties reported.",
    "{army} repulsed an attack by {opp} on their camp {nloc}; {hn2} attackers killed.",
    "Armed clash between {army} and {opp} {nloc}. Casualties not reported.",
    "{opp} attacked a police post {nloc}; officers returned fire and the attackers fled.",
    "Vigilantes fought {opp} who had raided {nloc}; {hn2} dead.",
    "{army} ambushed {opp} {nloc}, killing {hn2} of them.",
    "Police reservists exchanged fire with {militia} pursuing stolen livestock {nloc}.",
    "Fighting between {army} and {opp} {nloc}; toll unclear.",
    "Members of {hgroup} engaged {army} in a gunfight {nloc}.",
    "{police} engaged {rustler} {nloc}; {hn2} {rustler} shot dead.",
    "{police} pursued {rustler} who had stolen livestock {nloc}; a shootout followed and {hn2} were killed.",
    "{rustler} attacked a police camp {nloc}; officers repulsed them after a gun battle.",
)

H_GOVERNMENT_REGAINS = (
    "{army} retake {town} from {rebels}",
    "{army} recapture {town} after days of fighting",
    "{army} drive {rebels} out of {town}",
    "{army} regain control of {town}",
    "Army recaptures {town} from {hgroup}",
    "{town} back in government hands as {rebels} flee",
    "{army} reclaim {town} after fierce battle",
    "{army} seize back {town}, {rebels} retreat",
    "{army} clear {rebels} from villages around {town}",
    "Troops liberate {town} from {hgroup}",
    "{army} push {rebels} out of key town of {town}",
)

N_GOVERNMENT_REGAINS = (
    "{army} recaptured {town} from {rebels} after heavy fighting.",
    "{army} regained control of {town}, previously held by {rebels}.",
    "{army} dislodged {rebels} from {town}; casualties unknown.",
    "{rebels} withdrew from {town} after an offensive by {army}; the army retook the town.",
    "Territory regained: {army} retook {town} from {hgroup}.",
    "{army} drove {rebels} out of {town} and surrounding villages.",
    "{army} re-established control over {town} following clashes with {rebels}.",
    "{town} retaken by {army} from {rebels}. Fatalities not known.",
    "{army} liberated {town} from {hgroup} after a {days} operation.",
)

H_NON_STATE_OVERTAKES = (
    "{rebels} seize {town}",
    "{hgroup} captures {town} after routing troops",
    "{rebels} overrun army base, take control of {town}",
    "{town} falls to {rebels}",
    "{hgroup} seizes border post near {town}",
    "{rebels} take {town} after heavy fighting",
    "Militants seize {town}, raise flag over town hall",
    "{rebels} capture strategic town of {town}",
    "{rebels} overrun {town} as soldiers flee",
    "{hgroup} takes over {town} after clashes with army",
)

N_NON_STATE_OVERTAKES = (
    "{rebels} captured {town} after clashes with {army}.",
    "{rebels} overran the army camp in {town} and took control of the town.",
    "Territory lost: {rebels} took over {town} following fighting with {army}.",
    "{hgroup} seized {town}; soldiers retreated to {town2}.",
    "{rebels} attacked and captured {town}. Casualties unknown.",
    "{rebels} took control of the {feature} near {town} after driving out {army}.",
    "{rebels} seized {town} after a {days} siege; government troops withdrew.",
    "{army} lost {town} to {rebels} after heavy fighting.",
)

H_CHEMICAL_WEAPON = (
    "{chem} accused of gas attack on {town}",
    "Chemical attack hits {town}, dozens struggle to breathe",
    "{chem} drop toxic gas on trenches near {town}",
    "Chlorine gas attack reported {hloc}",
    "Dozens treated after suspected gas attack {hloc}",
    "Poison gas shells hit {town}, {hn} dead",
    "{chem} use chemical munitions near {town}",
)

N_CHEMICAL_WEAPON = (
    "{chem} dropped munitions containing toxic chemicals {nloc}; {hn2} people treated for poisoning.",
    "Chemical weapon: {chem} used chlorine gas against positions {nloc}.",
    "{chem} fired gas-filled shells at {town}; residents reported breathing problems.",
    "Suspected chemical attack {nloc}. {hn2} people hospitalised with suffocation symptoms.",
    "{chem} used a toxic gas on trenches {nloc}. No deaths reported.",
    "A drone released chemical agents over {town}, injuring {hn2} soldiers.",
)

H_AIR_DRONE_STRIKE = (
    "Air strike kills {hn} {rebels} {hloc}",
    "Drone strike targets {hgroup} commander {hloc}",
    "Air raid on {town} kills {hn}",
    "Military jets bomb {rebels} camp {hloc}",
    "Airstrikes hit {rebels} hideouts {hloc}",
    "Drone strike on {town} market kills {hn}",
    "Warplanes pound {town}, civilians flee",
    "{air} bomb positions {hloc}",
    "Air force strikes {hgroup} base {hloc}",
    "Drone attack hits vehicle {hloc}, {hn} dead",
    "Bombing raid kills {hn} civilians in {town}",
)

N_AIR_DRONE_STRIKE = (
    "{air} conducted an air strike on {rebels} positions {nloc}; fatalities unknown.",
    "An air strike by {air} hit a house {nloc}, killing {hn2} people.",
    "Drone strike {nloc} targeted a vehicle carrying {rebels}; {hn2} killed.",
    "Air/drone strike: {air} bombed a market {nloc}. Casualties not reported.",
    "{air} struck a {hgroup} training camp {nloc}.",
    "Airstrikes by {air} hit {town}; {hn2} civilians killed.",
    "A drone strike hit a checkpoint manned by {rebels} {nloc}. Toll unclear.",
)

H_SUICIDE_BOMB = (
    "Suicide bomber kills {hn} at {town} market",
    "Suicide blast rocks army checkpoint {hloc}",
    "{bombers} claims suicide attack on {town} base",
    "Female suicide bomber strikes mosque {hloc}",
    "Suicide car bomb hits army base {hloc}",
    "Twin suicide blasts kill {hn} in {town}",
    "Suicide attacker blows himself up at {town} checkpoint",
    "Suicide bombing at {town} restaurant kills {hn}",
)

N_SUICIDE_BOMB = (
    "A suicide bomber detonated explosives at a market {nloc}, killing {hn2} people.",
    "Suicide bomb: a car bomb driven by a suicide attacker hit an army base {nloc}; casualties unknown.",
    "A female suicide bomber blew herself up at a checkpoint {nloc}. {bombers} suspected.",
    "Suicide attack at a mosque {nloc}; {hn2} worshippers killed.",
    "Two suicide bombers attacked a camp for displaced people {nloc}. Toll not confirmed.",
    "A suicide bomber targeted a police convoy {nloc}; only the attacker died.",
)

H_SHELLING = (
    "Shelling kills {hn} in {town}",
    "{heavy} shell {town}",
    "Mortar rounds hit {town} market",
    "Rockets slam into {town}, {hn} hurt",
    "Artillery fire pounds outskirts of {town}",
    "Missile strike hits apartment block in {town}",
    "Shells land on {town} school, {hn} children killed",
    "Heavy shelling {hloc} forces residents to flee",
    "Mortar attack on army base {hloc}",
)

N_SHELLING = (
    "{heavy} shelled {town}; {hn2} civilians injured.",
    "Mortar shells fired by {heavy} landed {nloc}. No casualties reported.",
    "Shelling/artillery: {heavy} fired rockets at {town}, damaging houses.",
    "Artillery shelling by {heavy} hit {nloc}; {hn2} killed.",
    "{heavy} fired mortars at positions {nloc}. Fatalities unknown.",
    "A missile hit a residential building in {town}; {hn2} people killed.",
    "{heavy} launched rockets towards {town}; one hit a market.",
)

H_REMOTE_EXPLOSIVE = (
    "Roadside bomb kills {hn} soldiers {hloc}",
    "IED blast hits police vehicle {hloc}",
    "Landmine kills {hn} herders {hloc}",
    "Army truck hits explosive device {hloc}",
    "Bomb explosion at {town} bus park kills {hn}",
    "Explosion rips through market in {town}",
    "Landmine blast kills children {hloc}",
    "{hn} officers killed as vehicle runs over IED {hloc}",
    "Car bomb explodes outside hotel in {town}",
    "Roadside blast targets convoy on {town}-{town2} road",
    "Remote-controlled bomb hits patrol {hloc}",
)

N_REMOTE_EXPLOSIVE = (
    "A police vehicle hit an IED {nloc}; {hn2} officers killed.",
    "An IED planted by {rebels} exploded {nloc} as a patrol passed. Casualties unknown.",
    "A landmine exploded under a tractor {nloc}, killing the driver.",
    "Remote explosive: a roadside bomb targeted a military convoy on the {town}-{town2} road.",
    "An explosive device went off at a bus stop {nloc}; {hn2} people injured.",
    "A car bomb exploded outside a hotel in {town}. No group claimed it.",
    "{hn2} herders killed by a landmine {nloc}.",
    "An IED detonated near a police post {nloc}. No injuries.",
)

H_GRENADE = (
    "Grenade attack on bar in {town} injures {hn}",
    "Attackers lob grenade into church {hloc}",
    "Grenade blast hits police post {hloc}",
    "Man hurls grenade at crowd in {town} market",
    "{hn} hurt in grenade attack {hloc}",
    "Grenade thrown at {rep1}'s home {hloc}",
    "Grenade explosion at {town} bus stage kills {hn}",
    "Unknown attackers throw grenade at security post {hloc}",
)

N_GRENADE = (
    "Unknown persons threw a grenade at a bar {nloc}, injuring {hn2} people.",
    "A hand grenade was hurled into a police station {nloc}; no injuries.",
    "Grenade: attackers lobbed a grenade into a church {nloc}. {hn2} worshippers wounded.",
    "A grenade thrown by suspected {rebels} exploded at a market {nloc}.",
    "Grenade attack on a police patrol {nloc}; {hn2} officers hurt.",
    "A man threw a grenade at the home of {arep} {nloc}. Motive unknown.",
)

H_SEXUAL_VIOLENCE = (
    "Soldiers accused of raping {hn} women {hloc}",
    "{armed} rape women fetching firewood {hloc}",
    "Gunmen gang-rape girl {hloc}",
    "Women raped during raid on {town}, survivors say",
    "Schoolgirl raped by {armed} {hloc}",
    "{armed} sexually assault displaced women {hloc}",
    "Rape of women by {armed} reported {hloc}",
)

N_SEXUAL_VIOLENCE = (
    "{armed} raped {women} {nloc}.",
    "A woman was sexually assaulted by {armed} {nloc} while fetching water.",
    "Sexual violence: {armed} raped {hn2} women during a raid {nloc}.",
    "A girl was raped by {armed} at a checkpoint {nloc}.",
    "{armed} abducted and raped a woman {nloc}; she was released the next day.",
    "Women fetching firewood {nloc} were raped by {armed}.",
)

H_ATTACK = (
    "Gunmen kill {hvictim} {hloc}",
    "{raider} kill {hvictim} {hloc}",
    "{raider} shoot dead {hvictim} {hloc}",
    "{hvictim1} hacked to death {hloc}",
    "{raider} attack village {hloc}, kill {hn}",
    "Gunmen storm village near {town}, kill {hn}",
    "{hn} herders killed in attack {hloc}",
    "{raider} ambush travellers on {town}-{town2} road, kill {hn}",
    "{militia} raid village {hloc}, {hn} dead",
    "Gunmen open fire on bus {hloc}",
    "{hgroup} kills {hn} quarry workers {hloc}",
    "{hgroup} militants behead {hn} villagers {hloc}",
    "{hvictim1} shot dead by gunmen {hloc}",
    "Unknown gunmen kill {rep1} {hloc}",
    "Attackers stab {hvictim1} to death {hloc}",
    "{raider} attack farmers {hloc}, {hn} dead",
    "{hn} {moto} killed in night attack {hloc}",
    "Officer shoots dead unarmed {moto1} {hloc}",
    "{raider} kill {hn} in revenge attack {hloc}",
    "Gunmen on motorbikes kill {hn} worshippers {hloc}",
    "Herders attack farmers {hloc}, {hn} killed",
)

N_ATTACK = (
    "Unknown gunmen shot dead {nvictim} {nloc}. Motive unknown.",
    "{raider} raided a homestead {nloc} and killed {hn2} people.",
    "{armed} ambushed a passenger vehicle on the {town}-{town2} road, killing {hn2} passengers.",
    "Suspected {militia} hacked {nvictim} to death {nloc}.",
    "{nvictim} was shot and injured by unknown gunmen {nloc}.",
    "{raider} attacked herders grazing {nloc}, killing {hn2} of them and driving off livestock.",
    "Unidentified assailants stabbed {nvictim} to death {nloc}; no suspect identified.",
    "{armed} shot dead {arep} {nloc}.",
    "Attack: {armed} opened fire on villagers {nloc}; {hn2} killed.",
    "A police officer shot and killed an unarmed {moto1} {nloc}.",
    "{armed} killed {hn2} farmers in their fields {nloc}.",
    "{raider} attacked a village {nloc} at night, killing {hn2} people and injuring others.",
    "Members of {hgroup} killed {hn2} civilians {nloc}.",
    "{hn2} civilians killed by {armed} {nloc}; bodies found the next morning.",
    "Gunmen on motorcycles shot {nvictim} {nloc}; the victim died in hospital.",
)

H_ABDUCTION = (
    "{raider} abduct {hn} {captn} {hloc}",
    "{hgroup} abducts {hn} quarry workers {hloc}",
    "Gunmen kidnap {hvictim1} {hloc}",
    "{hn} travellers kidnapped on {town}-{town2} highway",
    "Bandits seize {hn} students from school {hloc}",
    "Activist missing after arrest by plain-clothes officers {hloc}",
    "Priest kidnapped {hloc}",
    "{raider} kidnap {rep1}, demand ransom",
    "{hn} farmers abducted by {armed} {hloc}",
    "Kidnappers seize {hn} passengers {hloc}",
)

N_ABDUCTION = (
    "{armed} abducted {nvictim} {nloc}; ransom demanded.",
    "{hn2} passengers were kidnapped by {raider} on the {town}-{town2} road.",
    "Suspected {rebels} abducted {hn2} teachers {nloc}.",
    "An activist was picked up by men in plain clothes {nloc}; whereabouts unknown.",
    "Abduction: {armed} kidnapped {hn2} {captn} {nloc}.",
    "{raider} stormed a school {nloc} and abducted {hn2} students.",
    "Gunmen kidnapped {arep} from his home {nloc}. Motive unknown.",
    "{hn2} farmers abducted by {armed} while working {nloc}.",
)

H_PEACEFUL_PROTEST = (
    "{hprot} protest {hgriev} {hloc}",
    "{hprot} march in {town} {hgriev}",
    "{hprot} demonstrate in {town} {hgriev}",
    "{hprot} stage sit-in at {office} {hgriev}",
    "{hprot} picket {office} in {town}",
    "Teachers down tools, march in {town} {hgriev}",
    "Students boycott classes {hgriev}",
    "{moto} protest {hgriev} in {town}",
    "Residents hold peaceful demo {hgriev} in {town}",
    "Hundreds march in {town} {hgriev}",
    "Women march in {town} to demand {demand}",
    "Traders close shops in protest {hgriev} in {town}",
    "{hprot} stage peaceful protest in {town}",
)

N_PEACEFUL_PROTEST = (
    "{hprot} demonstrated {nloc} {hgriev}.",
    "Peaceful protest: {hprot} marched to {office} in {town} {hgriev}.",
    "{hprot} held a peaceful demonstration {nloc} {hgriev}. No incidents reported.",
    "{moto} staged a protest in {town} {hgriev}.",
    "{hprot} picketed outside {office} in {town} {hgriev}.",
    "Teachers in {town} went on strike and held a procession {hgriev}.",
    "Residents of {town} protested {hgriev}; the protest was peaceful.",
    "{hprot} marched through {town} to demand {demand}.",
    "Students boycotted classes {nloc} and demonstrated {hgriev}.",
    "Traders shut their stalls {nloc} to protest {gn}.",
)

H_PROTEST_WITH_INTERVENTION = (
    "Police teargas protesting {hprot} {hloc}",
    "Police disperse {hprot} protest {hloc}",
    "Police break up {hprot} demo {hgriev} in {town}",
    "{hn} protesters arrested in {town}",
    "Police arrest {hn} {hprot} at {town} protest",
    "Police use water cannon on {hprot} in {town}",
    "Police block {hprot} march in {town}",
    "{police} scatter {hprot} protesting {hgriev2}",
    "Police lob teargas at {moto} protesting {hgriev2}",
    "Police detain activists at {town} demo",
    "Anti-riot police disperse peaceful march in {town}",
)

N_PROTEST_WITH_INTERVENTION = (
    "{hprot} demonstrated {nloc} {hgriev}; police dispersed them with teargas.",
    "{police} arrested {hn2} {hprot} during a peaceful demo {nloc}.",
    "Police fired teargas to disperse {hprot} protesting {gn} in {town}. No injuries reported.",
    "Protesters {hgriev} in {town} were dispersed by {police}.",
    "{moto} protesting {hgriev2} in {town} were teargassed by police.",
    "Protest with intervention: {police} broke up a sit-in by {hprot} at {office} in {town}.",
    "{police} blocked {hprot} from marching to {office} and arrested {hn2} of them.",
    "Peaceful demo by {hprot} {nloc} dispersed by anti-riot police using water cannon.",
)

H_EXCESSIVE_FORCE = (
    "Police shoot dead {hn} protesters {hloc}",
    "Protester killed as police open fire {hloc}",
    "{hn} killed as police fire on {hprot} in {town}",
    "Police bullet kills student during {town} demo",
    "Soldiers fire on demonstrators in {town}, {hn} dead",
    "Teenager shot dead at {town} protest {hgriev}",
    "{hn} demonstrators killed as police use live rounds in {town}",
    "Police kill {moto1} during {town} protest",
)

N_EXCESSIVE_FORCE = (
    "{police} shot dead {pvictims} during a protest {hgriev} {nloc}.",
    "{hprot} demonstrated {nloc} {hgriev}; police opened fire with live bullets, killing {hn2}.",
    "Excessive force: a demonstrator was shot dead by {police} {nloc}.",
    "Police opened fire on peaceful protesters in {town}, killing {hn2} and injuring several.",
    "{amoto} taking part in a protest {hgriev} was shot dead by police in {town}.",
    "Soldiers fired live rounds at demonstrators {nloc}; {hn2} killed.",
)

H_VIOLENT_DEMONSTRATION = (
    "Youths torch police station {hloc} after killing of {moto1}",
    "Students riot {hgriev}",
    "{hprot} block highway with burning tyres {hloc}",
    "Protesters stone vehicles on {town}-{town2} road",
    "Angry residents storm {rep1}'s office in {town} {hgriev}",
    "Demo turns violent as {hprot} clash with police in {town}",
    "Rioters torch {rep1}'s car in {town}",
    "{hprot} barricade roads, burn tyres {hgriev}",
    "Residents set police post ablaze {hloc} over insecurity",
    "Students set dormitory on fire {hloc}",
    "Protesters loot shops during {town} demo",
    "{moto} riot in {town} after colleague's death",
    "Protesters hurl stones at police in {town}",
    "Residents protesting insecurity block road, torch lorry {hloc}",
)

N_VIOLENT_DEMONSTRATION = (
    "Residents protesting insecurity blocked the road {nloc} and torched a police post.",
    "{hprot} demonstrating {hgriev} in {town} pelted police with stones; police responded with teargas.",
    "Students rioted {nloc} {hgriev}, destroying school property.",
    "{moto} protesting the death of a colleague blocked the {town}-{town2} highway and burned tyres.",
    "Rioters torched vehicles in {town} {hgriev}.",
    "Angry residents stormed the {rep1}'s office {nloc} and smashed windows {hgriev}.",
    "Violent demonstration: {hprot} burned tyres and stoned passing vehicles {nloc}.",
    "Protest over {gn} in {town} turned violent; shops were looted.",
    "Youths protesting a killing by police set fire to a police vehicle {nloc}.",
    "Students set ablaze a dormitory {nloc} {hgriev}.",
)

H_MOB_VIOLENCE = (
    "Mob beats {suspect} to death {hloc}",
    "Villagers lynch {suspect} {hloc}",
    "Elderly women accused of witchcraft killed by mob {hloc}",
    "Residents torch {suspect} {hloc}",
    "Rival party supporters fight in {town} ahead of poll",
    "{partisans} and {partisans2} clash {hloc}, {hn} injured",
    "Crowd storms police cell, kills {suspect} {hloc}",
    "Mob attacks driver after accident {hloc}",
    "Rival student groups clash {hloc}",
    "Irate residents beat {suspect} to death in {town}",
    "{moto} lynch {suspect} {hloc}",
    "Youths from rival villages clash with stones {hloc}",
    "Mob burns house of {suspect} {hloc}",
    "Supporters of rival aspirants clash in {town}, {hn} hurt",
    "Mob justice: {suspect} stoned to death {hloc}",
)

N_MOB_VIOLENCE = (
    "Residents beat {nsuspect} to death {nloc}.",
    "A mob lynched {nsuspect} {nloc}.",
    "Villagers burned the house of {nsuspect} {nloc}.",
    "Supporters of {rivals} clashed {nloc}; several injured.",
    "{partisans} and {partisans2} fought with stones and clubs {nloc}; {hn2} people injured.",
    "An angry crowd attacked {nsuspect} {nloc}; he died in hospital.",
    "Mob violence: residents set ablaze {nsuspect} {nloc}.",
    "{moto} beat {nsuspect} {nloc}, leaving him seriously injured.",
    "Youths from two rival villages clashed with stones and machetes {nloc}; {hn2} injured.",
    "Villagers accused {hn2} elderly women of witchcraft and killed them {nloc}.",
    "A crowd stormed a police station {nloc} and lynched {nsuspect}.",
)

H_AGREEMENT = (
    "Rival clans sign peace deal {hloc}",
    "{militia} and {militia2} agree truce {hloc}",
    "Government, {rebels} agree ceasefire",
    "Elders broker truce between {militia} and {militia2}",
    "Herders, farmers sign peace pact {hloc}",
    "{rebels} free {hn} hostages under deal",
    "Army, {rebels} swap prisoners near {town}",
    "Warring communities agree to end hostilities {hloc}",
    "Peace deal signed in {venue} between government and {rebels}",
)

N_AGREEMENT = (
    "Elders from rival communities signed a peace agreement {nloc}.",
    "Agreement: {govt} and {rebels} agreed to a ceasefire in {venue}.",
    "{militia} and {militia2} agreed to cease hostilities {nloc} after mediation by elders.",
    "Rival clans agreed to return stolen livestock under a peace deal {nloc}.",
    "{rebels} released {hn2} captives {nloc} under an exchange agreement.",
    "Herders and farmers {nloc} signed a pact on grazing routes.",
    "Prisoner exchange between {army} and {rebels} near {town}.",
)

H_ARRESTS = (
    "Police arrest {hn} over {town} clashes",
    "Opposition lawmaker held over incitement remarks",
    "{hn} suspects arrested over killings {hloc}",
    "Activist detained in {town}",
    "Journalist arrested in {town} over critical report",
    "{hgroup} commander captured {hloc}",
    "Student leaders arrested ahead of {town} protest",
    "{politician} arrested in {town}",
    "Police arrest {rep1} over cattle raids",
    "{hn} opposition supporters detained in {town}",
    "{army} arrest suspected {hgroup} collaborators {hloc}",
)

N_ARRESTS = (
    "Police arrested {hn2} suspects over the killings {nloc}.",
    "{police} arrested {politician} {nloc} over alleged incitement.",
    "Arrests: {police} detained {hn2} opposition supporters in {town}.",
    "{army} arrested a suspected {groupa} collaborator {nloc}.",
    "A journalist was arrested {nloc} over a critical report.",
    "Police arrested {arep} {nloc} for allegedly financing cattle raids.",
    "{police} detained {hn2} student leaders in {town} ahead of a planned protest.",
    "{politician} was arrested {nloc} over hate speech.",
)

H_CHANGE_TO_GROUP = (
    "@conflict {army} deploy to {town} after raids",
    "Government deploys more police to {areab} after attacks",
    "Curfew imposed in {town} after clashes",
    "{hgroup} appoints new leader",
    "Security beefed up in {town} ahead of polls",
    "{allies} withdraw from {town}",
    "New armed group emerges {hloc}",
    "Authorities ban public gatherings in {town}",
    "{rebels} split into rival factions",
    "@conflict Army launches operation against {opp} in {areab}",
    "@conflict Police reservists disarmed in {areab}",
    "@conflict {army} pull out of base in {town}",
    "Police reinforcements sent to {town} after days of tension",
)

N_CHANGE_TO_GROUP = (
    "@conflict Movement of forces: {army} deployed {nloc} following attacks.",
    "Movement of forces: additional police officers were deployed to {town} after the raids.",
    "The authorities imposed a dusk-to-dawn curfew {nloc}.",
    "Change to group/activity: {rebels} announced a new commander.",
    "@conflict Movement of forces: {army} relocated from {town} to {town2}.",
    "{rebels} launched a recruitment drive {nloc}.",
    "@conflict Security operation launched in {areab} against {opp}.",
    "Public gatherings banned in {town} after unrest.",
    "{allies} withdrew from their positions {nloc}.",
    "{hn2} {rebels} defected to the government {nloc}.",
)

H_DISRUPTED_WEAPONS = (
    "Bomb squad disarms IED {hloc}",
    "Police recover guns and ammunition {hloc}",
    "{army} seize weapons cache {hloc}",
    "Explosive device found near {town} school",
    "Police foil bomb plot in {town}",
    "Landmine found on road {hloc}, detonated safely",
    "Troops intercept arms consignment {hloc}",
    "Grenade found at {town} bus stage",
    "Unexploded mortar shell found {hloc}",
    "Police seize homemade guns {hloc}",
    "@intercepts Air defences down {hn} drones over {town}",
    "Soldiers defuse bomb planted on bridge {hloc}",
    "Would-be suicide bomber shot before blast {hloc}",
    "Police recover {hn} hand grenades {hloc}",
    "Unexploded grenade found {hloc}, bomb squad called in",
    "Security agents seize grenades and rifles {hloc}",
    "Live grenade recovered {hloc}",
    "Police recover grenade, pistol from suspect {hloc}",
)

N_DISRUPTED_WEAPONS = (
    "An IED planted along the road {nloc} was discovered and defused by {army}.",
    "Disrupted weapons use: {police} recovered {hitems} {nloc}.",
    "Police found an unexploded grenade {nloc}; it was destroyed by the bomb squad.",
    "{army} intercepted a vehicle carrying {items} {nloc}.",
    "An explosive device was found near a church {nloc} and made safe.",
    "{army} found and destroyed {hn2} landmines planted by {rebels} {nloc}.",
    "@intercepts Air defences shot down {hn2} {intercept} over {town}.",
    "A suicide bomber was shot dead by guards before detonating his vest {nloc}.",
    "{police} raided a house {nloc} and seized {hitems}.",
    "Police recovered {hn2} grenades hidden in a house {nloc}; no arrests.",
    "A grenade found abandoned {nloc} was safely detonated by police.",
    "A live grenade was recovered {nloc} and handed to the bomb disposal unit.",
)

H_HEADQUARTERS = (
    "{rebels} set up camp {hloc}",
    "{army} open new base in {town}",
    "New police camp set up in {town} after attacks",
    "{hgroup} establishes base in forest near {town}",
    "Army establishes forward base {hloc}",
    "{militia} set up base in abandoned school {hloc}",
    "{rebels} open office in {town}",
    "Military sets up camp at {town} airstrip",
)

N_HEADQUARTERS = (
    "{army} established a new camp {nloc}.",
    "Base established: {rebels} set up a base in the forest {nloc}.",
    "A new police post was established in {town} following repeated raids.",
    "{hgroup} set up a headquarters {nloc}.",
    "{army} set up a forward operating base {nloc}.",
    "{militia} established a camp {nloc} and began patrols.",
)

H_LOOTING = (
    "{raider} torch {hn} homes {hloc}",
    "Bandits steal {stock} {hloc}",
    "{raider} raid {town}, drive off {stock}",
    "{militia} burn village {hloc}",
    "Arsonists burn school {hloc}",
    "Gunmen loot shops {hloc}",
    "Raiders destroy crops {hloc}",
    "Attackers set ablaze {rep1}'s home {hloc}",
    "Rustlers make off with {stock} {hloc}",
    "{raider} burn houses in deserted village {hloc}",
    "{armed} loot health centre in {town}",
    "Raiders steal {stock}, torch homes {hloc}",
)

N_LOOTING = (
    "Property destruction: suspected {militia} set fire to {hn2} homes {nloc}.",
    "Looting: {raider} stole {stock} {nloc}; no casualties.",
    "{raider} drove away {stock} from a homestead {nloc}. No injuries reported.",
    "{armed} looted shops {nloc}.",
    "Property destruction: unidentified persons burnt down a school {nloc}.",
    "{raider} raided {nloc} and made off with {stock}.",
    "{armed} torched {hn2} houses {nloc}. Motive unknown.",
    "Property destruction: {armed} destroyed crops {nloc}.",
    "Unknown people set fire to the home of {arep} {nloc}.",
)

H_NON_VIOLENT_TRANSFER = (
    "{army} withdraw from {town}, {rebels} move in",
    "{rebels} enter {town} unopposed",
    "{rebels} take {town} without a fight as troops pull out",
    "{hgroup} takes over abandoned army camp in {town}",
    "{rebels} leave {town}, army returns without fighting",
    "Troops hand over {town} base to {allies}",
)

N_NON_VIOLENT_TRANSFER = (
    "{rebels} took control of {town} without fighting after {army} withdrew.",
    "Non-violent transfer: {army} vacated {town}; {rebels} moved in.",
    "{rebels} withdrew from {town} and {army} re-entered without clashes.",
    "{hgroup} occupied the abandoned military camp {nloc}. No fighting.",
    "{army} took over positions in {town} left by {rebels}.",
)

H_OTHER = (
    "Armed men encircle polling station {hloc}",
    "Bodies of {hn} men found dumped {hloc}",
    "Mass grave discovered {hloc}",
    "{rebels} hold parade in {town}",
    "Gunmen fire into air to scare voters {hloc}",
    "{rebels} distribute threatening leaflets in {town}",
    "Internet shut down in {areab}",
    "{rebels} set up roadblocks, extort motorists {hloc}",
    "Armed men patrol {town} streets, residents flee",
)

N_OTHER = (
    "Non-violent activity: {rebels} held a public meeting {nloc}.",
    "Non-violent activity: armed men fired in the air {nloc} to intimidate voters.",
    "Bodies of {hn2} men were found dumped {nloc}; cause of death unclear.",
    "{rebels} set up roadblocks {nloc} and extorted money from drivers.",
    "Non-violent activity: armed men surrounded a tallying centre {nloc}.",
    "A mass grave was discovered {nloc}.",
    "{rebels} distributed leaflets {nloc} warning residents against cooperating with the government.",
)

HEADLINES: dict[str, tuple[str, ...]] = {
    "Armed clash": H_ARMED_CLASH,
    "Government regains territory": H_GOVERNMENT_REGAINS,
    "Non-state actor overtakes territory": H_NON_STATE_OVERTAKES,
    "Chemical weapon": H_CHEMICAL_WEAPON,
    "Air/drone strike": H_AIR_DRONE_STRIKE,
    "Suicide bomb": H_SUICIDE_BOMB,
    "Shelling/artillery/missile attack": H_SHELLING,
    "Remote explosive/landmine/IED": H_REMOTE_EXPLOSIVE,
    "Grenade": H_GRENADE,
    "Sexual violence": H_SEXUAL_VIOLENCE,
    "Attack": H_ATTACK,
    "Abduction/forced disappearance": H_ABDUCTION,
    "Peaceful protest": H_PEACEFUL_PROTEST,
    "Protest with intervention": H_PROTEST_WITH_INTERVENTION,
    "Excessive force against protesters": H_EXCESSIVE_FORCE,
    "Violent demonstration": H_VIOLENT_DEMONSTRATION,
    "Mob violence": H_MOB_VIOLENCE,
    "Agreement": H_AGREEMENT,
    "Arrests": H_ARRESTS,
    "Change to group/activity": H_CHANGE_TO_GROUP,
    "Disrupted weapons use": H_DISRUPTED_WEAPONS,
    "Headquarters or base established": H_HEADQUARTERS,
    "Looting/property destruction": H_LOOTING,
    "Non-violent transfer of territory": H_NON_VIOLENT_TRANSFER,
    "Other": H_OTHER,
}

NOTES: dict[str, tuple[str, ...]] = {
    "Armed clash": N_ARMED_CLASH,
    "Government regains territory": N_GOVERNMENT_REGAINS,
    "Non-state actor overtakes territory": N_NON_STATE_OVERTAKES,
    "Chemical weapon": N_CHEMICAL_WEAPON,
    "Air/drone strike": N_AIR_DRONE_STRIKE,
    "Suicide bomb": N_SUICIDE_BOMB,
    "Shelling/artillery/missile attack": N_SHELLING,
    "Remote explosive/landmine/IED": N_REMOTE_EXPLOSIVE,
    "Grenade": N_GRENADE,
    "Sexual violence": N_SEXUAL_VIOLENCE,
    "Attack": N_ATTACK,
    "Abduction/forced disappearance": N_ABDUCTION,
    "Peaceful protest": N_PEACEFUL_PROTEST,
    "Protest with intervention": N_PROTEST_WITH_INTERVENTION,
    "Excessive force against protesters": N_EXCESSIVE_FORCE,
    "Violent demonstration": N_VIOLENT_DEMONSTRATION,
    "Mob violence": N_MOB_VIOLENCE,
    "Agreement": N_AGREEMENT,
    "Arrests": N_ARRESTS,
    "Change to group/activity": N_CHANGE_TO_GROUP,
    "Disrupted weapons use": N_DISRUPTED_WEAPONS,
    "Headquarters or base established": N_HEADQUARTERS,
    "Looting/property destruction": N_LOOTING,
    "Non-violent transfer of territory": N_NON_VIOLENT_TRANSFER,
    "Other": N_OTHER,
}

NON_EVENT_HEADLINES: dict[str, tuple[str, ...]] = {
    "negated": (
        "Police deny shooting protesters in {town}",
        "@air Army denies air strike on {town}",
        "Calm returns to {town}, no incidents reported",
        "Reports of attack on {town} false, says {rep1}",
        "{rebels} deny capturing {town}",
        "No violence as voters queue in {town}",
        "Planned march in {town} called off",
        "Police say no one arrested at {town} rally",
    ),
    "planned": (
        "Teachers to strike from {day}",
        "Opposition plans mass rally in {town}",
        "Peace talks set to resume in {venue}",
        "{hprot} plan demo {hgriev} next week",
        "Government to send more troops to {areab}",
        "Election date set for {month}",
        "{moto} to hold protest in {town} on {day}",
        "@conflict Army to begin demining around {town} next year",
    ),
    "threatened": (
        "Herders threaten revenge after cattle theft {hloc}",
        "{hgroup} threatens attacks on {town}",
        "Teachers threaten strike {hgriev}",
        "{rebels} warn residents of {town} to leave",
        "Opposition threatens mass action over poll results",
        "Kidnappers threaten to kill hostages unless ransom paid",
        "{moto} threaten to paralyse transport in {town}",
    ),
    "hypothetical": (
        "Fears of fresh clashes {hloc} as drought bites",
        "Analysts warn {rebels} could strike {town}",
        "Election could spark violence in {town}, experts warn",
        "Residents fear revenge attacks {hloc}",
        "@conflict Truce in {areab} may not hold, envoy warns",
        "Protests likely if fuel prices rise, unions warn",
    ),
    "historical": (
        "{town} marks anniversary of {year} massacre",
        "Survivors of {year} attack on {town} still await justice",
        "Trial of suspects in {year} {town} attack resumes",
        "Ten years on, {town} remembers {year} raid",
        "Memorial unveiled for victims of {year} {town} bombing",
        "{town} rebuilt years after {year} fighting",
    ),
    "cumulative_toll": (
        "Banditry killed {big3} in {areab} this year, report says",
        "{big} killed in {country} conflict since {year}",
        "Cattle raids claimed {big3} lives in {areab} since January",
        "Kidnappings in {areab} doubled last year, says {org}",
        "Insurgency has displaced {mil} million, says {org}",
    ),
    "disaster": (
        "Floods kill {hn} in {town}",
        "Landslide buries homes {hloc}",
        "Lightning kills {hn} herders {hloc}",
        "Fire guts {town} market",
        "Drought leaves {big} facing hunger in {areab}",
        "Boat capsizes near {town}, {hn} missing",
        "Cholera outbreak kills {hn} in {town}",
        "Heavy rains cut off {town}",
    ),
    "crime": (
        "Man kills wife in domestic row {hloc}",
        "Court jails man for {year} murder of trader in {town}",
        "Thugs rob shop in {town}, escape with cash",
        "Police arrest {hn} over burglaries in {town}",
        "Bus crash kills {hn} on {town}-{town2} road",
        "Businessman robbed of cash in {town}",
        "Man charged with killing neighbour over land in {town}",
        "Police seize fake currency in {town}",
    ),
    "diplomacy": (
        "Envoy meets elders in {town}",
        "Donors pledge {money} for {areab}",
        "Ministers meet in {venue} on border security",
        "Talks in {venue} end without deal",
        "President receives foreign envoys in {capital}",
    ),
    "statement": (
        "Interior minister vows to end banditry in {areab}",
        "Governor urges calm after {town} clashes",
        "Church leaders condemn {town} killings",
        "Police chief warns {moto} against mob justice",
        "{rep1} calls for peace between herders and farmers",
        "Rights group demands probe into {town} killings",
        "Opposition condemns arrest of leaders",
        "Minister says security improving in {areab}",
    ),
    "other_news": (
        "New maternity wing opens at {town} hospital",
        "County unveils budget for {areab}",
        "Schools reopen in {town}",
        "Farmers expect bumper harvest in {areab}",
        "{town} gets new tarmac road",
        "Ruling party wins most seats in {areab}",
        "Fuel prices rise for third month",
    ),
}

NON_EVENT_NOTES: dict[str, tuple[str, ...]] = {
    "negated": (
        "No violence reported {nloc} during the vote.",
        "Reported attack {nloc} turned out to be false.",
        "Police denied arresting protesters in {town}.",
        "Planned protest {nloc} did not take place.",
        "Rumoured clashes {nloc} were not confirmed; area calm.",
        "{rebels} denied involvement in the attack {nloc}.",
    ),
    "planned": (
        "{hprot} announced a protest in {town} for {day}.",
        "Teachers' union called a strike from {day}; no action yet.",
        "Opposition announced plans for a rally in {town} next week.",
        "Peace talks between {govt} and {rebels} scheduled in {venue}.",
    ),
    "threatened": (
        "{rebels} threatened to attack {town}.",
        "Herders threatened reprisals {nloc} after livestock were stolen.",
        "{hprot} threatened to strike {hgriev}.",
        "Threat: a letter warning residents to leave {town} was circulated.",
    ),
    "hypothetical": (
        "Officials warned that clashes could resume {nloc} if talks fail.",
        "Residents fear that fighting may reach {town}.",
        "Analysts said the vote could trigger unrest in {town}.",
    ),
    "historical": (
        "Commemoration of the {year} attack {nloc}.",
        "Court resumed hearing on the {year} killings {nloc}.",
        "Residents recalled the {year} raid on {town}.",
    ),
    "cumulative_toll": (
        "Since January, {big3} people have been killed in banditry in {areab}, per officials.",
        "{org} said {big} people were killed in {country} last year.",
        "Cattle raids have claimed {big3} lives in {areab} since {year}.",
    ),
    "disaster": (
        "Floods killed {hn2} people {nloc}.",
        "A landslide buried {hn2} homes {nloc}.",
        "Lightning struck and killed {hn2} herders {nloc}.",
        "Fire destroyed stalls at the market {nloc}; cause electrical.",
        "Boat capsized on a river {nloc}; {hn2} drowned.",
    ),
    "crime": (
        "A man killed his wife in a domestic dispute {nloc}.",
        "Robbers broke into a shop {nloc} and stole cash.",
        "Court sentenced a man to {ns} years for a {year} murder {nloc}.",
        "Road accident on the {town}-{town2} road killed {hn2} people.",
        "Police arrested {hn2} suspects over house break-ins {nloc}.",
        "A man killed his neighbour in a personal dispute over a boundary {nloc}.",
    ),
    "diplomacy": (
        "Envoys met in {venue} to discuss security in {areab}.",
        "Donors pledged {money} in aid for {areab}.",
        "The foreign minister visited {town} and met local leaders.",
    ),
    "statement": (
        "The governor condemned the killings {nloc} and urged calm.",
        "The interior minister vowed a crackdown on bandits in {areab}.",
        "Church leaders called for peace {nloc}.",
        "Police warned residents {nloc} against taking the law into their own hands.",
        "The {rep1} appealed to herders and farmers {nloc} to coexist.",
    ),
    "other_news": (
        "A new hospital opened {nloc}.",
        "Schools reopened {nloc} after the holidays.",
        "Voters queued peacefully {nloc} in local elections.",
        "Farmers {nloc} reported a good harvest.",
    ),
}

# Which family a record comes from: the wire and ACLED-note templates above, headlines, coder notes.
FAMILY_WEIGHTS = (0.56, 0.22, 0.22)

# Local usage: motorcycle-taxi riders (plural, singular) and local officials, by country.
LOCAL_TERMS: dict[str, dict[str, tuple]] = {
    "Kenya": {"moto": (("boda boda riders", "boda boda rider"),), "rep": ("MCA", "area chief", "assistant chief",
                                                                        "ward administrator")},
    "Uganda": {"moto": (("boda boda riders", "boda boda rider"),), "rep": ("LC1 chairman", "sub-county chief")},
    "Nigeria": {"moto": (("okada riders", "okada rider"),), "rep": ("local government chairman", "traditional ruler",
                                                                  "ward councillor", "village head")},
    "India": {"rep": ("sarpanch", "village headman", "block officer")},
    "the Philippines": {"rep": ("barangay captain", "barangay councillor")},
    "Mexico": {"rep": ("mayor", "municipal official"), "moto": (("moto-taxi drivers", "moto-taxi driver"),)},
    "Brazil": {"rep": ("city councillor", "community leader")},
    "the Democratic Republic of Congo": {"rep": ("village chief", "local administrator")},
}
DEFAULT_MOTO = (("motorcycle taxi riders", "motorcycle taxi rider"), ("moto-taxi drivers", "moto-taxi driver"))
DEFAULT_REP = ("local chief", "village head", "local councillor")
LOCAL_VICTIMS = ("herders", "farmers", "villagers", "traders", "quarry workers", "miners", "travellers", "passengers",
                 "fishermen", "students", "teachers", "worshippers", "charcoal burners", "casual labourers",
                 "pastoralists", "civilians", "people", "women", "members of one family")
LOCAL_VICTIM = ("farmer", "herder", "trader", "teacher", "shopkeeper", "pastor", "imam", "student", "businessman",
                "nurse", "driver", "elderly man", "woman", "teenage boy", "herdsboy", "charcoal trader")
RAIDERS = ("bandits", "gunmen", "armed raiders", "cattle rustlers", "suspected herders", "unknown gunmen", "armed men",
           "militiamen", "attackers", "assailants", "raiders", "hired killers", "suspected militants")
SUSPECTS = ("suspected thief", "suspected cattle thief", "suspected witch", "alleged witch", "suspected robber",
            "suspected kidnapper", "suspected motorbike thief", "suspected child abductor", "suspected sorcerer",
            "suspected rapist", "suspected pickpocket", "suspected goat thief", "man accused of blasphemy",
            "suspected arsonist")
H_GRIEVANCES = ("over fuel prices", "over unpaid salaries", "over insecurity", "over land", "over new levies",
                "over exam cancellation", "over poor roads", "over water shortage", "over police harassment",
                "over arrest of colleague", "over election results", "over evictions", "over delayed pay",
                "over tuition fees", "over power cuts", "over killing of colleague", "over high cost of living",
                "over closure of market", "over land grabbing", "over new tax", "over delayed bursaries",
                "over ban on motorcycles")
H_PROTESTERS = ("students", "traders", "teachers", "nurses", "doctors", "residents", "farmers", "miners",
                "market vendors", "lecturers", "truck drivers", "civil servants", "health workers", "youths",
                "casual workers", "opposition supporters", "hawkers", "fishermen", "pastoralists", "women",
                "squatters", "matatu operators", "sugarcane farmers", "tea pickers", "pensioners")
H_ITEMS = ("guns and ammunition", "AK-47 rifles", "homemade guns", "explosives", "grenades", "bomb-making materials",
           "rounds of ammunition", "pistols and rifles", "detonators", "an IED")
RUSTLERS = ("cattle rustlers", "bandits", "armed raiders", "rustlers", "armed herders", "bandit gangs")
STOCK = ("cattle", "goats", "camels", "sheep and goats", "livestock", "hundreds of cattle", "200 head of cattle",
         "50 goats", "donkeys", "a herd of camels")
RIVALS = ("rival candidates", "two rival aspirants", "rival parties", "the governor and a rival candidate",
          "two MCA candidates", "rival chiefs", "two rival clans' youths")

NOTE_REMARKS = {
    "attack": ("Motive unknown.", "Perpetrators not identified.", "Attackers escaped.", "No arrests made.",
               "Area tense.", "Police investigating."),
    "clash": ("Area tense.", "Security stepped up afterwards.", "Exchange lasted several hours.",
              "Police pursuing the attackers."),
    "protest": ("Size unknown.", "Number of participants not reported.", "Reported by local media."),
    "general": ("Reported by local media.", "No further details.", "Details unclear."),
}
NOTE_THEME = {
    "Attack": "attack", "Abduction/forced disappearance": "attack", "Looting/property destruction": "attack",
    "Grenade": "attack", "Remote explosive/landmine/IED": "attack", "Armed clash": "clash",
    "Mob violence": "attack", "Peaceful protest": "protest", "Protest with intervention": "protest",
    "Violent demonstration": "protest",
}  # anything else: "general"
HEADLINE_SOURCES = ("police say", "residents say", "officials say", "report", "witnesses say", "police")
SMALL_WORDS = ("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "and", "as", "by", "over", "near",
               "with", "after")

# --------------------------------------------------------------------------------------------------------------
# Slot filling
# --------------------------------------------------------------------------------------------------------------

Filler = Callable[[random.Random, dict, dict], str]

# Attribution phrases that suit non-events of these kinds better than "police said".
NEUTRAL_SOURCES = ("local media reported", "state media reported", "officials said", "a spokesman said",
                   "according to a government statement", "the state news agency reported")
NEUTRAL_KINDS = ("hypothetical", "historical", "cumulative_toll", "diplomacy", "statement", "other_news")
# Non-event kinds about war: placed only where there is an armed conflict.
CONFLICT_KINDS = ("historical", "cumulative_toll")
# A sentence saying nobody was hurt takes no follow-up about the wounded or the toll.
NO_CASUALTIES = re.compile(r"no (casualties|injuries|one was hurt)|no one was hurt|not fired", re.IGNORECASE)
CASUALTY_FOLLOW_UP = re.compile(r"toll|wounded|injured")
# Words that show a sentence already says where it comes from.
ATTRIBUTION_WORDS = (" said", "according to", " reported", " told ", " say", " warned", " fear", " believe",
                     " estimated", " announced")


def _count(rng: random.Random, lo: int = 2, hi: int = 40) -> str:
    """A plural count phrase to put before a noun: "three", "at least 14", "dozens of"."""
    if rng.random() < 0.08:
        return rng.choice(VAGUE_PLURALS)
    n = rng.randint(lo, hi) if rng.random() < 0.6 else rng.randint(lo, min(hi, 12))
    word = NUMBER_WORDS[n - 2] if n <= 12 and rng.random() < 0.65 else str(n)
    quantifier = rng.choice(QUANTIFIERS) if n >= 10 else rng.choice(("", "", "", "at least "))
    return quantifier + word


def _victims(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{_count(rng)} {rng.choice(VICTIM_NOUNS)}"
    if r < 0.85:
        return rng.choice(VICTIM_SINGLE)
    return rng.choice(VICTIM_GROUPS)


def _plural_victims(rng: random.Random) -> str:
    return f"{_count(rng)} {rng.choice(VICTIM_NOUNS)}"


def _killc(rng: random.Random, values: dict) -> str:
    """Casualties among civilians, as a clause to append (may be empty)."""
    return rng.choice((
        "", "", f", killing {_victims(rng)}", f", killing {_victims(rng)} and wounding {_count(rng)} others",
        f", leaving {_count(rng)} people dead", f", wounding {_plural_victims(rng)}",
        ". There were no immediate reports of casualties", ", causing no casualties",
        f", killing {_count(rng)} members of one family", f", killing {_count(rng)} children",
    ))


def _killf(rng: random.Random, values: dict) -> str:
    """Casualties of a fight between armed groups, as a clause to append (may be empty)."""
    return rng.choice((
        "", "", f", killing {_count(rng)} soldiers", f", killing {_count(rng)} fighters",
        f", leaving {_count(rng)} attackers dead", ", with casualties on both sides",
        f", killing {_count(rng)} fighters and {_count(rng, 2, 9)} soldiers", ". The toll was not immediately known",
        f", leaving {_count(rng)} dead on both sides", f", wounding {_count(rng)} soldiers",
        f". {_count(rng).capitalize()} combatants were reported killed",
    ))


def _killa(rng: random.Random, values: dict) -> str:
    """Casualties of a strike on an armed group's positions, as a clause to append (may be empty)."""
    return rng.choice((
        "", "", f", killing {_count(rng)} fighters", f", killing {_count(rng)} militants",
        ", killing a local commander", ", destroying several vehicles", ". The toll could not be confirmed",
        f", killing {_count(rng)} fighters and wounding others", ", destroying an ammunition store",
    ))


MILITARY_WORDS = ("military", "soldiers", "army", "police", "armoured", "convoy", "base", "camp", "checkpoint",
                  "outpost", "security", "barracks", "gendarmerie")


def _blast_victims(rng: random.Random, values: dict) -> str:
    """Who an explosion killed or wounded, fitting its target when the target is military."""
    target = f"{values.get('vehicle', '')} {values.get('base', '')}"
    if any(w in target for w in MILITARY_WORDS):
        return f"{_count(rng, 2, 20)} {rng.choice(('soldiers', 'security personnel', 'police officers'))}"
    if rng.random() < 0.6:
        return f"{_count(rng, 2, 30)} {rng.choice(BLAST_VICTIM_NOUNS)}"
    return rng.choice(VICTIM_SINGLE)


def _kill(rng: random.Random, values: dict) -> str:
    """Casualties of an explosion, as a clause to append (may be empty)."""
    return rng.choice((
        "", f", killing {_blast_victims(rng, values)}", f", killing {_count(rng)} people and injuring {_count(rng)} "
        "others", f", wounding {_count(rng)} people", ". No casualties were reported", ", causing no casualties",
        f", leaving {_count(rng)} people dead and dozens injured", f", killing {_blast_victims(rng, values)}",
        ", causing damage but no injuries", f", wounding {_blast_victims(rng, values)}",
    ))


def _killg(rng: random.Random, values: dict) -> str:
    """Casualties of a grenade, as a clause to append (may be empty)."""
    return rng.choice((
        "", f", wounding {_count(rng, 2, 15)} people", f", killing {rng.choice(VICTIM_SINGLE)}",
        f", killing {_count(rng, 2, 5)} people and wounding {_count(rng, 2, 20)} others", ". No one was hurt",
        f", injuring {_count(rng, 2, 12)} {rng.choice(('bystanders', 'passers-by', 'people'))}",
        ", causing damage but no injuries",
    ))


def _kills(rng: random.Random, values: dict) -> str:
    """Casualties of a suicide attack, as a clause to append (may be empty)."""
    return rng.choice((
        "", f", killing {_blast_victims(rng, values)}", f", killing {_count(rng)} people and injuring {_count(rng)} "
        "others", ", killing only the attacker", f", wounding {_count(rng)} people",
        f", leaving {_count(rng)} people dead and dozens injured", f", killing {_blast_victims(rng, values)}",
    ))


def _killp(rng: random.Random, values: dict) -> str:
    """Casualties among protesters, as a clause to append (never empty)."""
    return rng.choice((
        f", killing {_count(rng, 2, 30)} {rng.choice(PROTEST_DEAD_NOUNS)}", f", killing {rng.choice(PROTEST_VICTIMS)}",
        f", leaving {_count(rng, 2, 30)} people seriously wounded",
        f", killing {rng.choice(PROTEST_VICTIMS)} and wounding {_count(rng)} others",
    ))


def _grievance(rng: random.Random) -> str:
    g = rng.choice(GRIEVANCES)
    return rng.choice((f"over {g}", f"against {g}", f"in protest at {g}", f"over {g}",
                       f"to demand {rng.choice(DEMANDS)}"))


def _pick_town(rng: random.Random, scene: dict, values: dict) -> str:
    """A town of the scene's region not used yet in this sentence; another region's when those run out."""
    used = values.setdefault("_towns", [])
    pool = [t for t in scene["towns"] if t not in used]
    if not pool or (used and rng.random() < 0.3):
        pool = [t for t in scene["other_towns"] if t not in used] or pool or list(scene["towns"])
    town = rng.choice(pool)
    used.append(town)
    return town


def _loc(rng: random.Random, scene: dict, values: dict) -> str:
    """Where, as a preposition phrase; the region is named only when the town is in it."""
    town = _pick_town(rng, scene, values)
    forms = [f"in {town}", f"in {town}", f"near {town}", f"on the outskirts of {town}", f"in a village near {town}",
             f"outside {town}", f"in the {town} area", f"about {rng.randint(5, 60)} km from {town}"]
    area = scene["area"]
    if town in scene["towns"] and area != town:
        forms += [f"in the {_bare(area)} town of {town}", f"in {town} in {area}"]
        if not area.startswith("the "):
            forms.append(f"in {town}, {area}")
        if scene["poss"]:
            forms.append(f"in {town} in {scene['poss']} {_bare(area)}")
    return rng.choice(forms)


def _actor(field: str) -> Filler:
    def fill(rng: random.Random, scene: dict, values: dict) -> str:
        return rng.choice(scene[field])
    return fill


def _const(choices: tuple[str, ...]) -> Filler:
    def fill(rng: random.Random, scene: dict, values: dict) -> str:
        return rng.choice(choices)
    return fill


def _rebels(rng: random.Random, scene: dict, values: dict) -> str:
    return rng.choice(scene["talkers"] if values["_key"] in TALK_KEYS else scene["rebels"])


def _enemy(rng: random.Random, scene: dict, values: dict) -> str:
    return rng.choice((scene["talkers"] if values["_key"] in TALK_KEYS else scene["rebels"]) + scene["foes"])


def _militia2(rng: random.Random, scene: dict, values: dict) -> str:
    return rng.choice([m for m in scene["militias"] if m != values.get("militia")])


def _armed(rng: random.Random, scene: dict, values: dict) -> str:
    gunmen = GUNMEN if scene["rebels"] or scene["militias"] or not scene["foes"] else ()
    army = scene["army"] if scene["army_abuses"] else ()
    pools = [(gunmen, 1.0), (army, 0.5), (scene["rebels"], 1.0), (scene["militias"], 1.0),
             (scene["foes"], 1.0)]
    pools = [(p, w) for p, w in pools if p]
    pool = rng.choices([p for p, _ in pools], weights=[w for _, w in pools])[0]
    return rng.choice(pool)


def _source(rng: random.Random, scene: dict, values: dict) -> str:
    if scene["sources"] and rng.random() < 0.3:
        return rng.choice(scene["sources"])
    return rng.choice(SOURCES)


def _group(rng: random.Random, scene: dict, values: dict) -> str:
    """An armed group's name as a noun ("the PKK"); sets "groupa", the same name as a modifier ("PKK")."""
    if "group" not in values:
        groups = scene["talk_groups"] if values["_key"] in TALK_KEYS else scene["groups"]
        values["group"], values["groupa"] = rng.choice(groups)
    return values["group"]


def _venue(rng: random.Random, scene: dict, values: dict) -> str:
    if scene["venues"] and rng.random() < 0.8:
        return rng.choice(scene["venues"])
    return rng.choice(VENUES)


def _partisans2(rng: random.Random, scene: dict, values: dict) -> str:
    return rng.choice([p for p in PARTISANS if p != values.get("partisans")])


def _wire_time(rng: random.Random) -> str:
    return rng.choice(WIRE_TIMES).format(d=rng.choice(WEEKDAYS), date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)}")


def _acled_date(rng: random.Random) -> str:
    day = rng.randint(2, 28)
    return rng.choice(ACLED_DATES).format(dm=f"{day} {rng.choice(MONTHS)}", y=rng.randint(2018, 2025),
                                          d1=rng.randint(1, day - 1))


def _big(rng: random.Random) -> str:
    large = rng.randint(1, 9) * 100_000 if rng.random() < 0.3 else rng.randint(1, 9) * 1000
    n = rng.choice((rng.randint(3, 99) * 100, rng.randint(3, 99) * 100, rng.randint(1, 60) * 1000,
                    rng.randint(120, 990), large))
    return f"{n:,}"


def _a(phrase: str) -> str:
    """The phrase with "a" or "an" before it."""
    first = phrase.split()[0]
    if first.isupper() and len(first) > 1:
        return ("an " if first[0] in "AEFHILMNORSX" else "a ") + phrase
    return ("an " if phrase[0].lower() in "aeiou" else "a ") + phrase


def _local(scene: dict, field: str, default: tuple) -> tuple:
    return LOCAL_TERMS.get(scene["name"], {}).get(field, default)


def _moto(rng: random.Random, scene: dict, values: dict) -> tuple[str, str]:
    if "_moto" not in values:
        values["_moto"] = rng.choice(_local(scene, "moto", DEFAULT_MOTO))
    return values["_moto"]


def _hcount(rng: random.Random, lo: int = 2, hi: int = 30) -> str:
    """A headline's count: "two", "12", sometimes "at least 12"."""
    n = rng.randint(lo, hi) if rng.random() < 0.5 else rng.randint(lo, min(hi, 9))
    word = NUMBER_WORDS[n - 2] if n <= 12 and rng.random() < 0.5 else str(n)
    return ("at least " if rng.random() < 0.12 else "") + word


def _hloc(rng: random.Random, scene: dict, values: dict) -> str:
    town = _pick_town(rng, scene, values)
    return rng.choice((f"in {town}", f"in {town}", f"in {town}", f"near {town}", f"outside {town}",
                       f"in {town} village", f"in {_bare(scene['area'])}" if town in scene["towns"] else f"in {town}"))


def _nloc(rng: random.Random, scene: dict, values: dict) -> str:
    town = _pick_town(rng, scene, values)
    forms = [f"in {town}", f"in {town}", f"in {town} town", f"in {town} village", f"in {town} area", f"near {town}",
             f"in a village near {town}", f"in {town} market", f"on the outskirts of {town}"]
    if town in scene["towns"] and scene["area"] != town:
        forms += [f"in {town} ({_bare(scene['area'])})", f"in {town}, {_bare(scene['area'])}"]
    return rng.choice(forms)


def _hvictim(rng: random.Random, scene: dict, values: dict) -> str:
    if rng.random() < 0.55:
        noun = rng.choice(LOCAL_VICTIMS + (_moto(rng, scene, values)[0],))
        return f"{_hcount(rng, 2, 15)} {noun}"
    return _hvictim1(rng, scene, values)


def _hvictim1(rng: random.Random, scene: dict, values: dict) -> str:
    return _a(rng.choice(LOCAL_VICTIM + (_moto(rng, scene, values)[1],)))


FILLERS: dict[str, Filler] = {
    "town": _pick_town,
    "town2": _pick_town,
    "loc": _loc,
    "area": lambda rng, sc, v: sc["area"],
    "areab": lambda rng, sc, v: _bare(sc["area"]),
    "country": lambda rng, sc, v: sc["name"],
    "adj": lambda rng, sc, v: sc["adj"],
    "capital": lambda rng, sc, v: sc["capital"],
    "army": _actor("army"),
    "police": _actor("police"),
    "rebels": _rebels,
    "militia": _actor("militias"),
    "allies": _actor("allies"),
    "air": _actor("air"),
    "heavy": _actor("heavy"),
    "bombers": _actor("bombers"),
    "chem": _actor("chem"),
    "enemy": _enemy,
    "militia2": _militia2,
    "armed": _armed,
    "src": _source,
    "venue": _venue,
    "group": _group,
    "groupa": lambda rng, sc, v: (_group(rng, sc, v), v["groupa"])[1],
    "gunmen": _const(GUNMEN),
    "n": lambda rng, sc, v: _count(rng),
    "ns": lambda rng, sc, v: _count(rng, 2, 12),
    "victims": lambda rng, sc, v: _victims(rng),
    "nvictims": lambda rng, sc, v: _plural_victims(rng),
    "dvictims": lambda rng, sc, v: rng.choice(
        (rng.choice(DISASTER_VICTIMS), f"{_count(rng, 2, 60)} {rng.choice(DISASTER_VICTIM_NOUNS)}")),
    "captives": lambda rng, sc, v: rng.choice(
        (rng.choice(CAPTIVES), f"{_count(rng, 2, 30)} {rng.choice(CAPTIVE_NOUNS)}")),
    "ncaptives": lambda rng, sc, v: f"{_count(rng, 2, 30)} {rng.choice(CAPTIVE_NOUNS)}",
    "intercept": _actor("intercepts"),
    "civs": _const(VICTIM_NOUNS),
    "women": _const(WOMEN),
    "nwomen": lambda rng, sc, v: f"{_count(rng, 2, 15)} {rng.choice(('women', 'women and girls', 'girls'))}",
    "pvictims": lambda rng, sc, v: rng.choice(
        (rng.choice(PROTEST_VICTIMS), f"{_count(rng, 2, 30)} {rng.choice(PROTEST_DEAD_NOUNS)}")),
    "pdead": lambda rng, sc, v: f"{_count(rng, 2, 30)} {rng.choice(PROTEST_DEAD_NOUNS)}",
    "kill": lambda rng, sc, v: _kill(rng, v),
    "killg": lambda rng, sc, v: _killg(rng, v),
    "kills": lambda rng, sc, v: _kills(rng, v),
    "killc": lambda rng, sc, v: _killc(rng, v),
    "killf": lambda rng, sc, v: _killf(rng, v),
    "killa": lambda rng, sc, v: _killa(rng, v),
    "killp": lambda rng, sc, v: _killp(rng, v),
    "crowd": _const(CROWDS),
    "protesters": _const(PROTESTERS),
    "grievance": lambda rng, sc, v: _grievance(rng),
    "gn": _const(GRIEVANCES),
    "demand": _const(DEMANDS),
    "office": _const(OFFICES),
    "partisans": _const(PARTISANS),
    "partisans2": _partisans2,
    "official": _const(OFFICIALS),
    "politician": _const(POLITICIANS),
    "party": _const(PARTIES),
    "union": _const(UNIONS),
    "target": _const(TARGETS),
    "worship": _const(WORSHIP),
    "base": _const(BASES),
    "vehicle": _const(VEHICLES),
    "feature": _const(FEATURES),
    "items": _const(ITEMS),
    "goods": _const(GOODS),
    "dur": _const(DURATIONS),
    "ldur": _const(LONG_DURATIONS),
    "days": _const(DAYS_ADJ),
    "mediator": _const(MEDIATORS),
    "newgroup": _const(NEW_GROUPS),
    "disguise": _const(DISGUISES),
    "govt": _const(GOVTS),
    "org": _const(ORGS),
    "month": _const(MONTHS),
    "day": _const(WEEKDAYS),
    "year": lambda rng, sc, v: str(rng.randint(2005, 2021)),
    "big": lambda rng, sc, v: _big(rng),
    "big2": lambda rng, sc, v: f"{rng.randint(2, 90) * 100:,}",
    "big3": lambda rng, sc, v: str(rng.randint(12, 400)),
    "mil": lambda rng, sc, v: rng.choice(("1.5", "2", "3.2", "4", "1.2", "2.7", "1.8", "6")),
    "pct": lambda rng, sc, v: f"{rng.choice((rng.randint(3, 60), round(rng.uniform(1, 30), 1))):g}",
    "money": lambda rng, sc, v: rng.choice((f"${rng.randint(2, 900)} million", f"${rng.randint(1, 9)} billion")),
    "mag": lambda rng, sc, v: f"{rng.uniform(4.5, 7.8):.1f}",
    "cash": lambda rng, sc, v: f"${rng.randint(2, 900) * 1000:,}",
    # headline and coder-note slots
    "hloc": _hloc,
    "nloc": _nloc,
    "opp": _actor("opponents"),
    "gang": _actor("gangs"),
    "hgroup": _actor("hgroups"),
    "hn": lambda rng, sc, v: _hcount(rng),
    "hn2": lambda rng, sc, v: str(rng.randint(2, 12)) if rng.random() < 0.6 else rng.choice(NUMBER_WORDS[:6]),
    "hvictim": _hvictim,
    "hvictim1": _hvictim1,
    "nvictim": _hvictim1,
    "raider": _const(RAIDERS),
    "suspect": lambda rng, sc, v: _a(rng.choice(SUSPECTS)),
    "nsuspect": lambda rng, sc, v: _a(rng.choice(SUSPECTS)),
    "moto": lambda rng, sc, v: _moto(rng, sc, v)[0],
    "moto1": lambda rng, sc, v: _moto(rng, sc, v)[1],
    "amoto": lambda rng, sc, v: _a(_moto(rng, sc, v)[1]),
    "rep1": lambda rng, sc, v: rng.choice(_local(sc, "rep", DEFAULT_REP)),
    "arep": lambda rng, sc, v: _a(rng.choice(_local(sc, "rep", DEFAULT_REP))),
    "hprot": lambda rng, sc, v: rng.choice(H_PROTESTERS + (_moto(rng, sc, v)[0],)),
    "hgriev": _const(H_GRIEVANCES),
    "hgriev2": lambda rng, sc, v: rng.choice(H_GRIEVANCES).removeprefix("over "),
    "hitems": _const(H_ITEMS),
    "stock": _const(STOCK),
    "rustler": _const(RUSTLERS),
    "rivals": _const(RIVALS),
    "captn": _const(CAPTIVE_NOUNS),
}

# Slots that need a non-empty field of the scene.
SLOT_NEEDS = {"rebels": "rebels", "militia": "militias", "allies": "allies", "air": "air", "heavy": "heavy",
              "bombers": "bombers", "chem": "chem", "intercept": "intercepts", "group": "groups", "groupa": "groups",
              "opp": "opponents", "gang": "gangs", "hgroup": "hgroups"}
# Labels that need a field whatever their template says.
LABEL_NEEDS = {"Air/drone strike": ("air",), "Shelling/artillery/missile attack": ("heavy",),
               "Suicide bomb": ("bombers",), "Chemical weapon": ("chem",)}


def _parse(template: str) -> tuple[tuple[str, ...], str, list[str]]:
    """A template's extra needs ("@air @conflict " prefix: scene fields that must be non-empty or true), its
    text without them, and its slots."""
    needs = []
    while template.startswith("@"):
        word, _, template = template.partition(" ")
        needs.append(word[1:])
    slots = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return tuple(needs), template, slots


def _eligible(scene: dict, template: str, key: str) -> bool:
    """Whether a scene can host a template of a label or non-event kind."""
    needs, _, slots = _parse(template)
    # criminal gangs fight the police also where there is no armed conflict
    if key in LABELS and key not in PEACETIME_LABELS and not scene["conflict"] and "gang" not in slots:
        return False
    if key in CONFLICT_KINDS and not scene["conflict"]:
        return False
    if key in TERRITORY_LABELS and not scene["territory"]:
        return False
    if key == "Agreement" and scene["criminal"]:
        return False
    if key == "Excessive force against protesters" and not scene["lethal"]:
        return False
    fields = [SLOT_NEEDS[s] for s in slots if s in SLOT_NEEDS] + list(LABEL_NEEDS.get(key, ())) + list(needs)
    if key in TALK_KEYS:
        fields = [{"rebels": "talkers", "groups": "talk_groups"}.get(f, f) for f in fields]
    if any(not scene[field] for field in fields):
        return False
    rebels = scene["talkers"] if key in TALK_KEYS else scene["rebels"]
    if "enemy" in slots and not (rebels or scene["foes"]):
        return False
    return not ("militia2" in slots and len(scene["militias"]) < 2)


ARTICLES = re.compile(r"^(the|a|an) ")
# Actor slots whose headline form is a bare plural ("Nigerian troops battle ...", not "the Nigerian army battle").
PLURAL_SLOTS = ("army", "air", "heavy", "allies")


def _fill(template: str, rng: random.Random, scene: dict, values: dict, bare: bool = False) -> str:
    """The template's text with its slots filled; bare (headlines): without leading articles."""
    _, text, slots = _parse(template)
    for slot in slots:
        if slot not in values:
            if bare and slot in PLURAL_SLOTS:
                pool = [a for a in scene[slot] if not ARTICLES.match(a)] or list(scene[slot])
                values[slot] = rng.choice(pool)
            else:
                values[slot] = FILLERS[slot](rng, scene, values)
    if bare:
        return text.format(**{k: ARTICLES.sub("", v) if isinstance(v, str) else v for k, v in values.items()})
    return text.format(**values)


def _title(text: str) -> str:
    """Headline title case: every word capitalised but short function words."""
    words = text.split(" ")
    return " ".join(w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _render_headline(rng: random.Random, template: str, scene: dict, key: str) -> str:
    """A headline: present tense, no articles, no date; sometimes a place or source tag, sometimes title case."""
    values: dict = {"_key": key, "when": ""}
    text = _tidy(_fill(template, rng, scene, values, bare=True)).rstrip(".")
    r = rng.random()
    if r < 0.08 and values.get("_towns"):
        text = f"{values['_towns'][0]}: {text}"
    elif r < 0.14:
        text = f"{_bare(scene['name'])}: {text}"
    elif r < 0.24:
        text = f"{text}{rng.choice((', ', ' - '))}{rng.choice(HEADLINE_SOURCES)}"
    if rng.random() < 0.15:
        text = _title(text)
    return _tidy(text)


def _render_note(rng: random.Random, template: str, scene: dict, key: str) -> str:
    """A coder's note: terse, past tense; sometimes dated, sometimes with a short trailing remark."""
    values: dict = {"_key": key, "when": ""}
    text = _tidy(_fill(template, rng, scene, values))
    if rng.random() < 0.25 and ": " not in text[:32]:
        first = text.split(" ")[0]
        if first == "A" or (len(first) > 1 and first[1:].islower()):
            text = text[0].lower() + text[1:]
        text = f"{_acled_date(rng)}, {text}"
    if key in LABELS and rng.random() < 0.3 and ". " not in text.rstrip("."):
        text = f"{text} {rng.choice(NOTE_REMARKS[NOTE_THEME.get(key, 'general')])}"
    return _tidy(text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\.\.", ".", text)
    return text[0].upper() + text[1:]


def _render(rng: random.Random, template: str, scene: dict, key: str, is_event: bool) -> str:
    """One sentence (or two) from a template: wire style, or ACLED-note style when the template has {when}."""
    values: dict = {"_key": key}
    acled = "{when}" in template and rng.random() < 0.35
    values["when"] = "" if acled or rng.random() < 0.15 else _wire_time(rng)
    text = _fill(template, rng, scene, values)
    if acled:
        text = f"{_acled_date(rng)}, {text}"
        if key in PROTEST_LABELS and rng.random() < 0.4:
            crowd = values.get("crowd", "")
            size = crowd.removesuffix(" of").replace("about", "around") if crowd else rng.choice(ACLED_SIZES)
            text += f" [size={size}]"
        return _tidy(text)
    attributed = any(w in text for w in ATTRIBUTION_WORDS)
    r = rng.random()
    if not attributed and r < 0.28:
        if key in NEUTRAL_KINDS:
            source = rng.choice(NEUTRAL_SOURCES)
        else:
            source = _source(rng, scene, values) if is_event else rng.choice(SOURCES)
        text = f"{text.rstrip().rstrip('.')}, {source}."
    elif not attributed and r < 0.40 and key not in NEUTRAL_KINDS:
        text = f"{rng.choice(PREFIX_SOURCES)} {text}"
    if rng.random() < 0.2:
        theme = FOLLOW_THEME.get(key, "violence" if is_event else "general")
        pool = FOLLOW_UPS[theme] + FOLLOW_UPS["general"]
        if NO_CASUALTIES.search(text):
            pool = tuple(t for t in pool if not CASUALTY_FOLLOW_UP.search(t))
        text = f"{text} {_fill(rng.choice(pool), rng, scene, values)}"
    return _tidy(text)


def _options(template: str, key: str) -> list[list[dict]]:
    """The scenes able to host a template, grouped by country (countries with none left out)."""
    groups = [[s for s in scenes if _eligible(s, template, key)] for scenes in SCENES]
    return [g for g in groups if g]


STYLES = ("wire", "headline", "note")


def _make(rng: random.Random, families: tuple[tuple[str, ...], ...], count: int, label: str, kind: str,
          seen: set[str]) -> list[dict]:
    """count distinct records from families of templates (wire/ACLED-note, headline, coder note, weighted by
    FAMILY_WEIGHTS), cycling through each family's templates in shuffled rounds. A scene is drawn by picking a
    country, then one of its regions, so that countries with many regions do not dominate."""
    key = label or kind
    options = [[_options(t, key) for t in templates] for templates in families]
    usable = [[i for i, opts in enumerate(fam) if opts] for fam in options]
    styles = [k for k in range(len(families)) if usable[k]]
    weights = [FAMILY_WEIGHTS[k] for k in styles]
    records: list[dict] = []
    orders: list[list[int]] = [[] for _ in families]
    attempts = 0
    while len(records) < count and attempts < count * 50:
        attempts += 1
        k = rng.choices(styles, weights=weights)[0]
        if not orders[k]:
            orders[k] = list(usable[k])
            rng.shuffle(orders[k])
        i = orders[k].pop()
        scene = rng.choice(rng.choice(options[k][i]))
        template = families[k][i]
        if STYLES[k] == "headline":
            text = _render_headline(rng, template, scene, key)
        elif STYLES[k] == "note":
            text = _render_note(rng, template, scene, key)
        else:
            text = _render(rng, template, scene, key, bool(label))
        if text not in seen:
            seen.add(text)
            records.append({"text": text, "label": label, "kind": kind})
    if len(records) < count:
        print(f"warning: only {len(records)} distinct texts for {key!r}", file=sys.stderr)
    return records


def generate(seed: int = 13, per_class: int = 360) -> list[dict]:
    """The labelled corpus: per_class records for each of LABELS, plus about NON_EVENT_SHARE x 25 x per_class
    non-events split evenly over NON_EVENT_KINDS; each mixes wire/ACLED-note sentences, headlines and coder notes;
    exact duplicate texts removed; shuffled."""
    rng = random.Random(seed)
    seen: set[str] = set()
    records: list[dict] = []
    for label in LABELS:
        families = (TEMPLATES[label], HEADLINES[label], NOTES[label])
        records += _make(rng, families, per_class, label, "event", seen)
    total = round(NON_EVENT_SHARE * len(LABELS) * per_class)
    base, extra = divmod(total, len(NON_EVENT_KINDS))
    for i, kind in enumerate(NON_EVENT_KINDS):
        families = (NON_EVENT_TEMPLATES[kind], NON_EVENT_HEADLINES[kind], NON_EVENT_NOTES[kind])
        records += _make(rng, families, base + (i < extra), "", kind, seen)
    rng.shuffle(records)
    return records


def check_templates() -> list[str]:
    """Problems with the templates: unknown slots or needs, or no scene able to fill one. Empty when sound."""
    problems = []
    for name, table, keys in (("HEADLINES", HEADLINES, LABELS), ("NOTES", NOTES, LABELS),
                              ("NON_EVENT_HEADLINES", NON_EVENT_HEADLINES, NON_EVENT_KINDS),
                              ("NON_EVENT_NOTES", NON_EVENT_NOTES, NON_EVENT_KINDS)):
        problems += [f"{name}: no templates for {k!r}" for k in keys if not table.get(k)]
        problems += [f"{name}: unknown key {k!r}" for k in table if k not in keys]
    groups = [(label, TEMPLATES[label]) for label in LABELS] + list(NON_EVENT_TEMPLATES.items())
    groups += [(label, table[label]) for table in (HEADLINES, NOTES) for label in LABELS if label in table]
    groups += [(kind, table[kind]) for table in (NON_EVENT_HEADLINES, NON_EVENT_NOTES) for kind in NON_EVENT_KINDS
               if kind in table]
    scene_fields = set(SCENES[0][0])
    for key, templates in groups:
        for template in templates:
            needs, _, slots = _parse(template)
            unknown = [s for s in slots if s not in FILLERS and s != "when"]
            unknown += [f"@{n}" for n in needs if n not in scene_fields]
            if unknown:
                problems.append(f"{key}: unknown {unknown} in {template!r}")
            elif not _options(template, key):
                problems.append(f"{key}: no scene can fill {template!r}")
    follow_ups = [t for pool in FOLLOW_UPS.values() for t in pool]
    problems += [f"follow-up: unknown slots in {t!r}" for t in follow_ups
                 if any(s not in FILLERS for s in _parse(t)[2])]
    return problems


def summary(records: list[dict], seed: int = 13, examples: int = 3) -> str:
    """Counts per label and per kind, and a few random examples of each label and kind."""
    rng = random.Random(seed)
    lines = [f"records: {len(records)}", "", "per label:"]
    by_label = Counter(r["label"] for r in records)
    lines += [f"  {n:5d}  {label or '(none)'}" for label, n in sorted(by_label.items())]
    lines += ["", "per kind:"]
    by_kind = Counter(r["kind"] for r in records)
    lines += [f"  {n:5d}  {kind}" for kind, n in sorted(by_kind.items())]
    lines += ["", "examples:"]
    for key in list(LABELS) + list(NON_EVENT_KINDS):
        pool = [r["text"] for r in records if (r["label"] == key or (not r["label"] and r["kind"] == key))]
        lines.append(f"  [{key}]")
        lines += [f"    - {t}" for t in rng.sample(pool, min(examples, len(pool)))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output JSON Lines file")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per-class", type=int, default=360, help="records per sub-event type")
    parser.add_argument("--summary", action="store_true", help="print counts and examples")
    args = parser.parse_args(argv)
    problems = check_templates()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    records = generate(args.seed, args.per_class)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {args.out}", file=sys.stderr)
    if args.summary:
        print(summary(records, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
