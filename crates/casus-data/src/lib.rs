//! Readers and validators for the datasets casus uses.
//!
//! Every reader checks the columns it needs and the form of each value, and
//! reports a problem with the file, line, column and the form it expected
//! ([`DataError`]). The main entry points:
//!
//! - [`locate`]: find the data directory (`--data`, then `CASUS_DATA`, then `../shared/data`).
//! - [`load_treaty_base`]: ATOP 5.1 (member, alliance and alliance-phase files) and the COW state list, as one [`casus_model::TreatyBase`].
//! - [`atop`]: the ATOP member-level, alliance-level and directed dyad-year files.
//! - [`cow`]: the COW state list, system membership and the country-code crosswalk.
//! - [`conflict`]: NMC, major powers, contiguity, CShapes distances and capitals, GML disputes.
//! - [`pack`]: overlay packs and the built-in pack; [`fetch`] and [`catalog`]: `casus data fetch` and `check`.

pub mod atomic;
pub mod atop;
pub mod catalog;
pub mod conflict;
pub mod cow;
mod error;
pub mod fetch;
pub mod pack;
pub mod scenario_file;
pub mod table;

use std::path::{Path, PathBuf};

use casus_model::{Date, Origin, StateDirectory, TreatyBase};

pub use error::DataError;

/// Paths of the files inside a data directory, in the layout of `../shared/data`.
pub mod files {
    pub const ATOP_MEMBERS: &str = "atop/atop5_1m.csv";
    pub const ATOP_ALLIANCES: &str = "atop/atop5_1a.csv";
    pub const ATOP_PHASES: &str = "atop/atop5_1aph.csv";
    pub const ATOP_DDYR: &str = "atop/atop5_1ddyr_core.csv";
    pub const COW_STATES: &str = "cow_states/states2016.csv";
    pub const COW_SYSTEM: &str = "cow_states/system2016.csv";
    pub const CROSSWALK: &str = "crosswalk/countrycode_codelist.csv";
    pub const COW_MAJORS: &str = "cow_states/majors2016.csv";
    pub const NMC: &str = "cow_nmc/NMC-70-abridged.csv";
    pub const CONTIGUITY: &str = "cow_contiguity/contdird.csv";
    pub const CONTIGUITY_COUNTS: &str = "cow_contiguity/contdirs.csv";
    pub const MINDIST: &str = "cshapes/cow_mindist.csv";
    pub const CAPITALS: &str = "cshapes/cow_capitals.csv";
    pub const GML: &str = "gml_mid/gml-ddy-disputes-2.2.1.csv";
}

/// How the data directory was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataDir {
    /// From `--data`.
    Flag(PathBuf),
    /// From the `CASUS_DATA` environment variable.
    Env(PathBuf),
    /// `../shared/data`, found beside the working directory.
    Shared(PathBuf),
    /// None: casus runs on its built-in pack.
    None,
}

impl DataDir {
    pub fn path(&self) -> Option<&Path> {
        match self {
            DataDir::Flag(p) | DataDir::Env(p) | DataDir::Shared(p) => Some(p),
            DataDir::None => None,
        }
    }
}

/// Finds the data directory: the `--data` flag, then `CASUS_DATA`, then
/// `../shared/data` when it exists. A flag or variable that names a missing
/// directory is an error, not a silent fallback.
pub fn locate(flag: Option<&Path>, env: Option<&std::ffi::OsStr>) -> Result<DataDir, DataError> {
    if let Some(p) = flag {
        return existing(p, "--data").map(DataDir::Flag);
    }
    if let Some(v) = env.filter(|v| !v.is_empty()) {
        return existing(Path::new(v), "CASUS_DATA").map(DataDir::Env);
    }
    let shared = Path::new("../shared/data");
    if shared.join(files::ATOP_MEMBERS).is_file() {
        return Ok(DataDir::Shared(shared.to_path_buf()));
    }
    Ok(DataDir::None)
}

