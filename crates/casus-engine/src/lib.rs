//! The scenario engine: what every state owes to whom when one state attacks another.
//!
//! - [`ObligationIndex`]: the commitments of a [`casus_model::TreatyBase`], grouped by
//!   alliance phase and member so that one scenario is answered in microseconds.
//! - [`assess`]: evaluates a [`casus_model::Scenario`] into an [`Assessment`]: every
//!   [`Obligation`] toward each belligerent with its [`Status`], the [`Collision`]s of
//!   states bound to both sides, the attacker's [`Violation`]s, and what each shared
//!   alliance says about one member attacking another ([`IntraAllianceAttack`]).
//!   The assessment is plain data; its words (reasons, explanations) are built
//!   on demand by methods such as [`Obligation::reason_text`].
//! - [`derive`]: ATOP's directed dyad-year obligation flags rebuilt from the member
//!   file, and [`check`]: their comparison with ATOP's official coding.

mod assess;
pub mod check;
mod conditions;
pub mod derive;
mod explain;
mod index;

pub use assess::{
    Assessment, Collision, CollisionKind, IntraAllianceAttack, Obligation, Reason, ScenarioError, Side, Status,
    Violation, assess,
};
pub use conditions::Finding;
pub use index::ObligationIndex;

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
