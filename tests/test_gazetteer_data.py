"""Consistency checks for the gazetteer data files in data/gazetteer/.

These tests only validate the data (ids, references, dates, alias collisions);
they do not exercise any resolver code. Standard library only.
"""

import csv
import datetime as dt
import importlib.util
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "data" / "gazetteer"

ACTOR_COLUMNS = [
    "id", "name", "type", "aliases", "demonyms", "metonyms",
    "part_of", "country", "gender", "ambiguous",
]
OFFICE_COLUMNS = ["office_id", "name", "country", "aliases", "gender_neutral"]
HOLDER_COLUMNS = ["office_id", "person_id", "start", "end"]
TYPES = {"state", "organisation", "person", "group"}
SURFACE_COLUMNS = ("aliases", "demonyms", "metonyms")

# All 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
NON_MEMBER_STATES = ["VAT", "PSE", "TWN", "XKX"]

SAMPLE_ORGANISATIONS = [
    "UN", "UNGA", "UNSC", "NATO", "EU", "EC", "EP", "EUCO", "ICC", "ICJ", "IMF",
    "WTO", "AU", "OSCE", "G7", "G20", "WHO", "WB", "ASEAN", "OPEC", "BRICS", "ECB",
    "UNHRC", "UNHCR", "UNICEF", "IAEA", "OAS", "ARAB_LEAGUE", "GCC", "SCO", "CSTO",
    "ECOWAS", "SADC", "IGAD", "MERCOSUR", "INTERPOL", "RED_CROSS", "US_DOD",
    "US_STATE_DEPT", "RUS_MFA",
]
SAMPLE_GROUPS = ["HAMAS", "HEZBOLLAH", "TALIBAN", "ISIS", "AL_QAEDA", "WAGNER", "HOUTHIS", "RSF"]
SAMPLE_PERSONS = [
    "vladimir_putin", "joe_biden", "donald_trump", "volodymyr_zelenskyy", "xi_jinping",
    "sergei_lavrov", "dmitry_peskov", "antony_blinken", "marco_rubio", "barack_obama",
    "kamala_harris", "jd_vance", "antonio_guterres", "mark_rutte", "ursula_von_der_leyen",
]
SAMPLE_OFFICES = [
    "us_president", "us_vice_president", "us_secretary_of_state", "rus_president",
    "rus_foreign_minister", "ukr_president", "uk_pm", "chn_president", "fra_president",
    "deu_chancellor", "un_sg", "nato_sg", "ec_president", "euco_president",
]

# G20 members (19 states + EU) and the office_id suffixes that denote a head of
# state or head of government.
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
       "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA", "EU"]
HEAD_SUFFIXES = ("_president", "_pm", "_chancellor", "_premier", "_king", "_monarch", "_emperor")


def _read(name, columns):
    path = GAZ / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == columns, f"{name}: header {reader.fieldnames} != {columns}"
        rows = list(reader)
    for n, row in enumerate(rows, start=2):
        assert None not in row, f"{name}:{n}: too many fields"
        assert all(v is not None for v in row.values()), f"{name}:{n}: too few fields"
    return rows


def _split(value):
    return [v for v in value.split("|")] if value else []


def _date(value):
    return dt.date.fromisoformat(value)


@pytest.fixture(scope="module")
def actors():
    return _read("actors.csv", ACTOR_COLUMNS)


@pytest.fixture(scope="module")
def actor_ids(actors):
    return {a["id"] for a in actors}


@pytest.fixture(scope="module")
def offices():
    return _read("offices.csv", OFFICE_COLUMNS)


@pytest.fixture(scope="module")
def holders():
    return _read("office_holders.csv", HOLDER_COLUMNS)


def test_actor_ids_unique(actors):
    seen = defaultdict(int)
    for a in actors:
        seen[a["id"]] += 1
    assert not [i for i, n in seen.items() if n > 1]


