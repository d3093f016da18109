//! The words for an [`Assessment`]: reasons, notes, collision and violation
//! explanations, and the findings on an attack within an alliance. Built only
//! for what is shown, so bulk runs pay nothing for them.

use casus_model::{Ccode, ObligationKind, Scenario, TreatyBase};

use crate::assess::{Assessment, Collision, IntraAllianceAttack, Obligation, Reason, Status, Violation};

fn join_names(base: &TreatyBase, codes: &[Ccode]) -> String {
    let names: Vec<String> = codes.iter().map(|&c| base.states.name(c)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn id_list(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

impl Assessment {
    /// The note on dates past the data's last day.
    pub fn horizon_note(&self) -> Option<String> {
        self.beyond_coverage.map(|end| {
            format!(
                "The data ends on {end}; casus assumes that every commitment in force then still holds on {}, unless a pack says otherwise.",
                self.scenario.date
            )
        })
    }
}

impl Obligation {
    /// Why the obligation has its status, in a sentence.
    pub fn reason_text(&self, base: &TreatyBase, scenario: &Scenario) -> String {
        let h = base.states.name(self.holder);
        let a = base.states.name(self.toward);
        let adversaries = join_names(base, scenario.opponents_of(self.toward));
        let attacks_ally = scenario.is_attacker(self.holder) && scenario.is_target(self.toward);
        match &self.reason {
            Reason::Frozen => {
                let c = &base.commitments[self.commitment as usize];
                match c.freeze.as_ref() {
                    Some(f) => format!(
                        "Suspended: {h}'s participation is frozen from {}{} ({})",
                        f.from,
                        f.until.map_or(String::new(), |u| format!(" to {u}")),
                        f.source
                    ),
                    None => format!("Suspended: {h}'s participation is frozen"),
                }
            }
            Reason::HolderAttacksAlly => {
                format!("{h} is itself attacking {a}; its pledge to defend {a} is overtaken by its own attack")
            }
            Reason::SelfDefense => {
                format!("{a} attacked {h}; resisting the attack is self-defense and breaks no pledge toward {a}")
            }
            Reason::AllyIsAttacker => {
                format!("{a} is the attacker, not attacked; defense applies when an ally is attacked")
            }
            Reason::AllyIsAttacked => {
                format!("{a} is attacked; offense applies to conflicts the ally starts, not attacks on it")
            }
            Reason::Applies => match self.kind {
                ObligationKind::Defense => format!("{h} must help defend {a}, attacked by {adversaries}"),
                ObligationKind::Offense => format!("{h} must join {a}'s action against {adversaries}"),
                ObligationKind::Neutrality if attacks_ally => {
                    format!("{h} pledged not to join a conflict against {a}, and is attacking it")
                }
                ObligationKind::Neutrality => format!("{h} must not join the conflict against {a}"),
                ObligationKind::NonAggression if attacks_ally => {
                    format!("{h} pledged not to use force against {a}, and is attacking it")
                }
                ObligationKind::NonAggression => format!("{h} must not use force against {a}"),
                ObligationKind::Consultation => format!("{h} must consult with {a} on the crisis"),
            },
            Reason::NotOwedToPartner => format!(
                "Not owed to {a}: the alliance is asymmetric, and ATOP's directed coding has {h} owing {a} no {} in {}",
                self.kind, scenario.date.year
            ),
            Reason::Condition(c, f) => {
                let text = f.describe(self.kind, *c, &a, &adversaries, &|x| base.states.name(x));
                if self.status == Status::Undetermined {
                    format!("Needs {text}")
                } else {
                    format!("Not triggered: {text}")
                }
            }
        }
    }

    /// The condition that rules the obligation out, or whose fact is missing.
    pub fn condition(&self) -> Option<casus_model::Condition> {
        match &self.reason {
            Reason::Condition(c, _) => Some(*c),
            _ => None,
        }
    }

    /// Caveats: partly known dates, asymmetric treaties, conditions met and how.
    pub fn notes(&self, base: &TreatyBase, scenario: &Scenario) -> Vec<String> {
        let mut notes = Vec::new();
        let c = &base.commitments[self.commitment as usize];
        if self.uncertain_dates {
            notes.push(format!(
                "In force on this date only by the widest reading of partly known dates (entry {}, exit {}).",
                c.entry,
                c.exit.map_or_else(|| "none".to_string(), |e| e.to_string())
            ));
        }
        if self.asymmetric && self.reason != Reason::NotOwedToPartner {
            notes.push(if base.directed.is_some() && scenario.date <= base.coverage_end {
                "Obligations differ among this alliance's members (asymm); ATOP's directed coding confirms this one is owed to this partner in the year (from this or another alliance).".to_string()
            } else {
                "Obligations differ among this alliance's members (asymm); the member file does not say toward which members this one runs.".to_string()
            });
        }
        let a = base.states.name(self.toward);
        let adversaries = join_names(base, scenario.opponents_of(self.toward));
        for (cond, f) in &self.met {
            notes.push(format!(
                "Condition met: {}.",
                f.describe(self.kind, *cond, &a, &adversaries, &|x| base.states.name(x))
            ));
        }
        notes
    }

    /// The dataset row or pack entry behind the obligation.
    pub fn source<'a>(&self, base: &'a TreatyBase) -> &'a str {
        &base.commitments[self.commitment as usize].source.0
    }
}

impl Collision {
    pub fn explanation(&self, base: &TreatyBase) -> String {
        let h = base.states.name(self.ccode);
        let (pt, bt) = (
            base.states.name(self.pulled_toward),
            base.states.name(self.bound_toward),
        );
        let consequence = match self.bind_kind {
            ObligationKind::Defense => {
                format!("Fighting for {pt} means fighting {bt}, which {h} is also pledged to defend")
            }
            ObligationKind::NonAggression => {
                format!("Fighting for {pt} means using force against {bt}, which {h} pledged not to do")
            }
            ObligationKind::Neutrality => {
                format!("Fighting for {pt} means joining a conflict against {bt}, where {h} pledged neutrality")
            }
            _ => format!("Fighting for {pt} means fighting {bt}, which {h} pledged to support"),
        };
        format!(
            "{h} owes {} to {pt} (ATOP {}), {}; it also owes {} to {bt} (ATOP {}). {consequence}.",
            self.pull_kind,
            id_list(&self.pull_atopids),
            self.pull_status.as_str(),
            self.bind_kind,
            id_list(&self.bind_atopids),
        )
    }
}

impl Violation {
    pub fn explanation(&self, base: &TreatyBase, a: &Assessment) -> String {
        let o = a.violation(self);
        let (h, t) = (base.states.name(o.holder), base.states.name(o.toward));
        let treaty = base.treaty_label(o.atopid);
        let pledge = match o.kind {
            ObligationKind::NonAggression => format!("not to use force against {t}"),
            _ => format!("not to join a conflict against {t}"),
        };
        match o.status {
            Status::Suspended => format!(
                "{h} pledged {pledge} under {treaty}, but its participation was frozen at the time. {}",
                o.reason_text(base, &a.scenario)
            ),
            Status::Undetermined => format!(
                "{h} pledged {pledge} under {treaty}; attacking breaks it unless a condition fails. {}",
                o.reason_text(base, &a.scenario)
            ),
            _ => format!("{h} pledged {pledge} under {treaty}; attacking {t} breaks that pledge."),
        }
    }
}

impl IntraAllianceAttack {
    /// What the treaty's provisions say about one member attacking another, one finding per line.
    pub fn findings(&self, base: &TreatyBase) -> Vec<String> {
        let (a, t) = (base.states.name(self.attacker), base.states.name(self.target));
        let label = base.treaty_label(self.atopid);
        let mut f = Vec::new();
        f.push(if self.non_aggression {
            format!("Non-aggression: {a} pledged not to use force against {t}; the attack breaks it.")
        } else {
            format!("Non-aggression: the treaty holds no non-aggression pledge from {a}.")
        });
        f.push(match self.mediation {
            Some(true) => "Mediation or arbitration (medarb): members are committed to a formal means of settling conflicts among themselves.".to_string(),
            Some(false) => "Mediation or arbitration (medarb): none; the treaty commits members to no formal means of settling conflicts among themselves.".to_string(),
            None => "Mediation or arbitration (medarb): unknown; ATOP did not locate the provision.".to_string(),
        });
        f.push(match self.conflict_among_members {
            Some(0) => "Conflict among members (conwtin 0): the treaty does not mention it.".to_string(),
            Some(1) => "Conflict among members (conwtin 1): mentioned only in general terms, such as settling disputes peacefully.".to_string(),
            Some(2) => "Conflict among members (conwtin 2): the treaty discusses a specific issue over which members might clash.".to_string(),
            Some(3) => "Conflict among members (conwtin 3): only disputes over interpreting the treaty are provided for.".to_string(),
            _ => "Conflict among members (conwtin): unknown.".to_string(),
        });
        if self.conflict_resolution == Some(1) {
            f.push("Conflict resolution (conres 1): the treaty settles a conflict among the allies.".to_string());
        }
        if self.consultation {
            f.push(format!(
                "Consultation: members owe each other consultation in a crisis; {t} may call for it."
            ));
        }
        if let Some(n) = self.defenders {
            f.push(format!(
                "Defense: the treaty's defense pledge does not say whether it holds when the attacker is itself a member; read literally, {n} other member(s) owe {t} defense against {a}, while also owing it to {a}."
            ));
        }
        if self.silent {
            f.push(format!("{label} has no provision for one member attacking another."));
        } else if self.mediation != Some(true) {
            f.push(format!(
                "{label} names the possibility of conflict among members but gives no mechanism (mediation, arbitration) for one member attacking another."
            ));
        }
        f
    }
}
