//! `casus`: the alliance crisis scenario engine's command-line tool.

mod atop_check;
mod data_cmd;
mod error;
mod frames_cmd;
mod output;
mod render;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use casus_data::DataDir;
use casus_data::pack::Pack;
use casus_data::scenario_file::ScenarioFile;
use casus_engine::ObligationIndex;
use casus_model::{Ccode, Date, Location, Scenario, TreatyBase};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::CliError;

#[derive(Parser)]
#[command(
    name = "casus",
    version,
    about = "Alliance crisis scenario engine: who owes what to whom when one state attacks another, from ATOP treaty data."
)]
struct Cli {
    /// Data directory laid out like ../shared/data (default: $CASUS_DATA, then ../shared/data).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,

    /// Ignore any data directory and use the built-in pack.
    #[arg(long, global = true, conflicts_with = "data")]
    builtin: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate a crisis: every state's obligations toward the belligerents, collisions and violations.
    #[command(after_help = SCENARIO_EXAMPLES)]
    Scenario(ScenarioArgs),
    /// Work with ATOP itself.
    #[command(subcommand)]
    Atop(AtopCommand),
    /// Get and validate the datasets.
    #[command(subcommand)]
    Data(data_cmd::DataCommand),
    /// Build a dyad-year research dataset (directed or not) with the columns you ask for.
    #[command(after_help = frames_cmd::DYADS_EXAMPLES)]
    Dyads(frames_cmd::DyadsArgs),
    /// Build the matching state-year dataset.
    #[command(after_help = frames_cmd::STATES_EXAMPLES)]
    States(frames_cmd::StatesArgs),
}

const SCENARIO_EXAMPLES: &str = "\
Examples:
  casus scenario --attacker TJK --target KGZ --date 2021-04-29
  casus scenario --attacker Tajikistan --target Kyrgyzstan --date 2022-09-14 --location home --provoked no
  casus scenario --attacker AFG --target TJK --date 2021-04-29 --format json
  casus scenario --attacker 640 --target 652 --attacker 645 --date 1990-01-01 --format csv --out obligations.csv
  casus scenario --file examples/kyrgyz-tajik-2021.toml --format markdown
  casus scenario --attacker TJK --target KGZ --date 2025-06-01 --pack examples/kazakhstan-leaves-csto.toml

States may be named by COW number (703), COW abbreviation (KYR), ISO3 code (KGZ) or English name (kyrgyzstan).";

#[derive(Args)]
struct ScenarioArgs {
    /// Attacking state; repeat for several.
    #[arg(long = "attacker", value_name = "STATE")]
    attackers: Vec<String>,
    /// Attacked state; repeat for several.
    #[arg(long = "target", value_name = "STATE")]
    targets: Vec<String>,
    /// Date of the attack, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Where the fighting is, relative to the target.
    #[arg(long, value_enum)]
    location: Option<LocationArg>,
    /// Whether the target provoked the attack.
    #[arg(long, value_enum)]
    provoked: Option<YesNo>,
    /// Read the scenario from a TOML file; flags given as well override it.
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    packs: PackArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Indent JSON output for reading.
    #[arg(long)]
    pretty: bool,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Overlay packs, for every command that takes a scenario.
#[derive(Args)]
struct PackArgs {
    /// Apply an overlay pack (TOML; see docs/packs.md). May be given more than once; applied in order.
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<PathBuf>,
    /// Leave out the built-in changes since 2018 (since-2018.toml), for ATOP's coding alone.
    #[arg(long)]
    atop_only: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum LocationArg {
    Home,
    Elsewhere,
}

#[derive(Clone, Copy, ValueEnum)]
enum YesNo {
    Yes,
    No,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Subcommand)]
enum AtopCommand {
    /// Derive every directed dyad-year's obligations from the member file and compare them with ATOP's own coding.
    #[command(after_help = "\
Examples:
  casus atop check
  casus atop check --list
  casus atop check --format csv --out differences.csv

Exits with status 1 if any difference is unexplained.")]
    Check(atop_check::CheckArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let dir = if cli.builtin {
        DataDir::None
    } else {
        casus_data::locate(cli.data.as_deref(), std::env::var_os("CASUS_DATA").as_deref())?
    };
    match cli.command {
        Command::Scenario(args) => scenario(&dir, &args),
        Command::Atop(AtopCommand::Check(args)) => atop_check::run(&dir, &args),
        Command::Data(cmd) => data_cmd::run(&dir, &cmd),
        Command::Dyads(args) => frames_cmd::dyads(&dir, &args),
        Command::States(args) => frames_cmd::states(&dir, &args),
    }
}

/// The data directory, or an error saying how to get one.
fn require_dir<'a>(dir: &'a DataDir, what: &str) -> Result<&'a Path, CliError> {
    dir.path().ok_or_else(|| {
        CliError::Usage(format!(
            "{what} needs the full datasets, and no data directory was found: give --data DIR, set CASUS_DATA, or run `casus data fetch`"
        ))
    })
}

