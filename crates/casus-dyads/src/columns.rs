//! The column groups of the research frames, and the documentation of each
//! column that goes into the data dictionary.

use std::collections::{HashMap, HashSet};

use casus_model::Ccode;

use crate::frame::{Dyad, StateYear};
use crate::write::{field_bool, field_empty, field_f64, field_i64, field_u64};
use crate::{FrameError, Sources};

/// A column group requested with `--with`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Atop,
    Nmc,
    Majors,
    Contiguity,
    Mindist,
    Capdist,
    Mids,
    PeaceYears,
    Prd,
    Similarity,
    Eu,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Atop,
        Column::Nmc,
        Column::Majors,
        Column::Contiguity,
        Column::Mindist,
        Column::Capdist,
        Column::Mids,
        Column::PeaceYears,
        Column::Prd,
        Column::Similarity,
        Column::Eu,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Atop => "atop",
            Column::Nmc => "nmc",
            Column::Majors => "majors",
            Column::Contiguity => "contiguity",
            Column::Mindist => "mindist",
            Column::Capdist => "capdist",
            Column::Mids => "mids",
            Column::PeaceYears => "peace-years",
            Column::Prd => "prd",
            Column::Similarity => "similarity",
            Column::Eu => "eu",
        }
    }

    /// Parses a `--with` list such as `atop,nmc,peace-years`.
    pub fn parse_list(text: &str) -> Result<Vec<Column>, FrameError> {
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let c = Column::ALL.into_iter().find(|c| c.name() == part).ok_or_else(|| {
                let names: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
                FrameError::Spec(format!(
                    "--with: `{part}` is not a column group; choose from {}",
                    names.join(", ")
                ))
            })?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        Ok(out)
    }
}

/// One column's entry in the data dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnDoc {
    pub name: String,
    pub meaning: String,
    pub source: &'static str,
}

fn doc(name: impl Into<String>, meaning: impl Into<String>, source: &'static str) -> ColumnDoc {
    ColumnDoc {
        name: name.into(),
        meaning: meaning.into(),
        source,
    }
}

/// A group of columns: their documentation, and how to write them for row `i`.
pub trait ColumnGroup<R>: Sync {
    fn docs(&self) -> Vec<ColumnDoc>;
    /// Appends this group's fields, each preceded by a comma.
    fn write(&self, i: usize, row: &R, out: &mut Vec<u8>);
}

const ATOP_SRC: &str = "ATOP 5.1 member-level file (atop5_1m.csv), derived by casus; docs/atop-check.md";
const NMC_SRC: &str = "COW National Material Capabilities 7.0 (NMC-70-abridged.csv)";
const MAJ_SRC: &str = "COW State System v2016 major powers (majors2016.csv)";
const CONT_SRC: &str = "COW Direct Contiguity 3.2 (contdird.csv, contdirs.csv)";
const MINDIST_SRC: &str = "CShapes 2.0 minimum distances (cow_mindist.csv)";
const CAP_SRC: &str = "Capitals with coordinates (cow_capitals.csv); great-circle distance computed by casus";
const GML_SRC: &str = "Gibler-Miller-Little MID 2.2.1 directed dispute-years (gml-ddy-disputes-2.2.1.csv)";

const KINDS: [(&str, &str); 5] = [
    ("defense", "defense (active military support if attacked)"),
    (
        "offense",
        "offense (active support in a conflict not started by an attack)",
    ),
    ("neutral", "neutrality"),
    ("nonagg", "non-aggression"),
    ("consul", "consultation"),
];

fn missing(cond: bool, out: &mut Vec<u8>, n: usize) -> bool {
    if cond {
        for _ in 0..n {
            field_empty(out);
        }
    }
    cond
}

struct AtopDyad<'a>(&'a HashMap<(Ccode, Ccode, i16), [bool; 5]>);

