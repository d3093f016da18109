//! `casus data fetch` from a folder and `casus data check` on a folder filled by hand.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("casus-datacli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn fetch_from_a_laid_out_folder_then_check_it() {
    let dir = scratch("fetch");
    let o = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "data",
            "fetch",
            "--dir",
            dir.to_str().unwrap(),
            "--from",
            casus_data::real_data_dir().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("cow_mid/MIDA_5.0.csv: copied and verified"), "{out}");
    assert!(out.contains("16 file(s) in"), "{out}");
    let o = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["data", "check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("ok      atop/atop5_1m.csv                      ATOP 5.1 (2510 rows, version 5.1, 1815-2018)"),
        "{out}"
    );
    assert!(out.contains("absent  cshapes/cow_mindist.csv"), "{out}");
    assert!(out.contains("16 of 25 files present; 0 problem(s)."), "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_names_missing_and_altered_files_with_a_fix() {
    let dir = scratch("check");
    std::fs::create_dir_all(dir.join("atop")).unwrap();
    std::fs::create_dir_all(dir.join("cow_states")).unwrap();
    let data = casus_data::real_data_dir();
    std::fs::copy(data.join("atop/atop5_1m.csv"), dir.join("atop/atop5_1m.csv")).unwrap();
    let states = std::fs::read_to_string(data.join("cow_states/states2016.csv"))
        .unwrap()
        .replace("Kyrgyzstan", "Kirghizia");
    std::fs::write(dir.join("cow_states/states2016.csv"), states).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["data", "check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("ok      atop/atop5_1m.csv"), "{out}");
    assert!(out.contains("MISSING atop/atop5_1a.csv"), "{out}");
    assert!(
        out.contains(&format!("missing: run `casus data fetch --dir {}`", dir.display())),
        "{out}"
    );
    assert!(out.contains("BAD     cow_states/states2016.csv"), "{out}");
    assert!(out.contains("does not match the pinned 76733bac"), "{out}");
    assert!(out.contains("--force`"), "{out}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("need attention"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn commands_that_need_the_full_data_say_how_to_get_it() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_casus"))
            .args(args)
            .env_remove("CASUS_DATA")
            .output()
            .unwrap()
    };
    let o = run(&["--builtin", "atop", "check"]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("`casus atop check` needs the full datasets") && e.contains("casus data fetch"),
        "{e}"
    );
    assert!(o.stdout.is_empty());
    let o = run(&["data", "check", "/nonexistent/casus-data"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/casus-data is not a directory"));
}