fn existing(p: &Path, how: &str) -> Result<PathBuf, DataError> {
    if p.is_dir() {
        Ok(p.to_path_buf())
    } else {
        Err(DataError::DataDir {
            path: p.to_path_buf(),
            message: format!(
                "does not exist or is not a directory (given by {how}); point it at a folder laid out like ../shared/data, or run `casus data fetch`"
            ),
        })
    }
}

/// Reads ATOP 5.1 (member and alliance level) and the COW state list from `dir`.
pub fn load_treaty_base(dir: &Path) -> Result<TreatyBase, DataError> {
    let commitments = atop::read_members(&dir.join(files::ATOP_MEMBERS))?;
    let mut alliances = atop::read_alliances(&dir.join(files::ATOP_ALLIANCES))?;
    let phases = dir.join(files::ATOP_PHASES);
    if phases.is_file() {
        for (id, phase, p) in atop::read_alliance_phases(&phases)? {
            let Some(a) = alliances.get_mut(&id) else {
                return Err(DataError::Inconsistent {
                    path: phases,
                    message: format!(
                        "ATOP id {id} is not in {}; the files must come from the same ATOP release",
                        files::ATOP_ALLIANCES
                    ),
                });
            };
            a.treaty.phases.insert(phase, p);
        }
    }
    if let Some(c) = commitments.iter().find(|c| !alliances.contains_key(&c.atopid)) {
        return Err(DataError::Inconsistent {
            path: dir.join(files::ATOP_MEMBERS),
            message: format!(
                "ATOP id {} ({}) is not in {}; the two files must come from the same ATOP release",
                c.atopid,
                c.source.0,
                files::ATOP_ALLIANCES
            ),
        });
    }
    let list = cow::read_states(&dir.join(files::COW_STATES))?;
    let mut states = StateDirectory::default();
    for s in list.states.values() {
        states.insert(s.clone());
    }
    let crosswalk = dir.join(files::CROSSWALK);
    if crosswalk.is_file() {
        for e in cow::read_crosswalk(&crosswalk)? {
            if let Some(iso) = &e.iso3 {
                states.set_iso3(e.ccode, iso);
            }
            states.add_alias(&e.name_en, e.ccode);
        }
    }
    // Members ATOP codes that have no COW state (e.g. 8152, Annam) still get a name.
    for c in &commitments {
        if !states.contains(c.member) {
            states.insert(casus_model::State {
                ccode: c.member,
                abb: c.member.to_string(),
                name: format!("non-COW member {}", c.member),
                iso3: None,
            });
        }
    }
    Ok(TreatyBase {
        commitments,
        treaties: alliances.into_iter().map(|(id, a)| (id, a.treaty)).collect(),
        states,
        coverage_start: Date::first_of_year(1815),
        coverage_end: casus_model::ATOP_LAST_DAY,
        origin: Origin::Atop {
            dir: dir.display().to_string(),
        },
        packs: Vec::new(),
        directed: None,
    })
}

/// ATOP's directed dyad-year coding from `dir`, to refine asymmetric
/// alliances' obligations in scenarios up to 2018 ([`TreatyBase::directed`]).
pub fn load_directed_coding(dir: &Path) -> Result<casus_model::DirectedCoding, DataError> {
    Ok(atop::read_directed_dyad_years(&dir.join(files::ATOP_DDYR))?
        .into_iter()
        .map(|r| ((r.state_a, r.state_b, r.year), r.flags))
        .collect())
}

/// For tests that check real-world claims against the real files: the data
/// directory from `CASUS_DATA`, else `../shared/data` beside the workspace.
/// Panics with instructions when neither exists, so such tests never pass
/// without having looked at the data.
#[doc(hidden)]
pub fn real_data_dir() -> PathBuf {
    if let Some(v) = std::env::var_os("CASUS_DATA").filter(|v| !v.is_empty()) {
        return PathBuf::from(v);
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    assert!(
        beside.join(files::ATOP_MEMBERS).is_file(),
        "real-data test: set CASUS_DATA to a data directory, or place ../shared/data beside the workspace"
    );
    beside
}
