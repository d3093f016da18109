//! The built-in pack against ATOP 5.1: for every day from 1992 to 2018 and
//! every pair of states the pack covers, the pack's obligations under its
//! treaties equal those casus derives from ATOP, except where the pack
//! declares and justifies an exception.

use std::collections::BTreeSet;

use casus_data::pack::Pack;
use casus_data::real_data_dir;
use casus_engine::derive::directed_obligations_on;
use casus_model::{Commitment, Date};

#[test]
fn builtin_pack_equals_atop_every_day_1992_to_2018() {
    let pack = Pack::builtin();
    let builtin = pack.standalone().unwrap();
    let atop = casus_data::load_treaty_base(&real_data_dir()).unwrap();
    let treaties: BTreeSet<u32> = builtin.treaties.keys().copied().collect();
    let states: BTreeSet<u16> = builtin.states.iter().map(|s| s.ccode).collect();
    let exceptions = pack.exceptions();
    let relevant = |c: &&Commitment| treaties.contains(&c.atopid) && states.contains(&c.member);
    let atop_rows: Vec<Commitment> = atop.commitments.iter().filter(relevant).cloned().collect();
    let excused = |(a, b, id, _): &(u16, u16, u32, casus_model::ObligationKind), d: Date| {
        exceptions
            .iter()
            .any(|e| e.atopid == *id && e.from <= d && d <= e.until && e.member.is_none_or(|m| m == *a || m == *b))
    };
    let mut day = Date::parse("1992-01-01").unwrap();
    let last = Date::parse("2018-12-31").unwrap();
    let (mut days, mut compared) = (0, 0);
    while day <= last {
        let ours: BTreeSet<_> = directed_obligations_on(&builtin.commitments, day)
            .into_iter()
            .filter(|o| !excused(o, day))
            .collect();
        let theirs: BTreeSet<_> = directed_obligations_on(&atop_rows, day)
            .into_iter()
            .filter(|o| !excused(o, day))
            .collect();
        let only_pack: Vec<_> = ours.difference(&theirs).take(5).collect();
        let only_atop: Vec<_> = theirs.difference(&ours).take(5).collect();
        assert!(
            only_pack.is_empty() && only_atop.is_empty(),
            "{day}: only in pack {only_pack:?}; only in ATOP {only_atop:?}"
        );
        compared += ours.len();
        days += 1;
        day = day.succ();
    }
    assert_eq!(days, 9862);
    // On the last day: the CSTO, CIS, SCO and bilateral obligations among 16 states.
    assert!(compared > 1_000_000, "{compared} obligation-days compared");
}

#[test]
fn builtin_pack_provisions_equal_atop() {
    let builtin = Pack::builtin().standalone().unwrap();
    let atop = casus_data::load_treaty_base(&real_data_dir()).unwrap();
    assert_eq!(builtin.treaties.len(), 26);
    for (id, t) in &builtin.treaties {
        let a = atop.treaty(*id).unwrap_or_else(|| panic!("ATOP has no treaty {id}"));
        let phases: BTreeSet<u8> = atop
            .commitments
            .iter()
            .filter(|c| c.atopid == *id)
            .map(|c| c.phase)
            .collect();
        for p in phases {
            assert_eq!(t.provisions_in(p), a.provisions_in(p), "treaty {id} phase {p}");
        }
        assert!(t.name.is_some(), "treaty {id} has a name");
    }
}
