//! Real-world claims, checked on ATOP 5.1 and the COW state list.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use casus_data::{atop, cow, files, real_data_dir};
use casus_engine::check::{Explanation, compare};
use casus_engine::{Assessment, CollisionKind, ObligationIndex, Status, assess};
use casus_model::{Date, ObligationKind, Scenario, TreatyBase};

fn base() -> &'static (TreatyBase, ObligationIndex) {
    static BASE: OnceLock<(TreatyBase, ObligationIndex)> = OnceLock::new();
    BASE.get_or_init(|| {
        let b = casus_data::load_treaty_base(&real_data_dir()).expect("ATOP and COW files load");
        let i = ObligationIndex::new(&b);
        (b, i)
    })
}

fn run(attackers: &[u16], targets: &[u16], date: &str) -> Assessment {
    let (b, i) = base();
    let s = Scenario {
        attackers: attackers.to_vec(),
        targets: targets.to_vec(),
        date: Date::parse(date).unwrap(),
        location: None,
        provoked: None,
    };
    assess(b, i, &s).unwrap()
}

#[test]
fn tajikistan_attacking_kyrgyzstan_binds_five_states_to_both_sides() {
    let a = run(&[702], &[703], "2021-04-29");
    let colliding: BTreeSet<u16> = a.collisions.iter().map(|c| c.ccode).collect();
    for c in [365, 705, 370, 371, 704] {
        assert!(
            colliding.contains(&c),
            "{c} should be bound to both sides; got {colliding:?}"
        );
    }
    // Russia is pledged to defend both, under the CSTO among others.
    let ru = a
        .collisions
        .iter()
        .find(|c| c.ccode == 365 && c.kind == CollisionKind::DefenseVsDefense)
        .unwrap();
    assert_eq!(ru.pulled_toward, 703);
    assert_eq!(ru.pull_atopids, vec![4220, 4255, 4400]);
    assert_eq!(ru.bind_atopids, vec![4220, 4400, 4470]);
    // Uzbekistan left the CSTO in 2012; it collides through the CIS commitments (4400).
    let uz = a
        .collisions
        .iter()
        .find(|c| c.ccode == 704 && c.kind == CollisionKind::DefenseVsDefense)
        .unwrap();
    assert_eq!(uz.pull_atopids, vec![4400]);
    assert!(!uz.atopids.contains(&4220));
    assert!(a.horizon_note().unwrap().contains("2018-12-31"));
}

#[test]
fn tajikistan_breaks_its_csto_non_aggression_pledge() {
    let a = run(&[702], &[703], "2021-04-29");
    let v = a
        .violations
        .iter()
        .map(|v| a.violation(v))
        .find(|o| o.atopid == 4220)
        .expect("CSTO violation");
    assert_eq!(
        (v.holder, v.kind, v.toward, v.status),
        (702, ObligationKind::NonAggression, 703, Status::Triggered)
    );
    let ids: BTreeSet<u32> = a.violations.iter().map(|v| a.violation(v).atopid).collect();
    assert_eq!(ids, BTreeSet::from([3740, 4220, 4400, 4810, 4837, 6020]));
    // The CSTO (phase 2) has a mediation clause; the SCO (4810) has none.
    let csto = a.intra_alliance.iter().find(|x| x.atopid == 4220).unwrap();
    assert_eq!((csto.mediation, csto.silent), (Some(true), false));
    let sco = a.intra_alliance.iter().find(|x| x.atopid == 4810).unwrap();
    assert!(sco.silent);
}

#[test]
fn afghanistan_attacking_tajikistan_triggers_every_csto_defense_without_collision() {
    let a = run(&[700], &[702], "2021-04-29");
    let defenders: BTreeSet<u16> = a
        .obligations
        .iter()
        .filter(|o| {
            o.atopid == 4220 && o.kind == ObligationKind::Defense && o.toward == 702 && o.status == Status::Triggered
        })
        .map(|o| o.holder)
        .collect();
    assert_eq!(defenders, BTreeSet::from([365, 370, 371, 703, 705]));
    assert!(a.collisions.is_empty(), "{:?}", a.collisions);
    assert!(a.violations.is_empty());
}

