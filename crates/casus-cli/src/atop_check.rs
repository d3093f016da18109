//! `casus atop check`: derived obligations against ATOP's official directed dyad-years.

use std::fmt::Write as _;
use std::path::PathBuf;

use casus_data::{DataDir, files};
use casus_engine::check::{CheckReport, DifferenceKind, compare};
use clap::{Args, ValueEnum};

use crate::error::CliError;
use crate::output;

#[derive(Args)]
pub struct CheckArgs {
    /// List every difference, not only the counts.
    #[arg(long)]
    list: bool,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Csv,
    Json,
}

pub fn run(dir: &DataDir, args: &CheckArgs) -> Result<(), CliError> {
    let path = crate::require_dir(dir, "`casus atop check`")?;
    let base = casus_data::load_treaty_base(path)?;
    let states = casus_data::cow::read_states(&path.join(files::COW_STATES))?;
    let official = casus_data::atop::read_directed_dyad_years(&path.join(files::ATOP_DDYR))?;
    let report = compare(&base, &states, &official);
    let text = match args.format {
        CheckFormat::Text => text(&report, args.list),
        CheckFormat::Csv => csv(&report),
        CheckFormat::Json => serde_json::to_string_pretty(&report).expect("report serializes") + "\n",
    };
    output::emit(args.out.as_deref(), &text)?;
    let unexplained = report.unexplained().count();
    if unexplained > 0 {
        return Err(CliError::CheckFailed(format!(
            "{unexplained} difference(s) from ATOP's directed dyad-year file are unexplained; list them with `casus atop check --list`"
        )));
    }
    Ok(())
}

fn describe(d: &DifferenceKind) -> String {
    match d {
        DifferenceKind::OnlyDerived => "row only in casus".to_string(),
        DifferenceKind::OnlyOfficial => "row only in ATOP".to_string(),
        DifferenceKind::Flags {
            kinds,
            derived,
            official,
        } => {
            let parts: Vec<String> = kinds
                .iter()
                .map(|k| {
                    format!(
                        "{} casus {} ATOP {}",
                        k.atop_column(),
                        u8::from(derived[k.index()]),
                        u8::from(official[k.index()])
                    )
                })
                .collect();
            parts.join("; ")
        }
    }
}

fn text(r: &CheckReport, list: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "ATOP 5.1 directed dyad-years, 1815-2018: derived from atop5_1m.csv vs atop5_1ddyr_core.csv"
    );
    let _ = writeln!(
        s,
        "rows: casus {}, ATOP {}, identical {}",
        r.derived_rows, r.official_rows, r.identical_rows
    );
    let _ = writeln!(
        s,
        "{:<8} {:>9} {:>12} {:>12}",
        "flag", "both 1", "only casus", "only ATOP"
    );
    for f in &r.flags {
        let name = f.kind.map_or("", |k| k.atop_column());
        let _ = writeln!(
            s,
            "{name:<8} {:>9} {:>12} {:>12}",
            f.both, f.only_derived, f.only_official
        );
    }
    if list {
        for d in &r.differences {
            let why = d
                .explanation
                .as_ref()
                .map_or_else(|| "UNEXPLAINED".to_string(), |e| e.describe());
            let _ = writeln!(
                s,
                "  {} -> {} {}: {} [{}]",
                d.state_a,
                d.state_b,
                d.year,
                describe(&d.difference),
                why
            );
        }
    }
    let by_rule = r.by_rule();
    let rules: Vec<String> = by_rule.iter().map(|(k, v)| format!("{k} {v}")).collect();
    let _ = writeln!(
        s,
        "differences: {} ({})",
        r.differences.len(),
        if rules.is_empty() {
            "none".into()
        } else {
            rules.join(", ")
        }
    );
    let unexplained = by_rule.get("unexplained").copied().unwrap_or(0);
    let _ = writeln!(s, "unexplained differences: {unexplained}");
    s
}

fn csv(r: &CheckReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "stateA",
        "stateB",
        "year",
        "difference",
        "atopids",
        "rule",
        "explanation",
    ])
    .expect("memory");
    for d in &r.differences {
        let rule = match &d.explanation {
            None => "unexplained".to_string(),
            Some(e) => serde_json::to_value(e)
                .ok()
                .and_then(|v| v["rule"].as_str().map(str::to_string))
                .unwrap_or_default(),
        };
        w.write_record([
            d.state_a.to_string(),
            d.state_b.to_string(),
            d.year.to_string(),
            describe(&d.difference),
            d.atopids.iter().map(u32::to_string).collect::<Vec<_>>().join(" "),
            rule,
            d.explanation.as_ref().map_or(String::new(), |e| e.describe()),
        ])
        .expect("memory");
    }
    String::from_utf8(w.into_inner().expect("memory")).expect("utf-8")
}
