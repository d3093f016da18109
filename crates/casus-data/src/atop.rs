//! Readers for ATOP 5.1: the member-level file (obligations and their
//! conditions), the alliance-level file (provisions), and ATOP's official
//! directed dyad-year coding (for the consistency check).

use std::collections::BTreeMap;
use std::path::Path;

use casus_model::{
    Ccode, Commitment, Condition, Conditions, ObligationKind, PartialDate, Provisions, SourceNote, Treaty,
};

use crate::DataError;
use crate::table::{Col, Row, Table};

/// The member-level file: one [`Commitment`] per member per alliance phase.
pub fn read_members(path: &Path) -> Result<Vec<Commitment>, DataError> {
    let mut t = Table::open(path)?;
    let [atopid, member, phase] = t.cols(["atopid", "member", "phase"])?;
    let [yrent, moent, dayent, yrexit, moexit, dayexit] =
        t.cols(["yrent", "moent", "dayent", "yrexit", "moexit", "dayexit"])?;
    let flags = ObligationKind::ALL.map(|k| k.atop_column());
    let flag_cols = t.cols(flags)?;
    // Condition columns per obligation kind, in `Condition::ALL` order where ATOP has one.
    let mut cond_cols: Vec<Vec<(Condition, Col)>> = Vec::new();
    for kind in ObligationKind::ALL {
        let mut v = Vec::new();
        for c in Condition::ALL {
            if let Some(name) = c.atop_column(kind) {
                v.push((c, t.col(name)?));
            }
        }
        cond_cols.push(v);
    }
    let file = file_name(path);
    let mut out = Vec::with_capacity(2600);
    t.for_each_row(|row| {
        let entry =
            partial_date(row, yrent, moent, dayent)?.ok_or_else(|| row.bad(yrent, "a year from 1815 to 2018"))?;
        let exit = partial_date(row, yrexit, moexit, dayexit)?;
        if let Some(x) = exit
            && x.latest() < entry.earliest()
        {
            return Err(row.invalid(yrexit, format!("exit {x} is before entry {entry}")));
        }
        let mut obligations = [false; 5];
        let mut conditions = [Conditions::NONE; 5];
        for (i, kind) in ObligationKind::ALL.into_iter().enumerate() {
            obligations[i] = row.flag(flag_cols[i])?;
            for &(c, col) in &cond_cols[kind.index()] {
                // Blank conditions are read as absent; ATOP leaves them blank only
                // where the obligation itself is absent.
                if row.opt_flag(col)?.unwrap_or(false) {
                    conditions[i].insert(c);
                }
            }
        }
        out.push(Commitment {
            atopid: row.num(atopid, "an ATOP alliance id")?,
            phase: row.num(phase, "a phase number 0-9")?,
            member: row.num(member, "a COW state code")?,
            entry,
            exit,
            obligations,
            conditions,
            freeze: None,
            source: SourceNote(format!("{file} line {}", row.line())),
        });
        Ok(())
    })?;
    Ok(out)
}

/// Reads ATOP's (year, month, day) triple. Month and day 0 or blank mean
/// unknown. A year of 0 means "no date" (still in force for exits).
fn partial_date(row: &Row<'_>, y: Col, m: Col, d: Col) -> Result<Option<PartialDate>, DataError> {
    let year: i16 = row.num(y, "a year (0 when still in force)")?;
    let month: u8 = row.opt_num(m, "a month 0-12")?.unwrap_or(0);
    let day: u8 = row.opt_num(d, "a day 0-31")?.unwrap_or(0);
    if year == 0 {
        if month != 0 || day != 0 {
            return Err(row.invalid(m, "month or day set although the year is 0".into()));
        }
        return Ok(None);
    }
    if !(1800..=2100).contains(&year) {
        return Err(row.bad(y, "a year from 1800 to 2100"));
    }
    if month > 12 {
        return Err(row.bad(m, "a month 0-12"));
    }
    if day > 31 {
        return Err(row.bad(d, "a day 0-31"));
    }
    let month = (month != 0).then_some(month);
    let day = (day != 0 && month.is_some()).then_some(day);
    if let (Some(mo), Some(da)) = (month, day)
        && casus_model::Date::new(year, mo, da).is_none()
    {
        return Err(row.invalid(d, format!("{year}-{mo:02}-{da:02} is not a calendar day")));
    }
    Ok(Some(PartialDate { year, month, day }))
}

/// One row of the alliance-level file.
#[derive(Debug, Clone)]
pub struct AllianceRecord {
    pub atopid: u32,
    pub begin: PartialDate,
    pub end: Option<PartialDate>,
    pub treaty: Treaty,
}

