//! The research frames on the real datasets: row counts, and values checked
//! against the source files read here directly, not through casus's readers.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use casus_data::real_data_dir;
use casus_dyads::{Column, FrameSpec, Rendered, Sources};

const ALL: &[Column] = &[
    Column::Atop,
    Column::Nmc,
    Column::Contiguity,
    Column::Mids,
    Column::PeaceYears,
    Column::Majors,
    Column::Mindist,
    Column::Capdist,
    Column::Prd,
];

fn sources() -> &'static Sources {
    static S: OnceLock<Sources> = OnceLock::new();
    S.get_or_init(|| Sources::load(&real_data_dir(), ALL, false).unwrap())
}

fn spec(first: i16, last: i16, directed: bool, columns: &[Column]) -> FrameSpec {
    FrameSpec {
        first_year: first,
        last_year: last,
        directed,
        coexisting_only: false,
        prd_only: false,
        columns: columns.to_vec(),
    }
}

/// The frame as a header and rows of fields.
fn table(r: &Rendered) -> (Vec<String>, Vec<Vec<String>>) {
    let text = String::from_utf8(r.csv.concat()).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(str::to_string).collect();
    let rows = lines.map(|l| l.split(',').map(str::to_string).collect()).collect();
    (header, rows)
}

/// A source CSV read plainly: header and records.
fn raw(rel: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(real_data_dir().join(rel)).unwrap();
    let h = r.headers().unwrap().iter().map(str::to_string).collect();
    (h, r.records().map(Result::unwrap).collect())
}

fn col(h: &[String], name: &str) -> usize {
    h.iter()
        .position(|x| x == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_1816_2010_directed_frame_has_one_row_per_ordered_pair() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(1816, 2010, true, &[]), &|_, _| {});
    assert_eq!(r.rows, 1_685_370);
    let mut co = spec(1816, 2010, true, &[]);
    co.coexisting_only = true;
    let r = casus_dyads::dyad_years(s, &co, &|_, _| {});
    assert_eq!(r.rows, 1_685_310, "peacesciencer's count");
    let nd = casus_dyads::dyad_years(s, &spec(1816, 2010, false, &[]), &|_, _| {});
    assert_eq!(nd.rows, 1_685_370 / 2);
    let states = casus_dyads::state_years(s, &spec(1816, 2016, true, &[]), &|_, _| {}).unwrap();
    assert_eq!(states.rows, 15_951, "every row of system2016.csv");
}

#[test]
fn every_rows_atop_flags_match_atops_own_coding_but_the_explained_differences() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(1816, 2010, true, &[Column::Atop]), &|_, _| {});
    let (h, rows) = table(&r);
    let (oh, orows) = raw("atop/atop5_1ddyr_core.csv");
    let kinds = ["defense", "offense", "neutral", "nonagg", "consul"];
    let mut official: HashMap<(String, String, String), Vec<String>> = HashMap::new();
    for rec in &orows {
        official.insert(
            (rec[0].to_string(), rec[1].to_string(), rec[2].to_string()),
            kinds.iter().map(|k| rec[col(&oh, k)].to_string()).collect(),
        );
    }
    // The differences `casus atop check` explains (asymmetric alliances, Annam).
    let explained: HashSet<(String, String, String)> = {
        let base = casus_data::load_treaty_base(&real_data_dir()).unwrap();
        let states = casus_data::cow::read_states(&real_data_dir().join("cow_states/states2016.csv")).unwrap();
        let off =
            casus_data::atop::read_directed_dyad_years(&real_data_dir().join("atop/atop5_1ddyr_core.csv")).unwrap();
        let report = casus_engine::check::compare(&base, &states, &off);
        assert_eq!(report.unexplained().count(), 0);
        report
            .differences
            .iter()
            .map(|d| (d.state_a.to_string(), d.state_b.to_string(), d.year.to_string()))
            .collect()
    };
    let (mut checked, mut excused) = (0, 0);
    for row in &rows {
        let key = (row[0].clone(), row[1].clone(), row[2].clone());
        if explained.contains(&key) {
            excused += 1;
            continue;
        }
        let ours: Vec<String> = kinds
            .iter()
            .map(|k| row[col(&h, &format!("atop_{k}1"))].clone())
            .collect();
        let theirs = official.get(&key).cloned().unwrap_or_else(|| vec!["0".to_string(); 5]);
        assert_eq!(ours, theirs, "{key:?}");
        checked += 1;
    }
    assert_eq!(checked + excused, 1_685_370);
    assert!(excused < 400, "{excused}");
}

