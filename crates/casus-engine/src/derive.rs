//! ATOP's directed dyad-year obligations, rebuilt from the member-level file.
//!
//! Rule (the one ATOP's own directed dyad-year file follows, as the check
//! shows): state A has obligation X toward state B in year Y when A and B are
//! members of the same phase of an alliance on a common day of Y and A's
//! member row carries X. When the pair's alliance changes phase within a year,
//! that year takes the obligations of the latest phase in force during it.
//! The year of an exit counts as a year of alliance, even when the exit falls
//! on 1 January (ATOP's own convention: an alliance ending 1980-01-01 still has
//! 1980 rows).
//! A pair that shares an alliance but owes nothing in one direction still has
//! a row, with all flags 0, as in ATOP's file.

use std::collections::HashMap;

use casus_model::{Ccode, Commitment, Date};

/// The obligations of A toward B in one year, and the alliance phases they come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DyadYearObligations {
    /// Indexed by [`casus_model::ObligationKind::index`].
    pub flags: [bool; 5],
    /// `(atopid, phase, flags of A in that phase)` for each alliance behind this row.
    pub sources: Vec<(u32, u8, [bool; 5])>,
}

/// Key: (state A, state B, year).
pub type DyadYearMap = HashMap<(Ccode, Ccode, i16), DyadYearObligations>;

/// The first and last years two commitments share at least one day, if any.
pub fn shared_years(a: &Commitment, b: &Commitment, last_year: i16) -> Option<(i16, i16)> {
    let start = a.starts().max(b.starts());
    let end: Option<Date> = match (a.ends(), b.ends()) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    if end.is_some_and(|e| start >= e) {
        return None;
    }
    // ATOP counts the exit year as a year of alliance, even for an exit on 1 January.
    let exit_year = match (a.exit, b.exit) {
        (Some(x), Some(y)) => Some(x.year.min(y.year)),
        (x, y) => x.or(y).map(|e| e.year),
    };
    let last = exit_year.map_or(last_year, |y| y.min(last_year));
    (start.year <= last).then_some((start.year, last))
}

/// Derives every directed dyad-year with a shared alliance, through `last_year`.
pub fn directed_dyad_years(commitments: &[Commitment], last_year: i16) -> DyadYearMap {
    let mut by_alliance: HashMap<u32, Vec<&Commitment>> = HashMap::new();
    for c in commitments {
        by_alliance.entry(c.atopid).or_default().push(c);
    }
    let mut out: DyadYearMap = HashMap::with_capacity(300_000);
    // Per alliance: (A, B, year) -> (phase, flags) of the latest phase that year.
    let mut latest: HashMap<(Ccode, Ccode, i16), (u8, [bool; 5])> = HashMap::new();
    let mut ids: Vec<u32> = by_alliance.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        let members = &by_alliance[&id];
        latest.clear();
        for a in members {
            for b in members {
                if a.member == b.member || a.phase != b.phase {
                    continue;
                }
                let Some((y0, y1)) = shared_years(a, b, last_year) else {
                    continue;
                };
                for y in y0..=y1 {
                    let slot = latest.entry((a.member, b.member, y)).or_insert((a.phase, [false; 5]));
                    if a.phase > slot.0 {
                        *slot = (a.phase, [false; 5]);
                    }
                    if a.phase == slot.0 {
                        for (f, &o) in slot.1.iter_mut().zip(&a.obligations) {
                            *f |= o;
                        }
                    }
                }
            }
        }
        for (&key, &(phase, flags)) in &latest {
            let entry = out.entry(key).or_default();
            for (f, &o) in entry.flags.iter_mut().zip(&flags) {
                *f |= o;
            }
            entry.sources.push((id, phase, flags));
        }
    }
    out
}

/// Every directed obligation in force on `date`: (holder, toward, ATOP id, kind),
/// for pairs in the same alliance phase, sorted.
pub fn directed_obligations_on(
    commitments: &[Commitment],
    date: Date,
) -> Vec<(Ccode, Ccode, u32, casus_model::ObligationKind)> {
    let live: Vec<&Commitment> = commitments.iter().filter(|c| c.in_force_on(date)).collect();
    let mut out = Vec::new();
    for a in &live {
        for b in live
            .iter()
            .filter(|b| b.atopid == a.atopid && b.phase == a.phase && b.member != a.member)
        {
            for k in casus_model::ObligationKind::ALL.into_iter().filter(|k| a.has(*k)) {
                out.push((a.member, b.member, a.atopid, k));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