impl ColumnGroup<Dyad> for AtopDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        let mut v = Vec::new();
        for side in ["1", "2"] {
            let (from, to) = if side == "1" {
                ("ccode1", "ccode2")
            } else {
                ("ccode2", "ccode1")
            };
            for (k, what) in KINDS {
                v.push(doc(
                    format!("atop_{k}{side}"),
                    format!("1 if {from} owes {to} {what} under some alliance in force in the year; empty after 2018"),
                    ATOP_SRC,
                ));
            }
        }
        v
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        if missing(!(1815..=2018).contains(&d.year), out, 10) {
            return;
        }
        for key in [(d.a, d.b, d.year), (d.b, d.a, d.year)] {
            let f = self.0.get(&key).copied().unwrap_or_default();
            for x in f {
                field_bool(out, x);
            }
        }
    }
}

struct NmcDyad<'a>(&'a HashMap<(Ccode, i16), casus_data::conflict::Capabilities>);

const NMC_COLS: [(&str, &str); 7] = [
    ("milex", "military expenditure (thousands; NMC currency conventions)"),
    ("milper", "military personnel (thousands)"),
    ("irst", "iron and steel production (thousands of tons)"),
    ("pec", "primary energy consumption (thousands of coal-ton equivalents)"),
    ("tpop", "total population (thousands)"),
    ("upop", "urban population (thousands)"),
    (
        "cinc",
        "Composite Index of National Capability (share of the system total)",
    ),
];

fn nmc_docs(suffixes: &[(&str, &str)]) -> Vec<ColumnDoc> {
    let mut v = Vec::new();
    for (suffix, who) in suffixes {
        for (c, what) in NMC_COLS {
            v.push(doc(
                format!("{c}{suffix}"),
                format!("{who}: {what}; empty where NMC codes -9 or has no row"),
                NMC_SRC,
            ));
        }
    }
    v
}

fn write_nmc(map: &HashMap<(Ccode, i16), casus_data::conflict::Capabilities>, c: Ccode, y: i16, out: &mut Vec<u8>) {
    match map.get(&(c, y)) {
        None => {
            for _ in 0..7 {
                field_empty(out);
            }
        }
        Some(r) => {
            for v in [r.milex, r.milper, r.irst, r.pec, r.tpop, r.upop] {
                match v {
                    Some(x) => field_i64(out, x),
                    None => field_empty(out),
                }
            }
            match r.cinc {
                Some(x) => field_f64(out, x),
                None => field_empty(out),
            }
        }
    }
}

impl ColumnGroup<Dyad> for NmcDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        nmc_docs(&[("1", "ccode1"), ("2", "ccode2")])
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        write_nmc(self.0, d.a, d.year, out);
        write_nmc(self.0, d.b, d.year, out);
    }
}

struct MajorsGroup<'a>(&'a Sources);

impl ColumnGroup<Dyad> for MajorsGroup<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        ["1", "2"]
            .iter()
            .map(|s| doc(format!("cowmaj{s}"), format!("1 if ccode{s} is a COW major power in any part of the year (spells open at the data's end run on)"), MAJ_SRC))
            .collect()
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        field_bool(out, self.0.is_major(d.a, d.year).unwrap_or(false));
        field_bool(out, self.0.is_major(d.b, d.year).unwrap_or(false));
    }
}

impl ColumnGroup<StateYear> for MajorsGroup<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![doc(
            "cowmaj",
            "1 if the state is a COW major power in any part of the year",
            MAJ_SRC,
        )]
    }

    fn write(&self, _: usize, s: &StateYear, out: &mut Vec<u8>) {
        field_bool(out, self.0.is_major(s.ccode, s.year).unwrap_or(false));
    }
}

fn conttype(sources: &Sources, d: &Dyad) -> Option<u8> {
    (d.year <= 2016).then(|| {
        sources
            .contiguity
            .as_ref()
            .and_then(|m| m.get(&(d.a, d.b, d.year)).copied())
            .unwrap_or(0)
    })
}

struct ContiguityDyad<'a>(&'a Sources);

