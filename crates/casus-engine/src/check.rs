//! The comparison of casus's derived obligations with ATOP's official directed
//! dyad-year coding, with every difference classified.

use std::collections::{BTreeMap, HashMap};

use casus_data::atop::DirectedDyadYear;
use casus_data::cow::StateList;
use casus_model::{Ccode, ObligationKind, TreatyBase};
use serde::Serialize;

use crate::derive::{DyadYearMap, directed_dyad_years};

/// Why a derived row differs from ATOP's, when the reason is known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Explanation {
    /// A member has no COW state code (ATOP drops such members from its dyadic files).
    NonCowMember { ccode: Ccode },
    /// Every differing flag comes from an alliance whose obligations differ among
    /// members (`asymm` = 1); ATOP's directed file records toward whom each one
    /// runs, which the member file cannot.
    Asymmetric { atopids: Vec<u32> },
}

impl Explanation {
    pub fn describe(&self) -> String {
        match self {
            Explanation::NonCowMember { ccode } => {
                format!("member {ccode} has no COW state code; ATOP's dyadic files leave it out")
            }
            Explanation::Asymmetric { atopids } => format!(
                "asymmetric alliance ({}): the member file gives a member's obligations but not toward which partners",
                atopids
                    .iter()
                    .map(|a| format!("ATOP {a}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn key(&self) -> &'static str {
        match self {
            Explanation::NonCowMember { .. } => "non-cow-member",
            Explanation::Asymmetric { .. } => "asymmetric",
        }
    }
}

/// What differs on one directed dyad-year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DifferenceKind {
    /// casus derives the row; ATOP's file has none.
    OnlyDerived,
    /// ATOP's file has the row; casus derives none.
    OnlyOfficial,
    /// Both have the row with different flags: the kinds that differ.
    Flags {
        kinds: Vec<ObligationKind>,
        derived: [bool; 5],
        official: [bool; 5],
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    pub state_a: Ccode,
    pub state_b: Ccode,
    pub year: i16,
    pub difference: DifferenceKind,
    /// Alliances behind the derived row.
    pub atopids: Vec<u32>,
    pub explanation: Option<Explanation>,
}

/// Counts of one flag's agreement over rows both sides have.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct FlagAgreement {
    pub kind: Option<ObligationKind>,
    pub both: usize,
    pub only_derived: usize,
    pub only_official: usize,
}

/// The result of [`compare`].
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub derived_rows: usize,
    pub official_rows: usize,
    pub identical_rows: usize,
    pub flags: Vec<FlagAgreement>,
    pub differences: Vec<Difference>,
}

impl CheckReport {
    pub fn unexplained(&self) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(|d| d.explanation.is_none())
    }

    /// Differences counted by explanation rule (`unexplained` for none).
    pub fn by_rule(&self) -> BTreeMap<&'static str, usize> {
        let mut m = BTreeMap::new();
        for d in &self.differences {
            *m.entry(d.explanation.as_ref().map_or("unexplained", Explanation::key))
                .or_insert(0) += 1;
        }
        m
    }
}

/// Derives the directed dyad-years from `base` and compares them with ATOP's file.
pub fn compare(base: &TreatyBase, states: &StateList, official: &[DirectedDyadYear]) -> CheckReport {
    let last_year = base.coverage_end.year;
    let derived = directed_dyad_years(&base.commitments, last_year);
    let mut official_map: HashMap<(Ccode, Ccode, i16), [bool; 5]> = HashMap::with_capacity(official.len());
    for r in official {
        official_map.insert((r.state_a, r.state_b, r.year), r.flags);
    }
    let mut flags = vec![FlagAgreement::default(); 5];
    for (f, k) in flags.iter_mut().zip(ObligationKind::ALL) {
        f.kind = Some(k);
    }
    let mut differences = Vec::new();
    let mut identical = 0;
    for (&key, d) in &derived {
        let atopids = sorted_ids(d.sources.iter().map(|s| s.0));
        match official_map.get(&key) {
            None => differences.push(Difference {
                state_a: key.0,
                state_b: key.1,
                year: key.2,
                explanation: explain_presence(states, key),
                difference: DifferenceKind::OnlyDerived,
                atopids,
            }),
            Some(off) => {
                for (i, f) in flags.iter_mut().enumerate() {
                    match (d.flags[i], off[i]) {
                        (true, true) => f.both += 1,
                        (true, false) => f.only_derived += 1,
                        (false, true) => f.only_official += 1,
                        _ => {}
                    }
                }
                if d.flags == *off {
                    identical += 1;
                    continue;
                }
                let kinds: Vec<ObligationKind> = ObligationKind::ALL
                    .into_iter()
                    .filter(|k| d.flags[k.index()] != off[k.index()])
                    .collect();
                differences.push(Difference {
                    state_a: key.0,
                    state_b: key.1,
                    year: key.2,
                    explanation: explain_flags(base, &derived, key, off),
                    difference: DifferenceKind::Flags {
                        kinds,
                        derived: d.flags,
                        official: *off,
                    },
                    atopids,
                });
            }
        }
    }
    for (&key, _) in official_map.iter().filter(|(k, _)| !derived.contains_key(k)) {
        differences.push(Difference {
            state_a: key.0,
            state_b: key.1,
            year: key.2,
            explanation: explain_presence(states, key),
            difference: DifferenceKind::OnlyOfficial,
            atopids: Vec::new(),
        });
    }
    differences.sort_by_key(|d| (d.state_a, d.state_b, d.year));
    CheckReport {
        derived_rows: derived.len(),
        official_rows: official.len(),
        identical_rows: identical,
        flags,
        differences,
    }
}

fn sorted_ids(it: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = it.collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn explain_presence(states: &StateList, (a, b, _): (Ccode, Ccode, i16)) -> Option<Explanation> {
    [a, b]
        .into_iter()
        .find(|c| !states.states.contains_key(c))
        .map(|ccode| Explanation::NonCowMember { ccode })
}

/// A flag difference is explained when casus has the flag and ATOP does not,
/// and an asymmetric alliance sets it; a flag ATOP has and casus lacks never is.
fn explain_flags(
    base: &TreatyBase,
    derived: &DyadYearMap,
    key: (Ccode, Ccode, i16),
    official: &[bool; 5],
) -> Option<Explanation> {
    let d = &derived[&key];
    let mut atopids = Vec::new();
    for (i, (&ours, &theirs)) in d.flags.iter().zip(official).enumerate() {
        if ours == theirs {
            continue;
        }
        if theirs {
            return None;
        }
        let asym: Vec<u32> = d
            .sources
            .iter()
            .filter(|s| s.2[i] && base.treaty(s.0).is_some_and(|t| t.provisions.asymm))
            .map(|s| s.0)
            .collect();
        if asym.is_empty() {
            return None;
        }
        atopids.extend(asym);
    }
    Some(Explanation::Asymmetric {
        atopids: sorted_ids(atopids.into_iter()),
    })
}
