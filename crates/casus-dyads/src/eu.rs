//! Expected utility of war, after Bueno de Mesquita's *The War Trap* (1981), as
//! EUGene computes it (Bennett and Stam 2000). The formulas, and where casus
//! departs from EUGene, are in docs/frames.md.
//!
//! For a challenger i and a target j in year t:
//!
//! - capability discounted by distance: `adj(a at b) = cinc_a ^ log10(miles(a, b) / mpd + (10 - e))`,
//!   with 250 miles per day before 1918, 375 in 1918-1945 and 500 after;
//! - `P_i = adj(i at j) / (adj(i at j) + adj(j at j))`;
//! - bilateral term: `P_i (1 - U_ij) + (1 - P_i)(U_ij - 1)`;
//! - each third party k: `(P_ik + P_jk - 1)(U_ki - U_kj)`, where
//!   `P_ik = (adj(i at j) + m_k) / (adj(i at j) + m_k + adj(j at j))`,
//!   `P_jk = (adj(j at i) + m_k) / (adj(j at i) + m_k + adj(i at i))`, `m_k = max(adj(k at j), adj(k at i))`;
//! - `E(U_ij)` is their sum, with U the alliance-portfolio similarity (tau-b or S).

use std::collections::HashMap;

use casus_model::Ccode;
use rayon::prelude::*;

use crate::similarity::{YearPortfolios, region, s_score, tau_b};

/// Miles an army covers in a day, by era (Bueno de Mesquita 1981).
pub fn miles_per_day(year: i16) -> f64 {
    if year < 1918 {
        250.0
    } else if year <= 1945 {
        375.0
    } else {
        500.0
    }
}

/// Capability discounted over `miles` in `year`.
pub fn discounted(cinc: f64, miles: f64, year: i16) -> f64 {
    cinc.powf((miles / miles_per_day(year) + (10.0 - std::f64::consts::E)).log10())
}

/// One year's inputs.
pub struct YearInputs {
    pub portfolios: YearPortfolios,
    /// CINC share of each member (same order), `None` where NMC has none.
    pub cinc: Vec<Option<f64>>,
    /// Capital coordinates of each member, where known.
    pub capital: Vec<Option<(f64, f64)>>,
    pub major: Vec<bool>,
}

/// Both versions of E(U) for every ordered pair of one year.
struct YearEu {
    position: HashMap<Ccode, usize>,
    n: usize,
    /// `[tau version, S version]` for (i, j) at `i * n + j`; NaN where missing.
    values: Vec<[f32; 2]>,
}

pub struct WarTrap {
    years: HashMap<i16, YearEu>,
}

/// E(U) of i against j with similarity matrix `u` (n x n) and adjusted capabilities `adj[a * n + b]`.
pub fn expected_utility(i: usize, j: usize, n: usize, u: &[f64], adj: &[f64], third: &[usize]) -> Option<f64> {
    let a = |x: usize, y: usize| adj[x * n + y];
    let (aij, ajj, aji, aii) = (a(i, j), a(j, j), a(j, i), a(i, i));
    if [aij, ajj, aji, aii].iter().any(|v| v.is_nan()) || u[i * n + j].is_nan() {
        return None;
    }
    let uij = u[i * n + j];
    let pi = if aij + ajj == 0.0 { 0.5 } else { aij / (aij + ajj) };
    let mut eu = pi * (1.0 - uij) + (1.0 - pi) * (uij - 1.0);
    for &k in third {
        if k == i || k == j {
            continue;
        }
        let (akj, aki) = (a(k, j), a(k, i));
        let (uki, ukj) = (u[k * n + i], u[k * n + j]);
        if akj.is_nan() || aki.is_nan() || uki.is_nan() || ukj.is_nan() {
            continue;
        }
        let m = akj.max(aki);
        let pik = if aij + m + ajj == 0.0 {
            0.5
        } else {
            (aij + m) / (aij + m + ajj)
        };
        let pjk = if aji + m + aii == 0.0 {
            0.5
        } else {
            (aji + m) / (aji + m + aii)
        };
        eu += (pik + pjk - 1.0) * (uki - ukj);
    }
    Some(eu)
}

impl WarTrap {
    pub fn compute(years: Vec<(i16, YearInputs)>) -> WarTrap {
        let years = years.into_par_iter().map(|(y, inp)| (y, year_eu(y, &inp))).collect();
        WarTrap { years }
    }

    /// `[tau version, S version]` of E(U) for `a` challenging `b`.
    pub fn get(&self, a: Ccode, b: Ccode, year: i16) -> Option<[f32; 2]> {
        let e = self.years.get(&year)?;
        let (i, j) = (*e.position.get(&a)?, *e.position.get(&b)?);
        (i != j).then(|| e.values[i * e.n + j])
    }
}