impl ColumnGroup<Dyad> for ContiguityDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![doc(
            "conttype",
            "COW direct contiguity: 0 none, 1 land or river border, 2-5 separated by at most 12, 24, 150, 400 miles of water; the closest type where it changed within the year; empty after 2016",
            CONT_SRC,
        )]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        match conttype(self.0, d) {
            Some(c) => field_u64(out, u64::from(c)),
            None => field_empty(out),
        }
    }
}

struct MindistDyad<'a>(&'a HashMap<(Ccode, Ccode, i16), f64>);

impl ColumnGroup<Dyad> for MindistDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![doc(
            "mindist",
            "minimum distance between the two states' territories on 1 January, km; empty outside 1886-2019",
            MINDIST_SRC,
        )]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        match self.0.get(&(d.a.min(d.b), d.a.max(d.b), d.year)) {
            Some(&km) => field_f64(out, km),
            None => field_empty(out),
        }
    }
}

/// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
pub fn great_circle_km((lat1, lng1): (f64, f64), (lat2, lng2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lng2 - lng1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

struct CapdistDyad<'a>(&'a HashMap<(Ccode, i16), (f64, f64)>);

impl ColumnGroup<Dyad> for CapdistDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![doc(
            "capdist",
            "great-circle distance between the capitals (each state's capital at the end of the year), km, rounded to 0.1",
            CAP_SRC,
        )]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        match (self.0.get(&(d.a, d.year)), self.0.get(&(d.b, d.year))) {
            (Some(&x), Some(&y)) => field_f64(out, (great_circle_km(x, y) * 10.0).round() / 10.0),
            _ => field_empty(out),
        }
    }
}

struct MidsDyad<'a>(&'a Sources);

const MID_FIELDS: usize = 11;

impl ColumnGroup<Dyad> for MidsDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![
            doc(
                "gmlmidonset",
                "1 if a militarized dispute between the two began in the year; empty outside 1816-2010",
                GML_SRC,
            ),
            doc(
                "gmlmidongoing",
                "1 if a dispute between the two was ongoing in the year",
                GML_SRC,
            ),
            doc(
                "gmldispnum",
                "the dispute kept for the dyad-year: an onset first, then the higher fatality, hostility, minimum duration, the earlier start",
                GML_SRC,
            ),
            doc(
                "gmlhostlev",
                "that dispute's highest hostility level (1 none, 2 threat, 3 display, 4 use of force, 5 war)",
                GML_SRC,
            ),
            doc(
                "gmlhostlev1",
                "ccode1's highest hostility level in that dispute",
                GML_SRC,
            ),
            doc(
                "gmlhostlev2",
                "ccode2's highest hostility level in that dispute",
                GML_SRC,
            ),
            doc("gmlorig1", "1 if ccode1 was an originator of that dispute", GML_SRC),
            doc("gmlorig2", "1 if ccode2 was an originator of that dispute", GML_SRC),
            doc(
                "gmlsidea1",
                "1 if ccode1 was on side A (the side taking the first militarized action)",
                GML_SRC,
            ),
            doc("gmlsidea2", "1 if ccode2 was on side A", GML_SRC),
            doc(
                "gmlfatality",
                "that dispute's fatality level (0 none ... 6 more than 999; -9 unknown)",
                GML_SRC,
            ),
        ]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        let (y0, y1) = self.0.disputes_years;
        if missing(d.year < y0 || d.year > y1, out, MID_FIELDS) {
            return;
        }
        match self.0.disputes.as_ref().and_then(|m| m.get(&(d.a, d.b, d.year))) {
            None => {
                field_bool(out, false);
                field_bool(out, false);
                for _ in 2..MID_FIELDS {
                    field_empty(out);
                }
            }
            Some(m) => {
                field_bool(out, m.onset);
                field_bool(out, true);
                field_u64(out, u64::from(m.dispnum));
                for v in [m.hostlev, m.hostlev1, m.hostlev2] {
                    field_i64(out, i64::from(v));
                }
                for v in [m.orig1, m.orig2, m.sidea1, m.sidea2] {
                    field_bool(out, v);
                }
                field_i64(out, i64::from(m.fatality));
            }
        }
    }
}

