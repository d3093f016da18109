use serde::{Deserialize, Serialize};

use crate::{Ccode, Date};

/// Where the fighting takes place, relative to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Location {
    /// On the target's home territory.
    Home,
    /// Anywhere else (abroad, at sea, in a third country).
    Elsewhere,
}

/// A crisis to evaluate: who attacks whom, when, and the facts conditions turn on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub attackers: Vec<Ccode>,
    pub targets: Vec<Ccode>,
    pub date: Date,
    /// `None` when the scenario does not say.
    pub location: Option<Location>,
    /// Whether the target provoked the attack; `None` when the scenario does not say.
    pub provoked: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("the scenario names no attacker")]
    NoAttacker,
    #[error("the scenario names no target")]
    NoTarget,
    #[error("state {0} is on both sides: a state cannot attack itself or its co-belligerent")]
    BothSides(Ccode),
}

impl Scenario {
    /// Checks the sides: each non-empty, and no state on both.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.attackers.is_empty() {
            return Err(ScenarioError::NoAttacker);
        }
        if self.targets.is_empty() {
            return Err(ScenarioError::NoTarget);
        }
        if let Some(&c) = self.attackers.iter().find(|a| self.targets.contains(a)) {
            return Err(ScenarioError::BothSides(c));
        }
        Ok(())
    }

    pub fn is_attacker(&self, c: Ccode) -> bool {
        self.attackers.contains(&c)
    }

    pub fn is_target(&self, c: Ccode) -> bool {
        self.targets.contains(&c)
    }

    pub fn is_belligerent(&self, c: Ccode) -> bool {
        self.is_attacker(c) || self.is_target(c)
    }

    /// The belligerents facing `c` (empty if `c` is not a belligerent).
    pub fn opponents_of(&self, c: Ccode) -> &[Ccode] {
        if self.is_attacker(c) {
            &self.targets
        } else if self.is_target(c) {
            &self.attackers
        } else {
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_is_rejected() {
        let s = Scenario {
            attackers: vec![702, 365],
            targets: vec![703, 365],
            date: Date::parse("2021-04-29").unwrap(),
            location: None,
            provoked: None,
        };
        assert_eq!(s.validate(), Err(ScenarioError::BothSides(365)));
        assert_eq!(s.opponents_of(702), &[703, 365]);
    }
}
