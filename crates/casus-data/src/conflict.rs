//! Readers for the other datasets of the research frames: NMC capabilities,
//! major powers, direct contiguity, CShapes distances and capitals, and the
//! GML directed dispute-years.

use std::path::Path;

use casus_model::{Ccode, Date};

use crate::DataError;
use crate::table::Table;

/// One state-year of NMC 7.0. Components are `None` where NMC codes -9.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capabilities {
    pub ccode: Ccode,
    pub year: i16,
    pub milex: Option<i64>,
    pub milper: Option<i64>,
    pub irst: Option<i64>,
    pub pec: Option<i64>,
    pub tpop: Option<i64>,
    pub upop: Option<i64>,
    pub cinc: Option<f64>,
}

fn nmc_value(v: Option<f64>) -> Option<f64> {
    v.filter(|x| *x != -9.0)
}

/// `NMC-70-abridged.csv`.
pub fn read_nmc(path: &Path) -> Result<Vec<Capabilities>, DataError> {
    let mut t = Table::open(path)?;
    let [ccode, year, milex, milper, irst, pec, tpop, upop, cinc] = t.cols([
        "ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc",
    ])?;
    let mut out = Vec::with_capacity(17_200);
    t.for_each_row(|row| {
        let int = |c| -> Result<Option<i64>, DataError> {
            Ok(nmc_value(row.opt_num::<f64>(c, "a number or -9")?).map(|v| v.round() as i64))
        };
        out.push(Capabilities {
            ccode: row.num(ccode, "a COW state code")?,
            year: row.num(year, "a year")?,
            milex: int(milex)?,
            milper: int(milper)?,
            irst: int(irst)?,
            pec: int(pec)?,
            tpop: int(tpop)?,
            upop: int(upop)?,
            cinc: nmc_value(row.opt_num(cinc, "a share between 0 and 1, or -9")?),
        });
        Ok(())
    })?;
    Ok(out)
}

/// A major-power spell (`majors2016.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MajorSpell {
    pub ccode: Ccode,
    pub start: Date,
    pub end: Date,
}