/// Peace years: for each row, the number of consecutive earlier rows of the
/// same unit without an ongoing event. A year with an ongoing event keeps the
/// count that led to it; the next year starts again at 0. The first year a
/// unit appears in the frame starts at 0 (left-censored).
pub fn peace_spells<T>(
    rows: &[T],
    unit: impl Fn(&T) -> (Ccode, Ccode),
    event: impl Fn(&T) -> Option<bool>,
) -> Vec<Option<u32>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut current = None;
    let mut count = 0u32;
    let mut failed = false;
    for r in rows {
        let u = unit(r);
        if current != Some(u) {
            current = Some(u);
            count = 0;
            failed = false;
        }
        match event(r) {
            None => out.push(None),
            Some(e) => {
                if failed {
                    count = 0;
                }
                out.push(Some(count));
                failed = e;
                count += 1;
            }
        }
    }
    out
}

struct PeaceYears(Vec<Option<u32>>);

impl PeaceYears {
    fn for_dyads(rows: &[Dyad], sources: &Sources) -> PeaceYears {
        let (y0, y1) = sources.disputes_years;
        let disputes = sources.disputes.as_ref();
        PeaceYears(peace_spells(
            rows,
            |d| (d.a, d.b),
            |d| {
                (y0..=y1)
                    .contains(&d.year)
                    .then(|| disputes.is_some_and(|m| m.contains_key(&(d.a, d.b, d.year))))
            },
        ))
    }

    fn for_states(rows: &[StateYear], sources: &Sources) -> PeaceYears {
        let (y0, y1) = sources.disputes_years;
        let involved: HashSet<(Ccode, i16)> = sources
            .disputes
            .iter()
            .flat_map(|m| m.keys().map(|&(a, _, y)| (a, y)))
            .collect();
        PeaceYears(peace_spells(
            rows,
            |s| (s.ccode, 0),
            |s| {
                (y0..=y1)
                    .contains(&s.year)
                    .then(|| involved.contains(&(s.ccode, s.year)))
            },
        ))
    }

    fn doc(unit: &str) -> ColumnDoc {
        doc(
            "gmlmidspell",
            format!(
                "peace years: consecutive earlier years of the {unit} in this frame with no ongoing GML dispute (0 in a unit's first year and the year after a dispute); empty outside 1816-2010; see docs/frames.md"
            ),
            GML_SRC,
        )
    }
}

impl ColumnGroup<Dyad> for PeaceYears {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![PeaceYears::doc("dyad")]
    }

    fn write(&self, i: usize, _: &Dyad, out: &mut Vec<u8>) {
        match self.0[i] {
            Some(n) => field_u64(out, u64::from(n)),
            None => field_empty(out),
        }
    }
}

impl ColumnGroup<StateYear> for PeaceYears {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![PeaceYears::doc("state")]
    }

    fn write(&self, i: usize, _: &StateYear, out: &mut Vec<u8>) {
        match self.0[i] {
            Some(n) => field_u64(out, u64::from(n)),
            None => field_empty(out),
        }
    }
}

/// Politically relevant: contiguous (any type) or either state a major power.
pub fn politically_relevant(sources: &Sources, d: &Dyad) -> Option<bool> {
    let cont = conttype(sources, d)?;
    let major = sources.is_major(d.a, d.year)? || sources.is_major(d.b, d.year)?;
    Some(cont >= 1 || major)
}

struct PrdDyad<'a>(&'a Sources);

impl ColumnGroup<Dyad> for PrdDyad<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![doc(
            "prd",
            "politically relevant dyad: 1 if contiguous (any type, conttype >= 1) or either state a COW major power; empty after 2016",
            "COW Direct Contiguity 3.2 and major powers",
        )]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        match politically_relevant(self.0, d) {
            Some(p) => field_bool(out, p),
            None => field_empty(out),
        }
    }
}