/// ATOP from the data directory, or the built-in pack when there is none;
/// then the changes since 2018 and the user's packs, in order.
fn load_base(dir: &DataDir, packs: &PackArgs) -> Result<TreatyBase, CliError> {
    let mut base = match dir.path() {
        Some(path) => {
            let mut base = casus_data::load_treaty_base(path)?;
            // ATOP has no treaty names, and without the crosswalk no ISO3
            // codes: the built-in pack supplies them for what it covers.
            let builtin = Pack::builtin();
            builtin.apply_states(&mut base);
            for (id, name) in builtin.treaty_names() {
                if let Some(t) = base.treaties.get_mut(&id) {
                    t.name.get_or_insert_with(|| name.to_string());
                }
            }
            base
        }
        None => {
            eprintln!(
                "casus: using the built-in pack (CSTO, CIS, SCO and Central Asian treaties), not a data directory \
                 (--data, CASUS_DATA or ../shared/data); `casus data fetch` gets all of ATOP."
            );
            Pack::builtin().standalone()?
        }
    };
    if !packs.atop_only {
        Pack::updates().apply(&mut base)?;
    }
    for p in &packs.packs {
        Pack::read(p)?.apply(&mut base)?;
    }
    Ok(base)
}

fn scenario(dir: &DataDir, args: &ScenarioArgs) -> Result<(), CliError> {
    let mut base = load_base(dir, &args.packs)?;
    let scenario = build_scenario(&base, args)?;
    // Up to ATOP's last day, its directed coding says toward whom asymmetric
    // alliances' obligations run; later dates do not need it.
    if let Some(path) = dir.path()
        && scenario.date <= base.coverage_end
        && path.join(casus_data::files::ATOP_DDYR).is_file()
    {
        base.directed = Some(casus_data::load_directed_coding(path)?);
    }
    let index = ObligationIndex::new(&base);
    let assessment = casus_engine::assess(&base, &index, &scenario)?;
    let text = match args.format {
        Format::Table => render::table(&base, &assessment),
        Format::Json => render::json(&base, &assessment, args.pretty),
        Format::Csv => render::csv(&base, &assessment),
        Format::Markdown => render::markdown(&base, &assessment),
    };
    output::emit(args.out.as_deref(), &text)
}

fn build_scenario(base: &TreatyBase, args: &ScenarioArgs) -> Result<Scenario, CliError> {
    let file = args.file.as_deref().map(ScenarioFile::read).transpose()?;
    let resolve_flag = |flag: &str, given: &[String]| -> Result<Vec<Ccode>, CliError> {
        given
            .iter()
            .map(|g| {
                base.states.resolve(g).map_err(|source| CliError::Name {
                    flag: format!("{flag} {g}"),
                    source,
                })
            })
            .collect()
    };
    let resolve_file = |f: &ScenarioFile, given: &[toml::Spanned<String>]| -> Result<Vec<Ccode>, CliError> {
        given
            .iter()
            .map(|g| {
                base.states
                    .resolve(g.get_ref())
                    .map_err(|e| CliError::Data(f.error_at(g.span(), e.to_string())))
            })
            .collect()
    };
    let mut attackers = resolve_flag("--attacker", &args.attackers)?;
    let mut targets = resolve_flag("--target", &args.targets)?;
    let mut date = args
        .date
        .as_deref()
        .map(|d| {
            Date::parse(d).map_err(|source| CliError::Date {
                flag: "--date".into(),
                source,
            })
        })
        .transpose()?;
    let mut location = args.location.map(|l| match l {
        LocationArg::Home => Location::Home,
        LocationArg::Elsewhere => Location::Elsewhere,
    });
    let mut provoked = args.provoked.map(|p| matches!(p, YesNo::Yes));
    if let Some(f) = &file {
        if attackers.is_empty() {
            attackers = resolve_file(f, &f.spec.attackers)?;
        }
        if targets.is_empty() {
            targets = resolve_file(f, &f.spec.targets)?;
        }
        if date.is_none()
            && let Some(d) = &f.spec.date
        {
            date = Some(Date::parse(d.get_ref()).map_err(|e| CliError::Data(f.error_at(d.span(), e.to_string())))?);
        }
        if location.is_none()
            && let Some(l) = &f.spec.location
        {
            location = Some(match l.get_ref().as_str() {
                "home" => Location::Home,
                "elsewhere" => Location::Elsewhere,
                other => {
                    return Err(CliError::Data(f.error_at(
                        l.span(),
                        format!("location `{other}` is not `home` or `elsewhere`"),
                    )));
                }
            });
        }
        provoked = provoked.or(f.spec.provoked);
    }
    let from = if args.file.is_some() {
        "the scenario file or "
    } else {
        ""
    };
    if attackers.is_empty() {
        return Err(CliError::Usage(format!(
            "no attacker: name one in {from}--attacker STATE"
        )));
    }
    if targets.is_empty() {
        return Err(CliError::Usage(format!("no target: name one in {from}--target STATE")));
    }
    let date = date.ok_or_else(|| CliError::Usage(format!("no date: give it in {from}--date YYYY-MM-DD")))?;
    dedup(&mut attackers);
    dedup(&mut targets);
    Ok(Scenario {
        attackers,
        targets,
        date,
        location,
        provoked,
    })
}

fn dedup(v: &mut Vec<Ccode>) {
    let mut seen = Vec::with_capacity(v.len());
    v.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
}
