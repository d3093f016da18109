//! `casus data fetch` and `casus data check`.

use std::fmt::Write as _;
use std::path::PathBuf;

use casus_data::DataDir;
use casus_data::catalog::Origin;
use casus_data::fetch::{self, Progress, Source};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::error::CliError;

#[derive(Subcommand)]
pub enum DataCommand {
    /// Download the providers' releases (ATOP 5.1, COW states, NMC, contiguity, MID) into a data directory.
    #[command(after_help = "\
Examples:
  casus data fetch --dir ~/casus-data
  casus data fetch --dir ~/casus-data --from https://mirror.example.org/casus
  casus data fetch --dir ~/casus-data --from ~/Downloads          # the release zips, or a folder laid out like the data directory

Every file is normalized to LF line endings and checked against its pinned SHA-256
before it is put in place. An interrupted download resumes when run again.")]
    Fetch(FetchArgs),
    /// Validate a data directory: what is present or missing, versions, years, hash mismatches.
    #[command(after_help = "\
Examples:
  casus data check ~/casus-data
  casus --data ../shared/data data check

Exits with status 1 if a file casus fetches is missing or differs from its pinned release.")]
    Check(CheckArgs),
}

#[derive(Args)]
pub struct FetchArgs {
    /// Where to put the data (default: $CASUS_DATA, else ./casus-data).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// A mirror (http:// or https:// address) or a local folder to take the releases from.
    #[arg(long, value_name = "URL-or-DIR")]
    from: Option<String>,
    /// Fetch again even files already present and verified.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The folder to check (default: the data directory casus would use).
    dir: Option<PathBuf>,
}

/// An indicatif bar on standard error (hidden when it is not a terminal).
struct Bar {
    bar: Option<ProgressBar>,
}

impl Progress for Bar {
    fn start(&mut self, what: &str, total: Option<u64>, already: u64) {
        let bar = match total {
            Some(t) => ProgressBar::new(t).with_style(
                ProgressStyle::with_template("{msg:40!} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}")
                    .expect("valid template")
                    .progress_chars("=> "),
            ),
            None => ProgressBar::new_spinner(),
        };
        bar.set_position(already);
        bar.set_message(what.rsplit('/').next().unwrap_or(what).to_string());
        self.bar = Some(bar);
    }

    fn advance(&mut self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(bytes);
        }
    }

    fn finish(&mut self, message: &str) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        eprintln!("{message}");
    }
}

pub fn run(located: &DataDir, cmd: &DataCommand) -> Result<(), CliError> {
    match cmd {
        DataCommand::Fetch(args) => fetch_cmd(args),
        DataCommand::Check(args) => check_cmd(located, args),
    }
}

fn fetch_cmd(args: &FetchArgs) -> Result<(), CliError> {
    let dir = args
        .dir
        .clone()
        .or_else(|| {
            std::env::var_os("CASUS_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from("casus-data"));
    let source = Source::parse(args.from.as_deref());
    let report = fetch::fetch(&dir, &source, args.force, &mut Bar { bar: None })?;
    let mut s = String::new();
    for (path, what) in &report.files {
        let _ = writeln!(s, "{path}: {what}");
    }
    let _ = writeln!(
        s,
        "{} file(s) in {}. Use it with --data {} or CASUS_DATA={}.",
        report.files.len(),
        dir.display(),
        dir.display(),
        dir.display()
    );
    crate::output::emit(None, &s)
}

fn check_cmd(located: &DataDir, args: &CheckArgs) -> Result<(), CliError> {
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => crate::require_dir(located, "`casus data check`")?.to_path_buf(),
    };
    if !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{} is not a directory; give the folder to check",
            dir.display()
        )));
    }
    let statuses = fetch::check(&dir);
    let mut s = format!("Data directory {}\n", dir.display());
    let mut failing = 0;
    for st in &statuses {
        let altered = st.present && !st.problems.is_empty();
        let mark = match (st.present, altered, st.info.origin) {
            (false, _, Origin::Manual) => "absent ",
            (false, _, _) => "MISSING",
            (true, true, _) => "BAD    ",
            (true, false, _) => "ok     ",
        };
        if altered || (!st.present && st.info.origin != Origin::Manual) {
            failing += 1;
        }
        let detail = if st.present {
            let years = st.years.map_or(String::new(), |(a, b)| format!(", {a}-{b}"));
            let version = st
                .version
                .as_deref()
                .map_or(String::new(), |v| format!(", version {v}"));
            format!(" ({} rows{version}{years})", st.rows.unwrap_or(0))
        } else {
            String::new()
        };
        let _ = writeln!(s, "{mark} {:<38} {}{detail}", st.info.path, st.info.dataset);
        for p in st.problems.iter().chain(&st.remarks) {
            let _ = writeln!(s, "        {p}");
        }
        if st.present && st.info.sha256.is_none() {
            let _ = writeln!(s, "        note: {}", st.info.note);
        }
    }
    let present = statuses.iter().filter(|s| s.present).count();
    let _ = writeln!(
        s,
        "{present} of {} files present; {failing} problem(s).",
        statuses.len()
    );
    crate::output::emit(None, &s)?;
    if failing > 0 {
        return Err(CliError::CheckFailed(format!(
            "{failing} file(s) in {} need attention (see above)",
            dir.display()
        )));
    }
    Ok(())
}