/// The dyad-year column groups for `columns`, in the order given.
pub fn dyad_groups<'a>(columns: &[Column], rows: &[Dyad], s: &'a Sources) -> Vec<Box<dyn ColumnGroup<Dyad> + 'a>> {
    let mut out: Vec<Box<dyn ColumnGroup<Dyad> + 'a>> = Vec::new();
    for c in columns {
        match c {
            Column::Atop => out.push(Box::new(AtopDyad(s.atop.as_ref().expect("loaded for atop")))),
            Column::Nmc => out.push(Box::new(NmcDyad(s.nmc.as_ref().expect("loaded for nmc")))),
            Column::Majors => out.push(Box::new(MajorsGroup(s))),
            Column::Contiguity => out.push(Box::new(ContiguityDyad(s))),
            Column::Mindist => out.push(Box::new(MindistDyad(s.mindist.as_ref().expect("loaded for mindist")))),
            Column::Capdist => out.push(Box::new(CapdistDyad(s.capitals.as_ref().expect("loaded for capdist")))),
            Column::Mids => out.push(Box::new(MidsDyad(s))),
            Column::PeaceYears => out.push(Box::new(PeaceYears::for_dyads(rows, s))),
            Column::Prd => out.push(Box::new(PrdDyad(s))),
            Column::Similarity => out.push(Box::new(SimilarityDyad::new(rows, s))),
            Column::Eu => out.push(Box::new(EuDyad::new(rows, s))),
        }
    }
    out
}

/// An alliance tie's level for the similarity measures: the highest obligation
/// between two states in either direction (3 defense or offense, 2 neutrality or
/// non-aggression, 1 consultation, 0 none).
pub fn tie_level(atop: &HashMap<(Ccode, Ccode, i16), [bool; 5]>, a: Ccode, b: Ccode, year: i16) -> u8 {
    let level = |f: &[bool; 5]| {
        if f[0] || f[1] {
            3
        } else if f[2] || f[3] {
            2
        } else if f[4] {
            1
        } else {
            0
        }
    };
    let one = atop.get(&(a, b, year)).map_or(0, level);
    let other = atop.get(&(b, a, year)).map_or(0, level);
    one.max(other)
}

/// Each year's portfolios for the frame's years up to ATOP's last (2018).
fn portfolios_by_year(rows: &[Dyad], s: &Sources) -> Vec<(i16, crate::similarity::YearPortfolios)> {
    let atop = s.atop.as_ref().expect("ATOP loaded");
    let nmc = s.nmc.as_ref().expect("NMC loaded");
    let (first, last) = rows
        .iter()
        .fold((i16::MAX, i16::MIN), |(lo, hi), d| (lo.min(d.year), hi.max(d.year)));
    crate::frame::members_by_year(s, first, last.min(casus_model::ATOP_LAST_DAY.year))
        .into_iter()
        .map(|(y, members)| {
            let p = crate::similarity::YearPortfolios::new(
                members,
                |a, b| tie_level(atop, a, b, y),
                |c| nmc.get(&(c, y)).and_then(|r| r.cinc),
            );
            (y, p)
        })
        .collect()
}

struct SimilarityDyad(crate::similarity::Similarity);

impl SimilarityDyad {
    fn new(rows: &[Dyad], s: &Sources) -> SimilarityDyad {
        SimilarityDyad(crate::similarity::Similarity::compute(portfolios_by_year(rows, s)))
    }
}

struct EuDyad(crate::eu::WarTrap);