#[test]
fn sampled_rows_match_nmc_contiguity_and_majors_in_the_source_files() {
    let s = sources();
    let r = casus_dyads::dyad_years(
        s,
        &spec(1816, 2010, true, &[Column::Nmc, Column::Contiguity, Column::Majors]),
        &|_, _| {},
    );
    let (h, rows) = table(&r);
    let (nh, nrows) = raw("cow_nmc/NMC-70-abridged.csv");
    let nmc: HashMap<(String, String), &csv::StringRecord> = nrows
        .iter()
        .map(|rec| {
            (
                (rec[col(&nh, "ccode")].to_string(), rec[col(&nh, "year")].to_string()),
                rec,
            )
        })
        .collect();
    let (ch, crows) = raw("cow_contiguity/contdird.csv");
    let mut cont: HashMap<(String, String, String), u8> = HashMap::new();
    for rec in &crows {
        let k = (
            rec[col(&ch, "state1no")].to_string(),
            rec[col(&ch, "state2no")].to_string(),
            rec[col(&ch, "year")].to_string(),
        );
        let t: u8 = rec[col(&ch, "conttype")].parse().unwrap();
        let e = cont.entry(k).or_insert(t);
        *e = (*e).min(t);
    }
    let (mh, mrows) = raw("cow_states/majors2016.csv");
    let is_major = |c: &str, y: i32| {
        mrows.iter().any(|rec| {
            rec[col(&mh, "ccode")] == *c
                && rec[col(&mh, "styear")].parse::<i32>().unwrap() <= y
                && y <= rec[col(&mh, "endyear")].parse::<i32>().unwrap()
        })
    };
    let mut n = 0;
    for row in rows.iter().step_by(997) {
        let (a, b, y) = (&row[0], &row[1], &row[2]);
        for (side, c) in [("1", a), ("2", b)] {
            for v in ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"] {
                let ours = &row[col(&h, &format!("{v}{side}"))];
                match nmc.get(&(c.clone(), y.clone())) {
                    None => assert_eq!(ours, "", "{c} {y} {v}"),
                    Some(rec) => {
                        let src = &rec[col(&nh, v)];
                        if src == "-9" {
                            assert_eq!(ours, "", "{c} {y} {v}");
                        } else {
                            let (x, z): (f64, f64) = (ours.parse().unwrap(), src.parse().unwrap());
                            assert_eq!(x, z, "{c} {y} {v}");
                        }
                    }
                }
            }
            let maj = row[col(&h, &format!("cowmaj{side}"))] == "1";
            assert_eq!(maj, is_major(c, y.parse().unwrap()), "{c} {y} major");
        }
        let want = cont.get(&(a.clone(), b.clone(), y.clone())).copied().unwrap_or(0);
        assert_eq!(row[col(&h, "conttype")], want.to_string(), "{a} {b} {y}");
        n += 1;
    }
    assert!(n > 1_600, "{n} rows sampled");
}

