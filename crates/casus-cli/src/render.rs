//! The four renderings of a scenario assessment: table, JSON, CSV and Markdown.

use std::fmt::Write as _;

use casus_engine::{Assessment, Obligation, Side, Status};
use casus_model::{Ccode, Origin, TreatyBase};
use serde::Serialize;

/// Schema version of the JSON output; see docs/scenario-json.md.
pub const JSON_SCHEMA: &str = "casus.scenario/1";

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    casus_version: &'static str,
    data: JsonData,
    scenario: JsonScenario,
    horizon_note: &'a Option<String>,
    notes: &'a [String],
    states: Vec<JsonState<'a>>,
    collisions: &'a [casus_engine::Collision],
    violations: &'a [casus_engine::Violation],
    intra_alliance: &'a [casus_engine::IntraAllianceAttack],
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
struct JsonState<'a> {
    ccode: Ccode,
    name: String,
    side: Side,
    obligations: Vec<JsonObligation<'a>>,
}

#[derive(Serialize)]
struct JsonObligation<'a> {
    atopid: u32,
    treaty: String,
    phase: u8,
    kind: casus_model::ObligationKind,
    toward: Ccode,
    toward_name: String,
    status: Status,
    reason: &'a str,
    condition: Option<casus_model::Condition>,
    conditions: &'a [casus_model::Condition],
    source: &'a str,
    notes: &'a [String],
}

