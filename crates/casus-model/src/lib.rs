//! Domain types of casus, the alliance crisis scenario engine.
//!
//! This crate holds the vocabulary every other crate speaks and does no I/O:
//!
//! - [`Date`] and [`PartialDate`]: calendar days, and ATOP's dates whose month
//!   or day may be unknown (coded 0), with the policy that resolves them.
//! - [`Ccode`]: a Correlates of War state number; [`State`] a named state.
//! - [`ObligationKind`]: defense, offense, neutrality, non-aggression, consultation.
//! - [`Commitment`]: one member's obligations in one alliance phase, with the
//!   conditions ATOP codes for each obligation ([`Conditions`]).
//! - [`Treaty`]: alliance-level facts (name, provisions on conflict among members).
//! - [`Scenario`]: who attacks whom, when, where, and whether the target provoked it.

mod date;
mod obligation;
mod scenario;
mod state;
mod treaty;

pub use date::{ATOP_LAST_DAY, Date, DateError, PartialDate};
pub use obligation::{Condition, Conditions, ObligationKind};
pub use scenario::{Location, Scenario, ScenarioError};
pub use state::{Ccode, State};
pub use treaty::{Commitment, Freeze, Provisions, SourceNote, Treaty};

mod base;
mod directory;

pub use base::{DirectedCoding, Origin, TreatyBase};
pub use directory::{NameError, StateDirectory};