#[test]
fn known_values_of_real_dyad_years() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(1900, 2010, true, ALL), &|_, _| {});
    let (h, rows) = table(&r);
    let find = |a: &str, b: &str, y: &str| {
        rows.iter()
            .find(|r| r[0] == a && r[1] == b && r[2] == y)
            .unwrap_or_else(|| panic!("{a} {b} {y}"))
    };
    let get = |row: &Vec<String>, c: &str| row[col(&h, c)].clone();
    // USA-Canada 1920: land border, the US a major power, cinc from NMC.
    let us_ca = find("2", "20", "1920");
    assert_eq!(
        (get(us_ca, "conttype"), get(us_ca, "cowmaj1"), get(us_ca, "cowmaj2")),
        ("1".into(), "1".into(), "0".into())
    );
    assert_eq!(get(us_ca, "cinc1"), "0.28956637");
    // CShapes measures on 1 January; Canada joined the system on 10 January 1920.
    assert_eq!(get(us_ca, "mindist"), "");
    assert_eq!(get(find("2", "20", "1921"), "mindist"), "0");
    assert_eq!(get(us_ca, "prd"), "1");
    // Washington-Ottawa, about 734 km.
    let d: f64 = get(us_ca, "capdist").parse().unwrap();
    assert!((d - 734.0).abs() < 2.0, "{d}");
    // MID 2: the US and the UK, 1902.
    let us_uk = find("2", "200", "1902");
    assert_eq!(
        (
            get(us_uk, "gmlmidonset"),
            get(us_uk, "gmldispnum"),
            get(us_uk, "gmlhostlev")
        ),
        ("1".into(), "2".into(), "3".into())
    );
    assert_eq!(get(find("2", "200", "1903"), "gmlmidspell"), "0");
    // Russia owes Kyrgyzstan defense under the CSTO, and Kyrgyzstan Russia.
    let ru_kg = find("365", "703", "2005");
    assert_eq!(
        (get(ru_kg, "atop_defense1"), get(ru_kg, "atop_defense2")),
        ("1".into(), "1".into())
    );
}

#[test]
fn peace_years_restart_after_each_dispute_year_on_every_dyad() {
    let s = sources();
    let r = casus_dyads::dyad_years(
        s,
        &spec(1816, 2010, true, &[Column::Mids, Column::PeaceYears]),
        &|_, _| {},
    );
    let (h, rows) = table(&r);
    let (on, sp) = (col(&h, "gmlmidongoing"), col(&h, "gmlmidspell"));
    let mut with_disputes = 0;
    for w in rows.windows(2) {
        let (p, c) = (&w[0], &w[1]);
        let cur: u32 = c[sp].parse().unwrap();
        if p[0] != c[0] || p[1] != c[1] {
            assert_eq!(cur, 0, "a dyad's first year starts at 0: {c:?}");
            continue;
        }
        let prev: u32 = p[sp].parse().unwrap();
        if p[on] == "1" {
            assert_eq!(cur, 0, "the year after a dispute: {c:?}");
            with_disputes += 1;
        } else {
            assert_eq!(cur, prev + 1, "{c:?}");
        }
    }
    assert!(with_disputes > 5_000, "{with_disputes}");
}

#[test]
fn the_dictionary_documents_every_column_in_order() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(2000, 2000, true, ALL), &|_, _| {});
    let (h, _) = table(&r);
    let dict = String::from_utf8(r.dictionary.clone()).unwrap();
    let mut d = csv::Reader::from_reader(dict.as_bytes());
    let names: Vec<String> = d.records().map(|rec| rec.unwrap()[0].to_string()).collect();
    assert_eq!(names, h);
    assert_eq!(r.columns, h.len());
    assert_eq!(h.len(), 3 + 10 + 14 + 1 + 11 + 1 + 2 + 1 + 1 + 1);
}

