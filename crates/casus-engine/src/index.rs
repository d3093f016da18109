use std::collections::HashMap;

use casus_model::{Ccode, Commitment, Date, TreatyBase};

/// Commitments grouped for fast lookup: by member, and by alliance phase.
/// Positions refer to `TreatyBase::commitments`.
#[derive(Debug, Clone)]
pub struct ObligationIndex {
    by_member: HashMap<Ccode, Vec<u32>>,
    by_phase: HashMap<(u32, u8), Vec<u32>>,
}

impl ObligationIndex {
    pub fn new(base: &TreatyBase) -> ObligationIndex {
        let mut by_member: HashMap<Ccode, Vec<u32>> = HashMap::new();
        let mut by_phase: HashMap<(u32, u8), Vec<u32>> = HashMap::new();
        for (i, c) in base.commitments.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 2^32 commitments");
            by_member.entry(c.member).or_default().push(i);
            by_phase.entry((c.atopid, c.phase)).or_default().push(i);
        }
        ObligationIndex { by_member, by_phase }
    }

    /// Commitments of `member` in force on `date`, with their positions.
    pub fn of_member<'a>(
        &'a self,
        base: &'a TreatyBase,
        member: Ccode,
        date: Date,
    ) -> impl Iterator<Item = (u32, &'a Commitment)> {
        self.by_member
            .get(&member)
            .into_iter()
            .flatten()
            .map(|&i| (i, &base.commitments[i as usize]))
            .filter(move |(_, c)| c.in_force_on(date))
    }

    /// Commitments of the other members of `c`'s alliance phase in force on `date`.
    pub fn partners<'a>(
        &'a self,
        base: &'a TreatyBase,
        c: &'a Commitment,
        date: Date,
    ) -> impl Iterator<Item = (u32, &'a Commitment)> {
        self.by_phase
            .get(&(c.atopid, c.phase))
            .into_iter()
            .flatten()
            .map(|&i| (i, &base.commitments[i as usize]))
            .filter(move |(_, p)| p.member != c.member && p.in_force_on(date))
    }
}
