//! The four renderings of a scenario assessment: table, JSON, CSV and Markdown.

use std::fmt::Write as _;

use casus_engine::{Assessment, CollisionKind, Obligation, Side, Status};
use casus_model::{Ccode, Condition, ObligationKind, Origin, TreatyBase};
use serde::Serialize;

/// Schema version of the JSON output; see docs/scenario-json.md.
pub const JSON_SCHEMA: &str = "casus.scenario/1";

#[derive(Serialize)]
struct JsonReport {
    schema: &'static str,
    casus_version: &'static str,
    data: JsonData,
    scenario: JsonScenario,
    horizon_note: Option<String>,
    states: Vec<JsonState>,
    collisions: Vec<JsonCollision>,
    violations: Vec<JsonViolation>,
    intra_alliance: Vec<JsonIntra>,
}

#[derive(Serialize)]
struct JsonData {
    source: String,
    coverage_start: String,
    coverage_end: String,
    packs: Vec<String>,
}

#[derive(Serialize)]
struct JsonScenario {
    date: String,
    attackers: Vec<JsonRef>,
    targets: Vec<JsonRef>,
    location: Option<casus_model::Location>,
    provoked: Option<bool>,
}

#[derive(Serialize)]
struct JsonRef {
    ccode: Ccode,
    name: String,
}

#[derive(Serialize)]
struct JsonState {
    ccode: Ccode,
    name: String,
    side: Side,
    obligations: Vec<JsonObligation>,
}

