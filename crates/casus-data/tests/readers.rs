//! The readers on the real files (known counts and rows) and on broken copies
//! (errors that name file, line and column).

use std::path::{Path, PathBuf};

use casus_data::{DataError, atop, cow, files, real_data_dir};
use casus_model::{Date, ObligationKind, PartialDate};

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("casus-readers-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Copies a real file with one edit applied to its text.
fn broken_copy(rel: &str, dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(real_data_dir().join(rel)).unwrap();
    let out = dir.join(Path::new(rel).file_name().unwrap());
    std::fs::write(&out, edit(text)).unwrap();
    out
}

#[test]
fn atop_member_file_has_its_documented_rows() {
    let rows = atop::read_members(&real_data_dir().join(files::ATOP_MEMBERS)).unwrap();
    assert_eq!(rows.len(), 2510);
    let ids: std::collections::BTreeSet<u32> = rows.iter().map(|r| r.atopid).collect();
    assert_eq!(ids.len(), 789);
    // CSTO phase 2, Tajikistan: from 2002-10-07, still in force, defense + non-aggression + consultation.
    let tjk = rows
        .iter()
        .find(|r| r.atopid == 4220 && r.member == 702 && r.phase == 2)
        .unwrap();
    assert_eq!(tjk.entry, PartialDate::exact(Date::parse("2002-10-07").unwrap()));
    assert_eq!(tjk.exit, None);
    assert!(
        tjk.has(ObligationKind::Defense)
            && tjk.has(ObligationKind::NonAggression)
            && tjk.has(ObligationKind::Consultation)
    );
    assert!(!tjk.has(ObligationKind::Offense) && !tjk.has(ObligationKind::Neutrality));
    // Uzbekistan's second CSTO spell ends 2012-06-28.
    let uzb = rows
        .iter()
        .find(|r| r.atopid == 4220 && r.member == 704 && r.phase == 2)
        .unwrap();
    assert_eq!(uzb.exit, Some(PartialDate::exact(Date::parse("2012-06-28").unwrap())));
}

#[test]
fn unknown_days_follow_the_widest_span_policy_on_a_real_row() {
    // ATOP 1035 (1815): the exit is coded 1822-12 with the day blank.
    let rows = atop::read_members(&real_data_dir().join(files::ATOP_MEMBERS)).unwrap();
    let r = rows.iter().find(|r| r.atopid == 1035 && r.member == 200).unwrap();
    assert_eq!(
        r.exit,
        Some(PartialDate {
            year: 1822,
            month: Some(12),
            day: None
        })
    );
    assert!(r.in_force_on(Date::parse("1822-12-31").unwrap()));
    assert!(!r.in_force_on(Date::parse("1823-01-01").unwrap()));
    assert!(r.uncertain_on(Date::parse("1822-12-15").unwrap()));
    assert_eq!(r.years(), 1815..=1822);
}

#[test]
fn alliance_and_phase_files_carry_phase_specific_provisions() {
    let base = casus_data::load_treaty_base(&real_data_dir()).unwrap();
    assert_eq!(base.treaties.len(), 789);
    let csto = base.treaty(4220).unwrap();
    // Mediation entered the CSTO only with the 2002 Charter (phase 2).
    assert_eq!(csto.provisions_in(1).medarb, Some(false));
    assert_eq!(csto.provisions_in(2).medarb, Some(true));
    assert_eq!(base.states.resolve("KGZ"), Ok(703));
    assert_eq!(base.states.resolve("kyrgyzstan"), Ok(703));
    assert_eq!(base.states.resolve("TAJ"), Ok(702));
    assert!(
        base.states.resolve("AUS").is_err(),
        "AUS is COW Austria and ISO3 Australia"
    );
}

#[test]
fn cow_state_list_has_217_states_in_243_spells() {
    let list = cow::read_states(&real_data_dir().join(files::COW_STATES)).unwrap();
    assert_eq!(list.states.len(), 217);
    assert_eq!(list.spells.len(), 243);
    let kgz: Vec<_> = list.spells_of(703).collect();
    assert_eq!(kgz.len(), 1);
    assert_eq!(kgz[0].start, Date::parse("1991-12-26").unwrap());
}

#[test]
fn official_directed_dyad_years_have_273296_rows() {
    let rows = atop::read_directed_dyad_years(&real_data_dir().join(files::ATOP_DDYR)).unwrap();
    assert_eq!(rows.len(), 273_296);
}

#[test]
fn a_missing_column_names_the_file_and_the_column() {
    let dir = scratch("missing");
    let p = broken_copy(files::ATOP_MEMBERS, &dir, |t| t.replacen("defcoadv", "defcoadx", 1));
    let e = atop::read_members(&p).unwrap_err();
    assert!(
        matches!(&e, DataError::MissingColumn { column, .. } if column == "defcoadv"),
        "{e}"
    );
    assert!(e.to_string().contains("atop5_1m.csv: no column `defcoadv`"), "{e}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_garbled_value_names_file_line_and_column() {
    let dir = scratch("garbled");
    // Line 3 is the second data row; its `defense` column (31st) becomes `yes`.
    let p = broken_copy(files::ATOP_MEMBERS, &dir, |t| {
        let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
        let mut cells: Vec<&str> = lines[2].split(',').collect();
        cells[30] = "yes";
        lines[2] = cells.join(",");
        lines.join("\n") + "\n"
    });
    let e = atop::read_members(&p).unwrap_err().to_string();
    assert!(
        e.contains("atop5_1m.csv:3:31: column `defense` holds `yes`, expected 0 or 1"),
        "{e}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_exit_before_entry_and_a_short_row_are_refused() {
    let dir = scratch("exit");
    let p = broken_copy(files::ATOP_MEMBERS, &dir, |t| {
        t.replacen(
            "\n4220,,350,365,1,1992,5,15,2002,10,7,",
            "\n4220,,350,365,1,1992,5,15,1990,10,7,",
            1,
        )
    });
    let e = atop::read_members(&p).unwrap_err().to_string();
    assert!(e.contains("exit 1990-10-07 is before entry 1992-05-15"), "{e}");
    let p = broken_copy(files::COW_STATES, &dir, |t| {
        t.replacen(
            "USA,2,United States of America,1816,1,1,2016,12,31,2016",
            "USA,2,United States of America,1816",
            1,
        )
    });
    let e = cow::read_states(&p).unwrap_err().to_string();
    assert!(
        e.contains("states2016.csv:2: expected 10 fields like the header, found 4"),
        "{e}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
