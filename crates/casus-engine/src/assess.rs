use std::collections::{BTreeMap, BTreeSet};

use casus_model::{Ccode, Commitment, Condition, Date, ObligationKind, Scenario, TreatyBase};
use serde::Serialize;

use crate::ObligationIndex;
use crate::conditions::{Situation, Verdict, check};

/// Whether an obligation binds in the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The obligation applies: its trigger and every condition hold.
    Triggered,
    /// The obligation does not apply; `reason` names what rules it out.
    NotTriggered,
    /// It may apply; `reason` names the fact the scenario would need.
    Undetermined,
    /// The member's participation is frozen; `reason` gives the date and source.
    Suspended,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Triggered => "triggered",
            Status::NotTriggered => "not triggered",
            Status::Undetermined => "undetermined",
            Status::Suspended => "suspended",
        }
    }

    /// Triggered or undetermined: it may oblige the holder to act.
    pub fn may_bind(self) -> bool {
        matches!(self, Status::Triggered | Status::Undetermined)
    }
}

/// Which side of the scenario a state is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Attacker,
    Target,
    Neither,
}

/// One obligation of one state toward one belligerent, under one treaty.
#[derive(Debug, Clone, Serialize)]
pub struct Obligation {
    pub holder: Ccode,
    pub toward: Ccode,
    pub atopid: u32,
    pub phase: u8,
    pub kind: ObligationKind,
    pub status: Status,
    /// Why it has this status, in words.
    pub reason: String,
    /// The condition that rules it out, or the one whose fact is missing.
    pub condition: Option<Condition>,
    /// Conditions ATOP codes on this obligation.
    pub conditions: Vec<Condition>,
    /// The row or pack entry of the holder's commitment.
    pub source: String,
    /// Caveats: partly known dates, asymmetric treaties, the ATOP horizon.
    pub notes: Vec<String>,
}

/// What kind of pull a collision is between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CollisionKind {
    /// Pledged to defend states on both sides.
    DefenseVsDefense,
    /// Defense owed to one side, a promise not to use force against the other.
    DefenseVsNonAggression,
    /// Defense owed to one side, neutrality toward the other.
    DefenseVsNeutrality,
    /// Defense owed to one side, offensive support owed to the other.
    DefenseVsOffense,
    /// Offensive support owed to one side, a promise not to use force against the other.
    OffenseVsNonAggression,
    /// Offensive support owed to one side, neutrality toward the other.
    OffenseVsNeutrality,
    /// Offensive support owed to one side, defense owed to the other.
    OffenseVsDefense,
}

