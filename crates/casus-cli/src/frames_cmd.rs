//! `casus dyads` and `casus states`: research frames.

use std::path::PathBuf;
use std::time::Instant;

use casus_data::DataDir;
use casus_dyads::{Column, FrameSpec, Sources};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::CliError;

#[derive(Args)]
pub struct DyadsArgs {
    /// Years, e.g. 1816-2010 or 1990.
    #[arg(long, value_name = "FIRST-LAST")]
    years: String,
    /// Ordered pairs: (A, B) and (B, A) (the default).
    #[arg(long, conflicts_with = "nondirected")]
    directed: bool,
    /// One row per pair, lower COW code first.
    #[arg(long)]
    nondirected: bool,
    /// The state system: only `cow` (COW State System v2016).
    #[arg(long, default_value = "cow", value_name = "SYSTEM")]
    system: String,
    /// Column groups, comma-separated: atop, nmc, majors, contiguity, mindist, capdist, mids, peace-years, prd.
    #[arg(long, value_name = "LIST", default_value = "")]
    with: String,
    /// Keep only some rows: `prd` (politically relevant dyads).
    #[arg(long, value_name = "FILTER")]
    filter: Option<String>,
    /// Drop dyad-years whose states were never system members on the same day of the year (peacesciencer's rule).
    #[arg(long)]
    coexisting: bool,
    /// Write to FILE (CSV) and FILE's data dictionary beside it; standard output if absent.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Args)]
pub struct StatesArgs {
    /// Years, e.g. 1816-2010 or 1990.
    #[arg(long, value_name = "FIRST-LAST")]
    years: String,
    /// Column groups, comma-separated: atop, nmc, majors, contiguity, mids, peace-years.
    #[arg(long, value_name = "LIST", default_value = "")]
    with: String,
    /// Write to FILE (CSV) and FILE's data dictionary beside it; standard output if absent.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub const DYADS_EXAMPLES: &str = "\
Examples:
  casus dyads --years 1816-2010 --directed --with atop,nmc,contiguity,mids,peace-years,majors --out d.csv
  casus dyads --years 1946-2010 --nondirected --with contiguity,majors,capdist --filter prd --out prd.csv
  casus dyads --years 2000 --with atop | head

Writes d.csv and its data dictionary d.dictionary.csv (column, meaning, source).
Columns are documented in docs/frames.md.";

pub const STATES_EXAMPLES: &str = "\
Examples:
  casus states --years 1816-2016 --with nmc,majors,atop --out s.csv
  casus states --years 1990-2010 --with mids,peace-years";

fn check_out(out: &Option<PathBuf>) -> Result<(), CliError> {
    if let Some(p) = out {
        if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet")) {
            return Err(CliError::Usage(format!(
                "--out {}: Parquet output is not built in; write CSV (--out frame.csv), which R, Stata, pandas and polars read directly",
                p.display()
            )));
        }
        if p.parent().is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
            return Err(CliError::Usage(format!(
                "--out {}: the folder does not exist",
                p.display()
            )));
        }
    }
    Ok(())
}

fn bar(label: &str) -> ProgressBar {
    let b = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} rows {eta}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    b.set_message(label.to_string());
    b
}

fn finish(rendered: &casus_dyads::Rendered, out: &Option<PathBuf>, started: Instant) -> Result<(), CliError> {
    match out {
        Some(p) => {
            let dict = rendered.write_to(p).map_err(frame_err)?;
            eprintln!(
                "{} rows, {} columns -> {} (dictionary: {}) in {:.2} s",
                rendered.rows,
                rendered.columns,
                p.display(),
                dict.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        None => {
            let text: Vec<u8> = rendered.csv.concat();
            crate::output::emit(None, &String::from_utf8(text).expect("CSV is UTF-8"))
        }
    }
}

fn frame_err(e: casus_dyads::FrameError) -> CliError {
    match e {
        casus_dyads::FrameError::Data(d) => CliError::Data(d),
        casus_dyads::FrameError::Spec(s) => CliError::Usage(s),
        casus_dyads::FrameError::Write { path, source } => CliError::Write { path, source },
    }
}

pub fn dyads(dir: &DataDir, args: &DyadsArgs) -> Result<(), CliError> {
    let started = Instant::now();
    if args.system != "cow" {
        return Err(CliError::Usage(format!(
            "--system {}: only `cow` (COW State System v2016) is available",
            args.system
        )));
    }
    let prd_only = match args.filter.as_deref() {
        None => false,
        Some("prd") => true,
        Some(other) => {
            return Err(CliError::Usage(format!(
                "--filter {other}: the only filter is `prd` (politically relevant dyads)"
            )));
        }
    };
    check_out(&args.out)?;
    let (first_year, last_year) = FrameSpec::parse_years(&args.years).map_err(frame_err)?;
    let columns = Column::parse_list(&args.with).map_err(frame_err)?;
    let path = crate::require_dir(dir, "`casus dyads`")?;
    let spec = FrameSpec {
        first_year,
        last_year,
        directed: !args.nondirected,
        coexisting_only: args.coexisting,
        prd_only,
        columns,
    };
    let sources = Sources::load(path, &spec.columns, prd_only)?;
    let b = bar("dyad-years");
    let rendered = casus_dyads::dyad_years(&sources, &spec, &|done, total| {
        b.set_length(total as u64);
        b.set_position(done as u64);
    });
    b.finish_and_clear();
    finish(&rendered, &args.out, started)
}

pub fn states(dir: &DataDir, args: &StatesArgs) -> Result<(), CliError> {
    let started = Instant::now();
    check_out(&args.out)?;
    let (first_year, last_year) = FrameSpec::parse_years(&args.years).map_err(frame_err)?;
    let columns = Column::parse_list(&args.with).map_err(frame_err)?;
    let path = crate::require_dir(dir, "`casus states`")?;
    let spec = FrameSpec {
        first_year,
        last_year,
        directed: true,
        coexisting_only: false,
        prd_only: false,
        columns,
    };
    let sources = Sources::load(path, &spec.columns, false)?;
    let b = bar("state-years");
    let rendered = casus_dyads::state_years(&sources, &spec, &|done, total| {
        b.set_length(total as u64);
        b.set_position(done as u64);
    })
    .map_err(frame_err)?;
    b.finish_and_clear();
    finish(&rendered, &args.out, started)
}
