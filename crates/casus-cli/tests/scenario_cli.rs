//! The `casus scenario` command end to end: formats, files and errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn casus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .env("CASUS_DATA", casus_data::real_data_dir())
        .output()
        .expect("casus runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("casus-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

const KG: [&str; 7] = [
    "scenario",
    "--attacker",
    "TJK",
    "--target",
    "KGZ",
    "--date",
    "2021-04-29",
];

#[test]
fn json_lists_collisions_violations_and_states() {
    let o = casus(&[&KG[..], &["--format", "json"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["schema"], "casus.scenario/1");
    let col: Vec<u64> = j["collisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["ccode"].as_u64().unwrap())
        .collect();
    for c in [365, 705, 370, 371, 704] {
        assert!(col.contains(&c), "{c}");
    }
    assert!(
        j["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["ccode"] == 702 && v["atopid"] == 4220 && v["kind"] == "non-aggression" && v["toward"] == 703)
    );
    let states = j["states"].as_array().unwrap();
    assert_eq!(states[0]["ccode"], 702, "belligerents come first");
    assert_eq!(states[1]["ccode"], 703);
    let ru = states.iter().find(|s| s["ccode"] == 365).unwrap();
    let ob = ru["obligations"].as_array().unwrap();
    assert!(
        ob.iter()
            .any(|o| o["atopid"] == 4255 && o["kind"] == "defense" && o["toward"] == 703 && o["status"] == "triggered")
    );
    assert!(ob.iter().all(|o| o["reason"].as_str().is_some_and(|r| !r.is_empty())));
}

#[test]
fn csv_has_one_row_per_obligation_and_markdown_is_a_brief() {
    let o = casus(&[&KG[..], &["--format", "csv"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap().get(9), Some("atopid"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let json = casus(&[&KG[..], &["--format", "json"]].concat());
    let j: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let n: usize = j["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["obligations"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), n);
    let md = casus(&[&KG[..], &["--format", "markdown"]].concat());
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Tajikistan (702) attacks Kyrgyzstan (703) on 2021-04-29"));
    assert!(md.contains("## Collisions") && md.contains("| Russia (365) | defense-vs-defense |"));
}

#[test]
fn a_scenario_file_gives_the_same_answer_as_flags() {
    let dir = scratch("file");
    let f = dir.join("kg.toml");
    std::fs::write(
        &f,
        "attackers = [\"Tajikistan\"]\ntargets = [\"kyrgyzstan\"]\ndate = \"2021-04-29\"\n",
    )
    .unwrap();
    let from_file = casus(&["scenario", "--file", f.to_str().unwrap(), "--format", "json"]);
    let from_flags = casus(&[&KG[..], &["--format", "json"]].concat());
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    assert_eq!(from_file.stdout, from_flags.stdout);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn out_writes_the_file_whole_and_errors_leave_none() {
    let dir = scratch("out");
    let out = dir.join("r.json");
    let o = casus(&[&KG[..], &["--format", "json", "--out", out.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&out).unwrap()).is_ok());
    let bad = dir.join("bad.json");
    let o = casus(&[
        "scenario",
        "--attacker",
        "Narnia",
        "--target",
        "KGZ",
        "--date",
        "2021-04-29",
        "--out",
        bad.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(!bad.exists());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "only r.json: {leftovers:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_unknown_state_lists_the_closest_names() {
    let o = casus(&[
        "scenario",
        "--attacker",
        "Tajikstan",
        "--target",
        "KGZ",
        "--date",
        "2021-04-29",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("--attacker Tajikstan: no state is called `Tajikstan`; did you mean Tajikistan (TAJ, 702)"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn an_ambiguous_name_says_which_states_it_could_mean() {
    let o = casus(&[
        "scenario",
        "--attacker",
        "AUS",
        "--target",
        "KGZ",
        "--date",
        "2021-04-29",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("Austria (305, by COW abbreviation)") && e.contains("Australia (900, by ISO3 code)"),
        "{e}"
    );
}

#[test]
fn a_date_before_the_data_is_refused() {
    let o = casus(&[
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "1700-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("1700-01-01 is before the data begins (1815-01-01)"),
        "{}",
        stderr(&o)
    );
    let o = casus(&[
        "scenario",
        "--attacker",
        "TJK",
        "--target",
        "KGZ",
        "--date",
        "2021-02-30",
    ]);
    assert!(
        stderr(&o).contains("--date: `2021-02-30` is not a real calendar day"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_state_on_both_sides_is_refused() {
    let o = casus(&[
        "scenario",
        "--attacker",
        "TJK",
        "--attacker",
        "RUS",
        "--target",
        "KGZ",
        "--target",
        "russia",
        "--date",
        "2021-04-29",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("state 365 is on both sides"), "{}", stderr(&o));
}

#[test]
fn a_malformed_scenario_file_is_placed_by_line_and_column() {
    let dir = scratch("toml");
    let cases: [(&str, &str); 4] = [
        ("attackers = [\"TJK\"\ntargets = [\"KGZ\"]\n", ":2:1"),
        (
            "attackers = [\"TJK\"]\ntargets = [\"KGZ\"]\ndate = \"29.04.2021\"\n",
            ":3:8: `29.04.2021` is not a date",
        ),
        (
            "attackers = [\"TJK\"]\ntargets = [\"Kyrgystan\"]\ndate = \"2021-04-29\"\n",
            ":2:12: no state is called `Kyrgystan`",
        ),
        (
            "attackers = [\"TJK\"]\ntargets = [\"KGZ\"]\ndate = \"2021-04-29\"\nlocation = \"abroad\"\n",
            ":4:12: location `abroad` is not `home` or `elsewhere`",
        ),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let f = dir.join(format!("s{i}.toml"));
        std::fs::write(&f, text).unwrap();
        let o = casus(&["scenario", "--file", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "case {i}");
        let e = stderr(&o);
        assert!(e.contains(&format!("s{i}.toml{want}")), "case {i}: {e}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_data_directory_is_named() {
    let o = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "--data",
            "/nonexistent/casus",
            "scenario",
            "--attacker",
            "TJK",
            "--target",
            "KGZ",
            "--date",
            "2021-04-29",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("data directory /nonexistent/casus: does not exist"),
        "{}",
        stderr(&o)
    );
    assert!(Path::new(env!("CARGO_BIN_EXE_casus")).exists());
}
