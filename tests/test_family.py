"""The wider family: relatives beyond the household, relationships, details a genogram needs and the
family's history; kept in a real store and in case files, checked by place; removing a person takes
their relationships with them."""

from __future__ import annotations

import json

import pytest

from dayinlife.case import AdultRole
from dayinlife.family import Bond, Family, Gender, Link, Relative, Role, parents_of
from dayinlife.interchange import InterchangeError, case_from_dict, case_to_dict
from dayinlife.session import Session
from dayinlife.store import Store
from tests.test_case_interchange import build_case

PASS = "not a real passphrase"


@pytest.fixture
def session(tmp_path, library):
    store = Store.create(tmp_path / "data", PASS)
    s = Session(store, library)
    case = build_case(library)
    store.save_case(case)
    yield s, case
    store.close()


def test_the_family_is_kept_in_a_real_store_and_a_case_file(session):
    s, case = session
    back = s.open_case(case.id)
    assert case_to_dict(back)["case"]["family"] == case_to_dict(case)["case"]["family"]
    assert back.family.childhood[back.adults[0].id].startswith("In care from 12")
    again = case_from_dict(json.loads(json.dumps(case_to_dict(case))))
    assert case_to_dict(again)["case"]["family"] == case_to_dict(case)["case"]["family"]
    kid = case.children[0]
    assert sorted(parents_of(case, kid.id)) == sorted([case.family.relatives[0].id, case.adults[0].id])
    assert parents_of(case, case.children[1].id) == [case.adults[0].id]   # no links: the household's mother


def test_new_household_roles(session):
    s, case = session
    for role in (AdultRole.PARTNER, AdultRole.KINSHIP_CARER, AdultRole.SPECIAL_GUARDIAN):
        s.add_adult(case, f"Someone {role.value}", role)
    back = s.open_case(case.id)
    assert [a.role.label for a in back.adults[-3:]] == ["Partner", "Kinship carer", "Special guardian"]


def test_a_family_that_does_not_hold_together_is_refused_and_the_case_kept(session):
    s, case = session
    f = case.family
    before = case_to_dict(case)["case"]["family"]
    broken = Family(f.relatives, f.links + [Link(f.relatives[0].id, "nobody", Bond.PARENT)])
    with pytest.raises(ValueError, match="names someone who is not in the family"):
        s.save_family(case, broken)
    with pytest.raises(ValueError, match="joins two different people"):
        s.save_family(case, Family(f.relatives, [Link(f.relatives[0].id, f.relatives[0].id, Bond.MARRIED)]))
    with pytest.raises(ValueError, match="the year of birth 3000"):
        s.save_family(case, Family([Relative("X", Role.OTHER, born=3000)]))
    assert case_to_dict(case)["case"]["family"] == before
    s.store.close()
    from dayinlife.store import StoreError

    with pytest.raises(StoreError):
        s.save_family(case, Family())
    assert case_to_dict(case)["case"]["family"] == before


def test_removing_a_person_takes_their_relationships_and_details(session):
    s, case = session
    mum = case.adults[0]
    s.remove_adult(case, mum)
    back = s.open_case(case.id).family
    assert all(mum.id not in (x.a, x.b) for x in back.links) and mum.id not in back.details
    assert mum.id not in back.childhood and len(back.links) == 1      # Tomasz as Siobhán's father stays


@pytest.mark.parametrize("change, said", [
    (lambda f: f["relatives"][0].update(role="uncle"), "relatives[0].role: 'uncle' is not one of"),
    (lambda f: f["relatives"][0].update(gender="m"), "relatives[0].gender: 'm' is not one of: female, male, other"),
    (lambda f: f["relatives"][0].update(born="1990"), "relatives[0].born: should be a whole number"),
    (lambda f: f["links"][0].update(b="ghost"), "links[0].b: 'ghost' is not anyone in this family"),
    (lambda f: f["links"][0].update(bond="cousin"), "links[0].bond: 'cousin' is not one of"),
    (lambda f: f.update(details={"ghost": {"gender": "male"}}), "is not an adult or a child of the household"),
    (lambda f: f.update(childhood={"ghost": "x"}), "childhood['ghost']: is not anyone in this family"),
    (lambda f: f.update(tree=[]), "case.family.tree: is not a field of this format"),
])
def test_a_hostile_family_is_refused_by_its_place(library, change, said):
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    change(data["case"]["family"])
    with pytest.raises(InterchangeError) as caught:
        case_from_dict(data)
    assert said in str(caught.value)


def test_an_older_file_reads_with_no_wider_family(library):
    data = json.loads(json.dumps(case_to_dict(build_case(library))))
    data["version"] = 10
    del data["case"]["family"]
    assert case_from_dict(data).family.is_empty


def test_keep_both_follows_every_id(tmp_path, library):
    case = build_case(library)
    with Store.create(tmp_path / "data", PASS) as store:
        store.save_case(case)
        store.export_case_file(case.id, tmp_path / "c.diml", "a file passphrase")
        both = store.import_case_file(tmp_path / "c.diml", "a file passphrase", on_conflict="keep_both")
        back = store.load_case(both.id)
    ids = {a.id for a in back.adults} | {c.id for c in back.children} | {r.id for r in back.family.relatives}
    assert all(x.a in ids and x.b in ids for x in back.family.links) and set(back.family.details) <= ids
    assert {r.id for r in back.family.relatives}.isdisjoint({r.id for r in case.family.relatives})


def test_a_parent_recorded_elsewhere_never_takes_a_child_from_the_mother_at_home(library):
    """A practitioner records Tyler's father (living elsewhere) and the partner who is the baby's
    father as parents, and nothing about the mother they both live with: the genogram still draws
    each child under their mother, with the parent recorded."""
    from dayinlife.case import Adult, Case, Child

    mum, partner = Adult("Kay Testperson", AdultRole.MOTHER), Adult("Dee Testperson", AdultRole.PARTNER)
    from datetime import date

    tyler = Child("Ty Testperson", date_of_birth=date(2019, 3, 1))
    baby = Child("Pip Testperson", date_of_birth=date(2026, 3, 1))
    ryan = Relative("Ry Testperson", Role.PARENT, Gender.MALE, 1994)
    case = Case(reference="T-1", adults=[mum, partner], children=[tyler, baby])
    case.family = Family(relatives=[ryan], links=[Link(ryan.id, tyler.id, Bond.PARENT),
                                                  Link(partner.id, baby.id, Bond.PARENT)])
    assert parents_of(case, tyler.id) == [ryan.id, mum.id]
    assert parents_of(case, baby.id) == [partner.id, mum.id]
    # two parents recorded: nobody is added
    case.family.links.append(Link(partner.id, tyler.id, Bond.PARENT))
    assert parents_of(case, tyler.id) == [ryan.id, partner.id]
