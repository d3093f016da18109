use casus_model::{Ccode, Commitment, Condition, Conditions, Date, ObligationKind, Scenario, TreatyBase};
use serde::Serialize;

use crate::ObligationIndex;
use crate::conditions::{Finding, Situation, Verdict, check};

/// Whether an obligation binds in the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The obligation applies: its trigger and every condition hold.
    Triggered,
    /// The obligation does not apply; the reason names what rules it out.
    NotTriggered,
    /// It may apply; the reason names the fact the scenario would need.
    Undetermined,
    /// The member's participation is frozen; the reason gives the date and source.
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

/// Why an obligation has its status. Plain data: [`Obligation::reason_text`] words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The holder's participation is frozen.
    Frozen,
    /// Defense owed to a state the holder itself attacks.
    HolderAttacksAlly,
    /// Non-aggression or neutrality owed to the state that attacked the holder.
    SelfDefense,
    /// Defense owed to the attacker.
    AllyIsAttacker,
    /// Offense owed to a state that is attacked.
    AllyIsAttacked,
    /// The trigger and every condition hold.
    Applies,
    /// A condition fails (not triggered) or needs a fact (undetermined).
    Condition(Condition, Finding),
    /// The alliance is asymmetric and ATOP's directed coding shows this
    /// obligation does not run toward this partner in the year.
    NotOwedToPartner,
}

/// One obligation of one state toward one belligerent, under one treaty.
#[derive(Debug, Clone)]
pub struct Obligation {
    pub holder: Ccode,
    pub toward: Ccode,
    pub atopid: u32,
    pub phase: u8,
    pub kind: ObligationKind,
    pub status: Status,
    pub reason: Reason,
    /// Conditions that hold, and how.
    pub met: Vec<(Condition, Finding)>,
    /// Conditions ATOP codes on this obligation.
    pub conditions: Conditions,
    /// Position of the holder's commitment in `TreatyBase::commitments`.
    pub commitment: u32,
    /// In force on the date only by the widest reading of partly known dates.
    pub uncertain_dates: bool,
    /// The alliance's obligations differ among members (ATOP `asymm`).
    pub asymmetric: bool,
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
#[derive(Debug, Clone)]
pub struct Collision {
    pub ccode: Ccode,
    pub kind: CollisionKind,
    /// The belligerent the pulling obligation is owed to.
    pub pulled_toward: Ccode,
    pub pull_kind: ObligationKind,
    /// Triggered if any pulling obligation is; else undetermined.
    pub pull_status: Status,
    pub pull_atopids: Vec<u32>,
    /// The belligerent on the other side to which the binding obligation is owed.
    pub bound_toward: Ccode,
    pub bind_kind: ObligationKind,
    pub bind_atopids: Vec<u32>,
    /// Every ATOP id involved, sorted.
    pub atopids: Vec<u32>,
}

/// A pledge the attacker breaks by attacking: one of its non-aggression or
/// neutrality obligations toward a target (by position in `Assessment::obligations`).
#[derive(Debug, Clone, Copy)]
pub struct Violation {
    pub obligation: usize,
}

/// An attack by one member of an alliance on another, and what the alliance provides for it.
#[derive(Debug, Clone)]
pub struct IntraAllianceAttack {
    pub atopid: u32,
    pub phase: u8,
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
    /// Other members (not belligerents) that owe the target defense under this treaty, if it has a defense pledge.
    pub defenders: Option<usize>,
    /// True when the treaty has no mechanism for one member attacking another.
    pub silent: bool,
}

/// Everything casus finds about one scenario. Plain data; `crate::explain`
/// puts it into words.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub scenario: Scenario,
    /// The data's last day, when the scenario is past it.
    pub beyond_coverage: Option<Date>,
    /// Sorted by holder, toward, kind, treaty.
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
    #[error("{date} is before the data begins ({start}); pick a later date, or add the treaties with --pack")]
    BeforeData { date: Date, start: Date },
    #[error("state {0} is not known to the data; give a COW number from the state list")]
    UnknownState(Ccode),
}

impl Assessment {
    /// The belligerents first, then the states in collision, then those called
    /// to fight (defense or offense triggered or undetermined), then the rest;
    /// each group in COW order.
    pub fn holders_in_order(&self) -> Vec<Ccode> {
        let mut holders: Vec<Ccode> = self.obligations.iter().map(|o| o.holder).collect();
        holders.dedup();
        let mut out: Vec<Ccode> = Vec::with_capacity(holders.len());
        let belligerents = self.scenario.attackers.iter().chain(&self.scenario.targets);
        out.extend(belligerents.filter(|b| holders.contains(b)));
        let rest: Vec<Ccode> = holders
            .into_iter()
            .filter(|h| !self.scenario.is_belligerent(*h))
            .collect();
        out.extend(rest.iter().filter(|h| self.in_collision(**h)));
        out.extend(
            rest.iter()
                .filter(|h| !self.in_collision(**h) && self.called_to_fight(**h)),
        );
        out.extend(
            rest.iter()
                .filter(|h| !self.in_collision(**h) && !self.called_to_fight(**h)),
        );
        out
    }

