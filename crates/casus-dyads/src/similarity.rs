//! Alliance portfolio similarity: Signorino and Ritter's S, Häge's
//! chance-corrected Scott's pi and Cohen's kappa, and Kendall's tau-b as
//! Bueno de Mesquita used it. Formulas and a worked example: docs/similarity.md.
//!
//! Every measure here is a function of one 4x4 table per dyad: how many third
//! states `k` (every system member, the two states themselves included) fall
//! in each pair of tie levels (i's level with k, j's level with k), counted
//! plainly and weighted by capability share. Levels: 3 defense or offense,
//! 2 neutrality or non-aggression, 1 consultation (entente), 0 none; each
//! state has level 3 with itself.

use std::collections::HashMap;

use casus_model::Ccode;
use rayon::prelude::*;

/// The similarity columns, in output order.
pub const NAMES: [&str; 22] = [
    "s_val_abs",
    "s_val_sq",
    "s_val_abs_wt",
    "s_val_sq_wt",
    "s_bin_abs",
    "s_bin_sq",
    "s_bin_abs_wt",
    "s_bin_sq_wt",
    "s_val_abs_reg",
    "s_val_sq_reg",
    "s_val_abs_wt_reg",
    "s_val_sq_wt_reg",
    "s_bin_abs_reg",
    "s_bin_sq_reg",
    "s_bin_abs_wt_reg",
    "s_bin_sq_wt_reg",
    "kappa_val",
    "kappa_bin",
    "pi_val",
    "pi_bin",
    "taub",
    "taub_reg",
];

/// Counts of third states by (level with i, level with j).
pub type Table = [[f64; 4]; 4];

/// S (Signorino and Ritter 1999) from a table: `1 - 2 d / d_max` over values
/// scaled to [0, 1]; `binary` collapses levels 1-3 to 1; `squared` uses the
/// Euclidean distance instead of the city-block one. `None` for an empty table.
pub fn s_score(t: &Table, binary: bool, squared: bool) -> Option<f64> {
    let (mut n, mut d) = (0.0, 0.0);
    for (a, row) in t.iter().enumerate() {
        for (b, &c) in row.iter().enumerate() {
            let (x, y) = (scale(a, binary), scale(b, binary));
            n += c;
            d += c * if squared { (x - y) * (x - y) } else { (x - y).abs() };
        }
    }
    if n <= 0.0 {
        return None;
    }
    Some(if squared {
        1.0 - 2.0 * (d / n).sqrt()
    } else {
        1.0 - 2.0 * d / n
    })
}

fn scale(level: usize, binary: bool) -> f64 {
    if binary {
        f64::from(u8::from(level > 0))
    } else {
        level as f64 / 3.0
    }
}

/// Häge's (2011) chance-corrected agreement with the squared distance metric:
/// `1 - D_o / D_e`. Cohen's kappa takes the expected disagreement from each
/// state's own distribution of values; Scott's pi from the two pooled.
/// `None` when the expected disagreement is zero (both portfolios constant and equal).
pub fn chance_corrected(t: &Table, binary: bool, pooled: bool) -> Option<f64> {
    let (mut n, mut sx, mut sy, mut sxx, mut syy, mut ssd) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for (a, row) in t.iter().enumerate() {
        for (b, &c) in row.iter().enumerate() {
            let (x, y) = (scale(a, binary), scale(b, binary));
            n += c;
            sx += c * x;
            sy += c * y;
            sxx += c * x * x;
            syy += c * y * y;
            ssd += c * (x - y) * (x - y);
        }
    }
    if n <= 0.0 {
        return None;
    }
    let (mx, my) = (sx / n, sy / n);
    let expected = if pooled {
        let mt = (sx + sy) / (2.0 * n);
        (sxx - 2.0 * mt * sx + n * mt * mt) + (syy - 2.0 * mt * sy + n * mt * mt)
    } else {
        (sxx - n * mx * mx) + (syy - n * my * my) + n * (mx - my) * (mx - my)
    };
    (expected > 1e-12).then(|| 1.0 - ssd / expected)
}

/// Kendall's tau-b of the ordinal table: `(P - Q) / sqrt((n0 - n1)(n0 - n2))`.
/// `None` when either portfolio has a single level (no untied pairs).
pub fn tau_b(t: &Table) -> Option<f64> {
    let (mut p, mut q) = (0.0, 0.0);
    for a in 0..4 {
        for b in 0..4 {
            for a2 in a + 1..4 {
                for b2 in 0..4 {
                    let pairs = t[a][b] * t[a2][b2];
                    if b2 > b {
                        p += pairs;
                    } else if b2 < b {
                        q += pairs;
                    }
                }
            }
        }
    }
    let n: f64 = t.iter().flatten().sum();
    let rows: f64 = t
        .iter()
        .map(|r| r.iter().sum::<f64>())
        .map(|r| r * (r - 1.0) / 2.0)
        .sum();
    let cols: f64 = (0..4)
        .map(|b| t.iter().map(|r| r[b]).sum::<f64>())
        .map(|c| c * (c - 1.0) / 2.0)
        .sum();
    let n0 = n * (n - 1.0) / 2.0;
    let denom = ((n0 - rows) * (n0 - cols)).sqrt();
    (denom > 0.0).then(|| (p - q) / denom)
}

