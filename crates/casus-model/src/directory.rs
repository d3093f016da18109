use std::collections::BTreeMap;

use crate::{Ccode, State};

/// All states casus knows, and the names a user may give them.
#[derive(Debug, Clone, Default)]
pub struct StateDirectory {
    states: BTreeMap<Ccode, State>,
    /// Extra English names (from the crosswalk or a pack), lower-cased.
    aliases: Vec<(String, Ccode)>,
}

/// Why a name did not resolve to one state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("no state is called `{given}`{}", suggest(.closest))]
    Unknown { given: String, closest: Vec<String> },
    #[error("`{given}` could mean several states: {}; give the COW number instead", .matches.join(", "))]
    Ambiguous { given: String, matches: Vec<String> },
}

fn suggest(closest: &[String]) -> String {
    if closest.is_empty() {
        "; give a COW number (703), COW abbreviation (KYR), ISO3 code (KGZ) or English name".to_string()
    } else {
        format!("; did you mean {}?", closest.join(", "))
    }
}

impl StateDirectory {
    pub fn insert(&mut self, state: State) {
        self.states.insert(state.ccode, state);
    }

    /// Adds or completes a state's ISO3 code, keeping what is known.
    pub fn set_iso3(&mut self, ccode: Ccode, iso3: &str) {
        if let Some(s) = self.states.get_mut(&ccode)
            && s.iso3.is_none()
        {
            s.iso3 = Some(iso3.to_ascii_uppercase());
        }
    }

    pub fn add_alias(&mut self, name: &str, ccode: Ccode) {
        let n = name.trim().to_lowercase();
        if !self.aliases.iter().any(|(a, c)| *a == n && *c == ccode) {
            self.aliases.push((n, ccode));
        }
    }

    pub fn get(&self, c: Ccode) -> Option<&State> {
        self.states.get(&c)
    }

    pub fn contains(&self, c: Ccode) -> bool {
        self.states.contains_key(&c)
    }

    pub fn len(&self) -> usize {
        self.states.len()
    }

    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// The state's English name, or its number when it has none here.
    pub fn name(&self, c: Ccode) -> String {
        self.states
            .get(&c)
            .map_or_else(|| format!("state {c}"), |s| s.name.clone())
    }

    pub fn iter(&self) -> impl Iterator<Item = &State> {
        self.states.values()
    }

    /// Resolves a COW number, COW abbreviation, ISO3 code or English name, in any case.
    pub fn resolve(&self, given: &str) -> Result<Ccode, NameError> {
        let g = given.trim();
        if let Ok(n) = g.parse::<Ccode>() {
            return if self.states.contains_key(&n) {
                Ok(n)
            } else {
                Err(NameError::Unknown {
                    given: g.to_string(),
                    closest: self.closest(g),
                })
            };
        }
        let upper = g.to_ascii_uppercase();
        let lower = g.to_lowercase();
        let mut hits: Vec<(Ccode, &'static str)> = Vec::new();
        for s in self.states.values() {
            if s.abb.eq_ignore_ascii_case(&upper) {
                hits.push((s.ccode, "COW abbreviation"));
            }
            if s.iso3.as_deref().is_some_and(|i| i == upper) {
                hits.push((s.ccode, "ISO3 code"));
            }
            if s.name.to_lowercase() == lower {
                hits.push((s.ccode, "name"));
            }
        }
        for (alias, c) in &self.aliases {
            if *alias == lower {
                hits.push((*c, "name"));
            }
        }
        let mut codes: Vec<Ccode> = hits.iter().map(|h| h.0).collect();
        codes.sort_unstable();
        codes.dedup();
        match codes.as_slice() {
            [one] => Ok(*one),
            [] => Err(NameError::Unknown {
                given: g.to_string(),
                closest: self.closest(g),
            }),
            many => Err(NameError::Ambiguous {
                given: g.to_string(),
                matches: many
                    .iter()
                    .map(|c| {
                        let how = hits.iter().find(|h| h.0 == *c).map_or("", |h| h.1);
                        format!("{} ({c}, by {how})", self.name(*c))
                    })
                    .collect(),
            }),
        }
    }

    /// Up to five known names nearest to `given` by edit distance.
    fn closest(&self, given: &str) -> Vec<String> {
        let g = given.to_lowercase();
        let mut scored: Vec<(usize, String)> = self
            .states
            .values()
            .map(|s| {
                let mut d = edit_distance(&g, &s.name.to_lowercase()).min(edit_distance(&g, &s.abb.to_lowercase()));
                if let Some(i) = &s.iso3 {
                    d = d.min(edit_distance(&g, &i.to_lowercase()));
                }
                if s.name.to_lowercase().starts_with(&g) || s.name.to_lowercase().contains(&g) && g.len() >= 4 {
                    d = d.min(1);
                }
                if given.parse::<Ccode>().is_ok() {
                    d = edit_distance(&g, &s.ccode.to_string());
                }
                (d, format!("{} ({}, {})", s.name, s.abb, s.ccode))
            })
            .collect();
        scored.sort();
        let limit = (g.chars().count() / 2).max(2);
        scored
            .into_iter()
            .filter(|(d, _)| *d <= limit)
            .take(5)
            .map(|(_, s)| s)
            .collect()
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> StateDirectory {
        let mut d = StateDirectory::default();
        for (c, abb, name, iso) in [
            (703, "KYR", "Kyrgyzstan", Some("KGZ")),
            (702, "TAJ", "Tajikistan", Some("TJK")),
            (305, "AUS", "Austria", Some("AUT")),
            (900, "AUL", "Australia", Some("AUS")),
        ] {
            d.insert(State {
                ccode: c,
                abb: abb.into(),
                name: name.into(),
                iso3: iso.map(str::to_string),
            });
        }
        d.add_alias("Kyrgyz Republic", 703);
        d
    }

    #[test]
    fn every_kind_of_name_resolves() {
        let d = dir();
        for g in [
            "703",
            "KYR",
            "kyr",
            "KGZ",
            "kyrgyzstan",
            "  Kyrgyzstan ",
            "kyrgyz republic",
        ] {
            assert_eq!(d.resolve(g), Ok(703), "{g}");
        }
        assert_eq!(d.resolve("tjk"), Ok(702));
    }

    #[test]
    fn ambiguous_and_unknown_names_are_errors_with_candidates() {
        let d = dir();
        match d.resolve("AUS") {
            Err(NameError::Ambiguous { matches, .. }) => {
                assert_eq!(matches.len(), 2);
                assert!(matches[0].contains("Austria (305"));
                assert!(matches[1].contains("Australia (900"));
            }
            other => panic!("{other:?}"),
        }
        match d.resolve("Kyrgystan") {
            Err(NameError::Unknown { closest, .. }) => {
                assert_eq!(closest[0], "Kyrgyzstan (KYR, 703)")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(d.resolve("999"), Err(NameError::Unknown { .. })));
    }
}