pub fn data_source(base: &TreatyBase) -> String {
    let mut s = match &base.origin {
        Origin::Atop { dir } => format!("ATOP 5.1 and COW state list from {dir}"),
        Origin::BuiltIn => {
            "built-in pack (hand-written from public treaty facts; no data directory)".to_string()
        }
    };
    if !base.packs.is_empty() {
        let _ = write!(s, ", with pack(s) {}", base.packs.join(", "));
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

fn obligations_of(a: &Assessment, holder: Ccode) -> impl Iterator<Item = &Obligation> {
    a.obligations.iter().filter(move |o| o.holder == holder)
}

/// Compact JSON by default (one line, for programs); `pretty` indents it for people.
pub fn json(base: &TreatyBase, a: &Assessment, pretty: bool) -> String {
    let states = a
        .holders_in_order()
        .into_iter()
        .map(|h| JsonState {
            ccode: h,
            name: base.states.name(h),
            side: a.side_of(h),
            obligations: obligations_of(a, h)
                .map(|o| JsonObligation {
                    atopid: o.atopid,
                    treaty: base.treaty_label(o.atopid),
                    phase: o.phase,
                    kind: o.kind,
                    toward: o.toward,
                    toward_name: base.states.name(o.toward),
                    status: o.status,
                    reason: &o.reason,
                    condition: o.condition,
                    conditions: &o.conditions,
                    source: &o.source,
                    notes: &o.notes,
                })
                .collect(),
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
            date: a.scenario.date.to_string(),
            attackers: refs(base, &a.scenario.attackers),
            targets: refs(base, &a.scenario.targets),
            location: a.scenario.location,
            provoked: a.scenario.provoked,
        },
        horizon_note: &a.horizon_note,
        notes: &a.notes,
        states,
        collisions: &a.collisions,
        violations: &a.violations,
        intra_alliance: &a.intra_alliance,
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
        for o in obligations_of(a, h) {
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
                o.condition.map_or(String::new(), |c| c.to_string()),
                o.reason.clone(),
                o.source.clone(),
                o.notes.join(" "),
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
    for o in obligations_of(a, h) {
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
    if let Some(n) = &a.horizon_note {
        let _ = writeln!(s, "Note: {n}");
    }
    for n in &a.notes {
        let _ = writeln!(s, "Note: {n}");
    }
    let order = a.holders_in_order();
    let colliding: Vec<Ccode> = order
        .iter()
        .copied()
        .filter(|h| a.collisions.iter().any(|c| c.ccode == *h))
        .collect();
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
            let _ = writeln!(
                s,
                "  {} ({h}{role}): {}",
                base.states.name(h),
                status_counts(a, h)
            );
            for o in obligations_of(a, h) {
                let _ = writeln!(
                    s,
                    "    {:<14} -> {:<16} {:<10} {:<13} {}",
                    o.kind.as_str(),
                    truncate(&base.states.name(o.toward), 16),
                    format!("ATOP {}", o.atopid),
                    o.status.as_str(),
                    o.reason
                );
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
            let _ = writeln!(s, "  {}", v.explanation);
        }
    }
    if !a.intra_alliance.is_empty() {
        let _ = writeln!(s, "\nATTACK WITHIN AN ALLIANCE");
        for x in &a.intra_alliance {
            let _ = writeln!(
                s,
                "  {}: {} attacks {}, a fellow member",
                x.treaty,
                base.states.name(x.attacker),
                base.states.name(x.target)
            );
            for f in &x.findings {
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
                c.name,
                c.ccode,
                c.kind.as_str(),
                c.explanation
            );
        }
    }
    section(&mut s, "STATES IN COLLISION: THEIR OBLIGATIONS", &colliding);
    let others: Vec<Ccode> = order
        .iter()
        .copied()
        .filter(|h| !a.scenario.is_belligerent(*h) && !colliding.contains(h))
        .collect();
    section(&mut s, "OTHER STATES WITH OBLIGATIONS", &others);
    if order.is_empty() {
        let _ = writeln!(
            s,
            "\nNo state owes any obligation to the belligerents on this date."
        );
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

/// A report to paste into a brief.
pub fn markdown(base: &TreatyBase, a: &Assessment) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", headline(base, a));
    let _ = writeln!(s, "*Source: {}.*\n", data_source(base));
    if let Some(n) = &a.horizon_note {
        let _ = writeln!(s, "> {n}\n");
    }
    for n in &a.notes {
        let _ = writeln!(s, "> {n}\n");
    }
    let _ = writeln!(s, "## Summary\n");
    let trig = |kind| {
        let mut v: Vec<String> = a
            .obligations
            .iter()
            .filter(|o| {
                o.kind == kind
                    && o.status == Status::Triggered
                    && !a.scenario.is_belligerent(o.holder)
            })
            .map(|o| base.states.name(o.holder))
            .collect();
        v.dedup();
        v
    };
    let defenders = trig(casus_model::ObligationKind::Defense);
    let _ = writeln!(
        s,
        "- **Triggered defense pledges:** {}",
        if defenders.is_empty() {
            "none".into()
        } else {
            defenders.join(", ")
        }
    );
    let mut col: Vec<String> = a.collisions.iter().map(|c| c.name.clone()).collect();
    col.dedup();
    let _ = writeln!(
        s,
        "- **States bound to both sides:** {}",
        if col.is_empty() {
            "none".into()
        } else {
            col.join(", ")
        }
    );
    let _ = writeln!(
        s,
        "- **Pledges the attacker breaks:** {}\n",
        a.violations.len()
    );
    if !a.violations.is_empty() {
        let _ = writeln!(s, "## Violations\n");
        for v in &a.violations {
            let _ = writeln!(s, "- {}", v.explanation);
        }
        s.push('\n');
    }
    if !a.intra_alliance.is_empty() {
        let _ = writeln!(s, "## Attack within an alliance\n");
        for x in &a.intra_alliance {
            let _ = writeln!(s, "**{}**\n", x.treaty);
            for f in &x.findings {
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
                c.name,
                c.ccode,
                c.kind.as_str(),
                c.explanation.replace('|', "\\|")
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
        for o in obligations_of(a, h) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                base.states.name(h),
                o.kind,
                base.states.name(o.toward),
                base.treaty_label(o.atopid),
                o.status.as_str(),
                o.reason.replace('|', "\\|")
            );
        }
    }
    s
}
