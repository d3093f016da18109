//! Unit tests of the assessment rules on hand-built treaties.

use casus_model::{Condition, Freeze, Location, ObligationKind::*, Provisions, Scenario};

use crate::testkit::{base, date, member, treaty};
use crate::{CollisionKind, ObligationIndex, Status, assess};

const STATES: &[(u16, &str)] = &[(1, "Alpha"), (2, "Beta"), (3, "Gamma"), (4, "Delta")];

fn scenario(attackers: &[u16], targets: &[u16]) -> Scenario {
    Scenario {
        attackers: attackers.to_vec(),
        targets: targets.to_vec(),
        date: date("2000-06-01"),
        location: None,
        provoked: None,
    }
}

fn status_of(
    b: &casus_model::TreatyBase,
    a: &crate::Assessment,
    holder: u16,
    toward: u16,
    kind: casus_model::ObligationKind,
) -> (Status, String) {
    let o = a
        .obligations
        .iter()
        .find(|o| o.holder == holder && o.toward == toward && o.kind == kind)
        .expect("obligation present");
    (o.status, o.reason_text(b, &a.scenario))
}

#[test]
fn non_provocation_turns_on_the_scenario() {
    // Gamma defends Beta only if Beta did not provoke (defconpr).
    let b = base(
        STATES,
        vec![
            member(10, 2, &[Defense], &[]),
            member(10, 3, &[Defense], &[(Defense, Condition::NonProvocation)]),
        ],
        vec![treaty(10, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let mut s = scenario(&[1], &[2]);
    let a = assess(&b, &idx, &s).unwrap();
    let (st, why) = status_of(&b, &a, 3, 2, Defense);
    assert_eq!(st, Status::Undetermined);
    assert!(why.contains("provoked"), "{why}");
    s.provoked = Some(true);
    let a = assess(&b, &idx, &s).unwrap();
    assert_eq!(status_of(&b, &a, 3, 2, Defense).0, Status::NotTriggered);
    assert_eq!(
        a.obligations.iter().find(|o| o.holder == 3).unwrap().condition(),
        Some(Condition::NonProvocation)
    );
    s.provoked = Some(false);
    let a = assess(&b, &idx, &s).unwrap();
    assert_eq!(status_of(&b, &a, 3, 2, Defense).0, Status::Triggered);
}

#[test]
fn named_adversary_rules_out_other_attackers() {
    // Defense only against state 4 (specthrt 1, statthr1 = 4).
    let p = Provisions {
        specthrt: Some(1),
        threats: vec![4],
        ..Provisions::default()
    };
    let b = base(
        STATES,
        vec![
            member(20, 2, &[Defense], &[(Defense, Condition::Adversary)]),
            member(20, 3, &[Defense], &[(Defense, Condition::Adversary)]),
        ],
        vec![treaty(20, p)],
    );
    let idx = ObligationIndex::new(&b);
    let a = assess(&b, &idx, &scenario(&[1], &[2])).unwrap();
    let (st, why) = status_of(&b, &a, 3, 2, Defense);
    assert_eq!(st, Status::NotTriggered);
    assert!(why.contains("Delta (4)"), "{why}");
    let a = assess(&b, &idx, &scenario(&[4], &[2])).unwrap();
    assert_eq!(status_of(&b, &a, 3, 2, Defense).0, Status::Triggered);
}

#[test]
fn location_condition_reads_home_territory() {
    let b = base(
        STATES,
        vec![
            member(30, 2, &[Defense], &[]),
            member(30, 3, &[Defense], &[(Defense, Condition::Location)]),
        ],
        vec![treaty(30, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let mut s = scenario(&[1], &[2]);
    assert_eq!(
        status_of(&b, &assess(&b, &idx, &s).unwrap(), 3, 2, Defense).0,
        Status::Undetermined
    );
    s.location = Some(Location::Elsewhere);
    assert_eq!(
        status_of(&b, &assess(&b, &idx, &s).unwrap(), 3, 2, Defense).0,
        Status::NotTriggered
    );
    s.location = Some(Location::Home);
    assert_eq!(
        status_of(&b, &assess(&b, &idx, &s).unwrap(), 3, 2, Defense).0,
        Status::Triggered
    );
}

#[test]
fn neutrality_if_attacked_does_not_cover_the_attacker() {
    // Gamma owes neutrality to Alpha and Beta, only if the ally is attacked (neucoatt).
    let b = base(
        STATES,
        vec![
            member(40, 1, &[Neutrality], &[(Neutrality, Condition::AllyAttacked)]),
            member(40, 2, &[Neutrality], &[(Neutrality, Condition::AllyAttacked)]),
            member(40, 3, &[Neutrality], &[(Neutrality, Condition::AllyAttacked)]),
        ],
        vec![treaty(40, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let a = assess(&b, &idx, &scenario(&[1], &[2])).unwrap();
    assert_eq!(status_of(&b, &a, 3, 1, Neutrality).0, Status::NotTriggered);
    assert_eq!(status_of(&b, &a, 3, 2, Neutrality).0, Status::Triggered);
    // The attacker's own neutrality pledge toward its target is a violation.
    assert!(
        a.violations
            .iter()
            .map(|v| a.violation(v))
            .any(|o| o.holder == 1 && o.toward == 2 && o.kind == Neutrality)
    );
}

#[test]
fn offense_follows_the_initiator_and_collides_with_non_aggression() {
    // Gamma promised Alpha offensive support, and Beta non-aggression.
    let b = base(
        STATES,
        vec![
            member(50, 1, &[Offense], &[]),
            member(50, 3, &[Offense], &[]),
            member(51, 2, &[NonAggression], &[]),
            member(51, 3, &[NonAggression], &[]),
        ],
        vec![treaty(50, Provisions::default()), treaty(51, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let a = assess(&b, &idx, &scenario(&[1], &[2])).unwrap();
    assert_eq!(status_of(&b, &a, 3, 1, Offense).0, Status::Triggered);
    assert_eq!(a.collisions.len(), 1);
    let c = &a.collisions[0];
    assert_eq!(
        (c.ccode, c.kind, c.atopids.clone()),
        (3, CollisionKind::OffenseVsNonAggression, vec![50, 51])
    );
    assert_eq!(
        c.explanation(&b),
        "Gamma owes offense to Alpha (ATOP 50), triggered; it also owes non-aggression to Beta (ATOP 51). \
         Fighting for Alpha means using force against Beta, which Gamma pledged not to do."
    );
    // Beta, attacked, is owed no offense: offense is for conflicts the ally starts.
    let a = assess(&b, &idx, &scenario(&[2], &[1])).unwrap();
    assert_eq!(status_of(&b, &a, 3, 1, Offense).0, Status::NotTriggered);
}

#[test]
fn frozen_member_is_suspended_and_collides_with_no_one() {
    let mut frozen = member(60, 3, &[Defense, NonAggression], &[]);
    frozen.freeze = Some(Freeze {
        from: date("1999-01-01"),
        until: None,
        source: "test pack".into(),
    });
    let b = base(
        STATES,
        vec![
            member(60, 1, &[Defense, NonAggression], &[]),
            member(60, 2, &[Defense, NonAggression], &[]),
            frozen,
        ],
        vec![treaty(60, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let a = assess(&b, &idx, &scenario(&[1], &[2])).unwrap();
    let (st, why) = status_of(&b, &a, 3, 2, Defense);
    assert_eq!(st, Status::Suspended);
    assert!(why.contains("1999-01-01") && why.contains("test pack"), "{why}");
    assert!(a.collisions.is_empty());
    // The intra-alliance finding says plainly that the treaty is silent.
    let x = &a.intra_alliance[0];
    assert_eq!((x.atopid, x.attacker, x.target, x.silent), (60, 1, 2, true));
    assert!(
        x.findings(&b)
            .last()
            .unwrap()
            .contains("ATOP 60 has no provision for one member attacking another")
    );
}

#[test]
fn target_resisting_breaks_no_pledge() {
    let b = base(
        STATES,
        vec![
            member(70, 1, &[NonAggression], &[]),
            member(70, 2, &[NonAggression], &[]),
        ],
        vec![treaty(70, Provisions::default())],
    );
    let idx = ObligationIndex::new(&b);
    let a = assess(&b, &idx, &scenario(&[1], &[2])).unwrap();
    assert_eq!(status_of(&b, &a, 1, 2, NonAggression).0, Status::Triggered);
    assert_eq!(status_of(&b, &a, 2, 1, NonAggression).0, Status::NotTriggered);
    assert_eq!(a.violations.len(), 1);
    let v = a.violation(&a.violations[0]);
    assert_eq!((v.holder, v.toward), (1, 2));
    assert!(
        a.violations[0]
            .explanation(&b, &a)
            .contains("Alpha pledged not to use force against Beta")
    );
}

#[test]
fn dates_before_the_data_and_states_on_both_sides_are_errors() {
    let b = base(STATES, vec![], vec![]);
    let idx = ObligationIndex::new(&b);
    let mut s = scenario(&[1], &[2]);
    s.date = date("1800-01-01");
    assert!(matches!(
        assess(&b, &idx, &s),
        Err(crate::ScenarioError::BeforeData { .. })
    ));
    let s = scenario(&[1, 2], &[2]);
    assert!(matches!(
        assess(&b, &idx, &s),
        Err(crate::ScenarioError::Sides(casus_model::ScenarioError::BothSides(2)))
    ));
}

#[test]
fn directed_coding_narrows_an_asymmetric_alliance() {
    // Gamma, in an asymmetric alliance with Beta and Delta, has defense in the
    // member file; ATOP's directed coding has it owed to Delta only.
    let p = Provisions {
        asymm: true,
        ..Provisions::default()
    };
    let mut b = base(
        STATES,
        vec![
            member(80, 2, &[], &[]),
            member(80, 3, &[Defense], &[]),
            member(80, 4, &[], &[]),
        ],
        vec![treaty(80, p)],
    );
    let idx = ObligationIndex::new(&b);
    let s = scenario(&[1], &[2]);
    assert_eq!(
        status_of(&b, &assess(&b, &idx, &s).unwrap(), 3, 2, Defense).0,
        Status::Triggered
    );
    let mut coding = casus_model::DirectedCoding::new();
    coding.insert((3, 4, 2000), [true, false, false, false, false]);
    b.directed = Some(coding);
    let a = assess(&b, &idx, &s).unwrap();
    let (st, why) = status_of(&b, &a, 3, 2, Defense);
    assert_eq!(st, Status::NotTriggered);
    assert!(why.contains("Gamma owing Beta no defense in 2000"), "{why}");
    // Toward Delta, attacked, it holds.
    let a = assess(&b, &idx, &scenario(&[1], &[4])).unwrap();
    assert_eq!(status_of(&b, &a, 3, 4, Defense).0, Status::Triggered);
}
