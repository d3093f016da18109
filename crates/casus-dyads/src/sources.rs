use std::collections::HashMap;
use std::path::Path;

use casus_data::conflict::{self, Capabilities, Capital, ContiguityCounts, DisputeYear};
use casus_data::cow::{self, StateSpell};
use casus_data::{DataError, files};
use casus_engine::derive;
use casus_model::{Ccode, Date};

use crate::Column;

/// The datasets a frame needs, indexed for lookups by state and year.
#[derive(Debug)]
pub struct Sources {
    /// `system2016.csv`: (ccode, year).
    pub system: Vec<(Ccode, i16)>,
    pub spells: Vec<StateSpell>,
    /// The last day of the state list.
    pub spells_end: Date,
    /// A's five ATOP obligation flags toward B, by (A, B, year), 1815-2018.
    pub atop: Option<HashMap<(Ccode, Ccode, i16), [bool; 5]>>,
    /// Number of ATOP alliances a state shares with some partner, by (ccode, year).
    pub atop_alliances: Option<HashMap<(Ccode, i16), u32>>,
    pub nmc: Option<HashMap<(Ccode, i16), Capabilities>>,
    /// Major-power years, by (ccode, year).
    pub majors: Option<HashMap<(Ccode, i16), ()>>,
    /// Closest contiguity type of a dyad-year (both directions stored), 1816-2016.
    pub contiguity: Option<HashMap<(Ccode, Ccode, i16), u8>>,
    pub contiguity_counts: Option<HashMap<(Ccode, i16), ContiguityCounts>>,
    /// CShapes minimum distance in km, by (lower code, higher code, year).
    pub mindist: Option<HashMap<(Ccode, Ccode, i16), f64>>,
    /// Capital coordinates (latitude, longitude) by (ccode, year): the capital at the end of the year.
    pub capitals: Option<HashMap<(Ccode, i16), (f64, f64)>>,
    /// The one dispute kept per directed dyad-year (see `pick_dispute`).
    pub disputes: Option<HashMap<(Ccode, Ccode, i16), DisputeYear>>,
    /// Years the dispute data covers.
    pub disputes_years: (i16, i16),
}