impl EuDyad {
    fn new(rows: &[Dyad], s: &Sources) -> EuDyad {
        let nmc = s.nmc.as_ref().expect("NMC loaded");
        let capitals = s.capitals.as_ref().expect("capitals loaded");
        let years = portfolios_by_year(rows, s)
            .into_iter()
            .map(|(y, portfolios)| {
                let m = &portfolios.members;
                let inputs = crate::eu::YearInputs {
                    cinc: m.iter().map(|&c| nmc.get(&(c, y)).and_then(|r| r.cinc)).collect(),
                    capital: m.iter().map(|&c| capitals.get(&(c, y)).copied()).collect(),
                    major: m.iter().map(|&c| s.is_major(c, y).unwrap_or(false)).collect(),
                    portfolios,
                };
                (y, inputs)
            })
            .collect();
        EuDyad(crate::eu::WarTrap::compute(years))
    }
}

impl ColumnGroup<Dyad> for EuDyad {
    fn docs(&self) -> Vec<ColumnDoc> {
        const SRC: &str =
            "ATOP 5.1 (derived by casus), NMC 7.0 cinc, capitals; War Trap expected utility as in docs/frames.md";
        vec![
            doc(
                "eu_tau12",
                "War Trap expected utility of ccode1 challenging ccode2, utilities from global tau-b; empty after 2018 or where a capability or capital is missing",
                SRC,
            ),
            doc("eu_tau21", "the same for ccode2 challenging ccode1", SRC),
            doc(
                "eu_s12",
                "War Trap expected utility of ccode1 challenging ccode2, utilities from S (valued, unweighted, global)",
                SRC,
            ),
            doc("eu_s21", "the same for ccode2 challenging ccode1", SRC),
        ]
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        let one = self.0.get(d.a, d.b, d.year);
        let other = self.0.get(d.b, d.a, d.year);
        for v in [
            one.map(|v| v[0]),
            other.map(|v| v[0]),
            one.map(|v| v[1]),
            other.map(|v| v[1]),
        ] {
            match v.filter(|x| !x.is_nan()) {
                Some(x) => field_f64(out, (f64::from(x) * 1e4).round() / 1e4),
                None => field_empty(out),
            }
        }
    }
}

impl ColumnGroup<Dyad> for SimilarityDyad {
    fn docs(&self) -> Vec<ColumnDoc> {
        const SRC: &str = "ATOP 5.1 (derived by casus) and NMC 7.0 cinc weights; formulas in docs/similarity.md";
        crate::similarity::NAMES
            .iter()
            .map(|n| {
                let mut parts = Vec::new();
                let kind = if n.starts_with("s_") {
                    "Signorino-Ritter S"
                } else if n.starts_with("kappa") {
                    "Cohen's kappa (Hage 2011, squared distances)"
                } else if n.starts_with("pi") {
                    "Scott's pi (Hage 2011, squared distances)"
                } else {
                    "Kendall's tau-b (Bueno de Mesquita 1975) on the 4x4 table of tie levels"
                };
                parts.push(kind.to_string());
                if n.contains("_val") {
                    parts.push(
                        "valued ties (3 defense/offense, 2 neutrality/non-aggression, 1 consultation, 0 none)".into(),
                    );
                }
                if n.contains("_bin") {
                    parts.push("binary ties (any obligation)".into());
                }
                if n.starts_with("s_") {
                    parts.push(if n.contains("_sq") {
                        "squared (Euclidean) distance".into()
                    } else {
                        "absolute distance".into()
                    });
                    parts.push(if n.contains("_wt") {
                        "weighted by capability share (cinc)".into()
                    } else {
                        "unweighted".into()
                    });
                }
                parts.push(if n.ends_with("_reg") {
                    "regional: third states in either state's COW region".into()
                } else {
                    "global: all system members".into()
                });
                doc(
                    *n,
                    format!("{}; empty after 2018 or where undefined", parts.join("; ")),
                    SRC,
                )
            })
            .collect()
    }

    fn write(&self, _: usize, d: &Dyad, out: &mut Vec<u8>) {
        match self.0.get(d.a, d.b, d.year) {
            None => {
                for _ in 0..crate::similarity::NAMES.len() {
                    field_empty(out);
                }
            }
            Some(m) => {
                for &v in m {
                    if v.is_nan() {
                        field_empty(out);
                    } else {
                        // Four decimals: the measures are computed in f32.
                        field_f64(out, (f64::from(v) * 1e4).round() / 1e4);
                    }
                }
            }
        }
    }
}

