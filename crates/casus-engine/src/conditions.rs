//! Whether the conditions ATOP codes on one obligation hold in a scenario.
//!
//! Checking produces [`Finding`]s, plain data; the words come later from
//! [`Finding::describe`], only for the obligations someone reads.

use casus_model::{Ccode, Commitment, Condition, Location, ObligationKind, Provisions, Scenario};
use serde::Serialize;

/// What the scenario says about one condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "finding", rename_all = "kebab-case")]
pub enum Finding {
    /// The adversary is among the states the treaty names.
    NamedAdversary {
        named: Vec<Ccode>,
    },
    /// The treaty names other adversaries.
    OtherAdversary {
        threats: Vec<Ccode>,
    },
    /// The adversary is named, but the treaty also names a region.
    NamedAdversaryInRegion {
        named: Vec<Ccode>,
    },
    /// The treaty is aimed at domestic or non-state actors.
    NonStateAdversary,
    /// The treaty names a region, an ongoing conflict or another alliance (ATOP `specthrt` 2, 4, 6), or no state at all.
    AdversaryUnnamed {
        specthrt: Option<u8>,
    },
    LocationHome,
    LocationElsewhere,
    LocationUnknown,
    OngoingConflictUnknown,
    NumberOfAdversariesUnknown {
        adversaries: usize,
    },
    DemandsUnknown,
    Provoked,
    NotProvoked,
    ProvocationUnknown,
    /// The condition needs the ally to be attacked, and it is the attacker.
    AllyIsAttacker,
    AllyAttacked,
    RequestUnknown,
    OtherUnknown,
}

/// The outcome of checking one obligation's conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Every condition holds; the findings say how.
    Met(Vec<(Condition, Finding)>),
    /// A condition rules the obligation out.
    Fails(Condition, Finding),
    /// No condition fails, but one needs a fact the scenario does not give.
    Unknown(Condition, Finding),
}

/// The facts about the ally and its adversaries that conditions turn on.
pub(crate) struct Situation<'a> {
    pub adversaries: &'a [Ccode],
    pub ally_attacked: bool,
    pub scenario: &'a Scenario,
}

enum Outcome {
    Holds(Option<Finding>),
    Fails(Finding),
    Needs(Finding),
}

/// Checks every condition on `kind` in `holder`'s commitment. A failing
/// condition wins over an unknown one, so an obligation reported as
/// undetermined could still be triggered.
pub(crate) fn check(
    kind: ObligationKind,
    holder: &Commitment,
    provisions: Option<&Provisions>,
    s: &Situation<'_>,
) -> Verdict {
    let mut unknown: Option<(Condition, Finding)> = None;
    let mut met = Vec::new();
    for cond in holder.conditions_on(kind).iter() {
        let outcome = match cond {
            Condition::Adversary => adversary(provisions, s.adversaries),
            Condition::Location => match s.scenario.location {
                Some(Location::Home) => Outcome::Holds(Some(Finding::LocationHome)),
                Some(Location::Elsewhere) => Outcome::Fails(Finding::LocationElsewhere),
                None => Outcome::Needs(Finding::LocationUnknown),
            },
            Condition::OngoingConflict => Outcome::Needs(Finding::OngoingConflictUnknown),
            Condition::NumberOfAdversaries => Outcome::Needs(Finding::NumberOfAdversariesUnknown {
                adversaries: s.adversaries.len(),
            }),
            Condition::Demands => Outcome::Needs(Finding::DemandsUnknown),
            Condition::NonProvocation if !s.ally_attacked => Outcome::Fails(Finding::AllyIsAttacker),
            Condition::NonProvocation => match s.scenario.provoked {
                Some(true) => Outcome::Fails(Finding::Provoked),
                Some(false) => Outcome::Holds(Some(Finding::NotProvoked)),
                None => Outcome::Needs(Finding::ProvocationUnknown),
            },
            Condition::AllyAttacked if s.ally_attacked => Outcome::Holds(Some(Finding::AllyAttacked)),
            Condition::AllyAttacked => Outcome::Fails(Finding::AllyIsAttacker),
            Condition::AllyRequest => Outcome::Needs(Finding::RequestUnknown),
            Condition::Other => Outcome::Needs(Finding::OtherUnknown),
        };
        match outcome {
            Outcome::Holds(Some(f)) => met.push((cond, f)),
            Outcome::Holds(None) => {}
            Outcome::Fails(f) => return Verdict::Fails(cond, f),
            Outcome::Needs(f) => {
                unknown.get_or_insert((cond, f));
            }
        }
    }
    match unknown {
        Some((c, f)) => Verdict::Unknown(c, f),
        None => Verdict::Met(met),
    }
}