    /// Whether `c` owes a belligerent defense or offense that is triggered or undetermined.
    pub fn called_to_fight(&self, c: Ccode) -> bool {
        self.obligations_of(c)
            .any(|o| matches!(o.kind, ObligationKind::Defense | ObligationKind::Offense) && o.status.may_bind())
    }

    pub fn in_collision(&self, c: Ccode) -> bool {
        self.collisions.iter().any(|x| x.ccode == c)
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

    pub fn obligations_of(&self, holder: Ccode) -> impl Iterator<Item = &Obligation> {
        self.obligations.iter().filter(move |o| o.holder == holder)
    }

    pub fn violation(&self, v: &Violation) -> &Obligation {
        &self.obligations[v.obligation]
    }
}

/// Evaluates a scenario: every obligation toward each belligerent, collisions,
/// violations and intra-alliance attacks.
pub fn assess(base: &TreatyBase, index: &ObligationIndex, scenario: &Scenario) -> Result<Assessment, ScenarioError> {
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
    let mut obligations = Vec::new();
    for &ally in scenario.attackers.iter().chain(&scenario.targets) {
        for (_, own) in index.of_member(base, ally, date) {
            for (pos, holder) in index.partners(base, own, date) {
                for kind in ObligationKind::ALL {
                    if holder.has(kind) {
                        obligations.push(obligation(base, scenario, pos, holder, ally, kind));
                    }
                }
            }
        }
    }
    obligations.sort_by_key(|o| (o.holder, o.toward, o.kind, o.atopid, o.phase));
    obligations.dedup_by_key(|o| (o.holder, o.toward, o.kind, o.atopid));

    let collisions = collisions(scenario, &obligations);
    let violations = obligations
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            scenario.is_attacker(o.holder)
                && scenario.is_target(o.toward)
                && matches!(o.kind, ObligationKind::NonAggression | ObligationKind::Neutrality)
                && o.status != Status::NotTriggered
        })
        .map(|(i, _)| Violation { obligation: i })
        .collect();
    let intra_alliance = intra_alliance(base, index, scenario, &obligations);
    Ok(Assessment {
        scenario: scenario.clone(),
        beyond_coverage: (date > base.coverage_end).then_some(base.coverage_end),
        obligations,
        collisions,
        violations,
        intra_alliance,
    })
}

