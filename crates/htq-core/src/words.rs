//! Counted nouns for every message the user reads: "1 unit", "2 units", "no units". Every count
//! in a message goes through [`counted`] so that no message says "1 errors" (a test over the
//! sources checks that no message writes a plural after a number by hand).

/// `n` followed by `one` when `n` is 1 and by `many` otherwise: `counted(1, "unit", "units")`
/// is "1 unit", `counted(3, "criterion", "criteria")` is "3 criteria".
pub fn counted(n: impl TryInto<u64>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(u64::MAX);
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1u32, "unit", "units"), "1 unit");
        assert_eq!(counted(0u32, "unit", "units"), "0 units");
        assert_eq!(counted(2u8, "criterion", "criteria"), "2 criteria");
        assert_eq!(counted(1usize, "error", "errors"), "1 error");
        assert_eq!(counted(11usize, "error", "errors"), "11 errors");
    }
}