/// The columns of the alliance-level provisions casus uses.
struct ProvisionCols {
    specthrt: Col,
    threats: [Col; 2],
    medarb: Col,
    conwtin: Col,
    conres: Col,
    asymm: Col,
}

impl ProvisionCols {
    fn new(t: &Table) -> Result<ProvisionCols, DataError> {
        let [specthrt, statthr1, statthr2, medarb, conwtin, conres, asymm] = t.cols([
            "specthrt", "statthr1", "statthr2", "medarb", "conwtin", "conres", "asymm",
        ])?;
        Ok(ProvisionCols {
            specthrt,
            threats: [statthr1, statthr2],
            medarb,
            conwtin,
            conres,
            asymm,
        })
    }

    fn read(&self, row: &Row<'_>) -> Result<Provisions, DataError> {
        let mut threats = Vec::new();
        for c in self.threats {
            if let Some(code) = row.opt_num::<Ccode>(c, "a COW state code or 0")?
                && code != 0
            {
                threats.push(code);
            }
        }
        Ok(Provisions {
            specthrt: row.opt_num(self.specthrt, "a threat code 0-6")?,
            threats,
            medarb: row.opt_flag(self.medarb)?,
            conwtin: row.opt_num(self.conwtin, "a code 0-3")?,
            conres: row.opt_num(self.conres, "a code 0-2")?,
            asymm: row.opt_flag(self.asymm)?.unwrap_or(false),
        })
    }
}

/// The alliance-level file: dates and provisions by ATOP id.
pub fn read_alliances(path: &Path) -> Result<BTreeMap<u32, AllianceRecord>, DataError> {
    let mut t = Table::open(path)?;
    let [atopid, begyr, begmo, begday, endyr, endmo, endday] =
        t.cols(["atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday"])?;
    let prov = ProvisionCols::new(&t)?;
    let file = file_name(path);
    let mut out = BTreeMap::new();
    t.for_each_row(|row| {
        let id: u32 = row.num(atopid, "an ATOP alliance id")?;
        let begin = partial_date(row, begyr, begmo, begday)?.ok_or_else(|| row.bad(begyr, "a year"))?;
        let end = partial_date(row, endyr, endmo, endday)?;
        let treaty = Treaty {
            atopid: id,
            name: None,
            provisions: prov.read(row)?,
            phases: BTreeMap::new(),
            source: SourceNote(format!("{file} line {}", row.line())),
        };
        if out
            .insert(
                id,
                AllianceRecord {
                    atopid: id,
                    begin,
                    end,
                    treaty,
                },
            )
            .is_some()
        {
            return Err(row.invalid(atopid, format!("ATOP id {id} appears twice")));
        }
        Ok(())
    })?;
    Ok(out)
}

/// The alliance-phase file: provisions by (ATOP id, phase), which can change between phases.
pub fn read_alliance_phases(path: &Path) -> Result<Vec<(u32, u8, Provisions)>, DataError> {
    let mut t = Table::open(path)?;
    let [atopid, phase] = t.cols(["atopid", "phase"])?;
    let prov = ProvisionCols::new(&t)?;
    let mut out = Vec::with_capacity(900);
    t.for_each_row(|row| {
        out.push((
            row.num(atopid, "an ATOP alliance id")?,
            row.num(phase, "a phase number")?,
            prov.read(row)?,
        ));
        Ok(())
    })?;
    Ok(out)
}

/// One row of ATOP's directed dyad-year file: A's obligations toward B in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectedDyadYear {
    pub state_a: Ccode,
    pub state_b: Ccode,
    pub year: i16,
    pub flags: [bool; 5],
}

/// ATOP's official directed dyad-year coding (`atop5_1ddyr_core.csv`).
pub fn read_directed_dyad_years(path: &Path) -> Result<Vec<DirectedDyadYear>, DataError> {
    let mut t = Table::open(path)?;
    let [a, b, year] = t.cols(["stateA", "stateB", "year"])?;
    let flag_cols = t.cols(ObligationKind::ALL.map(|k| k.atop_column()))?;
    let mut out = Vec::with_capacity(280_000);
    t.for_each_row(|row| {
        let mut flags = [false; 5];
        for (f, c) in flags.iter_mut().zip(flag_cols) {
            *f = row.flag(c)?;
        }
        out.push(DirectedDyadYear {
            state_a: row.num(a, "a COW state code")?,
            state_b: row.num(b, "a COW state code")?,
            year: row.num(year, "a year")?,
            flags,
        });
        Ok(())
    })?;
    Ok(out)
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
