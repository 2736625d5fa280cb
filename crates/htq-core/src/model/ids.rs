//! Stable identifiers: short strings, unique within one curriculum file.
//!
//! Ids are what references hold (a mapping names an outcome id and a KSB id). They never
//! change when items are reordered or renumbered; display numbers are derived elsewhere.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps a string as an id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

define_id!(
    /// Identifies a unit.
    UnitId
);
define_id!(
    /// Identifies a learning outcome.
    OutcomeId
);
define_id!(
    /// Identifies an assessment criterion.
    CriterionId
);
define_id!(
    /// Identifies an occupational standard within the curriculum.
    StandardId
);
define_id!(
    /// Identifies a knowledge, skill or behaviour statement.
    KsbId
);
define_id!(
    /// Identifies an optional group in the rules of combination.
    GroupId
);
define_id!(
    /// Identifies a heading of essential content within a learning outcome.
    TopicId
);
define_id!(
    /// Identifies a recommended resource of a unit.
    ResourceId
);
define_id!(
    /// Identifies a duty within its standard ("d3"); unique in the standard, not the file.
    DutyId
);

/// Makes a fresh id with `prefix` that `taken` does not already contain.
pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1u64..)
        .map(|n| format!("{prefix}{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| prefix.to_owned())
}
