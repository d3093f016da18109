//! Speed of the scenario engine on the real data. Run with
//! `cargo bench -p casus-engine` (needs CASUS_DATA or ../shared/data).
//!
//! Measures: loading ATOP and the state list; one scenario (Tajikistan attacks
//! Kyrgyzstan); every ordered pair of system members in one year; every
//! ordered pair in every year 1816-2018 on all cores.

use std::time::{Duration, Instant};

use casus_data::{cow, files, real_data_dir};
use casus_engine::{ObligationIndex, assess};
use casus_model::{Date, Scenario};
use rayon::prelude::*;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = real_data_dir();
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wants = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));

    let loads: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let b = casus_data::load_treaty_base(&dir).unwrap();
            std::hint::black_box(&b);
            t.elapsed()
        })
        .collect();
    if wants("load") {
        println!(
            "load ATOP 5.1 + COW states: median {:.1} ms over 7 runs",
            median(loads).as_secs_f64() * 1e3
        );
    }
    let base = casus_data::load_treaty_base(&dir).unwrap();
    let index = ObligationIndex::new(&base);

    if wants("one") {
        let s = Scenario {
            attackers: vec![702],
            targets: vec![703],
            date: Date::parse("2021-04-29").unwrap(),
            location: None,
            provoked: None,
        };
        let n = 2000;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(assess(&base, &index, std::hint::black_box(&s)).unwrap());
        }
        println!(
            "one scenario (TJK attacks KGZ, 2021-04-29): {:.1} µs each over {n} runs",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    }

    let system = cow::read_system_years(&dir.join(files::COW_SYSTEM)).unwrap();
    let members = |year: i16| -> Vec<u16> {
        // The state list ends in 2016; later years use the 2016 members.
        let y = year.min(2016);
        system.iter().filter(|&&(_, sy)| sy == y).map(|&(c, _)| c).collect()
    };
    let pairs_in = |year: i16| -> usize {
        let m = members(year);
        let date = Date::new(year, 6, 30).unwrap();
        let mut n = 0;
        for &a in &m {
            for &b in &m {
                if a != b {
                    let s = Scenario {
                        attackers: vec![a],
                        targets: vec![b],
                        date,
                        location: None,
                        provoked: None,
                    };
                    std::hint::black_box(assess(&base, &index, &s).unwrap());
                    n += 1;
                }
            }
        }
        n
    };
    if wants("year") {
        let t = Instant::now();
        let n = pairs_in(2010);
        println!(
            "every ordered pair in 2010: {n} scenarios in {:.3} s (1 core)",
            t.elapsed().as_secs_f64()
        );
    }
    if wants("all") {
        let t = Instant::now();
        let n: usize = (1816..=2018).into_par_iter().map(pairs_in).sum();
        println!(
            "every ordered pair 1816-2018: {n} scenarios in {:.1} s on {} threads",
            t.elapsed().as_secs_f64(),
            rayon::current_num_threads()
        );
    }
}
