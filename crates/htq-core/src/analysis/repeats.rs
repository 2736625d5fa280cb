//! Lists that name the same thing many times (a unit a million times in the mandatory list, a
//! mapping pasted over and over): each distinct entry once, with how often it occurs, in
//! linear time, so a rule reports a repeat once with its count.

use std::collections::HashMap;
use std::hash::Hash;

/// Each distinct item of `items` with the number of times it occurs, in the order of first
/// occurrence.
pub(crate) fn tally<T: Eq + Hash + Copy>(items: impl IntoIterator<Item = T>) -> Vec<(T, usize)> {
    let mut at: HashMap<T, usize> = HashMap::new();
    let mut distinct: Vec<(T, usize)> = Vec::new();
    for item in items {
        match at.get(&item) {
            Some(&slot) => distinct[slot].1 += 1,
            None => {
                at.insert(item, distinct.len());
                distinct.push((item, 1));
            }
        }
    }
    distinct
}

/// Items of `list` not in `other`, each once, in the order of `list`.
pub(crate) fn missing_from<'a, T: Eq + Hash>(list: &'a [T], other: &[T]) -> Vec<&'a T> {
    let other: std::collections::HashSet<&T> = other.iter().collect();
    tally(list.iter().filter(|item| !other.contains(item)))
        .into_iter()
        .map(|(item, _)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_counted_in_the_order_first_seen() {
        assert_eq!(
            tally(["b", "a", "b", "b", "c"]),
            [("b", 3), ("a", 1), ("c", 1)]
        );
        assert_eq!(tally(std::iter::empty::<u8>()), []);
    }

    #[test]
    fn missing_items_are_listed_once() {
        assert_eq!(missing_from(&[1, 2, 2, 3, 1], &[3]), [&1, &2]);
    }
}