def test_actor_ids_well_formed(actors):
    for a in actors:
        i = a["id"]
        assert i and i == i.strip() and " " not in i, repr(i)
        if a["type"] == "person":
            assert i == i.lower(), f"person id must be lower case: {i}"
        else:
            assert i == i.upper(), f"non-person id must be upper case: {i}"
        if a["type"] == "state":
            assert len(i) == 3 and i.isalpha(), f"state id must be alpha-3: {i}"


def test_types_from_fixed_set(actors):
    assert {a["type"] for a in actors} <= TYPES
    assert not [a["id"] for a in actors if not a["name"].strip()]


def test_no_blank_or_padded_list_items(actors, offices):
    for a in actors:
        for col in (*SURFACE_COLUMNS, "ambiguous"):
            for item in _split(a[col]):
                assert item and item == item.strip(), f"{a['id']}.{col}: {item!r}"
    for o in offices:
        for item in _split(o["aliases"]):
            assert item and item == item.strip(), f"{o['office_id']}: {item!r}"


def test_name_not_repeated_in_aliases(actors):
    for a in actors:
        assert a["name"] not in _split(a["aliases"]), a["id"]


def test_no_duplicate_surface_forms_within_actor(actors):
    # Case variants in real use (NATO|Nato) are allowed; exact repeats are not.
    for a in actors:
        forms = [a["name"]] + [f for col in SURFACE_COLUMNS for f in _split(a[col])]
        dups = {f for f in forms if forms.count(f) > 1}
        assert not dups, f"{a['id']}: {dups}"


def test_references_exist(actors, actor_ids):
    for a in actors:
        if a["part_of"]:
            assert a["part_of"] in actor_ids, f"{a['id']}.part_of -> {a['part_of']}"
            assert a["part_of"] != a["id"]
        if a["country"]:
            assert a["country"] in actor_ids, f"{a['id']}.country -> {a['country']}"


def test_person_fields(actors, actor_ids):
    states = {a["id"] for a in actors if a["type"] == "state"}
    for a in actors:
        if a["type"] == "person":
            assert a["gender"] in {"m", "f"}, f"{a['id']}: gender {a['gender']!r}"
            assert a["country"] in states, f"{a['id']}: country {a['country']!r}"
            assert not a["part_of"]
        else:
            assert a["gender"] == "", f"{a['id']}: gender only for persons"


def test_country_refers_to_state(actors):
    states = {a["id"] for a in actors if a["type"] == "state"}
    for a in actors:
        if a["country"]:
            assert a["country"] in states, f"{a['id']}.country must be a state"


def test_state_coverage(actors, actor_ids):
    states = [a for a in actors if a["type"] == "state"]
    assert len(states) >= 197
    state_ids = {a["id"] for a in states}
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193
    missing = [i for i in UN_MEMBERS + NON_MEMBER_STATES if i not in state_ids]
    assert not missing, missing
    for a in states:
        if a["id"] in UN_MEMBERS or a["id"] in NON_MEMBER_STATES:
            assert a["name"], a["id"]


def test_sample_ids_exist(actors):
    by_type = defaultdict(set)
    for a in actors:
        by_type[a["type"]].add(a["id"])
    assert set(SAMPLE_ORGANISATIONS) <= by_type["organisation"], set(SAMPLE_ORGANISATIONS) - by_type["organisation"]
    assert set(SAMPLE_GROUPS) <= by_type["group"], set(SAMPLE_GROUPS) - by_type["group"]
    assert set(SAMPLE_PERSONS) <= by_type["person"], set(SAMPLE_PERSONS) - by_type["person"]


def test_ambiguous_forms_belong_to_actor(actors):
    """Every entry of `ambiguous` must be one of the actor's own surface forms."""
    for a in actors:
        forms = {a["name"].casefold()} | {
            f.casefold() for col in SURFACE_COLUMNS for f in _split(a[col])
        }
        for amb in _split(a["ambiguous"]):
            assert amb.casefold() in forms, f"{a['id']}: ambiguous {amb!r} is not a surface form"