#[derive(Serialize)]
struct JsonObligation {
    atopid: u32,
    treaty: String,
    phase: u8,
    kind: ObligationKind,
    toward: Ccode,
    toward_name: String,
    status: Status,
    reason: String,
    condition: Option<Condition>,
    conditions: Vec<Condition>,
    source: String,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct JsonCollision {
    ccode: Ccode,
    name: String,
    #[serde(rename = "type")]
    kind: CollisionKind,
    pulled_toward: Ccode,
    pull_kind: ObligationKind,
    pull_status: Status,
    pull_atopids: Vec<u32>,
    bound_toward: Ccode,
    bind_kind: ObligationKind,
    bind_atopids: Vec<u32>,
    atopids: Vec<u32>,
    explanation: String,
}

#[derive(Serialize)]
struct JsonViolation {
    ccode: Ccode,
    name: String,
    atopid: u32,
    treaty: String,
    kind: ObligationKind,
    toward: Ccode,
    toward_name: String,
    status: Status,
    explanation: String,
}

#[derive(Serialize)]
struct JsonIntra {
    atopid: u32,
    treaty: String,
    attacker: Ccode,
    target: Ccode,
    mediation: Option<bool>,
    conflict_among_members: Option<u8>,
    conflict_resolution: Option<u8>,
    consultation: bool,
    non_aggression: bool,
    silent: bool,
    findings: Vec<String>,
}

pub fn data_source(base: &TreatyBase) -> String {
    let mut s = match &base.origin {
        Origin::Atop { dir } => format!("ATOP 5.1 and COW state list from {dir}"),
        Origin::BuiltIn => {
            "casus built-in pack (CSTO, CIS, SCO and Central Asian treaties, aligned with ATOP 5.1; no data directory)"
                .to_string()
        }
    };
    if !base.packs.is_empty() {
        let _ = write!(s, "; packs: {}", base.packs.join(", "));
    }
    s
}

fn refs(base: &TreatyBase, codes: &[Ccode]) -> Vec<JsonRef> {
    codes
        .iter()
        .map(|&c| JsonRef {
            ccode: c,
            name: base.states.name(c),
        })
        .collect()
}

/// Compact JSON by default (one line, for programs); `pretty` indents it for people.
pub fn json(base: &TreatyBase, a: &Assessment, pretty: bool) -> String {
    let sc = &a.scenario;
    let states = a
        .holders_in_order()
        .into_iter()
        .map(|h| JsonState {
            ccode: h,
            name: base.states.name(h),
            side: a.side_of(h),
            obligations: a.obligations_of(h).map(|o| obligation_json(base, a, o)).collect(),
        })
        .collect();
    let collisions = a
        .collisions
        .iter()
        .map(|c| JsonCollision {
            ccode: c.ccode,
            name: base.states.name(c.ccode),
            kind: c.kind,
            pulled_toward: c.pulled_toward,
            pull_kind: c.pull_kind,
            pull_status: c.pull_status,
            pull_atopids: c.pull_atopids.clone(),
            bound_toward: c.bound_toward,
            bind_kind: c.bind_kind,
            bind_atopids: c.bind_atopids.clone(),
            atopids: c.atopids.clone(),
            explanation: c.explanation(base),
        })
        .collect();
    let violations = a
        .violations
        .iter()
        .map(|v| {
            let o = a.violation(v);
            JsonViolation {
                ccode: o.holder,
                name: base.states.name(o.holder),
                atopid: o.atopid,
                treaty: base.treaty_label(o.atopid),
                kind: o.kind,
                toward: o.toward,
                toward_name: base.states.name(o.toward),
                status: o.status,
                explanation: v.explanation(base, a),
            }
        })
        .collect();
    let intra_alliance = a
        .intra_alliance
        .iter()
        .map(|x| JsonIntra {
            atopid: x.atopid,
            treaty: base.treaty_label(x.atopid),
            attacker: x.attacker,
            target: x.target,
            mediation: x.mediation,
            conflict_among_members: x.conflict_among_members,
            conflict_resolution: x.conflict_resolution,
            consultation: x.consultation,
            non_aggression: x.non_aggression,
            silent: x.silent,
            findings: x.findings(base),
        })
        .collect();
    let report = JsonReport {
        schema: JSON_SCHEMA,
        casus_version: env!("CARGO_PKG_VERSION"),
        data: JsonData {
            source: data_source(base),
            coverage_start: base.coverage_start.to_string(),
            coverage_end: base.coverage_end.to_string(),
            packs: base.packs.clone(),
        },
        scenario: JsonScenario {
            date: sc.date.to_string(),
            attackers: refs(base, &sc.attackers),
            targets: refs(base, &sc.targets),
            location: sc.location,
            provoked: sc.provoked,
        },
        horizon_note: a.horizon_note(),
        states,
        collisions,
        violations,
        intra_alliance,
    };
    let mut s = if pretty {
        serde_json::to_string_pretty(&report)
    } else {
        serde_json::to_string(&report)
    }
    .expect("the report serializes");
    s.push('\n');
    s
}

fn obligation_json(base: &TreatyBase, a: &Assessment, o: &Obligation) -> JsonObligation {
    JsonObligation {
        atopid: o.atopid,
        treaty: base.treaty_label(o.atopid),
        phase: o.phase,
        kind: o.kind,
        toward: o.toward,
        toward_name: base.states.name(o.toward),
        status: o.status,
        reason: o.reason_text(base, &a.scenario),
        condition: o.condition(),
        conditions: o.conditions.iter().collect(),
        source: o.source(base).to_string(),
        notes: o.notes(base, &a.scenario),
    }
}

/// One row per obligation.
pub fn csv(base: &TreatyBase, a: &Assessment) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "date",
        "holder",
        "holder_name",
        "holder_side",
        "in_collision",
        "kind",
        "toward",
        "toward_name",
        "toward_side",
        "atopid",
        "treaty",
        "phase",
        "status",
        "condition",
        "reason",
        "source",
        "notes",
    ];
    w.write_record(header).expect("writing to memory");
    for h in a.holders_in_order() {
        let in_collision = a.collisions.iter().any(|c| c.ccode == h);
        for o in a.obligations_of(h) {
            w.write_record([
                a.scenario.date.to_string(),
                h.to_string(),
                base.states.name(h),
                side(a.side_of(h)).to_string(),
                u8::from(in_collision).to_string(),
                o.kind.to_string(),
                o.toward.to_string(),
                base.states.name(o.toward),
                side(a.side_of(o.toward)).to_string(),
                o.atopid.to_string(),
                base.treaty_label(o.atopid),
                o.phase.to_string(),
                o.status.as_str().to_string(),
                o.condition().map_or(String::new(), |c| c.to_string()),
                o.reason_text(base, &a.scenario),
                o.source(base).to_string(),
                o.notes(base, &a.scenario).join(" "),
            ])
            .expect("writing to memory");
        }
    }
    String::from_utf8(w.into_inner().expect("flushing to memory")).expect("CSV of UTF-8 fields")
}

