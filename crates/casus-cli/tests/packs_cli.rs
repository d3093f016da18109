//! Packs from the command line: the built-in pack with no data directory,
//! overlay packs, and their errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs casus where no data directory can be found: no flag, no CASUS_DATA,
/// and a working directory with no ../shared/data.
fn casus_without_data(args: &[&str]) -> Output {
    let cwd = std::env::temp_dir()
        .join(format!("casus-nodata-{}", std::process::id()))
        .join("a/b");
    std::fs::create_dir_all(&cwd).unwrap();
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .current_dir(&cwd)
        .env_remove("CASUS_DATA")
        .output()
        .unwrap()
}

fn casus_with_data(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .current_dir(workspace())
        .env("CASUS_DATA", casus_data::real_data_dir())
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The obligations of state `ccode` under treaty `atopid` in a scenario's JSON.
fn obligations_under(j: &serde_json::Value, ccode: u64, atopid: u64) -> Vec<&serde_json::Value> {
    j["states"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["ccode"] == ccode)
        .flat_map(|s| s["obligations"].as_array().unwrap())
        .filter(|o| o["atopid"] == atopid)
        .collect()
}

fn collisions(j: &serde_json::Value) -> std::collections::BTreeSet<u64> {
    j["collisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ccode"].as_u64().unwrap())
        .collect()
}

#[test]
fn the_builtin_pack_answers_the_kyrgyz_case_like_atop() {
    let args = [
        "scenario",
        "--attacker",
        "Tajikistan",
        "--target",
        "Kyrgyzstan",
        "--date",
        "2021-04-29",
        "--format",
        "json",
    ];
    let o = casus_without_data(&args);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line says the built-in pack is used: {stderr}"
    );
    assert!(stderr.contains("using the built-in pack"), "{stderr}");
    let builtin = json(&o);
    assert!(
        builtin["data"]["source"]
            .as_str()
            .unwrap()
            .starts_with("casus built-in pack")
    );
    let atop = json(&casus_with_data(&args));
    assert_eq!(collisions(&builtin), collisions(&atop));
    assert_eq!(collisions(&builtin), [365, 370, 371, 373, 704, 705].into());
    let treaty = builtin["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["atopid"] == 4220)
        .unwrap()["treaty"]
        .clone();
    assert_eq!(treaty, "ATOP 4220 (Collective Security Treaty (Tashkent, 1992) / CSTO)");
}

#[test]
fn armenia_is_suspended_in_the_csto_in_2024_unless_atop_only() {
    let args = [
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2024-06-01",
        "--format",
        "json",
    ];
    let j = json(&casus_without_data(&args));
    let arm = obligations_under(&j, 371, 4220);
    assert_eq!(arm.len(), 6);
    for o in &arm {
        assert_eq!(o["status"], "suspended");
        assert!(o["reason"].as_str().unwrap().contains("frozen from 2024-02-23"), "{o}");
    }
    // Frozen in the CSTO, Armenia still collides through the CIS commitments (4400).
    let arm_col: Vec<_> = j["collisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ccode"] == 371)
        .collect();
    assert!(
        arm_col
            .iter()
            .all(|c| !c["atopids"].as_array().unwrap().contains(&4220.into()))
    );
    let j = json(&casus_with_data(&[&args[..], &["--atop-only"]].concat()));
    let statuses: Vec<_> = obligations_under(&j, 371, 4220)
        .into_iter()
        .map(|o| o["status"].clone())
        .collect();
    assert!(!statuses.is_empty() && statuses.iter().all(|s| s != "suspended"));
}

#[test]
fn the_kazakhstan_example_pack_takes_it_out_of_the_csto() {
    let args = [
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2025-06-01",
        "--format",
        "json",
    ];
    let before = json(&casus_with_data(&args));
    let after = json(&casus_with_data(
        &[&args[..], &["--pack", "examples/kazakhstan-leaves-csto.toml"]].concat(),
    ));
    let kaz_csto = |j: &serde_json::Value| obligations_under(j, 705, 4220).len();
    assert_eq!(kaz_csto(&before), 6);
    assert_eq!(kaz_csto(&after), 0);
    let kaz_ids = |j: &serde_json::Value| -> Vec<serde_json::Value> {
        j["collisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["ccode"] == 705 && c["type"] == "defense-vs-defense")
            .unwrap()["atopids"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(kaz_ids(&before), vec![4220, 4400, 4867, 5040]);
    // Still bound to both sides through the CIS and its Kyrgyz treaties.
    assert_eq!(kaz_ids(&after), vec![4400, 4867, 5040]);
    assert_eq!(
        after["data"]["packs"],
        serde_json::json!(["since-2018.toml", "kazakhstan-leaves-csto.toml"])
    );
    // Before the exit date nothing changes.
    let early = [
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2024-12-31",
        "--format",
        "json",
    ];
    let a = json(&casus_with_data(&early));
    let b = json(&casus_with_data(
        &[&early[..], &["--pack", "examples/kazakhstan-leaves-csto.toml"]].concat(),
    ));
    let summary = |j: &serde_json::Value| -> Vec<String> {
        j["states"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| {
                s["obligations"].as_array().unwrap().iter().map(move |o| {
                    format!(
                        "{} {} {} {} {}",
                        s["ccode"], o["atopid"], o["kind"], o["toward"], o["status"]
                    )
                })
            })
            .collect()
    };
    assert!(
        summary(&a) == summary(&b),
        "the pack changes nothing before its exit date"
    );
}

#[test]
fn a_mediation_treaty_pack_makes_the_attack_no_longer_silent() {
    let args = [
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2023-06-01",
        "--format",
        "json",
        "--pack",
        "examples/kyrgyz-tajik-mediation.toml",
    ];
    let j = json(&casus_with_data(&args));
    let x = j["intra_alliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["atopid"] == 9001)
        .unwrap();
    assert_eq!(
        (x["mediation"].clone(), x["silent"].clone()),
        (true.into(), false.into())
    );
    assert!(
        j["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["atopid"] == 9001 && v["kind"] == "non-aggression")
    );
}

#[test]
fn a_broken_pack_is_an_error_with_line_and_column() {
    let dir = std::env::temp_dir().join(format!("casus-packs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("bad.toml");
    std::fs::write(
        &p,
        "[[exit]]\natopid = 4220\nmember = 705\ndate = \"1990-01-01\"\nsource = \"x\"\n",
    )
    .unwrap();
    let o = casus_without_data(&[
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2021-04-29",
        "--pack",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("bad.toml:4:8: exit 1990-01-01 is not after the entry"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_builtin_pack_refuses_dates_before_it_begins() {
    let o = casus_without_data(&[
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "1990-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("1990-01-01 is before the data begins (1991-12-26)"), "{e}");
}