def test_shared_surface_forms_are_flagged_ambiguous(actors):
    """A surface form used by two actors must be listed in `ambiguous` of each."""
    owners = defaultdict(set)
    for a in actors:
        for f in [a["name"]] + [x for col in SURFACE_COLUMNS for x in _split(a[col])]:
            owners[f.casefold()].add(a["id"])
    ambiguous = {a["id"]: {x.casefold() for x in _split(a["ambiguous"])} for a in actors}
    problems = []
    for form, ids in owners.items():
        if len(ids) > 1:
            unflagged = sorted(i for i in ids if form not in ambiguous[i])
            if unflagged:
                problems.append((form, sorted(ids), unflagged))
    assert not problems, problems


def test_offices(offices, actor_ids):
    ids = [o["office_id"] for o in offices]
    assert len(ids) == len(set(ids))
    for o in offices:
        assert o["office_id"] == o["office_id"].lower() and " " not in o["office_id"]
        assert o["name"]
        assert o["country"] in actor_ids, f"{o['office_id']}.country -> {o['country']}"
        assert o["gender_neutral"] == "", "gender_neutral is reserved"
        folded = [x.casefold() for x in _split(o["aliases"])]
        assert len(folded) == len(set(folded)), o["office_id"]
    assert set(SAMPLE_OFFICES) <= set(ids), set(SAMPLE_OFFICES) - set(ids)


def test_holder_references(holders, offices, actors):
    office_ids = {o["office_id"] for o in offices}
    persons = {a["id"] for a in actors if a["type"] == "person"}
    for h in holders:
        assert h["office_id"] in office_ids, h
        assert h["person_id"] in persons, h


def test_holder_dates(holders):
    for h in holders:
        start = _date(h["start"])
        if h["end"]:
            assert start < _date(h["end"]), h


def test_no_overlapping_holders(holders):
    by_office = defaultdict(list)
    for h in holders:
        end = _date(h["end"]) if h["end"] else dt.date.max
        by_office[h["office_id"]].append((_date(h["start"]), end, h["person_id"]))
    for office, terms in by_office.items():
        terms.sort()
        open_terms = [t for t in terms if t[1] == dt.date.max]
        assert len(open_terms) <= 1, f"{office}: more than one current holder"
        for (s1, e1, p1), (s2, _e2, p2) in itertools.pairwise(terms):
            assert e1 <= s2, f"{office}: {p1} ({s1}..{e1}) overlaps {p2} ({s2}..)"


def test_g20_members_have_head_with_holder(offices, holders):
    with_holder = {h["office_id"] for h in holders}
    for member in G20:
        heads = [
            o["office_id"] for o in offices
            if o["country"] == member and o["office_id"].endswith(HEAD_SUFFIXES)
        ]
        if member == "EU":  # EU heads sit on its organs (Commission, European Council)
            heads = [o["office_id"] for o in offices if o["office_id"] in ("ec_president", "euco_president")]
        assert heads, f"{member}: no head-of-state/government office"
        assert any(h in with_holder for h in heads), f"{member}: no holder recorded"


def _name_genders_tool():
    spec = importlib.util.spec_from_file_location("build_name_genders", ROOT / "tools" / "build_name_genders.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_census_given_names_keep_one_clear_gender(tmp_path):
    tool = _name_genders_tool()
    (tmp_path / "dist.male.first").write_text("JAMES 3.318 3.318 1\nJORDAN 0.020 80.0 300\nTOM 0.0005 90.0 1200\n")
    (tmp_path / "dist.female.first").write_text("MARY 2.629 2.629 1\nJORDAN 0.015 85.0 500\nJAMES 0.010 90.0 900\n")
    out = tmp_path / "genders.csv"
    assert tool.main(["--census", str(tmp_path), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # Jordan is borne by both, Tom too rare here: left out; James mostly by men
    assert [(r["name"], r["gender"]) for r in rows] == [("James", "male"), ("Mary", "female")]


def test_committed_census_table_matches_its_rule():
    rows = list(csv.DictReader((ROOT / "data" / "lexicons" / "given_name_genders.csv").open(encoding="utf-8")))
    assert len(rows) > 4000 and all(r["gender"] in ("male", "female") and float(r["share"]) >= 0.95 for r in rows)
    assert len({r["name"] for r in rows}) == len(rows)