struct AtopState(HashMap<(Ccode, i16), ([bool; 5], u32)>);

impl AtopState {
    fn new(s: &Sources) -> AtopState {
        let mut m: HashMap<(Ccode, i16), ([bool; 5], u32)> = HashMap::new();
        for (&(a, _, y), flags) in s.atop.as_ref().expect("loaded for atop") {
            let e = m.entry((a, y)).or_default();
            for (x, f) in e.0.iter_mut().zip(flags) {
                *x |= *f;
            }
        }
        for (&(a, y), n) in s.atop_alliances.as_ref().expect("loaded for atop") {
            m.entry((a, y)).or_default().1 = *n;
        }
        AtopState(m)
    }
}

impl ColumnGroup<StateYear> for AtopState {
    fn docs(&self) -> Vec<ColumnDoc> {
        let mut v: Vec<ColumnDoc> = KINDS
            .iter()
            .map(|(k, what)| {
                doc(
                    format!("atop_{k}"),
                    format!("1 if the state owes {what} to some ally in the year; empty after 2018"),
                    ATOP_SRC,
                )
            })
            .collect();
        v.push(doc(
            "atop_number",
            "number of ATOP alliances the state shares with at least one other member in the year",
            ATOP_SRC,
        ));
        v
    }

    fn write(&self, _: usize, s: &StateYear, out: &mut Vec<u8>) {
        if missing(!(1815..=2018).contains(&s.year), out, 6) {
            return;
        }
        let (flags, n) = self.0.get(&(s.ccode, s.year)).copied().unwrap_or_default();
        for f in flags {
            field_bool(out, f);
        }
        field_u64(out, u64::from(n));
    }
}

struct NmcState<'a>(&'a HashMap<(Ccode, i16), casus_data::conflict::Capabilities>);

impl ColumnGroup<StateYear> for NmcState<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        nmc_docs(&[("", "the state")])
    }

    fn write(&self, _: usize, s: &StateYear, out: &mut Vec<u8>) {
        write_nmc(self.0, s.ccode, s.year, out);
    }
}

struct ContiguityState<'a>(&'a HashMap<(Ccode, i16), casus_data::conflict::ContiguityCounts>);

impl ColumnGroup<StateYear> for ContiguityState<'_> {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![
            doc(
                "cont_land",
                "number of states contiguous by land or river; empty after 2016",
                CONT_SRC,
            ),
            doc(
                "cont_sea",
                "number of states contiguous by up to 400 miles of water",
                CONT_SRC,
            ),
            doc("cont_total", "number of contiguous states of any type", CONT_SRC),
        ]
    }

    fn write(&self, _: usize, s: &StateYear, out: &mut Vec<u8>) {
        if missing(s.year > 2016, out, 3) {
            return;
        }
        let r = self.0.get(&(s.ccode, s.year));
        for v in [r.map(|r| r.land), r.map(|r| r.sea), r.map(|r| r.total)] {
            field_u64(out, u64::from(v.unwrap_or(0)));
        }
    }
}

struct MidsState {
    years: (i16, i16),
    by_state: HashMap<(Ccode, i16), (bool, bool, u32)>,
}

impl ColumnGroup<StateYear> for MidsState {
    fn docs(&self) -> Vec<ColumnDoc> {
        vec![
            doc(
                "gmlmidonset",
                "1 if a dispute involving the state began in the year; empty outside 1816-2010",
                GML_SRC,
            ),
            doc(
                "gmlmidongoing",
                "1 if a dispute involving the state was ongoing in the year",
                GML_SRC,
            ),
            doc(
                "gmlmidonset_init",
                "1 if a dispute began in the year in which the state was an originator on side A",
                GML_SRC,
            ),
        ]
    }