impl Sources {
    /// Loads what `columns` need from a data directory, each file in parallel.
    pub fn load(dir: &Path, columns: &[Column], prd: bool) -> Result<Sources, DataError> {
        let need = |c: Column| columns.contains(&c);
        let need_contiguity = need(Column::Contiguity) || need(Column::Prd) || prd;
        let need_majors = need(Column::Majors) || need(Column::Prd) || need(Column::Eu) || prd;
        let need_disputes = need(Column::Mids) || need(Column::PeaceYears);
        let need_atop = need(Column::Atop) || need(Column::Similarity) || need(Column::Eu);
        let need_nmc = need(Column::Nmc) || need(Column::Similarity) || need(Column::Eu);
        let need_capitals = need(Column::Capdist) || need(Column::Eu);
        let p = |f: &str| dir.join(f);
        type R<T> = Result<Option<T>, DataError>;
        let (base, rest) = rayon::join(
            || -> Result<_, DataError> {
                let system = cow::read_system_years(&p(files::COW_SYSTEM))?;
                let list = cow::read_states(&p(files::COW_STATES))?;
                let atop = if need_atop {
                    let commitments = casus_data::atop::read_members(&p(files::ATOP_MEMBERS))?;
                    let derived = derive::directed_dyad_years(&commitments, casus_model::ATOP_LAST_DAY.year);
                    let mut ids: HashMap<(Ccode, i16), Vec<u32>> = HashMap::new();
                    for (&(a, _, y), v) in &derived {
                        ids.entry((a, y)).or_default().extend(v.sources.iter().map(|s| s.0));
                    }
                    let counts = ids
                        .into_iter()
                        .map(|(k, mut v)| {
                            v.sort_unstable();
                            v.dedup();
                            (k, v.len() as u32)
                        })
                        .collect();
                    Some((derived.into_iter().map(|(k, v)| (k, v.flags)).collect(), counts))
                } else {
                    None
                };
                Ok((system, list, atop))
            },
            || {
                let (mindist, others) = rayon::join(
                    || -> R<HashMap<(Ccode, Ccode, i16), f64>> {
                        if !need(Column::Mindist) {
                            return Ok(None);
                        }
                        let rows = conflict::read_mindist(&p(files::MINDIST))?;
                        Ok(Some(
                            rows.into_iter()
                                .map(|r| ((r.ccode1.min(r.ccode2), r.ccode1.max(r.ccode2), r.year), r.km))
                                .collect(),
                        ))
                    },
                    || -> Result<_, DataError> {
                        let nmc = if need_nmc {
                            Some(
                                conflict::read_nmc(&p(files::NMC))?
                                    .into_iter()
                                    .map(|r| ((r.ccode, r.year), r))
                                    .collect(),
                            )
                        } else {
                            None
                        };
                        let majors = if need_majors {
                            Some(conflict::read_majors(&p(files::COW_MAJORS))?)
                        } else {
                            None
                        };
                        let contiguity = if need_contiguity {
                            let mut m: HashMap<(Ccode, Ccode, i16), u8> = HashMap::new();
                            for r in conflict::read_contiguity(&p(files::CONTIGUITY))? {
                                // Where the type changed within a year, keep the closest.
                                for key in [(r.state1, r.state2, r.year), (r.state2, r.state1, r.year)] {
                                    let e = m.entry(key).or_insert(r.conttype);
                                    *e = (*e).min(r.conttype);
                                }
                            }
                            Some(m)
                        } else {
                            None
                        };
                        let counts = if need(Column::Contiguity) {
                            Some(
                                conflict::read_contiguity_counts(&p(files::CONTIGUITY_COUNTS))?
                                    .into_iter()
                                    .map(|r| ((r.ccode, r.year), r))
                                    .collect(),
                            )
                        } else {
                            None
                        };
                        let capitals = if need_capitals {
                            Some(conflict::read_capitals(&p(files::CAPITALS))?)
                        } else {
                            None
                        };
                        let disputes = if need_disputes {
                            Some(conflict::read_gml(&p(files::GML))?)
                        } else {
                            None
                        };
                        Ok((nmc, majors, contiguity, counts, capitals, disputes))
                    },
                );
                Ok::<_, DataError>((mindist?, others?))
            },
        );
        let (system, list, atop) = base?;
        let (mindist, (nmc, majors, contiguity, counts, capitals, disputes)) = rest?;
        let spells_end = list
            .spells
            .iter()
            .map(|s| s.end)
            .max()
            .unwrap_or(Date::last_of_year(2016));
        let mut out = Sources {
            system,
            spells: list.spells,
            spells_end,
            atop_alliances: atop.as_ref().map(|a: &(_, HashMap<(Ccode, i16), u32>)| a.1.clone()),
            atop: atop.map(|a| a.0),
            nmc,
            majors: None,
            contiguity,
            contiguity_counts: counts,
            mindist,
            capitals: capitals.map(|c| capitals_by_year(&c)),
            disputes: None,
            disputes_years: (1816, 2010),
        };
        if let Some(spells) = majors {
            let end = spells.iter().map(|s| s.end).max().unwrap_or(Date::last_of_year(2016));
            let mut m = HashMap::new();
            for s in spells {
                // A spell still open at the data's end runs on, like system membership.
                let last = if s.end == end { 2100 } else { s.end.year };
                for y in s.start.year..=last {
                    m.insert((s.ccode, y), ());
                }
            }
            out.majors = Some(m);
        }
        if let Some(rows) = disputes {
            out.disputes_years = (
                rows.iter().map(|r| r.year).min().unwrap_or(1816),
                rows.iter().map(|r| r.year).max().unwrap_or(2010),
            );
            let mut m: HashMap<(Ccode, Ccode, i16), DisputeYear> = HashMap::new();
            for r in rows {
                let key = (r.ccode1, r.ccode2, r.year);
                match m.get(&key) {
                    Some(kept) if !preferred(&r, kept) => {}
                    _ => {
                        m.insert(key, r);
                    }
                }
            }
            out.disputes = Some(m);
        }
        Ok(out)
    }

    pub fn is_major(&self, c: Ccode, year: i16) -> Option<bool> {
        self.majors.as_ref().map(|m| m.contains_key(&(c, year)))
    }
}

/// The capital of each state in each year: the last one in force that year
/// (so a move takes effect in the year it happens).
fn capitals_by_year(capitals: &[Capital]) -> HashMap<(Ccode, i16), (f64, f64)> {
    let mut m: HashMap<(Ccode, i16), (Date, (f64, f64))> = HashMap::new();
    for k in capitals {
        for y in k.start.year..=k.end.year {
            let e = m.entry((k.ccode, y)).or_insert((k.start, (k.lat, k.lng)));
            if k.start >= e.0 {
                *e = (k.start, (k.lat, k.lng));
            }
        }
    }
    m.into_iter().map(|(key, (_, ll))| (key, ll)).collect()
}

/// Among several disputes of one dyad-year, GML's and peacesciencer's order:
/// an onset before an ongoing dispute, then the higher fatality (missing
/// counts as 0.5), the higher hostility, the longer minimum duration, the
/// earlier start month, the lower dispute number.
fn preferred(new: &DisputeYear, kept: &DisputeYear) -> bool {
    let fat = |d: &DisputeYear| if d.fatality < 0 { 1 } else { i32::from(d.fatality) * 2 };
    let key = |d: &DisputeYear| {
        (
            d.onset,
            fat(d),
            d.hostlev,
            d.mindur,
            -i32::from(d.stmon),
            -(d.dispnum as i64),
        )
    };
    key(new) > key(kept)
}
