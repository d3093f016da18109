//! Whether the conditions ATOP codes on one obligation hold in a scenario.

use casus_model::{
    Ccode, Commitment, Condition, Location, ObligationKind, Provisions, Scenario, StateDirectory,
    Treaty,
};

/// The outcome of checking one obligation's conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Every condition holds.
    Met(Vec<String>),
    /// A condition rules the obligation out.
    Fails(Condition, String),
    /// No condition fails, but some need a fact the scenario does not give.
    Unknown(Condition, String),
}

/// The facts about the ally and its adversaries that conditions turn on.
pub(crate) struct Situation<'a> {
    pub ally: Ccode,
    pub adversaries: &'a [Ccode],
    pub ally_attacked: bool,
    pub scenario: &'a Scenario,
    pub names: &'a StateDirectory,
}

fn list(names: &StateDirectory, codes: &[Ccode]) -> String {
    codes
        .iter()
        .map(|&c| format!("{} ({c})", names.name(c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks every condition on `kind` in `holder`'s commitment. A failing
/// condition wins over an unknown one, so an obligation reported as
/// undetermined could still be triggered.
pub(crate) fn check(
    kind: ObligationKind,
    holder: &Commitment,
    treaty: Option<&Treaty>,
    s: &Situation<'_>,
) -> Verdict {
    let mut unknown: Option<(Condition, String)> = None;
    let mut notes = Vec::new();
    let col = |c: Condition| c.atop_column(kind).unwrap_or("?");
    let ally = s.names.name(s.ally);
    for cond in holder.conditions_on(kind).iter() {
        let outcome: Result<Option<String>, (bool, String)> = match cond {
            Condition::Adversary => {
                adversary(treaty.map(|t| t.provisions_in(holder.phase)), s, col(cond))
            }
            Condition::Location => match s.scenario.location {
                Some(Location::Home) => Ok(Some(format!(
                    "location condition ({}) read as the ally's home territory, where the fighting is",
                    col(cond)
                ))),
                Some(Location::Elsewhere) => Err((
                    true,
                    format!(
                        "holds only for conflict in a particular location ({}); the fighting is outside {ally}'s home territory",
                        col(cond)
                    ),
                )),
                None => Err((
                    false,
                    format!(
                        "where the fighting is: it holds only for a particular location ({}); give --location home|elsewhere",
                        col(cond)
                    ),
                )),
            },
            Condition::OngoingConflict => Err((
                false,
                format!(
                    "whether this attack belongs to the particular ongoing conflict the treaty names ({})",
                    col(cond)
                ),
            )),
            Condition::NumberOfAdversaries => Err((
                false,
                format!(
                    "the treaty's rule on the number of adversaries ({}); ATOP does not record which number, and the scenario has {}",
                    col(cond),
                    s.adversaries.len()
                ),
            )),
            Condition::Demands => Err((
                false,
                format!(
                    "whether the ally or the adversary met the demands the treaty sets ({})",
                    col(cond)
                ),
            )),
            Condition::NonProvocation if s.ally_attacked => match s.scenario.provoked {
                Some(true) => Err((
                    true,
                    format!(
                        "holds only if {ally} did not provoke the attack ({}); the scenario says it did",
                        col(cond)
                    ),
                )),
                Some(false) => Ok(Some(format!(
                    "{ally} did not provoke the attack ({})",
                    col(cond)
                ))),
                None => Err((
                    false,
                    format!(
                        "whether {ally} provoked the attack ({}); give --provoked yes|no",
                        col(cond)
                    ),
                )),
            },
            Condition::NonProvocation => Err((
                true,
                format!(
                    "holds only if {ally} did not provoke its adversary ({}); {ally} is the attacker",
                    col(cond)
                ),
            )),
            Condition::AllyAttacked if s.ally_attacked => Ok(None),
            Condition::AllyAttacked => Err((
                true,
                format!(
                    "holds only if {ally} is attacked ({}); {ally} is the attacker",
                    col(cond)
                ),
            )),
            Condition::AllyRequest => Err((
                false,
                format!("whether {ally} requests consultation ({})", col(cond)),
            )),
            Condition::Other => Err((
                false,
                "a further condition ATOP codes without detail (olimob)".to_string(),
            )),
        };
        match outcome {
            Ok(Some(note)) => notes.push(note),
            Ok(None) => {}
            Err((true, why)) => return Verdict::Fails(cond, why),
            Err((false, need)) => {
                unknown.get_or_insert((cond, need));
            }
        }
    }
    match unknown {
        Some((c, need)) => Verdict::Unknown(c, need),
        None => Verdict::Met(notes),
    }
}

fn adversary(
    provisions: Option<&Provisions>,
    s: &Situation<'_>,
    col: &str,
) -> Result<Option<String>, (bool, String)> {
    let Some(p) = provisions else {
        return Err((
            false,
            format!(
                "whether {} are the adversary the treaty names ({col})",
                list(s.names, s.adversaries)
            ),
        ));
    };
    let adv = list(s.names, s.adversaries);
    match p.specthrt {
        Some(1 | 3) if !p.threats.is_empty() => {
            let named: Vec<Ccode> = s
                .adversaries
                .iter()
                .copied()
                .filter(|a| p.threats.contains(a))
                .collect();
            if named.is_empty() {
                Err((
                    true,
                    format!(
                        "holds only against {} ({col}, statthr1/2); the adversary is {adv}",
                        list(s.names, &p.threats)
                    ),
                ))
            } else if p.specthrt == Some(3) {
                Err((
                    false,
                    format!(
                        "whether {} acts in the region the treaty names ({col}, specthrt 3)",
                        list(s.names, &named)
                    ),
                ))
            } else {
                Ok(Some(format!(
                    "{} is the adversary the treaty names ({col})",
                    list(s.names, &named)
                )))
            }
        }
        Some(5) => Err((
            true,
            format!(
                "holds only against domestic or non-state actors ({col}, specthrt 5); the adversary is the state {adv}"
            ),
        )),
        Some(2) => Err((
            false,
            format!("whether {adv} is in the region the treaty names ({col}, specthrt 2)"),
        )),
        Some(4) => Err((
            false,
            format!(
                "whether the conflict with {adv} is the one the treaty names ({col}, specthrt 4)"
            ),
        )),
        Some(6) => Err((
            false,
            format!("whether {adv} belongs to the alliance the treaty names ({col}, specthrt 6)"),
        )),
        _ => Err((
            false,
            format!(
                "whether {adv} is the kind of adversary the treaty means; ATOP codes the condition ({col}) without naming a state"
            ),
        )),
    }
}