fn year_eu(year: i16, inp: &YearInputs) -> YearEu {
    let p = &inp.portfolios;
    let n = p.members.len();
    // Similarity of every pair: tau-b and S (valued, unweighted, absolute), global.
    let (mut u_tau, mut u_s) = (vec![f64::NAN; n * n], vec![f64::NAN; n * n]);
    for i in 0..n {
        u_tau[i * n + i] = 1.0;
        u_s[i * n + i] = 1.0;
        for j in i + 1..n {
            let (t, ..) = p.tables(i, j);
            let tau = tau_b(&t).unwrap_or(f64::NAN);
            let s = s_score(&t, false, false).unwrap_or(f64::NAN);
            for (x, y) in [(i, j), (j, i)] {
                u_tau[x * n + y] = tau;
                u_s[x * n + y] = s;
            }
        }
    }
    // Adjusted capabilities of a fighting at b.
    let mut adj = vec![f64::NAN; n * n];
    for a in 0..n {
        let Some(c) = inp.cinc[a] else { continue };
        for b in 0..n {
            let miles = if a == b {
                Some(0.0)
            } else {
                match (inp.capital[a], inp.capital[b]) {
                    (Some(x), Some(y)) => Some(crate::great_circle_km(x, y) / 1.609344),
                    _ => None,
                }
            };
            if let Some(m) = miles {
                adj[a * n + b] = discounted(c, m, year);
            }
        }
    }
    // Third parties for a target j: members of j's region and the major powers.
    let third: Vec<Vec<usize>> = (0..n)
        .map(|j| {
            (0..n)
                .filter(|&k| inp.major[k] || region(p.members[k]) == region(p.members[j]))
                .collect()
        })
        .collect();
    let mut values = vec![[f32::NAN; 2]; n * n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let t = expected_utility(i, j, n, &u_tau, &adj, &third[j]).map_or(f32::NAN, |v| v as f32);
            let s = expected_utility(i, j, n, &u_s, &adj, &third[j]).map_or(f32::NAN, |v| v as f32);
            values[i * n + j] = [t, s];
        }
    }
    let position = p.members.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    YearEu { position, n, values }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_discount_follows_the_loss_of_strength_gradient() {
        // At home the exponent is log10(10 - e) ~ 0.862, so a 0.1 share grows to 0.1373.
        let home = discounted(0.1, 0.0, 2000);
        assert!((home - 0.1f64.powf((10.0 - std::f64::consts::E).log10())).abs() < 1e-12);
        assert!((home - 0.13728).abs() < 1e-4, "{home}");
        // At e days' march the exponent is exactly 1.
        let e_days = discounted(0.1, std::f64::consts::E * 500.0, 2000);
        assert!((e_days - 0.1).abs() < 1e-12);
        // Farther is weaker; the march was slower before 1918.
        assert!(discounted(0.1, 3000.0, 2000) < discounted(0.1, 1000.0, 2000));
        assert!(discounted(0.1, 1000.0, 1900) < discounted(0.1, 1000.0, 2000));
        assert_eq!(
            (
                miles_per_day(1917),
                miles_per_day(1918),
                miles_per_day(1945),
                miles_per_day(1946)
            ),
            (250.0, 375.0, 375.0, 500.0)
        );
    }

    #[test]
    fn hand_computed_expected_utility() {
        // Two states, i and j, equal at home; j allied to nothing, U_ij = 0.
        // adj(i at j) = 0.3, adj(j at j) = 0.6: P_i = 1/3, EU = 1/3 * 1 + 2/3 * (-1) = -1/3.
        let n = 2;
        let u = vec![1.0, 0.0, 0.0, 1.0];
        let adj = vec![0.6, 0.3, 0.3, 0.6];
        let eu = expected_utility(0, 1, n, &u, &adj, &[]).unwrap();
        assert!((eu + 1.0 / 3.0).abs() < 1e-12, "{eu}");
        // A third state k allied with i (U_ki = 1, U_kj = 0) that can bring 0.9 to the fight.
        let n = 3;
        let u = vec![1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0];
        let adj = vec![0.6, 0.3, 0.0, 0.3, 0.6, 0.0, 0.9, 0.9, 0.9];
        let eu = expected_utility(0, 1, n, &u, &adj, &[0, 1, 2]).unwrap();
        // P_ik = (0.3 + 0.9) / (0.3 + 0.9 + 0.6) = 2/3; P_jk = (0.3 + 0.9) / (0.3 + 0.9 + 0.6) = 2/3.
        let want = -1.0 / 3.0 + (2.0 / 3.0 + 2.0 / 3.0 - 1.0) * (1.0 - 0.0);
        assert!((eu - want).abs() < 1e-12, "{eu} vs {want}");
        // A missing capability leaves E(U) missing.
        let mut adj2 = adj.clone();
        adj2[1] = f64::NAN;
        assert_eq!(expected_utility(0, 1, n, &u, &adj2, &[2]), None);
    }
}