/// COW region of a state code, for the regional variants: 1 Americas (2-165),
/// 2 Europe (200-399), 3 Africa (400-626), 4 Middle East (630-698), 5 Asia and Oceania (700-990).
pub fn region(c: Ccode) -> u8 {
    match c {
        0..=199 => 1,
        200..=399 => 2,
        400..=629 => 3,
        630..=699 => 4,
        _ => 5,
    }
}

/// The 22 measures for one pair from its four tables.
pub fn measures(t: &Table, tw: &Table, tr: &Table, twr: &Table) -> [Option<f64>; 22] {
    let mut out = [None; 22];
    let mut i = 0;
    for (plain, weighted) in [(t, tw), (tr, twr)] {
        for binary in [false, true] {
            for (table, sq) in [(plain, false), (plain, true), (weighted, false), (weighted, true)] {
                out[i] = s_score(table, binary, sq);
                i += 1;
            }
        }
    }
    out[16] = chance_corrected(t, false, false);
    out[17] = chance_corrected(t, true, false);
    out[18] = chance_corrected(t, false, true);
    out[19] = chance_corrected(t, true, true);
    out[20] = tau_b(t);
    out[21] = tau_b(tr);
    out
}

/// One year's system: members, their tie levels and capability weights.
pub struct YearPortfolios {
    pub members: Vec<Ccode>,
    /// `levels[i * n + k]`: i's tie level with k (3 with itself).
    pub levels: Vec<u8>,
    /// Capability shares (CINC over the members with a value), 0 where unknown.
    pub weights: Vec<f64>,
}

impl YearPortfolios {
    /// `ties(i, k)`: the highest obligation between two distinct members, as a level.
    pub fn new(
        members: Vec<Ccode>,
        ties: impl Fn(Ccode, Ccode) -> u8,
        cinc: impl Fn(Ccode) -> Option<f64>,
    ) -> YearPortfolios {
        let n = members.len();
        let mut levels = vec![0u8; n * n];
        for (i, &a) in members.iter().enumerate() {
            for (k, &b) in members.iter().enumerate() {
                levels[i * n + k] = if i == k { 3 } else { ties(a, b) };
            }
        }
        let raw: Vec<f64> = members.iter().map(|&c| cinc(c).unwrap_or(0.0).max(0.0)).collect();
        let total: f64 = raw.iter().sum();
        let weights = raw.iter().map(|w| if total > 0.0 { w / total } else { 0.0 }).collect();
        YearPortfolios {
            members,
            levels,
            weights,
        }
    }

    /// The four tables of pair (i, j), by member position.
    pub fn tables(&self, i: usize, j: usize) -> (Table, Table, Table, Table) {
        let n = self.members.len();
        let (ri, rj) = (region(self.members[i]), region(self.members[j]));
        let (mut t, mut tw, mut tr, mut twr) = ([[0.0; 4]; 4], [[0.0; 4]; 4], [[0.0; 4]; 4], [[0.0; 4]; 4]);
        let (li, lj) = (&self.levels[i * n..(i + 1) * n], &self.levels[j * n..(j + 1) * n]);
        for k in 0..n {
            let (a, b) = (usize::from(li[k]), usize::from(lj[k]));
            let w = self.weights[k];
            t[a][b] += 1.0;
            tw[a][b] += w;
            let rk = region(self.members[k]);
            if rk == ri || rk == rj {
                tr[a][b] += 1.0;
                twr[a][b] += w;
            }
        }
        (t, tw, tr, twr)
    }

    /// The measures of every unordered pair, as `f32`s in row-major upper-triangle order.
    pub fn all_pairs(&self) -> Vec<[f32; 22]> {
        let n = self.members.len();
        let mut out = Vec::with_capacity(n * n.saturating_sub(1) / 2);
        for i in 0..n {
            for j in i + 1..n {
                let (t, tw, tr, twr) = self.tables(i, j);
                out.push(measures(&t, &tw, &tr, &twr).map(|m| m.map_or(f32::NAN, |v| v as f32)));
            }
        }
        out
    }
}

/// One year's pair measures, with each member's position.
struct YearMeasures {
    position: HashMap<Ccode, usize>,
    members: usize,
    pairs: Vec<[f32; 22]>,
}

/// The similarity of every pair in every year of a frame.
pub struct Similarity {
    years: HashMap<i16, YearMeasures>,
}

impl Similarity {
    /// Computes every year in parallel.
    pub fn compute(years: Vec<(i16, YearPortfolios)>) -> Similarity {
        let years = years
            .into_par_iter()
            .map(|(y, p)| {
                let position = p.members.iter().enumerate().map(|(i, &c)| (c, i)).collect();
                (
                    y,
                    YearMeasures {
                        position,
                        members: p.members.len(),
                        pairs: p.all_pairs(),
                    },
                )
            })
            .collect();
        Similarity { years }
    }