    fn write(&self, _: usize, s: &StateYear, out: &mut Vec<u8>) {
        if missing(s.year < self.years.0 || s.year > self.years.1, out, 3) {
            return;
        }
        let (onset, ongoing, init) = self.by_state.get(&(s.ccode, s.year)).copied().unwrap_or_default();
        field_bool(out, onset);
        field_bool(out, ongoing);
        field_bool(out, init > 0);
    }
}

/// The state-year column groups for `columns`.
pub fn state_groups<'a>(
    columns: &[Column],
    rows: &[StateYear],
    s: &'a Sources,
) -> Result<Vec<Box<dyn ColumnGroup<StateYear> + 'a>>, FrameError> {
    let mut out: Vec<Box<dyn ColumnGroup<StateYear> + 'a>> = Vec::new();
    for c in columns {
        match c {
            Column::Atop => out.push(Box::new(AtopState::new(s))),
            Column::Nmc => out.push(Box::new(NmcState(s.nmc.as_ref().expect("loaded for nmc")))),
            Column::Majors => out.push(Box::new(MajorsGroup(s))),
            Column::Contiguity => out.push(Box::new(ContiguityState(s.contiguity_counts.as_ref().expect("loaded")))),
            Column::Mids => {
                let mut by_state: HashMap<(Ccode, i16), (bool, bool, u32)> = HashMap::new();
                for d in s.disputes.iter().flat_map(|m| m.values()) {
                    let e = by_state.entry((d.ccode1, d.year)).or_default();
                    e.0 |= d.onset;
                    e.1 = true;
                    e.2 += u32::from(d.onset && d.orig1 && d.sidea1);
                }
                out.push(Box::new(MidsState {
                    years: s.disputes_years,
                    by_state,
                }));
            }
            Column::PeaceYears => out.push(Box::new(PeaceYears::for_states(rows, s))),
            Column::Mindist | Column::Capdist | Column::Prd | Column::Similarity | Column::Eu => {
                return Err(FrameError::Spec(format!(
                    "--with {}: a dyad-year column; state-year frames take atop, nmc, majors, contiguity, mids, peace-years",
                    c.name()
                )));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peace_spells_count_years_since_the_last_ongoing_dispute() {
        // One dyad, disputes in years 3 and 4 (indices 2, 3), data missing at index 7.
        let ev = [false, false, true, true, false, false, false];
        let rows: Vec<usize> = (0..8).collect();
        let got = peace_spells(&rows, |_| (1, 2), |&i| ev.get(i).copied());
        assert_eq!(
            got,
            vec![Some(0), Some(1), Some(2), Some(0), Some(0), Some(1), Some(2), None]
        );
        // A new unit starts again at 0.
        let got = peace_spells(&[1, 1, 2, 2], |&u| (u, 0), |_| Some(false));
        assert_eq!(got, vec![Some(0), Some(1), Some(0), Some(1)]);
    }

    #[test]
    fn great_circle_distances_match_known_values() {
        // Washington to Ottawa is about 734 km; London to Paris about 344 km.
        let d = great_circle_km((38.8950368, -77.0365427), (45.4208777, -75.6901106));
        assert!((d - 733.5).abs() < 2.0, "{d}");
        let d = great_circle_km((51.5074, -0.1278), (48.8566, 2.3522));
        assert!((d - 343.6).abs() < 1.0, "{d}");
        assert_eq!(great_circle_km((10.0, 20.0), (10.0, 20.0)), 0.0);
    }

    #[test]
    fn column_lists_parse_and_reject_unknown_names() {
        assert_eq!(
            Column::parse_list("atop, nmc,peace-years,atop").unwrap(),
            vec![Column::Atop, Column::Nmc, Column::PeaceYears]
        );
        let e = Column::parse_list("atop,gdp").unwrap_err().to_string();
        assert!(e.contains("`gdp` is not a column group; choose from atop, nmc"), "{e}");
    }
}
