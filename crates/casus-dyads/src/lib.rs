//! Research frames: the dyad-year and state-year datasets of quantitative
//! international relations, built in seconds from the source files.
//!
//! - [`FrameSpec`]: which years, directed or not, which column groups.
//! - [`Sources`]: the datasets a frame needs, loaded once (in parallel).
//! - [`DyadFrame`] / [`StateFrame`]: the rows, one per (ordered) pair of
//!   system members, or per member, in each year.
//! - [`Column`]: the column groups (`atop`, `nmc`, `majors`, `contiguity`,
//!   `mindist`, `capdist`, `mids`, `peace-years`, `prd`), each documented in
//!   the data dictionary written beside every output ([`write`]).

mod columns;
pub mod eu;
mod frame;
pub mod similarity;
mod sources;
pub mod write;

pub use columns::{Column, ColumnDoc, ColumnGroup, great_circle_km, peace_spells, politically_relevant};
pub use frame::{Dyad, DyadFrame, FrameSpec, StateFrame, StateYear};
pub use sources::Sources;
pub use write::Rendered;

/// Why a frame cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error(transparent)]
    Data(#[from] casus_data::DataError),
    #[error("{0}")]
    Spec(String),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

const SYSTEM_SRC: &str = "COW State System Membership v2016 (system2016.csv; 2016 members carried forward after 2016)";

/// Builds and formats a dyad-year frame. `progress(done, total)` follows the formatting.
pub fn dyad_years(sources: &Sources, spec: &FrameSpec, progress: &(dyn Fn(usize, usize) + Sync)) -> Rendered {
    let mut frame = DyadFrame::build(spec, sources);
    if spec.prd_only {
        frame
            .rows
            .retain(|d| columns::politically_relevant(sources, d).unwrap_or(false));
    }
    let groups = columns::dyad_groups(&spec.columns, &frame.rows, sources);
    let keys = write::Keys {
        names: &["ccode1", "ccode2", "year"],
        docs: vec![
            ColumnDoc {
                name: "ccode1".into(),
                meaning: "COW code of the first state".into(),
                source: SYSTEM_SRC,
            },
            ColumnDoc {
                name: "ccode2".into(),
                meaning: if frame.directed {
                    "COW code of the second state"
                } else {
                    "COW code of the second state (higher than ccode1)"
                }
                .into(),
                source: SYSTEM_SRC,
            },
            ColumnDoc {
                name: "year".into(),
                meaning: "year".into(),
                source: SYSTEM_SRC,
            },
        ],
    };
    write::render_frame(
        &frame.rows,
        &keys,
        &groups,
        |d, out| {
            out.extend_from_slice(itoa::Buffer::new().format(d.a).as_bytes());
            out.push(b',');
            out.extend_from_slice(itoa::Buffer::new().format(d.b).as_bytes());
            out.push(b',');
            out.extend_from_slice(itoa::Buffer::new().format(d.year).as_bytes());
        },
        progress,
    )
}

/// Builds and formats a state-year frame.
pub fn state_years(
    sources: &Sources,
    spec: &FrameSpec,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Rendered, FrameError> {
    let frame = StateFrame::build(spec, sources);
    let groups = columns::state_groups(&spec.columns, &frame.rows, sources)?;
    let keys = write::Keys {
        names: &["ccode", "year"],
        docs: vec![
            ColumnDoc {
                name: "ccode".into(),
                meaning: "COW code of the state".into(),
                source: SYSTEM_SRC,
            },
            ColumnDoc {
                name: "year".into(),
                meaning: "year".into(),
                source: SYSTEM_SRC,
            },
        ],
    };
    Ok(write::render_frame(
        &frame.rows,
        &keys,
        &groups,
        |s, out| {
            out.extend_from_slice(itoa::Buffer::new().format(s.ccode).as_bytes());
            out.push(b',');
            out.extend_from_slice(itoa::Buffer::new().format(s.year).as_bytes());
        },
        progress,
    ))
}
