use std::fmt;

use serde::{Deserialize, Serialize};

/// The five primary obligations ATOP codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    /// Active military support if the ally is attacked (`defense`).
    Defense,
    /// Active military support in a conflict the ally did not suffer as an attack (`offense`).
    Offense,
    /// Not to join a conflict against the ally (`neutral`).
    Neutrality,
    /// Not to use force against the ally (`nonagg`).
    NonAggression,
    /// To consult in a crisis that could become militarized (`consul`).
    Consultation,
}

impl ObligationKind {
    pub const ALL: [ObligationKind; 5] = [
        ObligationKind::Defense,
        ObligationKind::Offense,
        ObligationKind::Neutrality,
        ObligationKind::NonAggression,
        ObligationKind::Consultation,
    ];

    /// Position in [`ObligationKind::ALL`], for flag arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The ATOP column name.
    pub fn atop_column(self) -> &'static str {
        match self {
            ObligationKind::Defense => "defense",
            ObligationKind::Offense => "offense",
            ObligationKind::Neutrality => "neutral",
            ObligationKind::NonAggression => "nonagg",
            ObligationKind::Consultation => "consul",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::Defense => "defense",
            ObligationKind::Offense => "offense",
            ObligationKind::Neutrality => "neutrality",
            ObligationKind::NonAggression => "non-aggression",
            ObligationKind::Consultation => "consultation",
        }
    }

    /// Parses either casus's name or ATOP's column name.
    pub fn parse(text: &str) -> Option<ObligationKind> {
        let t = text.trim().to_ascii_lowercase();
        ObligationKind::ALL.into_iter().find(|k| {
            k.as_str() == t || k.atop_column() == t || (t == "nonaggression" && *k == ObligationKind::NonAggression)
        })
    }
}

impl fmt::Display for ObligationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A condition ATOP codes on an obligation (the codebook's "conditions" section).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    /// A particular adversary or type of adversary (`defcoadv`, `offcoadv`, `neucoadv`, `concoadv`).
    Adversary,
    /// Conflict in a particular location (`defcoloc`, ...).
    Location,
    /// A particular ongoing conflict (`defcocon`, ...).
    OngoingConflict,
    /// The number of adversaries (`defconum`, `offconum`, `neuconum`).
    NumberOfAdversaries,
    /// The ally or adversary meeting demands (`defcodem`, `offcodem`, `neucodem`).
    Demands,
    /// The ally not provoking the adversary (`defconpr`, `neuconpr`).
    NonProvocation,
    /// Neutrality only if the ally is attacked (`neucoatt`).
    AllyAttacked,
    /// Consultation only at an ally's request (`concoreq`).
    AllyRequest,
    /// Some other condition (`olimob`).
    Other,
}

impl Condition {
    pub const ALL: [Condition; 9] = [
        Condition::Adversary,
        Condition::Location,
        Condition::OngoingConflict,
        Condition::NumberOfAdversaries,
        Condition::Demands,
        Condition::NonProvocation,
        Condition::AllyAttacked,
        Condition::AllyRequest,
        Condition::Other,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// The ATOP column coding this condition for an obligation, if ATOP has one.
    pub fn atop_column(self, kind: ObligationKind) -> Option<&'static str> {
        use Condition::*;
        use ObligationKind::*;
        Some(match (kind, self) {
            (Defense, Adversary) => "defcoadv",
            (Defense, Location) => "defcoloc",
            (Defense, OngoingConflict) => "defcocon",
            (Defense, NumberOfAdversaries) => "defconum",
            (Defense, Demands) => "defcodem",
            (Defense, NonProvocation) => "defconpr",
            (Offense, Adversary) => "offcoadv",
            (Offense, Location) => "offcoloc",
            (Offense, OngoingConflict) => "offcocon",
            (Offense, NumberOfAdversaries) => "offconum",
            (Offense, Demands) => "offcodem",
            (Neutrality, Adversary) => "neucoadv",
            (Neutrality, Location) => "neucoloc",
            (Neutrality, OngoingConflict) => "neucocon",
            (Neutrality, NumberOfAdversaries) => "neuconum",
            (Neutrality, Demands) => "neucodem",
            (Neutrality, NonProvocation) => "neuconpr",
            (Neutrality, AllyAttacked) => "neucoatt",
            (Consultation, Adversary) => "concoadv",
            (Consultation, Location) => "concoloc",
            (Consultation, OngoingConflict) => "concocon",
            (Consultation, AllyRequest) => "concoreq",
            (_, Other) => "olimob",
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::Adversary => "adversary",
            Condition::Location => "location",
            Condition::OngoingConflict => "ongoing-conflict",
            Condition::NumberOfAdversaries => "number-of-adversaries",
            Condition::Demands => "demands",
            Condition::NonProvocation => "non-provocation",
            Condition::AllyAttacked => "ally-attacked",
            Condition::AllyRequest => "ally-request",
            Condition::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Condition> {
        let t = text.trim().to_ascii_lowercase();
        Condition::ALL.into_iter().find(|c| c.as_str() == t)
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The set of conditions on one obligation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Conditions(u16);

impl Conditions {
    pub const NONE: Conditions = Conditions(0);

    pub fn with(mut self, c: Condition) -> Conditions {
        self.0 |= c.bit();
        self
    }

    pub fn insert(&mut self, c: Condition) {
        self.0 |= c.bit();
    }

    pub fn contains(self, c: Condition) -> bool {
        self.0 & c.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Condition> {
        Condition::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_both_vocabularies() {
        assert_eq!(ObligationKind::parse("nonagg"), Some(ObligationKind::NonAggression));
        assert_eq!(
            ObligationKind::parse("Non-Aggression"),
            Some(ObligationKind::NonAggression)
        );
        assert_eq!(ObligationKind::parse("neutral"), Some(ObligationKind::Neutrality));
        assert_eq!(ObligationKind::parse("alliance"), None);
    }

    #[test]
    fn condition_columns_follow_the_codebook() {
        assert_eq!(
            Condition::NonProvocation.atop_column(ObligationKind::Defense),
            Some("defconpr")
        );
        assert_eq!(Condition::NonProvocation.atop_column(ObligationKind::Offense), None);
        assert_eq!(
            Condition::AllyAttacked.atop_column(ObligationKind::Neutrality),
            Some("neucoatt")
        );
        let c = Conditions::NONE.with(Condition::Location).with(Condition::Demands);
        assert_eq!(
            c.iter().collect::<Vec<_>>(),
            vec![Condition::Location, Condition::Demands]
        );
    }
}