fn obligation(
    base: &TreatyBase,
    scenario: &Scenario,
    pos: u32,
    holder: &Commitment,
    ally: Ccode,
    kind: ObligationKind,
) -> Obligation {
    let treaty = base.treaty(holder.atopid);
    let ally_attacked = scenario.is_target(ally);
    // The holder attacks the ally; the reverse (a target resisting its
    // attacker) is self-defense and breaks no pledge.
    let holder_attacks_ally = scenario.is_attacker(holder.member) && ally_attacked;
    let holder_resists_ally = scenario.is_target(holder.member) && scenario.is_attacker(ally);
    let mut met = Vec::new();
    let asymmetric = treaty.is_some_and(|t| t.provisions.asymm);
    let (status, reason) = if holder.frozen_on(scenario.date).is_some() {
        (Status::Suspended, Reason::Frozen)
    } else if asymmetric && !owed_per_atop_directed(base, scenario.date, holder.member, ally, kind) {
        (Status::NotTriggered, Reason::NotOwedToPartner)
    } else {
        use ObligationKind::*;
        match kind {
            Defense if holder_attacks_ally => (Status::NotTriggered, Reason::HolderAttacksAlly),
            Defense if !ally_attacked => (Status::NotTriggered, Reason::AllyIsAttacker),
            Offense if ally_attacked => (Status::NotTriggered, Reason::AllyIsAttacked),
            NonAggression | Neutrality if holder_resists_ally => (Status::NotTriggered, Reason::SelfDefense),
            NonAggression => (Status::Triggered, Reason::Applies),
            _ => {
                let sit = Situation {
                    adversaries: scenario.opponents_of(ally),
                    ally_attacked,
                    scenario,
                };
                match check(kind, holder, treaty.map(|t| t.provisions_in(holder.phase)), &sit) {
                    Verdict::Met(m) => {
                        met = m;
                        (Status::Triggered, Reason::Applies)
                    }
                    Verdict::Fails(c, f) => (Status::NotTriggered, Reason::Condition(c, f)),
                    Verdict::Unknown(c, f) => (Status::Undetermined, Reason::Condition(c, f)),
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
        met,
        conditions: holder.conditions_on(kind),
        commitment: pos,
        uncertain_dates: holder.uncertain_on(scenario.date),
        asymmetric,
    }
}

/// Whether ATOP's directed coding, where loaded and the date within it, has
/// `holder` owing `kind` to `ally` in the year (from some alliance). Without
/// the coding, or after its last year, the member file's reading stands.
fn owed_per_atop_directed(base: &TreatyBase, date: Date, holder: Ccode, ally: Ccode, kind: ObligationKind) -> bool {
    match &base.directed {
        Some(d) if date <= base.coverage_end => d.get(&(holder, ally, date.year)).is_some_and(|f| f[kind.index()]),
        _ => true,
    }
}

fn sorted_ids<'a>(list: impl Iterator<Item = &'a Obligation>) -> Vec<u32> {
    let mut v: Vec<u32> = list.map(|o| o.atopid).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A non-belligerent holder with an obligation pulling it into the war on one
/// side (defense or offense, triggered or undetermined) and an obligation
/// toward the other side that acting on it would break.
fn collisions(scenario: &Scenario, obligations: &[Obligation]) -> Vec<Collision> {
    let mut out = Vec::new();
    // Obligations are sorted by holder: walk them one holder at a time.
    for obs in obligations.chunk_by(|a, b| a.holder == b.holder) {
        let holder = obs[0].holder;
        if scenario.is_belligerent(holder) {
            continue;
        }
        for pull_kind in [ObligationKind::Defense, ObligationKind::Offense] {
            for &toward in scenario.attackers.iter().chain(&scenario.targets) {
                let pulls = || {
                    obs.iter()
                        .filter(|o| o.toward == toward && o.kind == pull_kind && o.status.may_bind())
                };
                let Some(first) = pulls().next() else { continue };
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
                        let binds = || {
                            obs.iter().filter(|o| {
                                o.toward == other
                                    && o.kind == bind_kind
                                    && o.status != Status::Suspended
                                    && o.reason != Reason::NotOwedToPartner
                                    && (bind_kind == ObligationKind::Defense || o.status != Status::NotTriggered)
                            })
                        };
                        if binds().next().is_none() {
                            continue;
                        }
                        let (pull_atopids, bind_atopids) = (sorted_ids(pulls()), sorted_ids(binds()));
                        let mut atopids: Vec<u32> = pull_atopids.iter().chain(&bind_atopids).copied().collect();
                        atopids.sort_unstable();
                        atopids.dedup();
                        let triggered = pulls().any(|o| o.status == Status::Triggered);
                        out.push(Collision {
                            ccode: holder,
                            kind,
                            pulled_toward: first.toward,
                            pull_kind,
                            pull_status: if triggered {
                                Status::Triggered
                            } else {
                                Status::Undetermined
                            },
                            pull_atopids,
                            bound_toward: other,
                            bind_kind,
                            bind_atopids,
                            atopids,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Each alliance that attacker and target share on the date, and what it provides for the case.
fn intra_alliance(
    base: &TreatyBase,
    index: &ObligationIndex,
    scenario: &Scenario,
    obligations: &[Obligation],
) -> Vec<IntraAllianceAttack> {
    let mut out: Vec<IntraAllianceAttack> = Vec::new();
    for &attacker in &scenario.attackers {
        for (_, own) in index.of_member(base, attacker, scenario.date) {
            for (_, partner) in index
                .partners(base, own, scenario.date)
                .filter(|(_, p)| scenario.is_target(p.member))
            {
                let target = partner.member;
                if out
                    .iter()
                    .any(|x| (x.atopid, x.attacker, x.target) == (own.atopid, attacker, target))
                {
                    continue;
                }
                let p = base
                    .treaty(own.atopid)
                    .map(|t| t.provisions_in(own.phase).clone())
                    .unwrap_or_default();
                let has_defense = partner.has(ObligationKind::Defense) || own.has(ObligationKind::Defense);
                let defenders = has_defense.then(|| {
                    obligations
                        .iter()
                        .filter(|o| {
                            o.atopid == own.atopid
                                && o.toward == target
                                && o.kind == ObligationKind::Defense
                                && !scenario.is_belligerent(o.holder)
                                && o.reason != Reason::NotOwedToPartner
                        })
                        .count()
                });
                out.push(IntraAllianceAttack {
                    atopid: own.atopid,
                    phase: own.phase,
                    attacker,
                    target,
                    mediation: p.medarb,
                    conflict_among_members: p.conwtin,
                    conflict_resolution: p.conres,
                    consultation: own.has(ObligationKind::Consultation) || partner.has(ObligationKind::Consultation),
                    non_aggression: own.has(ObligationKind::NonAggression),
                    defenders,
                    silent: p.medarb != Some(true) && !matches!(p.conwtin, Some(1 | 2)),
                });
            }
        }
    }
    out
}
