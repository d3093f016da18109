//! Speed of the research frames on the real data. Run with
//! `cargo bench -p casus-dyads` (needs CASUS_DATA or ../shared/data).
//!
//! Measures the whole job as `casus dyads` does it: load the sources, build
//! the 1816-2010 directed frame with atop, nmc, contiguity, mids, peace-years,
//! majors, mindist and capdist, format it and write it (with its dictionary)
//! to a file. Then all similarity measures, and the War Trap expected
//! utility, for every directed dyad-year 1816-2018. Reports medians and the
//! process's peak memory.

use std::time::{Duration, Instant};

use casus_data::real_data_dir;
use casus_dyads::{Column, FrameSpec, Sources};

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let dir = real_data_dir();
    let out = std::env::temp_dir().join(format!("casus-bench-{}.csv", std::process::id()));
    let columns = vec![
        Column::Atop,
        Column::Nmc,
        Column::Contiguity,
        Column::Mids,
        Column::PeaceYears,
        Column::Majors,
        Column::Mindist,
        Column::Capdist,
    ];
    let spec = FrameSpec {
        first_year: 1816,
        last_year: 2010,
        directed: true,
        coexisting_only: false,
        prd_only: false,
        columns: columns.clone(),
    };
    let mut times: Vec<Duration> = Vec::new();
    let mut rows = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let sources = Sources::load(&dir, &columns, false).unwrap();
        let rendered = casus_dyads::dyad_years(&sources, &spec, &|_, _| {});
        rendered.write_to(&out).unwrap();
        times.push(t.elapsed());
        rows = rendered.rows;
    }
    times.sort();
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "directed 1816-2010 frame, atop,nmc,contiguity,mids,peace-years,majors,mindist,capdist: {rows} rows, {:.0} MB CSV, median {:.2} s (min {:.2} s) over 5 runs on {} threads; peak memory {:.0} MiB",
        size as f64 / 1e6,
        times[2].as_secs_f64(),
        times[0].as_secs_f64(),
        rayon::current_num_threads(),
        peak_rss_mib().unwrap_or(f64::NAN)
    );
    for (label, column) in [
        ("all similarity measures", Column::Similarity),
        ("War Trap expected utility", Column::Eu),
    ] {
        let spec = FrameSpec {
            first_year: 1816,
            last_year: 2018,
            directed: true,
            coexisting_only: false,
            prd_only: false,
            columns: vec![column],
        };
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let sources = Sources::load(&dir, &spec.columns, false).unwrap();
            let rendered = casus_dyads::dyad_years(&sources, &spec, &|_, _| {});
            rendered.write_to(&out).unwrap();
            times.push(t.elapsed());
            rows = rendered.rows;
        }
        times.sort();
        println!(
            "{label}, every directed dyad-year 1816-2018: {rows} rows, median {:.2} s over 3 runs (load, compute, write); peak memory {:.0} MiB",
            times[1].as_secs_f64(),
            peak_rss_mib().unwrap_or(f64::NAN)
        );
    }
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(casus_dyads::write::dictionary_path(&out));
}