    /// The 22 measures for a pair in a year (symmetric in `a` and `b`).
    pub fn get(&self, a: Ccode, b: Ccode, year: i16) -> Option<&[f32; 22]> {
        let m = self.years.get(&year)?;
        let (n, pairs) = (m.members, &m.pairs);
        let (mut i, mut j) = (*m.position.get(&a)?, *m.position.get(&b)?);
        if i == j {
            return None;
        }
        if i > j {
            std::mem::swap(&mut i, &mut j);
        }
        // Index of (i, j), i < j, in the row-major upper triangle.
        let idx = i * (2 * n - i - 1) / 2 + (j - i - 1);
        pairs.get(idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three states A, B, C. A and B have a defense pact, B and C a
    /// non-aggression pact, A and C nothing. Worked by hand in docs/similarity.md.
    fn example() -> YearPortfolios {
        let ties = |a: Ccode, b: Ccode| match (a.min(b), a.max(b)) {
            (1, 2) => 3,
            (2, 3) => 2,
            _ => 0,
        };
        YearPortfolios::new(vec![1, 2, 3], ties, |c| Some([0.5, 0.3, 0.2][usize::from(c) - 1]))
    }

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("defined");
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn hand_computed_s_scores() {
        // Portfolios over (A, B, C): A = (3, 3, 0), B = (3, 3, 2), C = (0, 2, 3).
        let p = example();
        let (t, tw, ..) = p.tables(0, 1);
        // A vs B differ only on C: |0 - 2/3| = 2/3. S_abs = 1 - 2 * (2/3) / 3 = 5/9.
        close(s_score(&t, false, false), 5.0 / 9.0);
        // S_sq = 1 - 2 * sqrt((4/9) / 3).
        close(s_score(&t, false, true), 1.0 - 2.0 * (4.0f64 / 27.0).sqrt());
        // Binary: A = (1, 1, 0), B = (1, 1, 1): one difference in three.
        close(s_score(&t, true, false), 1.0 / 3.0);
        // Weighted: only C (weight 0.2) differs: 1 - 2 * 0.2 * 2/3.
        close(s_score(&tw, false, false), 1.0 - 0.8 / 3.0);
        // A vs C: (3, 3, 0) vs (0, 2, 3): |1| + |1/3| + |1| = 7/3 over 3 -> 1 - 14/9.
        let (t, ..) = p.tables(0, 2);
        close(s_score(&t, false, false), 1.0 - 14.0 / 9.0);
    }

    #[test]
    fn hand_computed_kappa_pi_and_tau() {
        let p = example();
        let (t, ..) = p.tables(0, 1);
        // x = (1, 1, 0), y = (1, 1, 2/3). SSD = 4/9. mx = 2/3, my = 8/9.
        // kappa: SSD over [sum (x-mx)^2 + sum (y-my)^2 + n (mx-my)^2] = 4/9 / (2/3 + 2/27 + 4/27) = 1/2.
        close(chance_corrected(&t, false, false), 0.5);
        // pi: mt = 7/9; sum (x-mt)^2 + sum (y-mt)^2 = 57/81 + 9/81 = 66/81; 1 - (36/81)/(66/81) = 5/11.
        close(chance_corrected(&t, false, true), 5.0 / 11.0);
        // tau-b on ranks x = (3, 3, 0), y = (3, 3, 2): pairs (1,2) tied on both,
        // (1,3) and (2,3) concordant. P = 2, Q = 0, n0 = 3, ties x = 1, ties y = 1.
        close(tau_b(&t), 2.0 / 2.0);
        // Identical constant portfolios leave chance-corrected measures undefined.
        let mut same = [[0.0; 4]; 4];
        same[3][3] = 3.0;
        assert_eq!(chance_corrected(&same, false, false), None);
        assert_eq!(tau_b(&same), None);
        close(s_score(&same, false, true), 1.0);
    }

    #[test]
    fn pairs_are_stored_and_found_symmetrically() {
        let p = example();
        let s = Similarity::compute(vec![(2000, p)]);
        let ab = s.get(1, 2, 2000).unwrap();
        assert_eq!(ab, s.get(2, 1, 2000).unwrap());
        assert!((f64::from(ab[0]) - 5.0 / 9.0).abs() < 1e-6);
        let bc = s.get(2, 3, 2000).unwrap();
        assert!((f64::from(bc[20]) - tau_b(&example().tables(1, 2).0).unwrap()).abs() < 1e-6);
        assert!(s.get(1, 1, 2000).is_none());
        assert!(s.get(1, 2, 1999).is_none());
        assert_eq!(region(2), 1);
        assert_eq!(region(365), 2);
        assert_eq!(region(651), 4);
        assert_eq!(region(703), 5);
    }
}
