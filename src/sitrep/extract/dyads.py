"""Who did what to whom: actor 1 and actor 2 of a record, chosen among the actors its sentences name
(and a group blamed elsewhere in the article), by the sub-event type's convention."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep import taxonomy
from sitrep.extract import actors as actors_mod
from sitrep.extract import sides
from sitrep.extract.actors import ActorMention
from sitrep.extract.clauses import DECREE, after_the_act, does_violence, followed_up, imposes, one_person
from sitrep.extract.nlp import doc_text

AGENT_KINDS = ("state", "group", "identity", "unidentified")


# Armed-actor words that, on their own, still describe an unarmed crowd ('a gang of youths').
CROWD_ONLY = re.compile(r"^(?:gang|thugs|criminals)$", re.I)


# The civilian words that name a crowd as such: those who loot or burn so are rioters ('a mob set fire to churches').
CROWD_NOUN = re.compile(r"\b(?:mobs?|crowds?|rioters|protesters|demonstrators|residents|villagers|youths?|supporters|"
                        r"traders|locals|workers|students|operators)\b", re.I)


# Civilian words whose violence ACLED codes as a communal militia's, not a mob's.
ARMED_CIVILIANS = re.compile(r"herd|farmer|pastoral|communit|clan|refugee|tribe", re.I)


def crowd_violence(mentions: list[ActorMention], lead: SpacySpan) -> bool:
    """Whether the lead sentence's violence is done by an unarmed crowd rather than armed men.

    'Nairobi residents beat two men to death', 'traders pelted the governor with mud',
    'supporters of two candidates clashed', 'police clashed with market traders'.
    """
    here = [m for m in mentions if lead.start_char <= m.start < lead.end_char]
    if FIREARMS.search(lead.text):
        return False  # civilians who shoot act as armed men ('shot dead by local fishermen'), not as a mob
    crowd_agents = [m for m in here if m.kind == "civilians" and m.role == "agent"
                    and not ARMED_CIVILIANS.search(doc_text(lead.doc)[m.start:m.end]) and not one_person(m, lead.doc)]
    armed = [m for m in here if m.kind in AGENT_KINDS and not CROWD_ONLY.match(doc_text(lead.doc)[m.start:m.end])]
    armed_agents = [m for m in armed if m.role == "agent" and m.kind != "state"]
    # (forces a clause told after the act has come in did not take part: 'hundreds of men stormed the airport ...
    # before police officers dispersed them')
    if crowd_agents and not armed_agents and not any(m.kind == "state" and m.role == "agent"
                                                     and not after_the_act(m, lead.doc) for m in armed):
        return True
    clash = re.search(r"\bclash(?:ed|es)?\b|running\s+battles?|fought", lead.text, re.I)
    # (a crowd: traders, residents, supporters; not 'men and boys' killed after a clash elsewhere)
    crowd = [m for m in here if m.kind == "civilians" and m.role in ("agent", "")
             and CLASHING_CROWD.search(doc_text(lead.doc)[m.start:m.end])]
    return bool(clash and crowd and not [m for m in armed if m.kind != "state"])


# Firing guns: what armed men do, not an unarmed crowd ('shot dead by local fishermen').
FIREARMS = re.compile(r"\b(?:shot\s+dead|gunned\s+down|opened\s+fire|shot\s+and\s+killed)\s+by\b|"
                      r"\b(?:fishermen|farmers|villagers|residents|traders)\s+(?:shot|gunned|opened\s+fire)\b", re.I)
# The crowds that clash with the police or each other ('police clashed with market traders').
CLASHING_CROWD = re.compile(r"\b(?:traders?|residents?|supporters|youths?|students?|crowds?|mob|villagers?|"
                            r"locals|fans|protesters|demonstrators|rioters|hawkers|squatters|workers|"
                            r"operators|riders|communities|vigilantes|boda\s+boda|motorists|passengers)\b", re.I)


# What makes the civilians after it some of those hit, not all ('including two German citizens').
INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+(?:[\w.-]+\s+){0,3}$", re.I)


def part_of_them(m: ActorMention, text: str) -> bool:
    """Whether a civilians mention names some of the victims ('including a U.S. citizen')."""
    return INCLUDING.search(text, max(0, m.start - 40), m.start) is not None


# How a text gives the nationality of victims it has just named, and how far after them.
NATIONALITY_GIVEN = re.compile(r",\s+(?:mostly|most\s+of\s+them|all|both|many\s+of\s+them)\s+$", re.I)
NATIONALITY_REACH = 80
# ... or by an apposition of their nationals: 'killing two detainees, Mexican nationals'
NATIONALS_GIVEN = re.compile(r",\s+$")
NATIONALS = re.compile(r"\S+\s+(?:nationals|citizens)$", re.I)
# Victims said to be foreigners, whose nationality the sentence gives later ('foreign tourists ... three Spanish
# tourists'): not the event country's civilians.
FOREIGN = re.compile(r"\bforeign\s+$", re.I)


CROWD_WORDS = {
    actors_mod.INTER_PROTESTERS: re.compile(r"\b(?:protesters|demonstrators|marchers|crowds?|strikers|students|traders|"
                                            r"workers|teachers|residents|supporters|activists)\b", re.I),
    actors_mod.INTER_RIOTERS: re.compile(r"\b(?:rioters|youths|young\s+men|mob|crowds?|protesters|demonstrators|"
                                         r"residents|students|vigilantes)\b", re.I),
    actors_mod.INTER_CIVILIANS: actors_mod.CIVILIANS,
}


# Bombings whose author the text may leave unnamed (ACLED: Unidentified Armed Group).
BOMBINGS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
# A state's weapon named after its people ('a Ukrainian ATACMS missile was shot down'): its act, hit or not.
WEAPON = re.compile(r"\b(?:" + actors_mod._any("fired_weapons") + r")\b", re.I)
# Acts whose author the text often leaves unnamed while it names the forces that came after: the
# bombings, and a kidnapping (which state forces do not do: theirs is an arrest).
BY_THE_UNNAMED = BOMBINGS | {"Abduction/forced disappearance"}
# The events whose author a headline can name when the text does not: the political violence of one side
# against another (not a protest's crowd, nor a development with no one acting)
HEADLINE_EVENT_TYPES = frozenset({taxonomy.BATTLES, taxonomy.EXPLOSIONS, taxonomy.VIOLENCE_AGAINST_CIVILIANS})


def pick_actors(
    sub: str, mentions: list[ActorMention], country: str, sents: list[SpacySpan],
    elsewhere: list[ActorMention] | None = None, headline: list[ActorMention] | None = None,
) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 and actor2 as ACLED assigns them for this kind of event. `elsewhere` holds the groups
    that other sentences of the text blame: they can only name an attacker the event leaves unnamed.
    `headline` holds the sides the headline has act ('Israel strikes Lebanon'): the author of an event
    whose text names none and blames no one (the guideline, section 4)."""
    def synthetic(name: str, inter: int) -> ActorMention:
        """An actor the text names only by what it did ('protesters'): its evidence is that word."""
        words = CROWD_WORDS.get(inter)
        for s in sents:
            m = words.search(s.text) if words else None
            if m:
                return ActorMention(name, inter, s.start_char + m.start(), s.start_char + m.end(), "crowd")
        return ActorMention(name, inter, 0, 0, "synthetic")

    # an ethnic or communal group is armed when it acts; when acted on ('six Kikuyu were killed') it is civilians
    communal = ("identity", "communal")
    # (and armed when the text lays the act at its door as armed men: 'armed men suspected to be Fulani
    # herdsmen', not 'believed to be Somali pirates')
    armed = [m for m in mentions if (m.kind in AGENT_KINDS and m.kind not in communal
                                     or m.kind in communal and (m.role in ("agent", "") or m.attributed
                                                                and " " in doc_text(sents[0].doc)[m.start:m.end]))
             and m.role != "speaker"]
    # a weapon word alone ('drones struck a military academy') is the event country's forces only by default: not
    # where the text has that state struck or among the dead ('the residence of Prime Minister al-Kadhimi'), a
    # state not striking itself (issue 17, ninth session); a state that only speaks of it ('an air strike killed
    # 10 militants, the military said') keeps it
    hit = {m.of for m in mentions if m.kind in ("state", "government") and not m.bare and m.role in ("patient", "")}
    unowned = [m for m in armed if m.bare and m.kind == "state" and m.role == "agent" and m.of in hit]
    armed = [m for m in armed if m not in unowned]
    claimant = next((m for m in armed if m.role == "claimant"), None)
    # a de facto authority ACLED codes as the state's forces ('Taliban fighters' after August 2021) is the state
    # (the one acting first: 'supporters of the military junta rallied ... Police fired tear gas' has the police)
    states = [m for m in armed if m.kind == "state" or m.kind == "group" and m.inter == actors_mod.INTER_STATE]
    police = next((m for m in states if m.role == "agent"), None) or next(iter(states), None)
    # (the civilians acted on before those who act: 'a mob of factory workers lynched the Sri Lankan manager')
    civilians = next((m for m in mentions if m.kind == "civilians" and m.role == "patient"), None) or next(
        (m for m in mentions if m.kind == "civilians"), None) or next(
        (dataclasses.replace(m, name=f"Civilians ({country})", inter=actors_mod.INTER_CIVILIANS, kind="civilians")
         for m in mentions if m.kind in communal and m.role == "patient"), None) or next(
        (m for m in mentions if m.kind == "people"), None)
    text = doc_text(sents[0].doc)
    if civilians is not None and part_of_them(civilians, text):
        # the ones named as some of the victims do not name them all ('seven people, including a US citizen and a
        # journalist, were killed'; 'activists, including two German citizens, have been detained'): the victims
        # are the event country's unless the text names them otherwise
        civilians = next((m for m in mentions if m.kind in ("civilians", "people") and m.name != civilians.name
                          and not part_of_them(m, text)),
                         dataclasses.replace(civilians, name=f"Civilians ({country})"))
    if civilians is not None:
        # their nationality given beside them names them: '17 missionaries of an aid group, mostly US citizens',
        # '68 migrants, most of them Ethiopians', 'two detainees, Mexican nationals'
        civilians = next((m for m in mentions if m.kind == "civilians" and m.name != civilians.name
                          and 0 < m.start - civilians.end < NATIONALITY_REACH
                          and (NATIONALITY_GIVEN.search(text, max(0, m.start - NATIONALITY_REACH), m.start)
                               or NATIONALS_GIVEN.match(text, civilians.end, m.start)
                               and NATIONALS.match(text[m.start:m.end]))), civilians)
    if civilians is not None and FOREIGN.search(text, max(0, civilians.start - 12), civilians.start):
        lead = sents[0]
        civilians = next((m for m in mentions if m.kind == "civilians" and m.start > civilians.end
                          and m.name != f"Civilians ({country})" and lead.start_char <= m.start < lead.end_char),
                         civilians)
    police = named_branch(police, armed)
    if police is not None and police.branch == "Military Forces" and sub in (
            "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
            "Arrests") and re.search(
            r"(?i)\bsecurity\s+forces$", doc_text(sents[0].doc)[police.start:police.end]):
        # 'security forces' facing a crowd or making arrests are the police, as ACLED codes them, with their
        # people's name or without ('Chinese security forces'; the guideline: police where the context is
        # policing, a protest or an arrest)
        police = dataclasses.replace(police, branch="Police Forces", name=f"Police Forces of {police.of}")
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        a1 = synthetic(f"Protesters ({country})", actors_mod.INTER_PROTESTERS)
        if police is not None and police.role == "patient" and sub != "Peaceful protest":
            # forces the crowd only demands something of ('banners reading "Bring back the troops now"', 'against
            # the army's deployment') are what the protest is about, not the ones who intervened in it
            police = None
        if police is None and sub != "Peaceful protest" and country != "International":
            # someone intervened though the text names no force ('40 demonstrators were arrested during a prayer
            # rally'): the country's police, as the guideline codes a force left unsaid in policing
            police = ActorMention(f"Police Forces of {country}", actors_mod.INTER_STATE, 0, 0, "state",
                                  branch="Police Forces", of=country)
        return a1, police if sub != "Peaceful protest" else None
    rival = TWO_CROWDS.search(sents[0].text) and (police is None or police.role != "agent")
    if sub == "Violent demonstration":
        return synthetic(f"Rioters ({country})", actors_mod.INTER_RIOTERS), police if not rival else synthetic(
            f"Rioters ({country})", actors_mod.INTER_RIOTERS)
    if sub == "Mob violence":
        named = civilians if civilians is not None and civilians.kind != "people" else None
        victim = named or protesters_hit(sents[0], country) or civilians or synthetic(
            f"Civilians ({country})", actors_mod.INTER_CIVILIANS)
        # (the mob's victims before forces that acted on their own, not clashed with or hit: 'a crowd stoned 13
        # suspected gang members after police stopped their minibus' is violence against the suspects)
        acted_on = police is not None and (police.role != "agent" or civilians is None)
        if rival:  # two crowds fighting each other: rioters on both sides ('Hindu and Muslim crowds clashed')
            return synthetic(f"Rioters ({country})", actors_mod.INTER_RIOTERS), synthetic(
                f"Rioters ({country})", actors_mod.INTER_RIOTERS)
        return synthetic(f"Rioters ({country})", actors_mod.INTER_RIOTERS), police if acted_on else victim
    if sub == "Arrests" and country != "International":  # (no event country: no police to default to)
        return arrests(mentions, armed, police, country, civilians, synthetic)
    if sub in BY_THE_UNNAMED:
        # a state's forces that a later sentence names, unless as the ones hit ('Police are working with the
        # ATF', 'captured by Iraqi Security Forces'), came after a bombing or kidnapping: neither its author
        # nor its target, which its first sentence tells
        armed = [m for m in armed if not (m.kind == "state" and m.role != "patient"
                                          and not sents[0].start_char <= m.start < sents[0].end_char)]
    if sub == "Attack":
        # the forces that ended or followed up an attack (shot the attacker, arrested or questioned him) are not its
        # perpetrator: 'A man killed three ... The perpetrator was shot and killed by police'
        # (in the lead sentence, only a clause told as what came next: 'FBI agents shot dead a gunman' is their act)
        lead = sents[0]
        armed = [m for m in armed if not (m.kind == "state" and m.role == "agent" and followed_up(
            m, lead.doc, next_only=lead.start_char <= m.start < lead.end_char))]
    # (the ones a weapon no one is named for struck are not its authors: the attacker is unidentified)
    # (and, with no doer told, not those the lead sentence acts on before a state it names there by its weapon:
    # 'a Hezbollah spokesman was killed in an Israeli strike')
    lead_doers = [m for m in armed if m.role != "patient" and sents[0].start_char <= m.start < sents[0].end_char
                  and m.kind == "state" and WEAPON.search(doc_text(sents[0].doc)[m.start:m.end])]
    agents = [m for m in armed if m.role == "agent"] or ([] if unowned else lead_doers or armed)
    if sub in BY_THE_UNNAMED:
        agents = [m for m in agents if m.kind != "state" or sents[0].start_char <= m.start < sents[0].end_char]
    if sub in BOMBINGS and not any(m.role == "agent" for m in armed):
        # no one is said to have set it off: the forces named beside a bomb are its targets or
        # its responders ('a car bomb killed 125 police recruits'), the bomber is unidentified
        agents = [m for m in armed if m.kind != "state"]
    elif sub == "Shelling/artillery/missile attack" and armed and all(
            m.role == "patient" and not WEAPON.search(doc_text(sents[0].doc)[m.start:m.end]) for m in armed):
        # rockets no one is said to have fired that killed soldiers ('about 18 rockets hit Camp Taji, killing two US
        # soldiers'): the soldiers are the ones hit, the attacker unidentified
        agents = []
    doer = next((m for m in mentions if m.kind == "civilians" and m.role == "agent" and one_person(m, sents[0].doc)
                 and sents[0].start_char <= m.start < sents[0].end_char), None)
    if doer is not None:
        # the forces that a clause told after the act has end a lone attack are neither its author nor its target
        # ('a man armed with a knife attacked worshippers, killing three people before police officers shot him'; not
        # armed groups' acts: 'M23 took the town after the army withdrew' has the army as the other side)
        ended = [m for m in armed if m.kind == "state" and m.start > doer.start
                 and after_the_act(m, sents[0].doc)]
        armed = [m for m in armed if m not in ended]
        agents = [m for m in agents if m not in ended]
    # the lead sentence's doer before any a later sentence names ('a lone attacker beheaded a teacher. Police
    # shot the assailant dead': the attacker is actor 1)
    agents = [m for m in agents if sents[0].start_char <= m.start < sents[0].end_char] or agents
    # (and a state's or a mission's force that does something else gives way to one that does violence: 'the
    # officers had attended a funeral for a fellow officer, who had been killed by gunmen' has the gunmen attack)
    if any(m.role == "agent" and does_violence(m, sents[0].doc) for m in agents):
        agents = [m for m in agents if m.inter not in (actors_mod.INTER_STATE, actors_mod.INTER_EXTERNAL)
                  or m.role != "agent" or does_violence(m, sents[0].doc)]
    if claimant is not None and not sents[0].start_char <= claimant.start < sents[0].end_char and any(
            m.kind != "unidentified" and sents[0].start_char <= m.start < sents[0].end_char for m in agents):
        # and before a side that a later sentence has say what it did ('JNIM militants attacked a military
        # detachment. The army said it repelled the assault': JNIM attacked)
        claimant = None
    assailant = specific([m for m in agents if sub in ("Armed clash", "Attack") and assails(m, sents[0].doc)
                          and sents[0].start_char <= m.start < sents[0].end_char])  # ('Pokot militants': named)
    if assailant is not None and claimant is not None and (claimant.start < assailant.start
                                                           or assailant.kind == "unidentified"):
        assailant = None  # (unnamed attackers are who claims them: 'gunmen attacked ... IS later claimed it')
    # the side the lead sentence has attack first, before any that fought back or claims the dead ('armed men
    # attacked the palace; security forces killed 18 of them'; the guideline's table: the attacker when the
    # text says who attacked)
    actor1 = assailant or claimant or specific(agents)
    attributed = next((m for m in armed if m.attributed), None) or next(iter(elsewhere or []), None)
    if attributed is not None and (actor1 is None or actor1.kind == "unidentified" or actor1.bare
                                   or actor1 is attributed
                                   or attributed.role == "claimant" and actor1.kind != "group"):
        # (a group that claims the attack is its author, before any force the text names only beside it)
        # unnamed gunmen 'suspected to be al-Shabaab' are al-Shabaab, as ACLED codes them, and not a second side
        actor1 = attributed
        armed = [m for m in armed if m.kind != "unidentified"]
    if headline and (actor1 is None or actor1.kind == "unidentified") and \
            taxonomy.event_type(sub) in HEADLINE_EVENT_TYPES:
        # (not a side the event's sentences have hit: 'Israeli troops kill 9' names who killed, not whom)
        author = next((m for m in headline if m.name not in {a.name for a in armed if a.role == "patient"}), None)
        if author is not None:
            actor1 = author
            armed = [m for m in armed if m.kind != "unidentified"]
    government = next((m for m in mentions if m.kind == "government" and m.role != "speaker"), None)
    if sub == "Agreement":
        others = [m for m in armed if m.name != (actor1.name if actor1 else None)]
        actor2 = specific(others)
        if government is not None:
            # the government, not its forces, is the state's party to an agreement ('the government signed a
            # ceasefire with the rebels')
            if actor1 is None or actor1.kind in ("state", "unidentified") and actor1.of in ("", government.of):
                actor1, actor2 = government, actor2 if actor2 is None or actor2.kind != "state" else None
            elif actor2 is None or actor2.kind in ("state", "unidentified") and actor2.of in ("", government.of):
                actor2 = government
            if actor2 is not None and actor2.end > actor2.start and actor2.start < actor1.start:
                actor1, actor2 = actor2, actor1  # two parties: actor 1 is the one named first (guideline)
        return actor1, actor2
    decree = DECREE.search(sents[0].text) if sub == "Change to group/activity" and government is None else None
    if decree is not None and (actor1 is None or actor1.kind == "unidentified" or actor1.kind == "state" and not
                               imposes(actor1, sents[0].doc)):
        # a curfew or a state of emergency no government is named for ('a curfew was imposed in the capital as
        # policemen patrolled the streets', 'the city of Amiens imposed a curfew') is the government's decree (the
        # guideline's table: the government as a party to a decree or curfew); forces that impose it themselves
        # ('the army imposed a curfew') stay
        government = ActorMention(f"Government of {country}", actors_mod.INTER_STATE,
                                  sents[0].start_char + decree.start(), sents[0].start_char + decree.end(),
                                  "government", branch="Government", of=country)
    if sub == "Change to group/activity" and government is not None and (
            actor1 is None or actor1.kind == "unidentified" or actor1.kind == "state" and actor1.role != "agent"):
        # a government that decrees (a curfew, a state of emergency, a ban) is actor 1; forces that impose a
        # curfew themselves ('the army imposed a curfew') stay, and so does a group that changes itself
        return government, None
    if actor1 is None and any(m.kind == "civilians" and m.role == "agent" and one_person(m, sents[0].doc)
                                       and sents[0].start_char <= m.start < sents[0].end_char for m in mentions):
        # one unnamed person attacking ('a man drove a car into a Christmas market'), where ACLED names such a
        # one as the country's sole perpetrator
        actor1 = synthetic(actors_mod.lone_convention(country), actors_mod.INTER_POLITICAL)
    if actor1 is None and sub == "Looting/property destruction" and any(
            m.kind == "civilians" and m.role == "agent" and CROWD_NOUN.search(doc_text(sents[0].doc)[m.start:m.end])
            and sents[0].start_char <= m.start < sents[0].end_char for m in mentions):
        # a crowd that burns or loots ('a mob set fire to churches and homes') is rioters, not armed men (but 'a
        # group of around 20 men' who burned a school and overpowered its guards are men, armed or not)
        actor1 = synthetic(f"Rioters ({country})", actors_mod.INTER_RIOTERS)
    if actor1 is None:
        actor1 = synthetic(f"Unidentified Armed Group ({country})", actors_mod.INTER_POLITICAL)
    ousted = next((m for m in mentions if m.kind == "government" and m.role == "patient"
                   and sents[0].start_char <= m.start < sents[0].end_char), None)
    if sub == "Other" and ousted is not None and actor1.kind == "state" and actor1.of == ousted.of:
        # a state's forces acting on its own government ('the army general ousted Prime Minister Thaksin in a
        # military coup', 'the President and Prime Minister were arrested in a military coup'): the government is
        # the other side (the guideline's table: who it was done to)
        return actor1, ousted
    if sub == "Attack":
        armed_target = min((m for m in armed if m.name != actor1.name and m.role != "claimant"
                            and not sides.beside(sents[0].doc, actor1, m)),
                           key=lambda m: (m.role != "patient", m.kind == "unidentified", m.start), default=None)
        # (armed men that a later sentence has hit, 'distracting nearby villagers and police', were not the
        # target of an attack whose first sentence has civilians killed: it stays an attack on them)
        told_first = armed_target is not None and sents[0].start_char <= armed_target.start < sents[0].end_char
        # (civilians the lead sentence has acted on before any armed side stay the ones attacked: 'killed 21
        # civilians ... during an operation against Anglophone separatists', 'attacked residents and VDP
        # auxiliaries digging trenches')
        hit_first = (civilians is not None and civilians.role == "patient" and armed_target is not None
                     and sents[0].start_char <= civilians.start < armed_target.start)
        if armed_target is not None and not hit_first and (
                armed_target.role == "patient" and (told_first or civilians is None) or civilians is None):
            return actor1, armed_target
    if sub in ("Attack", "Abduction/forced disappearance", "Sexual violence"):
        # (those hit told as protesters before the dead told only as people: 'attacked protesters, killing 20 people')
        named = civilians if civilians is not None and civilians.kind != "people" else None
        return actor1, named or protesters_hit(sents[0], country) or civilians or synthetic(
            f"Civilians ({country})", actors_mod.INTER_CIVILIANS)
    victims = next((m for m in mentions if m.kind == "civilians" and m.role == "patient"), None)
    if victims is not None and civilians is not None and 0 < civilians.start - victims.end < NATIONALITY_REACH:
        victims = civilians  # their nationality given beside them ('68 migrants, most of them Ethiopians')
    # (not a weapon word alone, 'launched drone strikes on Jenin': it names no side struck)
    armed_patient = next((m for m in armed if m.role == "patient" and m.name != actor1.name and not m.bare
                          and m.kind in ("state", "group") and sents[0].start_char <= m.start < sents[0].end_char),
                         None)
    if taxonomy.event_type(sub) == "Explosions/Remote violence":
        # 'pounded SDF positions': the armed side struck, civilians among the dead or not; but the side named first
        # among the dead wins ('killing 49 civilians and 15 soldiers aboard' a passenger boat), and the dead told
        # only as people ('a suicide bomber ... killing 37 people') are civilians, unless an armed side the
        # event's sentences name, not acting itself, is what was struck ('bombed a camp of FARC dissidents,
        # killing 12 people'; 'the strikes hit military positions')
        struck = any(m.name != actor1.name and m.role != "agent" and m.kind in ("state", "group") for m in armed)
        dead = victims or next((dataclasses.replace(m, kind="civilians") for m in mentions
                                if m.kind == "people" and m.role == "patient" and not struck), None)
        if armed_patient is not None and (victims is None or armed_patient.start < victims.start):
            return actor1, named_branch(armed_patient, [m for m in armed if m.role == "patient"])
        aimed = next((m for m in armed if m.kind == "state" and m.name != actor1.name and m.role != "agent"
                      and sents[0].start_char <= m.start < sents[0].end_char and forces_place(m, sents[0].doc)),
                     None)
        if aimed is not None:
            # the forces whose post, convoy or building the blast was aimed at are its target, whoever died
            # ('a suicide bomb attack on a military convoy killed five children', 'outside a police recruitment
            # building'; the guideline's table: the target, the force hit)
            return actor1, named_branch(aimed, armed)
        if dead is not None:
            return actor1, dead
    # (a weapon word alone, 'a drone-supported incursion', names no side to strike at)
    others = [m for m in armed if m.name != actor1.name and m.role != "claimant" and not m.bare]
    # (a side acting beside actor 1, 'ATMIS troops and the Somali army clashed with al Shabaab', is its
    # associate, not its target)
    doc = sents[0].doc
    others = [m for m in others if not sides.beside(doc, actor1, m)]
    target = min(others, key=lambda m: (m.kind == "unidentified", m.role != "patient", m.start), default=None)
    if target is None and sub == "Armed clash":
        target = synthetic(f"Unidentified Armed Group ({country})", actors_mod.INTER_POLITICAL)
    if target is None and civilians is not None and taxonomy.event_type(sub) == "Explosions/Remote violence":
        target = civilians
    if target is None and taxonomy.event_type(sub) == "Explosions/Remote violence" and any(
            someone_hurt(s.text) for s in sents):
        # a blast or strike that killed or hurt people and hit no armed side the text names is one against
        # civilians, though it names them by no word ('an additional bomb was detonated in Teheran, killing three';
        # 'an explosion ripped through a theatre'; the guideline's table: Civilians (X) when civilians were hit)
        target = synthetic(f"Civilians ({country})", actors_mod.INTER_CIVILIANS)
    if target is None and taxonomy.event_type(sub) == "Explosions/Remote violence" and PEOPLES_PLACE.search(
            sents[0].text) and not NONE_HURT.search(sents[0].text):
        # a blast or rockets in the places where people live, shop and eat ('fired rockets on towns in northern
        # Israel', 'a bomb exploded in a shopping center', 'the bombing of hotels in Amman'), no one said hurt: the
        # people there were its target (the guideline's table), not a bridge, a road or an office; but one the text
        # says hurt no one ('a bomb exploded in a market; nobody was injured') hit no one
        target = synthetic(f"Civilians ({country})", actors_mod.INTER_CIVILIANS)
    return actor1, target


