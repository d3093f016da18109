use std::collections::BTreeMap;

use crate::{Ccode, Commitment, Date, StateDirectory, Treaty};

/// Where a [`TreatyBase`] came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Read from ATOP 5.1 in a data directory.
    Atop { dir: String },
    /// The hand-written pack compiled into casus.
    BuiltIn,
}

/// The treaties, commitments and states a scenario is evaluated against.
#[derive(Debug, Clone)]
pub struct TreatyBase {
    pub commitments: Vec<Commitment>,
    pub treaties: BTreeMap<u32, Treaty>,
    pub states: StateDirectory,
    /// The last day the underlying data covers; later dates assume that what
    /// was in force then still holds.
    pub coverage_end: Date,
    /// The first day the underlying data covers.
    pub coverage_start: Date,
    pub origin: Origin,
    /// Packs applied on top, by their file names, in order.
    pub packs: Vec<String>,
    /// ATOP's own directed dyad-year coding, where loaded: A's five obligation
    /// flags toward B by (A, B, year). It tells toward whom an asymmetric
    /// alliance's obligations run, which the member file cannot.
    pub directed: Option<DirectedCoding>,
}

/// A's five obligation flags toward B, by (A, B, year), from ATOP's directed dyad-year file.
pub type DirectedCoding = std::collections::HashMap<(Ccode, Ccode, i16), [bool; 5]>;

impl TreatyBase {
    pub fn treaty(&self, atopid: u32) -> Option<&Treaty> {
        self.treaties.get(&atopid)
    }

    /// `ATOP 4220 (CSTO)` when a name is known, else `ATOP 4220`.
    pub fn treaty_label(&self, atopid: u32) -> String {
        self.treaties
            .get(&atopid)
            .map_or_else(|| format!("ATOP {atopid}"), Treaty::label)
    }

    /// The commitments of `member` in force on `date`.
    pub fn commitments_of(&self, member: Ccode, date: Date) -> impl Iterator<Item = &Commitment> {
        self.commitments
            .iter()
            .filter(move |c| c.member == member && c.in_force_on(date))
    }
}