/// Similarity for the US and Canada in 2000, computed here the long way from
/// ATOP's own directed dyad-year file (equal to casus's derivation in 2000),
/// the system list and NMC: portfolios over all 191 members, tau-b by
/// counting pairs of third states one by one.
#[test]
fn similarity_of_real_dyad_years_matches_a_direct_computation() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(2000, 2000, true, &[Column::Similarity]), &|_, _| {});
    let (h, rows) = table(&r);
    let members = members_in(2000);
    assert_eq!(members.len(), 191);
    let level = official_levels(2000);
    let tie = |a: u16, b: u16| {
        if a == b {
            3
        } else {
            level.get(&(a, b)).copied().unwrap_or(0)
        }
    };
    let (nh, nrows) = raw("cow_nmc/NMC-70-abridged.csv");
    let cinc: HashMap<u16, f64> = nrows
        .iter()
        .filter(|r| r[col(&nh, "year")] == *"2000")
        .map(|r| {
            (
                r[col(&nh, "ccode")].parse().unwrap(),
                r[col(&nh, "cinc")].parse::<f64>().unwrap().max(0.0),
            )
        })
        .collect();
    let total: f64 = members.iter().map(|c| cinc.get(c).copied().unwrap_or(0.0)).sum();
    for (a, b) in [(2u16, 20u16), (365, 703), (2, 365), (200, 220)] {
        let x: Vec<f64> = members.iter().map(|&k| f64::from(tie(a, k)) / 3.0).collect();
        let y: Vec<f64> = members.iter().map(|&k| f64::from(tie(b, k)) / 3.0).collect();
        let w: Vec<f64> = members
            .iter()
            .map(|k| cinc.get(k).copied().unwrap_or(0.0) / total)
            .collect();
        let n = x.len() as f64;
        let sad: f64 = x.iter().zip(&y).map(|(p, q)| (p - q).abs()).sum();
        let ssd: f64 = x.iter().zip(&y).map(|(p, q)| (p - q).powi(2)).sum();
        let wsad: f64 = x.iter().zip(&y).zip(&w).map(|((p, q), w)| w * (p - q).abs()).sum();
        let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
        let vx: f64 = x.iter().map(|p| (p - mx).powi(2)).sum();
        let vy: f64 = y.iter().map(|q| (q - my).powi(2)).sum();
        let kappa = 1.0 - ssd / (vx + vy + n * (mx - my).powi(2));
        let mt = (mx + my) / 2.0;
        let pi = 1.0
            - ssd / (x.iter().map(|p| (p - mt).powi(2)).sum::<f64>() + y.iter().map(|q| (q - mt).powi(2)).sum::<f64>());
        let (mut conc, mut disc, mut tx, mut ty) = (0.0, 0.0, 0.0, 0.0);
        for k in 0..x.len() {
            for l in k + 1..x.len() {
                let (dx, dy) = (x[k] - x[l], y[k] - y[l]);
                if dx == 0.0 {
                    tx += 1.0;
                }
                if dy == 0.0 {
                    ty += 1.0;
                }
                if dx * dy > 0.0 {
                    conc += 1.0;
                } else if dx * dy < 0.0 {
                    disc += 1.0;
                }
            }
        }
        let n0 = n * (n - 1.0) / 2.0;
        let taub = (conc - disc) / ((n0 - tx) * (n0 - ty)).sqrt();
        let row = rows
            .iter()
            .find(|r| r[0] == a.to_string() && r[1] == b.to_string())
            .unwrap();
        let got = |c: &str| row[col(&h, c)].parse::<f64>().unwrap();
        for (name, want) in [
            ("s_val_abs", 1.0 - 2.0 * sad / n),
            ("s_val_sq", 1.0 - 2.0 * (ssd / n).sqrt()),
            ("s_val_abs_wt", 1.0 - 2.0 * wsad),
            ("kappa_val", kappa),
            ("pi_val", pi),
            ("taub", taub),
        ] {
            assert!(
                (got(name) - want).abs() < 1.5e-4,
                "{a}-{b} {name}: {} vs {want}",
                got(name)
            );
        }
    }
}