# The places where people live, shop and eat, which a blast or rockets there were aimed at.
PEOPLES_PLACE = re.compile(r"\b(?:towns?|city|cities|villages?|neighbou?rhoods?|shopping\s+(?:cent(?:er|re)|malls?)|"
                           r"malls?|markets?|marketplaces?|hotels?|restaurants?|caf[eé]s?|homes?|houses?)\b", re.I)


# The prepositions and verbs whose object is where a blast was aimed ('an attack on a military convoy').
AIMED_AT = frozenset({"on", "at", "outside", "near", "against", "into", "inside", "targeting", "target", "hit", "ram",
                      "attack", "strike", "bomb"})


def forces_place(m: ActorMention, doc: Doc) -> bool:
    """Whether a force word names whose a place or vehicle is, one a blast was aimed at ('on a military convoy',
    'outside a police recruitment building', 'a police checkpoint was hit'), not the forces themselves."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("compound", "amod", "nmod"):
        return False
    thing = span.root.head
    while thing.dep_ in ("compound", "amod", "nmod") and thing.head.i != thing.i:
        thing = thing.head  # 'police recruitment building': the building
    if thing.ent_type_ or thing.lemma_.lower() in actors_mod.MEMBER_NOUNS or thing.lemma_.lower() in PERSONS:
        return False  # ('police officers', 'army commander': the forces themselves)
    how = thing.head
    return (thing.dep_ == "pobj" and how.lower_ in AIMED_AT
            or thing.dep_ in ("dobj", "nsubjpass") and how.lemma_.lower() in AIMED_AT)


# Nouns of people a force word describes: the forces themselves, not a place of theirs.
PERSONS = frozenset({"officer", "soldier", "man", "personnel", "recruit", "trooper", "guard", "commander",
                     "chief", "official", "staff", "cadet", "agent", "patrolman", "policeman", "member", "unit",
                     "force", "troop", "sailor", "pilot", "general", "colonel", "captain", "sergeant", "spokesman"})


# Words that tell of people killed or hurt, and the phrases that deny it ('no one was injured').
HURT = re.compile(r"\b(?:killed|killing|kills|dead|died|deaths?|wounded|wounding|injured|injuring|injuries|"
                  r"casualties|fatalities)\b", re.I)
NONE_HURT = re.compile(r"\b(?:no\s+one|nobody|none|no|without|not)\s+(?:\w+\s+){0,3}?(?:was\s+|were\s+)?"
                       r"(?:killed|dead|wounded|injured|injuries|casualties|fatalities|hurt)\b", re.I)


# Two crowds that fight each other: 'Hindu and Muslim crowds clashed', 'rival mobs clashed'.
TWO_CROWDS = re.compile(r"\b(?:[A-Z][a-z]+\s+and\s+[A-Z][a-z]+|rival)\s+(?:mobs|crowds|groups)\s+clashed\b")
# Those an attack hit as they protested ('gunmen attacked protesters at Khilani Square'): ACLED's Protesters.
PROTESTING = frozenset({"protester", "demonstrator", "marcher", "counter-protester"})


def protesters_hit(lead: SpacySpan, country: str) -> ActorMention | None:
    """The protesters the lead sentence has acted on (the object of its verb or preposition), as actor 2."""
    tok = next((t for t in lead if t.lemma_.lower() in PROTESTING and t.dep_ in ("dobj", "pobj", "nsubjpass")), None)
    if tok is None:
        return None
    return ActorMention(f"Protesters ({country})", actors_mod.INTER_PROTESTERS, tok.idx, tok.idx + len(tok.text),
                        "crowd")


def someone_hurt(text: str) -> bool:
    """Whether a sentence tells of people killed or hurt ('killing three', 'injured one person'), not of no one
    hurt ('nobody was injured by the blast', 'no casualties were reported')."""
    return bool(HURT.search(NONE_HURT.sub(" ", text)))


def arrests(mentions: list[ActorMention], armed: list[ActorMention], police: ActorMention | None, country: str,
            civilians: ActorMention | None, synthetic: Callable[[str, int], ActorMention],
            ) -> tuple[ActorMention, ActorMention]:
    """Arrests: the arresting force is actor 1, who was arrested actor 2 (the guideline's table).

    The force is the state's that the sentences have arresting (the doer), else the first they name,
    else a named group that does it (a de facto authority: 'Hamas arrested ...'), else the country's
    police ('five suspects were arrested': policing, as the guideline codes a force left unsaid). The
    arrested are a named group when the text names one, else civilians: suspects, militants and
    activists in custody are coded as people, not as an armed side ('police arrested three suspected
    militants': `Civilians (X)`).
    """
    # (not a force the arrested once served in: 'former Royal Lao Army general Vang Pao ... were arrested')
    held = police is not None and police.role == "patient"
    force = next((m for m in armed if m.kind == "state" and m.role == "agent"), None) or (
        None if held else police) or next(
        (m for m in armed if m.kind == "group" and m.role == "agent"), None)  # a group holding a town ('Hamas')
    if force is None:
        force = ActorMention(f"Police Forces of {country}", actors_mod.INTER_STATE, 0, 0, "state",
                             branch="Police Forces", of=country)
    force = named_branch(force, armed)
    taken = next((m for m in mentions if m.kind in ("group", "identity") and m.inter != actors_mod.INTER_STATE
                  and m.role != "claimant" and m.name != force.name), None)
    return force, taken or civilians or synthetic(f"Civilians ({country})", actors_mod.INTER_CIVILIANS)


def named_branch(actor: ActorMention | None, mentions: list[ActorMention]) -> ActorMention | None:
    """A state's force as the text names it most precisely: 'police' and later 'the Federal District's Military
    Police' are the Military Police; 'military targets' and 'IRGC commanders' the Revolutionary Guards."""
    if actor is None or actor.kind != "state" or actor.unit:
        return actor
    return next((m for m in mentions if m.kind == "state" and m.of == actor.of and m.unit and m.role != "speaker"),
                actor)


# Verbs of an armed assault: their subject is the side that attacked.
ASSAULT_VERBS = frozenset(actors_mod._words("assault_verbs"))


def assails(m: ActorMention, doc: Doc) -> bool:
    """Whether the mention is the subject of an assault verb ('armed men attacked the palace', 'JNIM fighters
    stormed a camp')."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "amod", "nmod") and root.head is not root:
        root = root.head  # ('Pokot militants attacked': the people's name before the armed men it names)
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ASSAULT_VERBS


def specific(mentions: list[ActorMention]) -> ActorMention | None:
    """Prefer a named actor to an unidentified one."""
    if not mentions:
        return None
    ranked = sorted(mentions, key=lambda m: (m.kind == "unidentified", m.bare, m.start))
    return ranked[0]


def one_sided(a2: ActorMention | None, mentions: list[ActorMention], lead: SpacySpan) -> bool:
    """Whether an armed clash has no second armed side and civilians are the ones acted on in its lead
    sentence (`a2` is the side `pick_actors` found: none, or one made up for want of any)."""
    if a2 is not None and a2.kind != "synthetic":
        return False
    return any(m.kind == "civilians" and m.role == "patient" and lead.start_char <= m.start < lead.end_char
               for m in mentions)
