//! `casus dyads` and `casus states` from the command line: output files and bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn casus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .env("CASUS_DATA", casus_data::real_data_dir())
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("casus-frames-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn dyads_write_the_frame_and_its_dictionary() {
    let dir = scratch("ok");
    let out = dir.join("d.csv");
    let o = casus(&[
        "dyads",
        "--years",
        "2000",
        "--nondirected",
        "--with",
        "atop,contiguity,majors",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // 191 members in 2000: 191 * 190 / 2 pairs.
    assert_eq!(lines.len() - 1, 191 * 190 / 2);
    assert!(lines[0].starts_with("ccode1,ccode2,year,atop_defense1"));
    let dict = std::fs::read_to_string(dir.join("d.dictionary.csv")).unwrap();
    assert!(dict.starts_with("column,meaning,source\nccode1,"));
    assert!(dict.contains("conttype,"));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("18145 rows, 16 columns"), "{e}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_frame_requests_are_refused_and_leave_no_file() {
    let dir = scratch("bad");
    let out = dir.join("x.csv");
    let o_str = out.to_str().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &["dyads", "--years", "1816-2010", "--with", "atop,gdp", "--out", o_str],
            "--with: `gdp` is not a column group; choose from atop",
        ),
        (
            &["dyads", "--years", "2010-1816", "--out", o_str],
            "--years 2010-1816: the first year is after the last",
        ),
        (
            &["dyads", "--years", "1700-1800", "--out", o_str],
            "the state system data covers 1816-2016",
        ),
        (
            &["dyads", "--years", "19x0", "--out", o_str],
            "--years 19x0: write a year (1990) or a range (1816-2010)",
        ),
        (
            &["dyads", "--years", "2000", "--filter", "near", "--out", o_str],
            "--filter near: the only filter is `prd`",
        ),
        (
            &[
                "dyads",
                "--years",
                "2000",
                "--out",
                &format!("{}/f.parquet", dir.display()),
            ],
            "Parquet output is not built in",
        ),
        (
            &["states", "--years", "2000", "--with", "capdist", "--out", o_str],
            "--with capdist: a dyad-year column",
        ),
    ];
    for (args, want) in cases {
        let o = casus(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains(want), "{args:?}: {e}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no file, partial or whole");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn states_frame_has_one_row_per_member() {
    let o = casus(&["states", "--years", "2000", "--with", "nmc,majors"]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count() - 1, 191);
    let us = text.lines().find(|l| l.starts_with("2,2000,")).unwrap();
    assert!(us.ends_with(",0.14289317,1"), "{us}");
}