/// Germany and Poland in 1939: War Trap expected utility computed here from
/// the raw files (ATOP's own dyadic file, NMC, capitals, major powers).
#[test]
fn war_trap_expected_utility_of_a_real_dyad_year_matches_a_direct_computation() {
    let s = sources();
    let r = casus_dyads::dyad_years(s, &spec(1939, 1939, true, &[Column::Eu]), &|_, _| {});
    let (h, rows) = table(&r);
    let year = "1939";
    let members = members_in(1939);
    let level = official_levels(1939);
    let tie = |a: u16, b: u16| {
        if a == b {
            3.0
        } else {
            f64::from(level.get(&(a, b)).copied().unwrap_or(0))
        }
    };
    let tau = |a: u16, b: u16| {
        let (mut p, mut q, mut tx, mut ty) = (0.0, 0.0, 0.0, 0.0);
        for (x, &k) in members.iter().enumerate() {
            for &l in &members[x + 1..] {
                let (dx, dy) = (tie(a, k) - tie(a, l), tie(b, k) - tie(b, l));
                tx += f64::from(u8::from(dx == 0.0));
                ty += f64::from(u8::from(dy == 0.0));
                if dx * dy > 0.0 {
                    p += 1.0;
                } else if dx * dy < 0.0 {
                    q += 1.0;
                }
            }
        }
        let n = members.len() as f64;
        let n0 = n * (n - 1.0) / 2.0;
        (p - q) / ((n0 - tx) * (n0 - ty)).sqrt()
    };
    let (nh, nrows) = raw("cow_nmc/NMC-70-abridged.csv");
    let cinc: HashMap<u16, f64> = nrows
        .iter()
        .filter(|r| r[col(&nh, "year")] == *year)
        .filter_map(|r| {
            let v: f64 = r[col(&nh, "cinc")].parse().ok()?;
            (v >= 0.0).then(|| (r[col(&nh, "ccode")].parse().unwrap(), v))
        })
        .collect();
    let (ch, crows) = raw("cshapes/cow_capitals.csv");
    let capital = |c: u16| -> (f64, f64) {
        let rec = crows
            .iter()
            .filter(|r| {
                r[col(&ch, "ccode")] == *c.to_string()
                    && &r[col(&ch, "stdate")][..4] <= year
                    && &r[col(&ch, "enddate")][..4] >= year
            })
            .max_by_key(|r| r[col(&ch, "stdate")].to_string())
            .unwrap();
        (
            rec[col(&ch, "lat")].parse().unwrap(),
            rec[col(&ch, "lng")].parse().unwrap(),
        )
    };
    let (mh, mrows) = raw("cow_states/majors2016.csv");
    let major = |c: u16| {
        mrows.iter().any(|r| {
            r[col(&mh, "ccode")] == *c.to_string()
                && r[col(&mh, "styear")].parse::<i32>().unwrap() <= 1939
                && r[col(&mh, "endyear")].parse::<i32>().unwrap() >= 1939
        })
    };
    let adj = |a: u16, b: u16| {
        let miles = if a == b {
            0.0
        } else {
            casus_dyads::great_circle_km(capital(a), capital(b)) / 1.609344
        };
        cinc[&a].powf((miles / 375.0 + 10.0 - std::f64::consts::E).log10())
    };
    let (i, j) = (255u16, 290u16);
    let (aij, ajj, aji, aii) = (adj(i, j), adj(j, j), adj(j, i), adj(i, i));
    let uij = tau(i, j);
    let pi = aij / (aij + ajj);
    let mut eu = pi * (1.0 - uij) + (1.0 - pi) * (uij - 1.0);
    let europe = |c: u16| (200..400).contains(&c);
    for &k in members
        .iter()
        .filter(|&&k| k != i && k != j && (europe(k) || major(k)) && cinc.contains_key(&k))
    {
        let m = adj(k, j).max(adj(k, i));
        let pik = (aij + m) / (aij + m + ajj);
        let pjk = (aji + m) / (aji + m + aii);
        eu += (pik + pjk - 1.0) * (tau(k, i) - tau(k, j));
    }
    let row = rows.iter().find(|r| r[0] == "255" && r[1] == "290").unwrap();
    let got: f64 = row[col(&h, "eu_tau12")].parse().unwrap();
    assert!(
        (got - eu).abs() < 2e-4,
        "E(U) Germany vs Poland 1939: casus {got}, direct {eu}"
    );
    assert!(eu > 0.0, "Germany expected to gain: {eu}");
}

/// System members in a year, from `system2016.csv`.
fn members_in(year: i16) -> Vec<u16> {
    let (_, sys) = raw("cow_states/system2016.csv");
    sys.iter()
        .filter(|r| r[2] == *year.to_string())
        .map(|r| r[1].parse().unwrap())
        .collect()
}

/// Tie levels (3 defense or offense, 2 neutrality or non-aggression, 1
/// consultation) in a year from ATOP's own directed dyad-year file, the
/// higher of the two directions.
fn official_levels(year: i16) -> HashMap<(u16, u16), u8> {
    let (oh, orows) = raw("atop/atop5_1ddyr_core.csv");
    let mut level: HashMap<(u16, u16), u8> = HashMap::new();
    for rec in orows.iter().filter(|r| r[2] == *year.to_string()) {
        let f = |k: &str| &rec[col(&oh, k)] == "1";
        let l = if f("defense") || f("offense") {
            3
        } else if f("neutral") || f("nonagg") {
            2
        } else if f("consul") {
            1
        } else {
            0
        };
        let (a, b): (u16, u16) = (rec[0].parse().unwrap(), rec[1].parse().unwrap());
        for key in [(a, b), (b, a)] {
            let e = level.entry(key).or_insert(0);
            *e = (*e).max(l);
        }
    }
    level
}