fn side(s: Side) -> &'static str {
    match s {
        Side::Attacker => "attacker",
        Side::Target => "target",
        Side::Neither => "",
    }
}

fn headline(base: &TreatyBase, a: &Assessment) -> String {
    let names = |v: &[Ccode]| {
        v.iter()
            .map(|&c| format!("{} ({c})", base.states.name(c)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let verb = if a.scenario.attackers.len() > 1 {
        "attack"
    } else {
        "attacks"
    };
    let mut s = format!(
        "{} {verb} {} on {}",
        names(&a.scenario.attackers),
        names(&a.scenario.targets),
        a.scenario.date
    );
    let mut facts = Vec::new();
    if let Some(l) = a.scenario.location {
        facts.push(match l {
            casus_model::Location::Home => "fighting on the target's home territory",
            casus_model::Location::Elsewhere => "fighting outside the target's home territory",
        });
    }
    match a.scenario.provoked {
        Some(true) => facts.push("the target provoked it"),
        Some(false) => facts.push("unprovoked"),
        None => {}
    }
    if !facts.is_empty() {
        let _ = write!(s, " ({})", facts.join("; "));
    }
    s
}

fn status_counts(a: &Assessment, h: Ccode) -> String {
    let mut n = [0usize; 4];
    for o in a.obligations_of(h) {
        n[o.status as usize] += 1;
    }
    let labels = ["triggered", "not triggered", "undetermined", "suspended"];
    n.iter()
        .zip(labels)
        .filter(|(c, _)| **c > 0)
        .map(|(c, l)| format!("{c} {l}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The readable default: belligerents, then colliding states, then the rest.
pub fn table(base: &TreatyBase, a: &Assessment) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", headline(base, a));
    let _ = writeln!(s, "Data: {}", data_source(base));
    if let Some(n) = a.horizon_note() {
        let _ = writeln!(s, "Note: {n}");
    }
    let order = a.holders_in_order();
    let section = |s: &mut String, title: &str, holders: &[Ccode]| {
        if holders.is_empty() {
            return;
        }
        let _ = writeln!(s, "\n{title}");
        for &h in holders {
            let role = match a.side_of(h) {
                Side::Attacker => ", attacker",
                Side::Target => ", target",
                Side::Neither => "",
            };
            let _ = writeln!(s, "  {} ({h}{role}): {}", base.states.name(h), status_counts(a, h));
            // One line per obligation kind, partner, status and reason; the treaties behind it listed together.
            let mut lines: Vec<(String, Vec<u32>)> = Vec::new();
            for o in a.obligations_of(h) {
                let line = format!(
                    "{:<14} -> {:<16} {:<13} {}",
                    o.kind.as_str(),
                    truncate(&base.states.name(o.toward), 16),
                    o.status.as_str(),
                    o.reason_text(base, &a.scenario)
                );
                match lines.iter_mut().find(|(l, _)| *l == line) {
                    Some((_, ids)) => ids.push(o.atopid),
                    None => lines.push((line, vec![o.atopid])),
                }
            }
            for (line, ids) in lines {
                let ids: Vec<String> = ids.iter().map(u32::to_string).collect();
                let _ = writeln!(s, "    {line} [ATOP {}]", ids.join(", "));
            }
        }
    };
    let belligerents: Vec<Ccode> = order
        .iter()
        .copied()
        .filter(|h| a.scenario.is_belligerent(*h))
        .collect();
    section(&mut s, "BELLIGERENTS", &belligerents);
    if !a.violations.is_empty() {
        let _ = writeln!(s, "\nVIOLATIONS (pledges the attacker breaks)");
        for v in &a.violations {
            let _ = writeln!(s, "  {}", v.explanation(base, a));
        }
    }
    if !a.intra_alliance.is_empty() {
        let _ = writeln!(s, "\nATTACK WITHIN AN ALLIANCE");
        for x in &a.intra_alliance {
            let _ = writeln!(
                s,
                "  {}: {} attacks {}, a fellow member",
                base.treaty_label(x.atopid),
                base.states.name(x.attacker),
                base.states.name(x.target)
            );
            for f in x.findings(base) {
                let _ = writeln!(s, "    - {f}");
            }
        }
    }
    if !a.collisions.is_empty() {
        let _ = writeln!(s, "\nCOLLISIONS (states bound to both sides)");
        for c in &a.collisions {
            let _ = writeln!(
                s,
                "  {} ({}) [{}]: {}",
                base.states.name(c.ccode),
                c.ccode,
                c.kind.as_str(),
                c.explanation(base)
            );
        }
    }
    let colliding: Vec<Ccode> = order.iter().copied().filter(|h| a.in_collision(*h)).collect();
    section(&mut s, "STATES IN COLLISION: THEIR OBLIGATIONS", &colliding);
    let rest = |fight: bool| -> Vec<Ccode> {
        order
            .iter()
            .copied()
            .filter(|h| !a.scenario.is_belligerent(*h) && !a.in_collision(*h) && a.called_to_fight(*h) == fight)
            .collect()
    };
    section(
        &mut s,
        "STATES CALLED TO FIGHT (defense or offense triggered or undetermined)",
        &rest(true),
    );
    let others = rest(false);
    section(&mut s, "OTHER STATES WITH OBLIGATIONS", &others);
    if order.is_empty() {
        let _ = writeln!(s, "\nNo state owes any obligation to the belligerents on this date.");
    }
    s
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

fn distinct_names(base: &TreatyBase, codes: impl Iterator<Item = Ccode>) -> String {
    let mut v: Vec<Ccode> = codes.collect();
    v.sort_unstable();
    v.dedup();
    if v.is_empty() {
        "none".to_string()
    } else {
        v.iter().map(|&c| base.states.name(c)).collect::<Vec<_>>().join(", ")
    }
}

/// A report to paste into a brief.
pub fn markdown(base: &TreatyBase, a: &Assessment) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", headline(base, a));
    let _ = writeln!(s, "*Source: {}.*\n", data_source(base));
    if let Some(n) = a.horizon_note() {
        let _ = writeln!(s, "> {n}\n");
    }
    let _ = writeln!(s, "## Summary\n");
    let defenders = a
        .obligations
        .iter()
        .filter(|o| o.kind == ObligationKind::Defense && o.status == Status::Triggered)
        .filter(|o| !a.scenario.is_belligerent(o.holder))
        .map(|o| o.holder);
    let _ = writeln!(
        s,
        "- **Triggered defense pledges:** {}",
        distinct_names(base, defenders)
    );
    let _ = writeln!(
        s,
        "- **States bound to both sides:** {}",
        distinct_names(base, a.collisions.iter().map(|c| c.ccode))
    );
    let _ = writeln!(s, "- **Pledges the attacker breaks:** {}\n", a.violations.len());
    if !a.violations.is_empty() {
        let _ = writeln!(s, "## Violations\n");
        for v in &a.violations {
            let _ = writeln!(s, "- {}", v.explanation(base, a));
        }
        s.push('\n');
    }
    if !a.intra_alliance.is_empty() {
        let _ = writeln!(s, "## Attack within an alliance\n");
        for x in &a.intra_alliance {
            let _ = writeln!(s, "**{}**\n", base.treaty_label(x.atopid));
            for f in x.findings(base) {
                let _ = writeln!(s, "- {f}");
            }
            s.push('\n');
        }
    }
    if !a.collisions.is_empty() {
        let _ = writeln!(s, "## Collisions\n");
        let _ = writeln!(s, "| State | Type | Explanation |\n|---|---|---|");
        for c in &a.collisions {
            let _ = writeln!(
                s,
                "| {} ({}) | {} | {} |",
                base.states.name(c.ccode),
                c.ccode,
                c.kind.as_str(),
                c.explanation(base).replace('|', "\\|")
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Obligations\n");
    let _ = writeln!(
        s,
        "| State | Obligation | Toward | Treaty | Status | Why |\n|---|---|---|---|---|---|"
    );
    for h in a.holders_in_order() {
        for o in a.obligations_of(h) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                base.states.name(h),
                o.kind,
                base.states.name(o.toward),
                base.treaty_label(o.atopid),
                o.status.as_str(),
                o.reason_text(base, &a.scenario).replace('|', "\\|")
            );
        }
    }
    s
}
