//! Readers for the Correlates of War state system files and the country-code
//! crosswalk that supplies ISO3 codes and common English names.

use std::collections::BTreeMap;
use std::path::Path;

use casus_model::{Ccode, Date, State};

use crate::DataError;
use crate::table::Table;

/// One spell of system membership from `states2016.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateSpell {
    pub ccode: Ccode,
    pub start: Date,
    pub end: Date,
}

/// The COW state list: each state's names and its membership spells.
#[derive(Debug, Clone, Default)]
pub struct StateList {
    pub states: BTreeMap<Ccode, State>,
    pub spells: Vec<StateSpell>,
}

impl StateList {
    pub fn spells_of(&self, c: Ccode) -> impl Iterator<Item = &StateSpell> {
        self.spells.iter().filter(move |s| s.ccode == c)
    }
}

/// `states2016.csv`: state names, abbreviations and membership spells.
pub fn read_states(path: &Path) -> Result<StateList, DataError> {
    let mut t = Table::open(path)?;
    let [abb, ccode, name] = t.cols(["stateabb", "ccode", "statenme"])?;
    let [sy, sm, sd, ey, em, ed] = t.cols(["styear", "stmonth", "stday", "endyear", "endmonth", "endday"])?;
    let mut list = StateList::default();
    t.for_each_row(|row| {
        let c: Ccode = row.num(ccode, "a COW state code")?;
        let start = Date::new(row.num(sy, "a year")?, row.num(sm, "a month")?, row.num(sd, "a day")?)
            .ok_or_else(|| row.invalid(sd, "start is not a calendar day".into()))?;
        let end = Date::new(row.num(ey, "a year")?, row.num(em, "a month")?, row.num(ed, "a day")?)
            .ok_or_else(|| row.invalid(ed, "end is not a calendar day".into()))?;
        if end < start {
            return Err(row.invalid(ey, format!("spell ends ({end}) before it starts ({start})")));
        }
        list.spells.push(StateSpell { ccode: c, start, end });
        let state = State {
            ccode: c,
            abb: row.str(abb)?.trim().to_string(),
            name: row.str(name)?.trim().to_string(),
            iso3: None,
        };
        list.states.entry(c).or_insert(state);
        Ok(())
    })?;
    Ok(list)
}

/// One crosswalk row: a COW code with its ISO3 code and English name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrosswalkEntry {
    pub ccode: Ccode,
    pub iso3: Option<String>,
    pub name_en: String,
}

/// `countrycode_codelist.csv`: rows that carry a COW code.
pub fn read_crosswalk(path: &Path) -> Result<Vec<CrosswalkEntry>, DataError> {
    let mut t = Table::open(path)?;
    let [cown, iso3c, name] = t.cols(["cown", "iso3c", "country.name.en"])?;
    let mut out = Vec::new();
    t.for_each_row(|row| {
        if let Some(c) = row.opt_num::<Ccode>(cown, "a COW state code or blank")? {
            let iso = row.str(iso3c)?.trim();
            out.push(CrosswalkEntry {
                ccode: c,
                iso3: (!iso.is_empty()).then(|| iso.to_string()),
                name_en: row.str(name)?.trim().to_string(),
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// `system2016.csv`: the state-years of system membership.
pub fn read_system_years(path: &Path) -> Result<Vec<(Ccode, i16)>, DataError> {
    let mut t = Table::open(path)?;
    let [ccode, year] = t.cols(["ccode", "year"])?;
    let mut out = Vec::with_capacity(16_000);
    t.for_each_row(|row| {
        out.push((row.num(ccode, "a COW state code")?, row.num(year, "a year")?));
        Ok(())
    })?;
    Ok(out)
}