pub fn read_majors(path: &Path) -> Result<Vec<MajorSpell>, DataError> {
    let mut t = Table::open(path)?;
    let [ccode, sy, sm, sd, ey, em, ed] =
        t.cols(["ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"])?;
    let mut out = Vec::new();
    t.for_each_row(|row| {
        let date = |y, m, d| -> Result<Date, DataError> {
            Date::new(row.num(y, "a year")?, row.num(m, "a month")?, row.num(d, "a day")?)
                .ok_or_else(|| row.invalid(d, "not a calendar day".into()))
        };
        out.push(MajorSpell {
            ccode: row.num(ccode, "a COW state code")?,
            start: date(sy, sm, sd)?,
            end: date(ey, em, ed)?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// One directed dyad-year of COW direct contiguity (`contdird.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contiguity {
    pub state1: Ccode,
    pub state2: Ccode,
    pub year: i16,
    /// 1 land or river; 2-5 separated by at most 12, 24, 150, 400 miles of water.
    pub conttype: u8,
}

pub fn read_contiguity(path: &Path) -> Result<Vec<Contiguity>, DataError> {
    let mut t = Table::open(path)?;
    let [a, b, year, conttype] = t.cols(["state1no", "state2no", "year", "conttype"])?;
    let mut out = Vec::with_capacity(83_000);
    t.for_each_row(|row| {
        let c: u8 = row.num(conttype, "a contiguity type 1-5")?;
        if !(1..=5).contains(&c) {
            return Err(row.bad(conttype, "a contiguity type 1-5"));
        }
        out.push(Contiguity {
            state1: row.num(a, "a COW state code")?,
            state2: row.num(b, "a COW state code")?,
            year: row.num(year, "a year")?,
            conttype: c,
        });
        Ok(())
    })?;
    Ok(out)
}

/// One state-year of contiguity counts (`contdirs.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContiguityCounts {
    pub ccode: Ccode,
    pub year: i16,
    pub total: u16,
    pub land: u16,
    pub sea: u16,
}

pub fn read_contiguity_counts(path: &Path) -> Result<Vec<ContiguityCounts>, DataError> {
    let mut t = Table::open(path)?;
    let [ccode, year, total, land, sea] = t.cols(["stateno", "year", "total", "land", "sea"])?;
    let mut out = Vec::with_capacity(16_000);
    t.for_each_row(|row| {
        out.push(ContiguityCounts {
            ccode: row.num(ccode, "a COW state code")?,
            year: row.num(year, "a year")?,
            total: row.num(total, "a count")?,
            land: row.num(land, "a count")?,
            sea: row.num(sea, "a count")?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// CShapes minimum distance (km) for a non-directed dyad-year (`ccode1 < ccode2`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MinDistance {
    pub ccode1: Ccode,
    pub ccode2: Ccode,
    pub year: i16,
    pub km: f64,
}

pub fn read_mindist(path: &Path) -> Result<Vec<MinDistance>, DataError> {
    let mut t = Table::open(path)?;
    let [a, b, year, km] = t.cols(["ccode1", "ccode2", "year", "mindist"])?;
    let mut out = Vec::with_capacity(960_000);
    t.for_each_row(|row| {
        out.push(MinDistance {
            ccode1: row.num(a, "a COW state code")?,
            ccode2: row.num(b, "a COW state code")?,
            year: row.num(year, "a year")?,
            km: row.num(km, "a distance in km")?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// A capital and the dates it served (`cow_capitals.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Capital {
    pub ccode: Ccode,
    pub name: String,
    pub start: Date,
    pub end: Date,
    pub lat: f64,
    pub lng: f64,
}

pub fn read_capitals(path: &Path) -> Result<Vec<Capital>, DataError> {
    let mut t = Table::open(path)?;
    let [ccode, name, st, en, lat, lng] = t.cols(["ccode", "capital", "stdate", "enddate", "lat", "lng"])?;
    let mut out = Vec::new();
    t.for_each_row(|row| {
        let date = |c| Date::parse(row.str(c)?).map_err(|_| row.bad(c, "a date YYYY-MM-DD"));
        let lat_v: f64 = row.num(lat, "a latitude")?;
        let lng_v: f64 = row.num(lng, "a longitude")?;
        if !(-90.0..=90.0).contains(&lat_v) {
            return Err(row.bad(lat, "a latitude from -90 to 90"));
        }
        if !(-180.0..=180.0).contains(&lng_v) {
            return Err(row.bad(lng, "a longitude from -180 to 180"));
        }
        out.push(Capital {
            ccode: row.num(ccode, "a COW state code")?,
            name: row.str(name)?.to_string(),
            start: date(st)?,
            end: date(en)?,
            lat: lat_v,
            lng: lng_v,
        });
        Ok(())
    })?;
    Ok(out)
}

/// One directed dispute-year of the GML MID data, with the fields casus keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisputeYear {
    pub dispnum: u32,
    pub ccode1: Ccode,
    pub ccode2: Ccode,
    pub year: i16,
    pub onset: bool,
    pub sidea1: bool,
    pub sidea2: bool,
    pub orig1: bool,
    pub orig2: bool,
    pub hostlev1: i8,
    pub hostlev2: i8,
    /// Dispute-level highest hostility (1-5).
    pub hostlev: i8,
    /// Dispute-level fatality (0-6, -9 missing).
    pub fatality: i8,
    pub mindur: i32,
    pub stmon: i8,
}

pub fn read_gml(path: &Path) -> Result<Vec<DisputeYear>, DataError> {
    let mut t = Table::open(path)?;
    let [dispnum, a, b, year, onset, sidea1, sidea2, orig1, orig2] = t.cols([
        "dispnum", "ccode1", "ccode2", "year", "midonset", "sidea1", "sidea2", "orig1", "orig2",
    ])?;
    let [hostlev1, hostlev2, hostlev, fatality, mindur, stmon] =
        t.cols(["hostlev1", "hostlev2", "hostlev", "fatality", "mindur", "stmon"])?;
    let mut out = Vec::with_capacity(10_300);
    t.for_each_row(|row| {
        out.push(DisputeYear {
            dispnum: row.num(dispnum, "a dispute number")?,
            ccode1: row.num(a, "a COW state code")?,
            ccode2: row.num(b, "a COW state code")?,
            year: row.num(year, "a year")?,
            onset: row.flag(onset)?,
            sidea1: row.flag(sidea1)?,
            sidea2: row.flag(sidea2)?,
            orig1: row.flag(orig1)?,
            orig2: row.flag(orig2)?,
            hostlev1: row.num(hostlev1, "a hostility level 1-5")?,
            hostlev2: row.num(hostlev2, "a hostility level 1-5")?,
            hostlev: row.num(hostlev, "a hostility level 1-5")?,
            fatality: row.num(fatality, "a fatality level 0-6 or -9")?,
            mindur: row.num(mindur, "a duration in days")?,
            stmon: row.num(stmon, "a month 1-12 or -9")?,
        });
        Ok(())
    })?;
    Ok(out)
}
