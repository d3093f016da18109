use serde::{Deserialize, Serialize};

/// A Correlates of War state number (`ccode`), for example 703 for Kyrgyzstan.
pub type Ccode = u16;

/// A state and the names users may call it by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub ccode: Ccode,
    /// COW abbreviation, for example `KYR`.
    pub abb: String,
    /// English name, for example `Kyrgyzstan`.
    pub name: String,
    /// ISO 3166 alpha-3 code where one exists, for example `KGZ`.
    pub iso3: Option<String>,
}