impl CollisionKind {
    fn of(pull: ObligationKind, bind: ObligationKind) -> Option<CollisionKind> {
        use ObligationKind::*;
        Some(match (pull, bind) {
            (Defense, Defense) => CollisionKind::DefenseVsDefense,
            (Defense, NonAggression) => CollisionKind::DefenseVsNonAggression,
            (Defense, Neutrality) => CollisionKind::DefenseVsNeutrality,
            (Defense, Offense) => CollisionKind::DefenseVsOffense,
            (Offense, NonAggression) => CollisionKind::OffenseVsNonAggression,
            (Offense, Neutrality) => CollisionKind::OffenseVsNeutrality,
            (Offense, Defense) => CollisionKind::OffenseVsDefense,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CollisionKind::DefenseVsDefense => "defense-vs-defense",
            CollisionKind::DefenseVsNonAggression => "defense-vs-non-aggression",
            CollisionKind::DefenseVsNeutrality => "defense-vs-neutrality",
            CollisionKind::DefenseVsOffense => "defense-vs-offense",
            CollisionKind::OffenseVsNonAggression => "offense-vs-non-aggression",
            CollisionKind::OffenseVsNeutrality => "offense-vs-neutrality",
            CollisionKind::OffenseVsDefense => "offense-vs-defense",
        }
    }
}

/// A state bound to both sides: an obligation that pulls it toward one side,
/// and one toward the other side that acting on the first would break.
#[derive(Debug, Clone, Serialize)]
pub struct Collision {
    pub ccode: Ccode,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollisionKind,
    /// The belligerent the pulling obligation is owed to.
    pub pulled_toward: Ccode,
    pub pull_kind: ObligationKind,
    pub pull_status: Status,
    pub pull_atopids: Vec<u32>,
    /// The belligerent on the other side to which the binding obligation is owed.
    pub bound_toward: Ccode,
    pub bind_kind: ObligationKind,
    pub bind_atopids: Vec<u32>,
    /// Every ATOP id involved, sorted.
    pub atopids: Vec<u32>,
    pub explanation: String,
}

/// A pledge the attacker breaks by attacking.
#[derive(Debug, Clone, Serialize)]
pub struct Violation {
    pub ccode: Ccode,
    pub name: String,
    pub atopid: u32,
    pub treaty: String,
    pub kind: ObligationKind,
    pub toward: Ccode,
    pub toward_name: String,
    /// Triggered: broken; undetermined: broken unless a condition fails; suspended: frozen at the time.
    pub status: Status,
    pub explanation: String,
}

/// An attack by one member of an alliance on another, and what the alliance provides for it.
#[derive(Debug, Clone, Serialize)]
pub struct IntraAllianceAttack {
    pub atopid: u32,
    pub treaty: String,
    pub attacker: Ccode,
    pub target: Ccode,
    /// ATOP `medarb`: a formal means (mediation, arbitration) of settling conflicts among members.
    pub mediation: Option<bool>,
    /// ATOP `conwtin`: how the treaty mentions conflict among members.
    pub conflict_among_members: Option<u8>,
    /// ATOP `conres`.
    pub conflict_resolution: Option<u8>,
    /// Whether members owe each other consultation.
    pub consultation: bool,
    /// Whether the attacker pledged non-aggression to the target.
    pub non_aggression: bool,
    /// True when the treaty has no mechanism for one member attacking another.
    pub silent: bool,
    /// What the treaty's provisions say, one finding per line.
    pub findings: Vec<String>,
}

/// Everything casus says about one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub scenario: Scenario,
    /// Set when the date is past the data's last day.
    pub horizon_note: Option<String>,
    /// General caveats (states outside the system on the date, and the like).
    pub notes: Vec<String>,
    pub obligations: Vec<Obligation>,
    pub collisions: Vec<Collision>,
    pub violations: Vec<Violation>,
    pub intra_alliance: Vec<IntraAllianceAttack>,
}

/// Why a scenario cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error(transparent)]
    Sides(#[from] casus_model::ScenarioError),
    #[error(
        "{date} is before the data begins ({start}); alliance data starts on {start}. Pick a later date, or add the treaties with --pack"
    )]
    BeforeData { date: Date, start: Date },
    #[error("state {0} is not known to the data; give a COW number from the state list")]
    UnknownState(Ccode),
}

impl Assessment {
    /// The belligerents first, then the states in collision, then the rest, each in COW order.
    pub fn holders_in_order(&self) -> Vec<Ccode> {
        let mut holders: BTreeSet<Ccode> = self.obligations.iter().map(|o| o.holder).collect();
        let mut out = Vec::new();
        for &b in self.scenario.attackers.iter().chain(&self.scenario.targets) {
            if holders.remove(&b) {
                out.push(b);
            }
        }
        let colliding: BTreeSet<Ccode> = self.collisions.iter().map(|c| c.ccode).collect();
        for c in &colliding {
            if holders.remove(c) {
                out.push(*c);
            }
        }
        out.extend(holders);
        out
    }

    pub fn side_of(&self, c: Ccode) -> Side {
        if self.scenario.is_attacker(c) {
            Side::Attacker
        } else if self.scenario.is_target(c) {
            Side::Target
        } else {
            Side::Neither
        }
    }
}

