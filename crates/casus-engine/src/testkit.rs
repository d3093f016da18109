//! Small hand-built treaty bases for unit tests.

use casus_model::{
    Commitment, Condition, Conditions, Date, ObligationKind, Origin, PartialDate, Provisions, SourceNote, State,
    StateDirectory, Treaty, TreatyBase,
};

pub(crate) fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub(crate) fn base(states: &[(u16, &str)], commitments: Vec<Commitment>, treaties: Vec<Treaty>) -> TreatyBase {
    let mut dir = StateDirectory::default();
    for &(c, n) in states {
        dir.insert(State {
            ccode: c,
            abb: n[..3].to_ascii_uppercase(),
            name: n.to_string(),
            iso3: None,
        });
    }
    TreatyBase {
        commitments,
        treaties: treaties.into_iter().map(|t| (t.atopid, t)).collect(),
        states: dir,
        coverage_start: date("1815-01-01"),
        coverage_end: date("2018-12-31"),
        origin: Origin::BuiltIn,
        packs: Vec::new(),
        directed: None,
    }
}

pub(crate) fn member(
    atopid: u32,
    member: u16,
    kinds: &[ObligationKind],
    conds: &[(ObligationKind, Condition)],
) -> Commitment {
    let mut obligations = [false; 5];
    for k in kinds {
        obligations[k.index()] = true;
    }
    let mut conditions = [Conditions::NONE; 5];
    for (k, c) in conds {
        conditions[k.index()].insert(*c);
    }
    Commitment {
        atopid,
        phase: 0,
        member,
        entry: PartialDate::exact(date("1990-01-01")),
        exit: None,
        obligations,
        conditions,
        freeze: None,
        source: SourceNote(format!("fixture {atopid}/{member}")),
    }
}

pub(crate) fn treaty(atopid: u32, provisions: Provisions) -> Treaty {
    Treaty {
        atopid,
        name: None,
        provisions,
        phases: Default::default(),
        source: SourceNote("fixture".into()),
    }
}