#[test]
fn germany_attacking_poland_in_1939_triggers_the_british_guarantee() {
    let a = run(&[255], &[290], "1939-09-01");
    let uk = a
        .obligations
        .iter()
        .find(|o| o.holder == 200 && o.toward == 290 && o.kind == ObligationKind::Defense)
        .unwrap();
    assert_eq!((uk.atopid, uk.status), (2440, Status::Triggered));
    // France's pledges to Poland hold only if Poland did not provoke (defconpr).
    let fr = a
        .obligations
        .iter()
        .find(|o| o.holder == 220 && o.toward == 290 && o.kind == ObligationKind::Defense)
        .unwrap();
    assert_eq!(fr.status, Status::Undetermined);
    // Italy's Pact of Steel offense pledge to Germany applies.
    let it = a
        .obligations
        .iter()
        .find(|o| o.holder == 325 && o.toward == 255 && o.kind == ObligationKind::Offense)
        .unwrap();
    assert_eq!((it.atopid, it.status), (2445, Status::Triggered));
    assert!(a.horizon_note().is_none());
}

#[test]
fn atop_check_explains_every_difference() {
    let dir = real_data_dir();
    let (b, _) = base();
    let states = cow::read_states(&dir.join(files::COW_STATES)).unwrap();
    let official = atop::read_directed_dyad_years(&dir.join(files::ATOP_DDYR)).unwrap();
    let r = compare(b, &states, &official);
    assert_eq!(r.official_rows, 273_296);
    assert_eq!(r.derived_rows, 273_316);
    assert_eq!(r.unexplained().count(), 0);
    let by_rule = r.by_rule();
    assert_eq!(by_rule.get("asymmetric"), Some(&346));
    assert_eq!(by_rule.get("non-cow-member"), Some(&20));
    // The rows only casus has are Annam's (8152) with France, 1874-1883, both ways.
    let only: Vec<_> = r
        .differences
        .iter()
        .filter(|d| matches!(d.explanation, Some(Explanation::NonCowMember { ccode: 8152 })))
        .collect();
    assert_eq!(only.len(), 20);
    assert_eq!(r.flags[ObligationKind::Defense.index()].only_official, 0);
    assert_eq!(r.flags[ObligationKind::Consultation.index()].only_derived, 0);
}

#[test]
fn atops_directed_coding_says_toward_whom_locarnos_obligations_run() {
    // Locarno (ATOP 2130) is asymmetric: Germany promised France and Belgium
    // non-aggression; the UK and Italy guaranteed both sides.
    let (b, i) = base();
    let mut with = b.clone();
    with.directed = Some(casus_data::load_directed_coding(&real_data_dir()).unwrap());
    let s = Scenario {
        attackers: vec![255],
        targets: vec![220],
        date: Date::parse("1930-06-01").unwrap(),
        location: None,
        provoked: None,
    };
    let a = assess(&with, i, &s).unwrap();
    let find = |h: u16, t: u16, k: ObligationKind| {
        a.obligations
            .iter()
            .find(|o| o.holder == h && o.toward == t && o.kind == k && o.atopid == 2130)
            .unwrap()
    };
    let de_fr = find(255, 220, ObligationKind::Defense);
    assert_eq!(
        (de_fr.status, de_fr.reason.clone()),
        (Status::NotTriggered, casus_engine::Reason::NotOwedToPartner)
    );
    assert!(
        de_fr
            .reason_text(&with, &s)
            .contains("ATOP's directed coding has Germany owing France no defense in 1930")
    );
    // The UK is a guarantor of both: bound to defend France and Germany alike.
    assert!(
        a.collisions
            .iter()
            .any(|c| c.ccode == 200 && c.kind == CollisionKind::DefenseVsDefense && c.atopids == vec![2130])
    );
    // Without the directed coding the member file's reading stands.
    let plain = assess(b, i, &s).unwrap();
    let o = plain
        .obligations
        .iter()
        .find(|o| o.holder == 255 && o.toward == 220 && o.kind == ObligationKind::Defense)
        .unwrap();
    assert_eq!(o.reason, casus_engine::Reason::HolderAttacksAlly);
    // After 2018 the coding is not consulted.
    let later = Scenario {
        date: Date::parse("2021-04-29").unwrap(),
        attackers: vec![702],
        targets: vec![703],
        ..s.clone()
    };
    let x = assess(&with, i, &later).unwrap();
    let y = assess(b, i, &later).unwrap();
    assert_eq!(x.collisions.len(), y.collisions.len());
}
