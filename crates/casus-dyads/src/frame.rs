use std::collections::HashMap;

use casus_model::{Ccode, Date};

use crate::{Column, FrameError, Sources};

/// What to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameSpec {
    pub first_year: i16,
    pub last_year: i16,
    /// Ordered pairs (A, B) and (B, A); otherwise one row per pair, lower code first.
    pub directed: bool,
    /// Keep only dyad-years whose states were both system members on a common
    /// day of the year (peacesciencer's `create_dyadyears` rule).
    pub coexisting_only: bool,
    /// Keep only politically relevant dyads (contiguous, or with a major power).
    pub prd_only: bool,
    pub columns: Vec<Column>,
}

impl FrameSpec {
    /// Parses `1816-2010` or `1990`.
    pub fn parse_years(text: &str) -> Result<(i16, i16), FrameError> {
        let bad = || FrameError::Spec(format!("--years {text}: write a year (1990) or a range (1816-2010)"));
        let (a, b) = match text.split_once('-') {
            Some((a, b)) => (
                a.trim().parse::<i16>().map_err(|_| bad())?,
                b.trim().parse::<i16>().map_err(|_| bad())?,
            ),
            None => {
                let y = text.trim().parse::<i16>().map_err(|_| bad())?;
                (y, y)
            }
        };
        if a > b {
            return Err(FrameError::Spec(format!(
                "--years {text}: the first year is after the last"
            )));
        }
        if a < 1816 || b > 2030 {
            return Err(FrameError::Spec(format!(
                "--years {text}: the state system data covers 1816-2016 (carried forward to 2030 at most); pick years in 1816-2030"
            )));
        }
        Ok((a, b))
    }
}

/// One dyad-year row. In a non-directed frame, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dyad {
    pub a: Ccode,
    pub b: Ccode,
    pub year: i16,
}

/// The rows of a dyad-year frame, sorted by `a`, `b`, `year`.
#[derive(Debug, Clone)]
pub struct DyadFrame {
    pub directed: bool,
    pub rows: Vec<Dyad>,
}

/// One state-year row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateYear {
    pub ccode: Ccode,
    pub year: i16,
}

/// The rows of a state-year frame, sorted by `ccode`, `year`.
#[derive(Debug, Clone)]
pub struct StateFrame {
    pub rows: Vec<StateYear>,
}

/// System members by year. The COW list ends in 2016; later years take the
/// 2016 members (as peacesciencer does for the years after its data).
pub(crate) fn members_by_year(sources: &Sources, first: i16, last: i16) -> HashMap<i16, Vec<Ccode>> {
    let data_last = sources.system.iter().map(|&(_, y)| y).max().unwrap_or(2016);
    let mut by_year: HashMap<i16, Vec<Ccode>> = HashMap::new();
    for &(c, y) in &sources.system {
        if y >= first && y <= last.min(data_last) {
            by_year.entry(y).or_default().push(c);
        }
        if y == data_last {
            for later in (data_last + 1).max(first)..=last {
                by_year.entry(later).or_default().push(c);
            }
        }
    }
    for v in by_year.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    by_year
}

impl DyadFrame {
    pub fn build(spec: &FrameSpec, sources: &Sources) -> DyadFrame {
        let by_year = members_by_year(sources, spec.first_year, spec.last_year);
        let mut rows = Vec::new();
        for (&year, members) in &by_year {
            for &a in members {
                for &b in members {
                    if a == b || (!spec.directed && a > b) {
                        continue;
                    }
                    if spec.coexisting_only && !coexisted(sources, a, b, year) {
                        continue;
                    }
                    rows.push(Dyad { a, b, year });
                }
            }
        }
        rows.sort_unstable();
        DyadFrame {
            directed: spec.directed,
            rows,
        }
    }
}

impl StateFrame {
    pub fn build(spec: &FrameSpec, sources: &Sources) -> StateFrame {
        let by_year = members_by_year(sources, spec.first_year, spec.last_year);
        let mut rows: Vec<StateYear> = by_year
            .iter()
            .flat_map(|(&year, m)| m.iter().map(move |&ccode| StateYear { ccode, year }))
            .collect();
        rows.sort_unstable();
        StateFrame { rows }
    }
}

fn coexisted(sources: &Sources, a: Ccode, b: Ccode, year: i16) -> bool {
    let (y0, y1) = (Date::first_of_year(year), Date::last_of_year(year));
    let spells = |c| sources.spells.iter().filter(move |s| s.ccode == c);
    // Years after the state list's end carry the last members forward.
    if year > sources.spells_end.year {
        return true;
    }
    spells(a).any(|sa| spells(b).any(|sb| sa.start.max(sb.start).max(y0) <= sa.end.min(sb.end).min(y1)))
}
