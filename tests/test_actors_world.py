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
        # armed men the text lays at a people's door are that people's militia, though the parse makes it an object
        ("NG", "2023-05-16", "On 16 May 2023, armed men suspected to be Fulani herdsmen attacked Mangu, killing 30 "
         "villagers.", "Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
        # a force fighting alongside actor 1 is its associate, not its target; 'dozens of men' were the ones killed
        ("ET", "2020-11-30", "On 30 November 2020, Eritrean soldiers fighting alongside federal troops killed dozens "
         "of unarmed men in Dengelat.", "Military Forces of Eritrea (1993-)", "Civilians (Ethiopia)"),
        # a named branch just before the force word; firing on a crowd and killing is excessive force
        ("CD", "2023-09-01", "On 1 September 2023, Republican Guard soldiers fired on demonstrators in Goma, "
         "killing 12 people.", "Military Forces of Democratic Republic of Congo (2019-) Republican Guard",
         "Protesters (Democratic Republic of Congo)"),
        # suicide bombers are unnamed armed men: the group the police blame is actor 1, and the dead told only as
        # people are civilians
        ("UG", "2021-10-25", "On 25 October 2021, a suicide bomber blew himself up on a bus near Lungala, killing 3 "
         "people. Police blamed the ADF.", "ADF: Allied Democratic Forces", "Civilians (Uganda)"),
        # a massacre told with 'executed' is an attack, between two dates or not
        ("ML", "2022-03-28", "Between 27 and 31 March 2022, Malian soldiers executed around 300 people in Moura.",
         "Military Forces of Mali (2021-)", "Civilians (Mali)"),
        # Abiy Ahmed's government throughout: ACLED's (2018-)
        ("ET", "2023-08-09", "On 9 August 2023, Fano militiamen took control of Lalibela (North Wollo, Amhara) after "
         "the Ethiopian army withdrew.", "Fano Militia", "Military Forces of Ethiopia (2018-)"),
        # issue 17, third session: a de facto state's forces are its own, not Somalia's; a named clan's militia
        ("SO", "2023-02-10", "On 10 February 2023, Somaliland forces clashed with Dhulbahante clan militias in Las "
         "Anod, killing 20 people.", "Military Forces of Somaliland (2017-)", "Dhulbahante Clan Militia (Somalia)"),
        # 'Zaire' is the name of an Ituri militia, not a people whose ethnic militia it would be
        ("CD", "2023-10-10", "On 10 October 2023, Zaire militiamen clashed with CODECO fighters near Lopa, leaving 5 "
         "dead.", "Zaire Militia", "CODECO: Cooperative for Development of Congo"),
        # a claim of 'the massacre' in a later sentence names the gunmen, as a claim of 'the attack' does
        ("BF", "2022-06-11", "On 11 June 2022, gunmen attacked Seytenga and killed 86 civilians. The Islamic State "
         "Sahel Province later claimed the massacre.", "Islamic State (Sahel)", "Civilians (Burkina Faso)"),
        # 'Amba fighters' are the Ambazonian separatists, not civilians
        ("CM", "2024-11-05", "On 5 November 2024, Cameroonian soldiers raided a separatist camp near Bamenda, killing "
         "4 Amba fighters.", "Military Forces of Cameroon (1982-)", "Ambazonian Separatists"),
        # Somalia's clans are ACLED's clan militias, not ethnic militias (unidentified.tsv, kind identity)
        ("SO", "2022-03-01", "On 1 March 2022, Habar Gidir clan militias clashed with Marehan militiamen near "
         "Galkayo, killing 6.", "Habar Gidir Clan Militia (Somalia)", "Marehan Clan Militia (Somalia)"),
        # a force 'backed by' another names its ally, an associate, not the side it fights
        ("SD", "2025-01-11", "On 11 January 2025, the Sudanese Armed Forces, backed by the Sudan Shield Forces, "
         "recaptured Wad Madani from the RSF.", "Military Forces of Sudan (2019-)", "Rapid Support Forces"),
        # Tripoli's armed groups by their own names
        ("LY", "2022-08-27", "On 27 August 2022, fighting in Tripoli between the Radaa Special Deterrence Force and "
         "the Tripoli Revolutionaries Brigade killed 32 people.", "Radaa Special Deterrence Force",
         "Tripoli Revolutionaries Brigade"),
        # issue 17, ninth session. Unnamed men 'of' a named group are the group, whatever the parse makes of them
        ("NE", "2024-05-10", "On 10 May 2024, gunmen of the Islamic State Sahel Province attacked a market in "
         "Tahoua, killing 12 traders.", "Islamic State (Sahel)", "Civilians (Niger)"),
        # Nigeria's herders, named by their way of life alone, are ACLED's Fulani militia
        ("NG", "2023-06-01", "On 1 June 2023, suspected herders attacked Mbawa in Guma, killing 8 farmers.",
         "Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
        # Mali's junta is Mali's army: 'junta soldiers' are no Myanmar's
        ("ML", "2022-04-01", "On 1 April 2022, junta soldiers clashed with JNIM militants near Mopti, killing 6.",
         "Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims"),
        # civilians the lead sentence has killed stay actor 2, whatever the operation was against
        ("CM", "2021-03-02", "On 2 March 2021, Cameroonian soldiers killed 9 civilians in Bamenda during an operation "
         "against Amba fighters.", "Military Forces of Cameroon (1982-)", "Civilians (Cameroon)"),
        # a force that says in a later sentence it repelled the assault did not make it
        ("BF", "2023-11-26", "On 26 November 2023, JNIM militants attacked a military detachment in Djibo. The army "
         "said it repelled the assault.", "JNIM: Group for Support of Islam and Muslims",
         "Military Forces of Burkina Faso (2022-)"),
        # the army that links the gunmen to a group tells who they were; it is not the one that fought
        ("NG", "2024-05-30", "On 30 May 2024, gunmen the army linked to IPOB attacked a checkpoint in Aba, killing 5 "
         "soldiers.", "IPOB: Indigenous People of Biafra", "Military Forces of Nigeria (2023-)"),
        # excessive force by the RSF while it was Sudan's: the force is actor 1, as any state force is
        ("SD", "2019-06-03", "On 3 June 2019, Rapid Support Forces and other security forces stormed the protest "
         "sit-in in Khartoum, killing dozens of protesters.",
         "Military Forces of Sudan (2019-2023) Rapid Support Forces", "Protesters (Sudan)"),
        # a command that says it conducted a strike claims it; the Somali branch by its hyphenated name
        ("SO", "2025-02-24", "On 24 February 2025, US Africa Command said it conducted an air strike against "
         "ISIS-Somalia fighters in the Cal Miskaad mountains.", "Military Forces of the United States (2025-)",
         "Islamic State (Somalia)"),
        # Cabo Delgado's unnamed insurgents are the Islamic State's Mozambique branch
        ("MZ", "2021-08-08", "On 8 August 2021, Rwandan troops retook the port town of Mocimboa da Praia from "
         "insurgents.", "Military Forces of Rwanda (1994-)", "Islamic State (Mozambique)"),
        # (thirteenth session) the side that said its own fighters took the town claimed the act: it is actor 1
        ("ET", "2021-10-30", "On 30 October 2021, the Tigray People's Liberation Front said its fighters had taken "
         "Dessie after days of fighting with the Ethiopian army.", "TPLF: Tigray People's Liberation Front",
         "Military Forces of Ethiopia (2018-)"),
        # the armed men the lead sentence has attack are actor 1 of the battle, not the forces that killed them
        ("TD", "2025-01-08", "On 8 January 2025, two dozen armed men attacked the presidential palace in N'Djamena; "
         "security forces killed 18 of them and one soldier died.", "Unidentified Armed Group (Chad)",
         "Military Forces of Chad (2021-)"),
        # ... but unnamed attackers whom a group later claims are that group
        ("BF", "2022-06-11", "On 11 June 2022, gunmen attacked Seytenga and killed 86 civilians. The Islamic State "
         "Sahel Province later claimed the massacre.", "Islamic State (Sahel)", "Civilians (Burkina Faso)"),
        # the group's men named between the blame word and its name ('blamed fighters of Katiba Macina', a JNIM unit)
        ("ML", "2022-06-18", "On 18 June 2022, gunmen killed 132 civilians in Diallassagou; the government blamed "
         "fighters of Katiba Macina, part of JNIM.", "JNIM: Group for Support of Islam and Muslims",
         "Civilians (Mali)"),
        # a claim of 'them' (the bombs) is a claim of the attack
        ("SO", "2022-10-03", "On 3 October 2022, two suicide car bombs exploded at the regional administration "
         "offices in Beledweyne, killing about 30 people; al-Shabaab claimed them.", "Al Shabaab",
         "Civilians (Somalia)"),
        # the Islamic State in Libya is ACLED's Libyan branch
        ("LY", "2018-09-10", "On 10 September 2018, gunmen stormed the headquarters of the National Oil Corporation "
         "in Tripoli, killing two staff. The Islamic State claimed responsibility.", "Islamic State (Libya)", None),
    ],
    "Middle East": [
        # (issue 17, eleventh session) a state's strikes are no nationality of those they kill
        ("IL", "2024-01-03", "On 3 January 2024, Israeli strikes killed 12 Palestinian civilians in Rafah.",
         "Military Forces of Israel (2022-)", "Civilians (Palestine)"),
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
        # a group's gunmen fought are the group (not the Palestinian people, nor the drones the army used)
        ("PS", "2024-01-05", "On 5 January 2024, Israeli troops backed by drones fought gunmen of the Jenin Battalion "
         "in Jenin camp.", "Military Forces of Israel (2022-)", "PIJ: Katibat Jenin"),
        # the day Damascus fell, the army that gave it up is still the old regime's, and HTS still a rebel group
        ("SY", "2024-12-08", "On 8 December 2024, opposition fighters led by HTS entered Damascus without resistance "
         "as regime troops abandoned their positions.", "HTS: Hayat Tahrir al Sham",
         "Military Forces of Syria (2000-2024)"),
        # the branch the text names among those struck: the Revolutionary Guards, not the military as a whole
        ("IR", "2025-06-13", "On 13 June 2025, Israeli warplanes struck military sites in Tehran, killing IRGC "
         "commanders and several scientists.", "Military Forces of Israel (2022-)",
         "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"),
        # a chanting crowd and security forces firing tear gas: a protest with intervention, the police second
        ("IR", "2022-09-20", "On 20 September 2022, students chanted against the government at Tehran University; "
         "security forces fired tear gas at them.", "Protesters (Iran)", "Police Forces of Iran (1989-)"),
        # issue 17, ninth session: Yemen's government from April 2022 is ACLED's Presidential Leadership Council
        ("YE", "2023-06-10", "On 10 June 2023, Houthi forces attacked government troops near Taiz.",
         "Military Forces of Yemen (2017-) Houthi", "Military Forces of Yemen (2022-) Presidential Leadership Council"),
        # a weapon word ('drone strikes') is no side struck: the fighters targeted are
        ("PS", "2023-07-03", "On 3 July 2023, Israeli forces launched drone strikes on Jenin, targeting fighters of "
         "the Jenin Brigade.", "Military Forces of Israel (2022-)", "PIJ: Katibat Jenin"),
        # drones no one is named for, striking a state's own academy, are not that state's: the attacker is unnamed
        ("SY", "2023-10-05", "On 5 October 2023, drones struck a military academy graduation ceremony in Homs, "
         "killing about 89 people.", "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-2024)"),
        # (twelfth session) the Islamic State where it has no branch of its own is ACLED's plain name
        ("IR", "2022-10-26", "On 26 October 2022, a gunman attacked worshippers at a shrine in Shiraz, killing 13 "
         "people; the Islamic State claimed the attack.", "Islamic State", "Civilians (Iran)"),
        # the victims' nationality told as a people beside them
        ("YE", "2025-04-28", "On 28 April 2025, a US air strike hit a migrant detention centre in Saada, killing 68 "
         "migrants, most of them Ethiopians.", "Military Forces of the United States (2025-)", "Civilians (Ethiopia)"),
        # rockets no one fired by name that killed soldiers: the soldiers were hit, the attacker is unidentified
        ("IQ", "2020-03-11", "On 11 March 2020, about 18 rockets hit Camp Taji (Baghdad), killing two US soldiers "
         "and a British soldier.", "Unidentified Armed Group (Iraq)",
         "Military Forces of the United States (2017-2021)"),
        # those an attack hit as they protested are protesters, before the dead told as people
        ("IQ", "2019-12-06", "On 6 December 2019, unidentified gunmen attacked protesters at Khilani Square in "
         "Baghdad, killing about 20 people.", "Unidentified Armed Group (Iraq)", "Protesters (Iraq)"),
        # a state's strike named after its people
        ("LB", "2024-07-30", "On 30 July 2024, an Israeli strike on a building in Haret Hreik killed a senior "
         "Hezbollah commander.", "Military Forces of Israel (2022-)", "Hezbollah"),
        # soldiers in a coup attempt against their own government: ACLED's mutiny of the regime's forces
        ("TR", "2016-07-15", "On 15 July 2016, soldiers taking part in the coup attempt fired on crowds on the "
         "Bosphorus Bridge in Istanbul, killing dozens of civilians.",
         "Mutiny of Military Forces of Turkey (2002-2016)", "Civilians (Turkey)"),
        # (thirteenth session) a state the text blames by name is the author, before the weapon word's default
        ("LB", "2024-01-02", "On 2 January 2024, a drone strike on an office in Beirut's southern suburbs killed "
         "Hamas deputy leader Saleh al-Arouri and six others; Lebanon blamed Israel.",
         "Military Forces of Israel (2022-)", "Hamas Movement"),
        # victims first: those the lead sentence acts on are not the doers of 'an Israeli strike'
        ("LB", "2024-11-17", "On 17 November 2024, Hezbollah spokesman Mohammad Afif was killed in an Israeli strike "
         "on the Baath party office in Ras al-Nabaa.", "Military Forces of Israel (2022-)", "Hezbollah"),
        # a tank named with its state's people is that state's, and peacekeepers hit are their mission
        ("LB", "2024-10-10", "On 10 October 2024, two UNIFIL peacekeepers were wounded when an Israeli tank fired at "
         "an observation tower of the mission's headquarters in Naqoura.", "Military Forces of Israel (2022-)",
         "UNIFIL: United Nations Interim Force in Lebanon (1978-)"),
        # PA security officers are Palestine's police in the West Bank
        ("PS", "2021-06-24", "On 24 June 2021, Palestinian Authority security officers raided the house where "
         "activist Nizar Banat was staying in Hebron and beat him with batons; he died in custody.",
         "Police Forces of Palestine (1994-) West Bank", "Civilians (Palestine)"),
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
        # a group that says it took a base claims the act: actor 1
        ("MM", "2024-01-16", "On 16 January 2024, the Arakan Army said it had captured the army's battalion "
         "headquarters in Paletwa.", "ULA/AA: United League of Arakan/Arakan Army",
         "Military Forces of Myanmar (2021-)"),
        # a group leading forces does what they do
        ("MM", "2024-04-11", "On 11 April 2024, Karen National Liberation Army-led forces overran the last army "
         "battalion base outside Myawaddy.", "KNU/KNLA: Karen National Union/Karen National Liberation Army",
         "Military Forces of Myanmar (2021-)"),
        # victims named by their nationality
        ("ID", "2023-02-07", "On 7 February 2023, TPNPB rebels took a New Zealand pilot hostage at Paro airstrip.",
         "TPNPB: West Papua National Liberation Army", "Civilians (New Zealand)"),
        # the Taliban facing a crowd after August 2021 are the state's forces
        ("AF", "2021-09-07", "On 7 September 2021, women marched in Kabul against the new government; Taliban fighters "
         "fired into the air to disperse them.", "Protesters (Afghanistan)", "Military Forces of Afghanistan (2021-)"),
        # the branch ACLED names for India's district police in the Maoist belt
        ("IN", "2023-04-26", "On 26 April 2023, Maoists blew up a police vehicle with an IED near Aranpur, killing "
         "10 District Reserve Guard personnel.", "CPI (Maoist): Communist Party of India (Maoist)",
         "Police Forces of India (2014-) District Reserve Guard"),
        # issue 17, ninth session: two Rohingya armed groups that clashed with each other
        ("BD", "2023-06-14", "On 14 June 2023, ARSA and RSO members clashed in the Rohingya camps of Ukhia.",
         "ARSA: Arakan Rohingya Salvation Army", "RSO: Rohingya Solidarity Organisation"),
        # a fire 'set' is a happening, not a plan ('after factories were set ablaze')
        ("MM", "2021-03-14", "On 14 March 2021, soldiers opened fire on protesters in Hlaing Tharyar township "
         "(Yangon), killing dozens after factories were set ablaze.", "Military Forces of Myanmar (2021-)",
         "Protesters (Myanmar)"),
        # (issue 17, tenth session)
        # TRF is a group of its own from 2019, not LeT
        ("IN", "2021-10-07", "On 7 October 2021, militants of The Resistance Front shot dead two teachers at a "
         "school in Srinagar.", "TRF: The Resistance Front", "Civilians (India)"),
        ("ID", "2017-05-24", "On 24 May 2017, two suicide bombers of Jamaah Ansharut Daulah blew themselves up at a "
         "bus terminal in Jakarta, killing three police officers.", "JAD: Jamaah Ansharut Daulah",
         "Police Forces of Indonesia (2014-2024)"),
        ("PK", "2023-11-04", "On 4 November 2023, Tehreek-e-Jihad Pakistan militants attacked the air base at Mianwali "
         "and fought soldiers for hours.", "TJP: Tehreek-e-Jihad Pakistan", "Military Forces of Pakistan (2022-)"),
        # 'pro-military' is the militia's epithet: no state force
        ("MM", "2022-08-03", "On 3 August 2022, members of the pro-military Pyu Saw Htee militia shot dead a "
         "villager in Kanbalu.", "Pyu Saw Htee", "Civilians (Myanmar)"),
        # a former soldier is one civilian man: the sole perpetrator, not the army
        ("TH", "2023-03-01", "On 1 March 2023, a former soldier opened fire at a market in Lopburi, killing four "
         "people.", "Sole Perpetrator (Thailand)", "Civilians (Thailand)"),
        # a government fallen with its leader's flight: the day it fell is still its own
        ("BD", "2024-08-05", "On 5 August 2024, police fired on protesters in Savar, killing 10 people.",
         "Police Forces of Bangladesh (2009-2024)", "Protesters (Bangladesh)"),
        ("BD", "2024-08-07", "On 7 August 2024, police fired on protesters in Savar, killing 2 people.",
         "Police Forces of Bangladesh (2024-)", "Protesters (Bangladesh)"),
        # a mob's victims are those it acted on, by their nationality
        ("PK", "2021-12-05", "On 5 December 2021, a mob of villagers beat to death the Chinese engineer of a dam "
         "project near Dasu.", "Rioters (Pakistan)", "Civilians (China)"),
        # (issue 17, eleventh session) the victim's nationality with his trade between: not the country's civilians
        ("ID", "2024-08-05", "On 5 August 2024, TPNPB fighters shot dead a New Zealand helicopter pilot in Alama.",
         "TPNPB: West Papua National Liberation Army", "Civilians (New Zealand)"),
        # the Islamic State named as such is its Philippine branch; the group the army blames keeps its own name
        ("PH", "2024-05-10", "On 10 May 2024, a bomb exploded at a bus terminal in Cotabato City, wounding 6 people. "
         "The Islamic State claimed the bombing.", "Islamic State (Philippines)", "Civilians (Philippines)"),
        ("PH", "2022-02-10", "On 10 February 2022, a bomb exploded at a market in Datu Piang, wounding 4 people; the "
         "army blamed Dawlah Islamiyah militants.", "Dawlah Islamiyah", "Civilians (Philippines)"),
        # (twelfth session) 'IS' in Afghanistan is its Afghan branch
        ("AF", "2021-10-08", "On 8 October 2021, an IS suicide bomber attacked worshippers at a Shia mosque in "
         "Kunduz, killing more than 50 people.", "Islamic State (Afghanistan)", "Civilians (Afghanistan)"),
        # two crowds fighting each other are rioters on both sides
        ("IN", "2023-07-31", "On 31 July 2023, Hindu and Muslim crowds clashed in Nuh, burning vehicles.",
         "Rioters (India)", "Rioters (India)"),
    ],
    "Europe and Caucasus": [
        # a foreign state's forces are external forces, and a named branch is kept where ACLED splits it
        ("UA", "2023-01-14", "On 14 January 2023, the Russian Air Force struck Dnipro, killing 46 civilians.",
         "Military Forces of Russia (2000-) Air Force", "Civilians (Ukraine)"),
        ("AM", "2022-09-13", "On 13 September 2022, Azerbaijani troops shelled Armenian positions near Jermuk.",
         "Military Forces of Azerbaijan (2003-)", None),
        # the government of the day: Labour from 5 July 2024
        ("GB", "2024-08-03", "On 3 August 2024, rioters threw bricks at police outside a hotel in Rotherham.",
         "Rioters (United Kingdom)", "Police Forces of the United Kingdom (2024-)"),
        # the lead sentence's attacker is actor 1, not the police who shot him in the next sentence
        ("FR", "2023-10-13", "On 13 October 2023, a lone attacker stabbed a teacher to death at a school in Arras. "
         "Police shot the assailant at the scene.", "Sole Perpetrator (France)", "Civilians (France)"),
        # one man is no crowd: a car driven into a market by 'a man' is the sole perpetrator's attack, not mob violence
        ("DE", "2024-12-20", "On 20 December 2024, a man drove a car into a Christmas market in Magdeburg, killing 6 "
         "people.", "Sole Perpetrator (Germany)", "Civilians (Germany)"),
        ("FR", "2020-10-16", "On 16 October 2020, a man beheaded a teacher near his school in "
         "Conflans-Sainte-Honorine.",
         "Sole Perpetrator (France)", "Civilians (France)"),
        # a gunman who also killed his mother is still a public attack
        ("DE", "2020-02-20", "On 20 February 2020, a gunman shot dead 5 people at a cafe in Kassel, then killed his "
         "mother.", "Sole Perpetrator (Germany)", "Civilians (Germany)"),
        # issue 17, ninth session: a weapon's model with letters between the people and the weapon
        ("UA", "2022-04-08", "On 8 April 2022, a Russian Tochka-U missile hit the railway station in Kramatorsk, "
         "killing 61 civilians.", "Military Forces of Russia (2000-)", "Civilians (Ukraine)"),
        # the Islamic State claiming in Russia is not its Syrian branch
        ("RU", "2024-03-22", "On 22 March 2024, gunmen opened fire at a concert hall in Krasnogorsk, killing 145 "
         "people. The Islamic State claimed the attack.", "Islamic State (Russia)", "Civilians (Russia)"),
        # (issue 17, tenth session)
        ("FR", "2023-06-08", "On 8 June 2023, a man with a knife attacked children in a park in Annecy, wounding six "
         "people before police officers shot him.", "Sole Perpetrator (France)", "Civilians (France)"),
        # police who came in after a crowd's violence do not make it armed men's: the crowd riots, the police actor 2
        ("RU", "2024-05-12", "On 12 May 2024, hundreds of men stormed a hotel in Khasavyurt searching for migrants; "
         "they broke windows and set a car on fire before riot police dispersed them.", "Rioters (Russia)",
         "Police Forces of Russia (2000-)"),
        # (issue 17, eleventh session) what only a state's forces hold, told with its people: that state's military
        ("UA", "2024-05-10", "On 10 May 2024, Russian troops attacked Ukrainian positions near Vovchansk.",
         "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"),
        ("RU", "2024-08-06", "On 6 August 2024, Ukrainian troops attacked Russian border posts near Sudzha.",
         "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"),
        # a group the attacker only pledged allegiance to is not his: he acted alone
        ("FR", "2023-10-13", "On 13 October 2023, a man who had pledged allegiance to the Islamic State stabbed a "
         "teacher to death at a school in Arras.", "Sole Perpetrator (France)", "Civilians (France)"),
        # the government of the day in a country of the new notes: Greece under Tsipras, then Mitsotakis
        ("GR", "2018-12-06", "On 6 December 2018, youths threw petrol bombs at riot police in Exarchia, Athens.",
         "Rioters (Greece)", "Police Forces of Greece (2015-2019)"),
        ("GR", "2020-12-06", "On 6 December 2020, youths threw petrol bombs at riot police in Exarchia, Athens.",
         "Rioters (Greece)", "Police Forces of Greece (2019-)"),
        # a group by ACLED's abbreviated name; Armenia's police before Pashinyan's government
        ("GB", "2023-02-22", "On 22 February 2023, New IRA gunmen shot and wounded a police officer in Omagh.",
         "New IRA: New Irish Republican Army", "Police Forces of the United Kingdom (2010-2024)"),
        ("AM", "2016-07-17", "On 17 July 2016, gunmen of Sasna Tsrer seized a police station in Yerevan, killing a "
         "police officer.", "Sasna Tsrer", "Police Forces of Armenia (2008-2018)"),
    ],
    "Americas": [
        # a gang with no name: the country's convention for criminal violence
        ("MX", "2023-05-02", "On 2 May 2023, a gang shot dead two men in a bar in Celaya.",
         "Unidentified Gang (Mexico)", "Civilians (Mexico)"),
        ("CO", "2023-03-29", "On 29 March 2023, ELN fighters attacked a military base in El Carmen, killing 9 "
         "soldiers.", "ELN: National Liberation Army", "Military Forces of Colombia (2022-)"),
        # an ambush with no second armed side: gunmen attacking a family, not a clash (Mexico's unnamed gunmen who
        # kill civilians are its gang convention, unidentified.tsv's kind 'gunmen')
        ("MX", "2019-11-05", "On 5 November 2019, gunmen ambushed two cars carrying a family near Janos, killing 4 "
         "women.", "Unidentified Gang (Mexico)", "Civilians (Mexico)"),
        # ... but a candidate shot by unnamed gunmen is political violence: an unidentified armed group
        ("MX", "2024-04-01", "On 1 April 2024, unidentified gunmen shot dead a candidate for mayor of Celaya during "
         "her campaign.", "Unidentified Armed Group (Mexico)", "Civilians (Mexico)"),
        ("MX", "2023-12-17", "On 17 December 2023, armed men burst into a Christmas party in Salvatierra and opened "
         "fire on the guests, killing 12 people.", "Unidentified Gang (Mexico)", "Civilians (Mexico)"),
        # Brazil's military police are ACLED's 'Military Forces of Brazil ... Military Police'
        ("BR", "2023-03-01", "On 1 March 2023, Military Police officers clashed with Comando Vermelho members in Rio "
         "de Janeiro.", "Military Forces of Brazil (2023-) Military Police", "CV: Red Command"),
        # civilians who shoot are armed men, not a mob
        ("BR", "2022-06-05", "On 5 June 2022, two men were shot dead by local fishermen on a river near Tabatinga.",
         "Unidentified Armed Group (Brazil)", "Civilians (Brazil)"),
        # men in police vests are not the police; what was not found after a semicolon does not negate the abduction
        ("HN", "2020-07-18", "On 18 July 2020, men wearing police vests abducted four Garifuna men from Triunfo de la "
         "Cruz; they have not been found.", "Unidentified Armed Group (Honduras)", "Civilians (Honduras)"),
        # the group fought against is actor 2, though the text names it as the owner of a front
        ("CO", "2025-01-16", "On 16 January 2025, the ELN launched an offensive against the 33rd Front of the FARC "
         "dissidents near Tibu, killing dozens.", "ELN: National Liberation Army", "FARC Dissidents"),
        # 'gangs of' a coalition are the coalition's, as 'members of' a group are the group's
        ("HT", "2024-02-29", "On 29 February 2024, gangs of the Viv Ansanm coalition attacked police stations in "
         "Port-au-Prince.", "Viv Ansanm", "Police Forces of Haiti (2021-2024)"),
        # hostages' nationality given beside them
        ("HT", "2021-10-16", "On 16 October 2021, the 400 Mawozo gang kidnapped 12 missionaries of an aid group, "
         "mostly US citizens, in Ganthier.", "400 Mawozo", "Civilians (United States)"),
        # issue 17, ninth session: inmates of two gangs that fought each other: the gangs, actor 1 and actor 2
        ("EC", "2021-09-28", "On 28 September 2021, inmates of Los Lobos and Los Choneros fought with guns in the "
         "prison of Guayaquil, killing 119.", "Los Lobos", "Los Choneros"),
        # no crowd, no demonstration: the type model may not make armed men rioters
        ("CO", "2024-05-20", "On 20 May 2024, FARC dissidents attacked the police station in Morales with rifles and "
         "explosives, killing two police officers.", "FARC Dissidents", "Police Forces of Colombia (2022-)"),
        # a crowd that storms a building riots
        ("EC", "2019-10-08", "On 8 October 2019, protesters against the end of fuel subsidies stormed the National "
         "Assembly in Quito; police fired tear gas.", "Rioters (Ecuador)", "Police Forces of Ecuador (2017-2021)"),
        # a mob's victims, not the police who acted beside it on their own
        ("HT", "2023-04-24", "On 24 April 2023, a crowd in Port-au-Prince stoned and burned to death 13 suspected gang "
         "members after police stopped their minibus.", "Rioters (Haiti)", "Civilians (Haiti)"),
        # (issue 17, tenth session)
        # one unnamed attacker is the country's sole perpetrator from 2020, in every country; the police who end the
        # attack in a clause told after it are neither side
        ("BR", "2024-03-12", "On 12 March 2024, a 30-year-old man opened fire on customers at a bakery in Belo "
         "Horizonte, killing two people before he was shot dead by police.", "Sole Perpetrator (Brazil)",
         "Civilians (Brazil)"),
        # before 2020, where the country has no convention of its own, he is an unidentified armed group
        ("BR", "2019-06-03", "On 3 June 2019, a man opened fire on customers at a bakery in Belo Horizonte, killing "
         "two people before he was shot dead by police.", "Unidentified Armed Group (Brazil)", "Civilians (Brazil)"),
        # a cartel's gunmen who set a bar on fire attack it, whatever the type model reads as a riot
        ("MX", "2021-05-10", "On 10 May 2021, gunmen of the CJNG blocked the doors of a nightclub in Celaya, poured "
         "petrol on it and set it on fire, killing 9 people.", "CJNG: Jalisco New Generation Cartel",
         "Civilians (Mexico)"),
        # a group the authorities attribute the act to, in a later sentence, is its author
        ("CO", "2024-06-20", "On 20 June 2024, a motorcycle bomb exploded outside a police station in Jamundi, "
         "wounding two police officers. Authorities attributed the bombing to FARC dissidents.", "FARC Dissidents",
         "Police Forces of Colombia (2022-)"),
        ("HT", "2022-05-02", "On 2 May 2022, members of the Chen Mechan gang fought the 400 Mawozo in "
         "Croix-des-Bouquets, killing 8 people.", "Chen Mechan Gang", "400 Mawozo"),
        # (issue 17, eleventh session) Honduras' military police are its own, not Brazil's; elsewhere the words
        # name no other country's branch
        ("HN", "2019-06-24", "On 24 June 2019, Military Police officers fired on students protesting in Tegucigalpa, "
         "wounding four.", "Military Forces of Honduras (2014-2022) Military Police", "Protesters (Honduras)"),
        ("VE", "2019-06-24", "On 24 June 2019, Military Police officers fired on students protesting in Caracas, "
         "wounding four.", "Military Forces of Venezuela (2013-)", "Protesters (Venezuela)"),
        ("AR", "2024-06-12", "On 12 June 2024, protesters threw stones at police outside Congress in Buenos Aires.",
         "Rioters (Argentina)", "Police Forces of Argentina (2023-)"),
        ("MX", "2023-01-01", "On 1 January 2023, gunmen of Los Mexicles attacked the state prison in Ciudad Juarez, "
         "killing 10 guards.", "Los Mexicles", None),
        ("MX", "2024-06-03", "On 3 June 2024, gunmen of La Nueva Familia Michoacana ambushed soldiers near Tlatlaya, "
         "killing 2.", "La Nueva Familia Michoacana", "Military Forces of Mexico (2018-2024)"),
        # federal agents are the United States' police
        ("US", "2020-07-20", "On 20 July 2020, federal agents fired tear gas at protesters outside the federal "
         "courthouse in Portland.", "Protesters (United States)", "Police Forces of the United States (2017-2021)"),
        # (twelfth session) a convoy of a group's gunmen is the group; 'a sniper' is one attacker; the victims'
        # nationality given in apposition
        ("MX", "2019-11-30", "On 30 November 2019, a convoy of gunmen of the Cartel del Noreste attacked the town hall "
         "of Villa Union; state police fought them for hours.", "Cartel del Noreste",
         "Police Forces of Mexico (2018-2024)"),
        ("US", "2025-09-24", "On 24 September 2025, a sniper fired from a rooftop at an immigration office in Dallas, "
         "killing two detainees, Mexican nationals.", "Sole Perpetrator (United States)", "Civilians (Mexico)"),
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
    # (issue 17, eleventh session) Armenia's police before Pashinyan; Bolivia's interim government of 2019-2020
    assert d.state_name("Police Forces", "Armenia", dt.date(2018, 4, 22)) == "Police Forces of Armenia (2008-2018)"
    assert d.state_name("Military Forces", "Bolivia", dt.date(2019, 11, 15)) == \
        "Military Forces of Bolivia (2019-2020)"
    assert d.state_name("Police Forces", "Georgia", dt.date(2024, 11, 29)) == "Police Forces of Georgia (2012-)"


def test_actors_world_word_lists_are_data() -> None:
    """actors.py's word lists live in data/actors/words_*.tsv (issue 13): each is read, none is empty, none
    repeats a word, and the patterns built from them still match what they are for."""
    from importlib.resources import files

    from sitrep import tables
    from sitrep.extract import actors

    names = sorted(p.name for p in files("sitrep").joinpath("data/actors").iterdir() if p.name.startswith("words_"))
    assert len(names) >= 20
    for name in names:
        words = [row[0] for row in tables.rows(f"actors/{name}")]
        assert words, name
        assert len(words) == len(set(words)), f"{name} repeats a word"
    assert actors.CIVILIANS.search("the missionaries were freed")
    assert actors.UNIDENTIFIED.fullmatch("suspected suicide bombers")
    assert actors.CRIMINAL.match("armed robbers") and not actors.CRIMINAL.match("gunmen")
    assert "say" in actors.SPEECH and "custody" in actors.NOT_FORCES


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
# (Set again on the 287 dev notes once dev_more.jsonl joined the 164 first ones, third session; and on the 559 once
# dev_tenth.jsonl joined, tenth session: 0.866 / 0.848 plain, 0.860 / 0.848 exact; and on the 691 once the harder
# dev_eleventh.jsonl joined, eleventh session: 0.861 / 0.834 plain, 0.857 / 0.834 exact, the 559 older notes rising
# 0.859 -> 0.868 exact on actor 1 and holding 0.848 on actor 2.)
WORLD_FLOORS = {"actor1_plain": 0.85, "actor2_plain": 0.825, "actor1_exact": 0.845, "actor2_exact": 0.825}


@pytest.mark.slow
def test_actors_world_notes_dev_split_holds_its_floors(extractor: Extractor) -> None:
    """The world notes' dev split (our own ACLED-style notes from 59 countries) keeps its actor figures."""
    assert WORLD_NOTES, "tests/fixtures/world_notes is empty"
    notes = [n for path in WORLD_NOTES for _, n in jsonl_objects(path) if n.get("split") == "dev"]
    figures = evaluate_actor_notes(extractor, notes).figures()["dev"]
    assert {k: figures[k] for k in WORLD_FLOORS if figures[k] < WORLD_FLOORS[k]} == {}


def test_actors_world_model_type_needs_its_weapon(extractor: Extractor) -> None:
    """The trained type model may not call a car driven into a crowd a suicide bombing: ACLED's weapon-defined
    sub-event types need their weapon in the text (`subevent.WEAPON_EVIDENCE`); with a bomb it still may."""
    event = _first(extractor, "DE", "2024-12-20", "On 20 December 2024, a man drove a car into a Christmas market "
                   "in Magdeburg, killing 6 people and injuring hundreds.")
    assert event.sub_event_type != "Suicide bomb"
    assert (event.extra or {})["typing"]["by"] == "rules"
    bombed = _first(extractor, "PK", "2023-07-30", "On 30 July 2023, a suicide bomber blew himself up at a party "
                    "convention in Khar, killing 63 people.")
    assert bombed.sub_event_type == "Suicide bomb"


def test_actors_world_backing_force_is_an_associate(extractor: Extractor) -> None:
    """'Backed by' names actor 1's ally: ACLED's associated actor, never actor 2 (a coder's point on Sudan's war,
    where the army's allies are named beside it)."""
    event = _first(extractor, "SD", "2025-01-11", "On 11 January 2025, the Sudanese Armed Forces, backed by the Sudan "
                   "Shield Forces, recaptured Wad Madani from the RSF.")
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan (2019-)", "Rapid Support Forces")
    assert event.assoc_actor_1 == ["Sudan Shield Forces"]


def test_actors_world_crowd_that_hurts_no_one_riots(extractor: Extractor) -> None:
    """A crowd that breaks into and burns buildings and hurts no one named is rioting (a violent demonstration,
    no actor 2), not mob violence against civilians made up for it (issue 17, ninth session)."""
    event = _first(extractor, "ML", "2020-07-10", "On 10 July 2020, opposition supporters stormed the National "
                   "Assembly in Bamako and ransacked offices.")
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Violent demonstration", "Rioters (Mali)", None)