/// Evaluates a scenario: every obligation toward each belligerent, collisions,
/// violations and intra-alliance attacks.
pub fn assess(
    base: &TreatyBase,
    index: &ObligationIndex,
    scenario: &Scenario,
) -> Result<Assessment, ScenarioError> {
    scenario.validate()?;
    if scenario.date < base.coverage_start {
        return Err(ScenarioError::BeforeData {
            date: scenario.date,
            start: base.coverage_start,
        });
    }
    for &c in scenario.attackers.iter().chain(&scenario.targets) {
        if !base.states.contains(c) {
            return Err(ScenarioError::UnknownState(c));
        }
    }
    let date = scenario.date;
    let horizon_note = (date > base.coverage_end).then(|| {
        format!(
            "The data ends on {}; casus assumes that every commitment in force then still holds on {date}, unless a pack says otherwise.",
            base.coverage_end
        )
    });
    let mut obligations = Vec::new();
    for &ally in scenario.attackers.iter().chain(&scenario.targets) {
        for own in index.of_member(base, ally, date) {
            for holder in index.partners(base, own, date) {
                for kind in ObligationKind::ALL {
                    if holder.has(kind) {
                        obligations.push(obligation(base, scenario, holder, ally, kind));
                    }
                }
            }
        }
    }
    obligations.sort_by(|a, b| {
        (a.holder, a.toward, a.kind, a.atopid, a.phase)
            .cmp(&(b.holder, b.toward, b.kind, b.atopid, b.phase))
    });
    obligations.dedup_by(|a, b| {
        (a.holder, a.toward, a.kind, a.atopid) == (b.holder, b.toward, b.kind, b.atopid)
    });

    let collisions = collisions(base, scenario, &obligations);
    let violations = violations(base, scenario, &obligations);
    let intra_alliance = intra_alliance(base, index, scenario, &obligations);
    Ok(Assessment {
        scenario: scenario.clone(),
        horizon_note,
        notes: Vec::new(),
        obligations,
        collisions,
        violations,
        intra_alliance,
    })
}

fn obligation(
    base: &TreatyBase,
    scenario: &Scenario,
    holder: &Commitment,
    ally: Ccode,
    kind: ObligationKind,
) -> Obligation {
    let names = &base.states;
    let treaty = base.treaty(holder.atopid);
    let h = names.name(holder.member);
    let a = names.name(ally);
    let ally_attacked = scenario.is_target(ally);
    let adversaries = scenario.opponents_of(ally);
    // The holder attacks the ally; the reverse (a target resisting its
    // attacker) is self-defense and breaks no pledge.
    let holder_attacks_ally = scenario.is_attacker(holder.member) && scenario.is_target(ally);
    let holder_resists_ally = scenario.is_target(holder.member) && scenario.is_attacker(ally);
    let mut notes = Vec::new();
    if holder.uncertain_on(scenario.date) {
        notes.push(format!(
            "In force on this date only by the widest reading of partly known dates (entry {}, exit {}).",
            holder.entry,
            holder.exit.map_or_else(|| "none".to_string(), |e| e.to_string())
        ));
    }
    if treaty.is_some_and(|t| t.provisions.asymm) {
        notes.push(
            "Obligations differ among this alliance's members (asymm); the member file does not say toward which members this one runs."
                .to_string(),
        );
    }
    let verdict_for = |kind| {
        let sit = Situation {
            ally,
            adversaries,
            ally_attacked,
            scenario,
            names,
        };
        check(kind, holder, treaty, &sit)
    };
    let (status, condition, reason) = if let Some(f) = holder.frozen_on(scenario.date) {
        (
            Status::Suspended,
            None,
            format!(
                "{h}'s participation is frozen from {}{}: {}",
                f.from,
                f.until.map_or(String::new(), |u| format!(" to {u}")),
                f.source
            ),
        )
    } else {
        match kind {
            ObligationKind::Defense if holder_attacks_ally => (
                Status::NotTriggered,
                None,
                format!(
                    "{h} is itself attacking {a}; its pledge to defend {a} is overtaken by its own attack"
                ),
            ),
            ObligationKind::NonAggression | ObligationKind::Neutrality if holder_resists_ally => (
                Status::NotTriggered,
                None,
                format!(
                    "{a} attacked {h}; resisting the attack is self-defense and breaks no pledge toward {a}"
                ),
            ),
            ObligationKind::Defense if !ally_attacked => (
                Status::NotTriggered,
                None,
                format!(
                    "{a} is the attacker, not attacked; defense applies when an ally is attacked"
                ),
            ),
            ObligationKind::Offense if ally_attacked => (
                Status::NotTriggered,
                None,
                format!(
                    "{a} is attacked; offense applies to conflicts the ally starts, not attacks on it"
                ),
            ),
            ObligationKind::NonAggression if holder_attacks_ally => (
                Status::Triggered,
                None,
                format!("{h} pledged not to use force against {a}, and is fighting it"),
            ),
            ObligationKind::NonAggression => (
                Status::Triggered,
                None,
                format!("{h} must not use force against {a}"),
            ),
            _ => {
                let action = match kind {
                    ObligationKind::Defense => format!(
                        "{h} must help defend {a}, attacked by {}",
                        list_names(base, adversaries)
                    ),
                    ObligationKind::Offense => format!(
                        "{h} must join {a}'s action against {}",
                        list_names(base, adversaries)
                    ),
                    ObligationKind::Neutrality if holder_attacks_ally => format!(
                        "{h} pledged not to join a conflict against {a}, and is attacking it"
                    ),
                    ObligationKind::Neutrality => {
                        format!("{h} must not join the conflict against {a}")
                    }
                    _ => format!("{h} must consult with {a} on the crisis"),
                };
                match verdict_for(kind) {
                    Verdict::Met(mut met) => {
                        notes.append(&mut met);
                        (Status::Triggered, None, action)
                    }
                    Verdict::Fails(c, why) => (
                        Status::NotTriggered,
                        Some(c),
                        format!("Not triggered: {why}"),
                    ),
                    Verdict::Unknown(c, need) => {
                        (Status::Undetermined, Some(c), format!("Needs {need}"))
                    }
                }
            }
        }
    };
    Obligation {
        holder: holder.member,
        toward: ally,
        atopid: holder.atopid,
        phase: holder.phase,
        kind,
        status,
        reason,
        condition,
        conditions: holder.conditions_on(kind).iter().collect(),
        source: holder.source.0.clone(),
        notes,
    }
}

