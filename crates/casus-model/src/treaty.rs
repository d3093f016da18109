use serde::{Deserialize, Serialize};

use crate::{Ccode, Conditions, Date, ObligationKind, PartialDate};

/// Where a fact comes from: a dataset row or a pack entry, so that every claim
/// casus makes can be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceNote(pub String);

/// One member's obligations in one phase of one alliance: a row of ATOP's
/// member-level file, or a pack's membership entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub atopid: u32,
    /// ATOP phase (0 when the alliance never changed).
    pub phase: u8,
    pub member: Ccode,
    /// Signature date for this member.
    pub entry: PartialDate,
    /// Exit date; `None` when still in force on ATOP's last day (or open in a pack).
    pub exit: Option<PartialDate>,
    /// Indexed by [`ObligationKind::index`].
    pub obligations: [bool; 5],
    /// Conditions on each obligation, indexed like `obligations`.
    pub conditions: [Conditions; 5],
    /// Set when the member's participation is frozen (a pack fact).
    pub freeze: Option<Freeze>,
    pub source: SourceNote,
}

impl Commitment {
    pub fn has(&self, kind: ObligationKind) -> bool {
        self.obligations[kind.index()]
    }

    pub fn conditions_on(&self, kind: ObligationKind) -> Conditions {
        self.conditions[kind.index()]
    }

    /// First day in force, by the widest-span policy of [`PartialDate`].
    pub fn starts(&self) -> Date {
        self.entry.earliest()
    }

    /// The first day no longer in force, or `None` if open-ended. The exit day
    /// itself is not in force, so that one phase ending on the day the next
    /// begins does not overlap it. An exit with an unknown day is taken at the
    /// end of its month (its year, if the month is unknown too).
    pub fn ends(&self) -> Option<Date> {
        self.exit
            .map(|e| if e.is_exact() { e.earliest() } else { e.latest().succ() })
    }

    pub fn in_force_on(&self, d: Date) -> bool {
        self.starts() <= d && self.ends().is_none_or(|end| d < end)
    }

    /// Whether `d` falls where the entry or exit date is only partly known, so
    /// that being in force rests on the widest-span policy.
    pub fn uncertain_on(&self, d: Date) -> bool {
        let near_entry = !self.entry.is_exact() && d <= self.entry.latest();
        let near_exit = self.exit.is_some_and(|e| !e.is_exact() && d >= e.earliest());
        near_entry || near_exit
    }

    /// The alliance years of this commitment, as ATOP counts them: from the
    /// entry year through the exit year, which counts even when the exit
    /// falls on 1 January.
    pub fn years(&self) -> std::ops::RangeInclusive<i16> {
        let last = self.exit.map_or(crate::ATOP_LAST_DAY.year, |e| e.year);
        self.starts().year..=last
    }

    pub fn frozen_on(&self, d: Date) -> Option<&Freeze> {
        self.freeze
            .as_ref()
            .filter(|f| f.from <= d && f.until.is_none_or(|u| d < u))
    }
}

/// A member's frozen participation: its obligations are reported as suspended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freeze {
    pub from: Date,
    pub until: Option<Date>,
    pub source: String,
}

/// Alliance-level facts that bear on a crisis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provisions {
    /// ATOP `specthrt`: 0 none, 1 states, 2 region, 3 states in a region,
    /// 4 ongoing conflict, 5 non-state actors, 6 other alliance; `None` unknown.
    pub specthrt: Option<u8>,
    /// ATOP `statthr1`, `statthr2`: the named threat states.
    pub threats: Vec<Ccode>,
    /// ATOP `medarb`: members committed to mediation or arbitration among themselves.
    pub medarb: Option<bool>,
    /// ATOP `conwtin`: 0 no mention of conflict among members, 1 general, 2 specific issue, 3 interpretation only.
    pub conwtin: Option<u8>,
    /// ATOP `conres`: 0 none, 1 resolves a conflict among the allies, 2 with third parties.
    pub conres: Option<u8>,
    /// ATOP `asymm`: obligations differ among members.
    pub asymm: bool,
}

/// An alliance (ATOP id) with its name and provisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Treaty {
    pub atopid: u32,
    /// A human name, where a pack gives one (ATOP has none).
    pub name: Option<String>,
    /// Alliance-level provisions.
    pub provisions: Provisions,
    /// Provisions by phase, where they are known per phase.
    pub phases: std::collections::BTreeMap<u8, Provisions>,
    pub source: SourceNote,
}

impl Treaty {
    /// The provisions in force in `phase`: the phase's own where known, else the alliance's.
    pub fn provisions_in(&self, phase: u8) -> &Provisions {
        self.phases.get(&phase).unwrap_or(&self.provisions)
    }

    /// `ATOP 4220 (Collective Security Treaty / CSTO)` or `ATOP 4220`.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("ATOP {} ({n})", self.atopid),
            None => format!("ATOP {}", self.atopid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commitment(entry: PartialDate, exit: Option<PartialDate>) -> Commitment {
        Commitment {
            atopid: 1,
            phase: 0,
            member: 2,
            entry,
            exit,
            obligations: [true, false, false, false, false],
            conditions: [Conditions::NONE; 5],
            freeze: None,
            source: SourceNote("test".into()),
        }
    }

    #[test]
    fn exit_day_is_not_in_force_and_unknown_days_widen() {
        let c = commitment(
            PartialDate {
                year: 1992,
                month: Some(5),
                day: Some(15),
            },
            Some(PartialDate {
                year: 2002,
                month: Some(10),
                day: Some(7),
            }),
        );
        assert!(!c.in_force_on(Date::parse("1992-05-14").unwrap()));
        assert!(c.in_force_on(Date::parse("1992-05-15").unwrap()));
        assert!(c.in_force_on(Date::parse("2002-10-06").unwrap()));
        assert!(!c.in_force_on(Date::parse("2002-10-07").unwrap()));
        assert_eq!(c.years(), 1992..=2002);

        let vague = commitment(
            PartialDate {
                year: 1874,
                month: None,
                day: None,
            },
            Some(PartialDate {
                year: 1883,
                month: Some(6),
                day: None,
            }),
        );
        assert!(vague.in_force_on(Date::parse("1874-01-01").unwrap()));
        assert!(vague.in_force_on(Date::parse("1883-06-30").unwrap()));
        assert!(!vague.in_force_on(Date::parse("1883-07-01").unwrap()));
        assert!(vague.uncertain_on(Date::parse("1874-03-01").unwrap()));
        assert!(vague.uncertain_on(Date::parse("1883-06-10").unwrap()));
        assert!(!vague.uncertain_on(Date::parse("1880-06-10").unwrap()));
    }

    #[test]
    fn exit_on_first_of_january_still_counts_that_year() {
        let c = commitment(
            PartialDate {
                year: 1990,
                month: Some(3),
                day: Some(1),
            },
            Some(PartialDate {
                year: 1995,
                month: Some(1),
                day: Some(1),
            }),
        );
        assert_eq!(c.years(), 1990..=1995);
    }
}