fn adversary(provisions: Option<&Provisions>, adversaries: &[Ccode]) -> Outcome {
    let Some(p) = provisions else {
        return Outcome::Needs(Finding::AdversaryUnnamed { specthrt: None });
    };
    match p.specthrt {
        Some(1 | 3) if !p.threats.is_empty() => {
            let named: Vec<Ccode> = adversaries.iter().copied().filter(|a| p.threats.contains(a)).collect();
            if named.is_empty() {
                Outcome::Fails(Finding::OtherAdversary {
                    threats: p.threats.clone(),
                })
            } else if p.specthrt == Some(3) {
                Outcome::Needs(Finding::NamedAdversaryInRegion { named })
            } else {
                Outcome::Holds(Some(Finding::NamedAdversary { named }))
            }
        }
        Some(5) => Outcome::Fails(Finding::NonStateAdversary),
        other => Outcome::Needs(Finding::AdversaryUnnamed { specthrt: other }),
    }
}

impl Finding {
    /// The finding in words. `ally` is the state the obligation is owed to,
    /// `adversaries` the states it faces.
    pub fn describe(
        &self,
        kind: ObligationKind,
        cond: Condition,
        ally: &str,
        adversaries: &str,
        name: &dyn Fn(Ccode) -> String,
    ) -> String {
        let col = cond.atop_column(kind).unwrap_or("?");
        let list = |v: &[Ccode]| {
            v.iter()
                .map(|&c| format!("{} ({c})", name(c)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Finding::NamedAdversary { named } => format!("{} is the adversary the treaty names ({col})", list(named)),
            Finding::OtherAdversary { threats } => {
                format!(
                    "holds only against {} ({col}, statthr1/2); the adversary is {adversaries}",
                    list(threats)
                )
            }
            Finding::NamedAdversaryInRegion { named } => {
                format!(
                    "whether {} acts in the region the treaty names ({col}, specthrt 3)",
                    list(named)
                )
            }
            Finding::NonStateAdversary => {
                format!(
                    "holds only against domestic or non-state actors ({col}, specthrt 5); the adversary is the state {adversaries}"
                )
            }
            Finding::AdversaryUnnamed { specthrt: Some(2) } => {
                format!("whether {adversaries} is in the region the treaty names ({col}, specthrt 2)")
            }
            Finding::AdversaryUnnamed { specthrt: Some(4) } => {
                format!("whether the conflict with {adversaries} is the one the treaty names ({col}, specthrt 4)")
            }
            Finding::AdversaryUnnamed { specthrt: Some(6) } => {
                format!("whether {adversaries} belongs to the alliance the treaty names ({col}, specthrt 6)")
            }
            Finding::AdversaryUnnamed { .. } => {
                format!(
                    "whether {adversaries} is the kind of adversary the treaty means; ATOP codes the condition ({col}) without naming a state"
                )
            }
            Finding::LocationHome => {
                format!("location condition ({col}) read as the ally's home territory, where the fighting is")
            }
            Finding::LocationElsewhere => {
                format!(
                    "holds only for conflict in a particular location ({col}); the fighting is outside {ally}'s home territory"
                )
            }
            Finding::LocationUnknown => {
                format!(
                    "where the fighting is: it holds only for a particular location ({col}); give --location home|elsewhere"
                )
            }
            Finding::OngoingConflictUnknown => {
                format!("whether this attack belongs to the particular ongoing conflict the treaty names ({col})")
            }
            Finding::NumberOfAdversariesUnknown { adversaries: n } => format!(
                "the treaty's rule on the number of adversaries ({col}); ATOP does not record which number, and the scenario has {n}"
            ),
            Finding::DemandsUnknown => {
                format!("whether the ally or the adversary met the demands the treaty sets ({col})")
            }
            Finding::Provoked => {
                format!("holds only if {ally} did not provoke the attack ({col}); the scenario says it did")
            }
            Finding::NotProvoked => format!("{ally} did not provoke the attack ({col})"),
            Finding::ProvocationUnknown => {
                format!("whether {ally} provoked the attack ({col}); give --provoked yes|no")
            }
            Finding::AllyIsAttacker => format!("holds only if {ally} is attacked ({col}); {ally} is the attacker"),
            Finding::AllyAttacked => format!("{ally} is attacked ({col})"),
            Finding::RequestUnknown => format!("whether {ally} requests consultation ({col})"),
            Finding::OtherUnknown => "a further condition ATOP codes without detail (olimob)".to_string(),
        }
    }
}