fn list_names(base: &TreatyBase, codes: &[Ccode]) -> String {
    let names: Vec<String> = codes.iter().map(|&c| base.states.name(c)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn ids(list: &[&Obligation]) -> Vec<u32> {
    let mut v: Vec<u32> = list.iter().map(|o| o.atopid).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn id_list(v: &[u32]) -> String {
    v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

/// A non-belligerent holder with an obligation pulling it into the war on one
/// side (defense or offense, triggered or undetermined) and an obligation
/// toward the other side that acting on it would break.
fn collisions(
    base: &TreatyBase,
    scenario: &Scenario,
    obligations: &[Obligation],
) -> Vec<Collision> {
    let mut by_holder: BTreeMap<Ccode, Vec<&Obligation>> = BTreeMap::new();
    for o in obligations
        .iter()
        .filter(|o| !scenario.is_belligerent(o.holder))
    {
        by_holder.entry(o.holder).or_default().push(o);
    }
    let mut out = Vec::new();
    for (holder, obs) in by_holder {
        for pull_kind in [ObligationKind::Defense, ObligationKind::Offense] {
            for &toward in scenario.attackers.iter().chain(&scenario.targets) {
                let pulls: Vec<&Obligation> = obs
                    .iter()
                    .copied()
                    .filter(|o| o.toward == toward && o.kind == pull_kind && o.status.may_bind())
                    .collect();
                if pulls.is_empty() {
                    continue;
                }
                for &other in scenario.opponents_of(toward) {
                    for bind_kind in [
                        ObligationKind::Defense,
                        ObligationKind::NonAggression,
                        ObligationKind::Neutrality,
                        ObligationKind::Offense,
                    ] {
                        let Some(kind) = CollisionKind::of(pull_kind, bind_kind) else {
                            continue;
                        };
                        // A defense pledge to the other side counts even when not
                        // triggered: the holder is sworn to defend both. Other
                        // bindings count only where they apply.
                        let binds: Vec<&Obligation> = obs
                            .iter()
                            .copied()
                            .filter(|o| {
                                o.toward == other
                                    && o.kind == bind_kind
                                    && o.status != Status::Suspended
                                    && (bind_kind == ObligationKind::Defense
                                        || o.status != Status::NotTriggered)
                            })
                            .collect();
                        if binds.is_empty() {
                            continue;
                        }
                        out.push(collision(base, holder, kind, &pulls, &binds));
                    }
                }
            }
        }
    }
    out
}

fn collision(
    base: &TreatyBase,
    holder: Ccode,
    kind: CollisionKind,
    pulls: &[&Obligation],
    binds: &[&Obligation],
) -> Collision {
    let names = &base.states;
    let (p, b) = (pulls[0], binds[0]);
    let pull_status = if pulls.iter().any(|o| o.status == Status::Triggered) {
        Status::Triggered
    } else {
        Status::Undetermined
    };
    let (pull_ids, bind_ids) = (ids(pulls), ids(binds));
    let mut all: Vec<u32> = pull_ids.iter().chain(&bind_ids).copied().collect();
    all.sort_unstable();
    all.dedup();
    let h = names.name(holder);
    let (pt, bt) = (names.name(p.toward), names.name(b.toward));
    let consequence = match b.kind {
        ObligationKind::Defense => {
            format!("fighting for {pt} means fighting {bt}, which {h} is also pledged to defend")
        }
        ObligationKind::NonAggression => {
            format!("fighting for {pt} means using force against {bt}, which {h} pledged not to do")
        }
        ObligationKind::Neutrality => format!(
            "fighting for {pt} means joining a conflict against {bt}, where {h} pledged neutrality"
        ),
        _ => format!("fighting for {pt} means fighting {bt}, which {h} pledged to support"),
    };
    let explanation = format!(
        "{h} owes {} to {pt} (ATOP {}), {}; it also owes {} to {bt} (ATOP {}). {}.",
        p.kind,
        id_list(&pull_ids),
        pull_status.as_str(),
        b.kind,
        id_list(&bind_ids),
        capitalize(&consequence)
    );
    Collision {
        ccode: holder,
        name: h,
        kind,
        pulled_toward: p.toward,
        pull_kind: p.kind,
        pull_status,
        pull_atopids: pull_ids,
        bound_toward: b.toward,
        bind_kind: b.kind,
        bind_atopids: bind_ids,
        atopids: all,
        explanation,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The attackers' own non-aggression and neutrality pledges toward their targets.
fn violations(
    base: &TreatyBase,
    scenario: &Scenario,
    obligations: &[Obligation],
) -> Vec<Violation> {
    obligations
        .iter()
        .filter(|o| {
            scenario.is_attacker(o.holder)
                && scenario.is_target(o.toward)
                && matches!(o.kind, ObligationKind::NonAggression | ObligationKind::Neutrality)
                && o.status != Status::NotTriggered
        })
        .map(|o| {
            let (h, t) = (base.states.name(o.holder), base.states.name(o.toward));
            let treaty = base.treaty_label(o.atopid);
            let pledge = match o.kind {
                ObligationKind::NonAggression => format!("not to use force against {t}"),
                _ => format!("not to join a conflict against {t}"),
            };
            let explanation = match o.status {
                Status::Suspended => format!("{h} pledged {pledge} under {treaty}, but its participation was frozen at the time: {}", o.reason),
                Status::Undetermined => format!("{h} pledged {pledge} under {treaty}; attacking breaks it unless a condition fails. {}", o.reason),
                _ => format!("{h} pledged {pledge} under {treaty}; attacking {t} breaks that pledge."),
            };
            Violation {
                ccode: o.holder,
                name: h,
                atopid: o.atopid,
                treaty,
                kind: o.kind,
                toward: o.toward,
                toward_name: t,
                status: o.status,
                explanation,
            }
        })
        .collect()
}

/// Each alliance that attacker and target share on the date, and what it provides for the case.
fn intra_alliance(
    base: &TreatyBase,
    index: &ObligationIndex,
    scenario: &Scenario,
    obligations: &[Obligation],
) -> Vec<IntraAllianceAttack> {
    let mut out = Vec::new();
    for &attacker in &scenario.attackers {
        for own in index.of_member(base, attacker, scenario.date) {
            for partner in index
                .partners(base, own, scenario.date)
                .filter(|p| scenario.is_target(p.member))
            {
                let target = partner.member;
                if out.iter().any(|x: &IntraAllianceAttack| {
                    (x.atopid, x.attacker, x.target) == (own.atopid, attacker, target)
                }) {
                    continue;
                }
                out.push(intra_finding(base, scenario, own, partner, obligations));
            }
        }
    }
    out
}

fn intra_finding(
    base: &TreatyBase,
    scenario: &Scenario,
    own: &Commitment,
    partner: &Commitment,
    obligations: &[Obligation],
) -> IntraAllianceAttack {
    let (attacker, target) = (own.member, partner.member);
    let (a, t) = (base.states.name(attacker), base.states.name(target));
    let label = base.treaty_label(own.atopid);
    let p = base
        .treaty(own.atopid)
        .map(|t| t.provisions_in(own.phase).clone())
        .unwrap_or_default();
    let mut findings = Vec::new();
    let non_aggression = own.has(ObligationKind::NonAggression);
    if non_aggression {
        findings.push(format!(
            "Non-aggression: {a} pledged not to use force against {t}; the attack breaks it."
        ));
    } else {
        findings.push(format!(
            "Non-aggression: the treaty holds no non-aggression pledge from {a}."
        ));
    }
    let mediation = p.medarb;
    findings.push(match mediation {
        Some(true) => "Mediation or arbitration (medarb): members are committed to a formal means of settling conflicts among themselves.".to_string(),
        Some(false) => "Mediation or arbitration (medarb): none; the treaty commits members to no formal means of settling conflicts among themselves.".to_string(),
        None => "Mediation or arbitration (medarb): unknown; ATOP did not locate the provision.".to_string(),
    });
    findings.push(match p.conwtin {
        Some(0) => "Conflict among members (conwtin 0): the treaty does not mention it.".to_string(),
        Some(1) => "Conflict among members (conwtin 1): mentioned only in general terms, such as settling disputes peacefully.".to_string(),
        Some(2) => "Conflict among members (conwtin 2): the treaty discusses a specific issue over which members might clash.".to_string(),
        Some(3) => "Conflict among members (conwtin 3): only disputes over interpreting the treaty are provided for.".to_string(),
        _ => "Conflict among members (conwtin): unknown.".to_string(),
    });
    if p.conres == Some(1) {
        findings.push(
            "Conflict resolution (conres 1): the treaty settles a conflict among the allies."
                .to_string(),
        );
    }
    let consultation =
        own.has(ObligationKind::Consultation) || partner.has(ObligationKind::Consultation);
    if consultation {
        findings.push(format!(
            "Consultation: members owe each other consultation in a crisis; {t} may call for it."
        ));
    }
    if partner.has(ObligationKind::Defense) || own.has(ObligationKind::Defense) {
        let allies_bound = obligations
            .iter()
            .filter(|o| {
                o.atopid == own.atopid
                    && o.toward == target
                    && o.kind == ObligationKind::Defense
                    && !scenario.is_belligerent(o.holder)
            })
            .count();
        findings.push(format!(
            "Defense: the treaty's defense pledge does not say whether it holds when the attacker is itself a member; read literally, {allies_bound} other member(s) owe {t} defense against {a}, while also owing it to {a}."
        ));
    }
    let silent = mediation != Some(true) && !matches!(p.conwtin, Some(1 | 2));
    if silent {
        findings.push(format!(
            "{label} has no provision for one member attacking another."
        ));
    } else if mediation != Some(true) {
        findings.push(format!(
            "{label} names the possibility of conflict among members but gives no mechanism (mediation, arbitration) for one member attacking another."
        ));
    }
    IntraAllianceAttack {
        atopid: own.atopid,
        treaty: label,
        attacker,
        target,
        mediation,
        conflict_among_members: p.conwtin,
        conflict_resolution: p.conres,
        consultation,
        non_aggression,
        silent,
        findings,
    }
}
