//! The counting pass behind [`Programmes::count_reaching`]: how many valid programmes reach
//! each claimed occupation, and how many reach none, in one pass.

use super::{
    Entry, MAX_VALUES, Programmes, Pruning, Quantity, StateTable, active_at, advance, initial,
};

/// What [`Programmes::count_reaching`] counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reaching {
    /// Valid programmes.
    pub all: u128,
    /// Per occupation, the valid programmes that reach it.
    pub each: Vec<u128>,
    /// Valid programmes that reach none of the occupations.
    pub none: u128,
}

impl Programmes {
    /// Counts the valid programmes, and for `occupations` (each a list of classes: sets of
    /// optional positions of which a programme must take a unit of every one) how many reach
    /// each and how many reach none. `None` when a count passes `u128` or the pass outgrows
    /// [`MAX_VALUES`] (then [`Self::exceeded`] says so).
    ///
    /// One layered pass with a number of paths per state instead of back-pointers (distinct
    /// paths are distinct sets of optional units, so the counts add up). Besides the rules'
    /// quantities a state holds, per class, whether a unit of it is taken, and per occupation
    /// whether it is still in reach. A class is forgotten (stored as 0) once its last unit is
    /// decided, dropping from reach the occupations it fails, and as soon as no occupation in
    /// reach needs it, so states that differ only in what no longer matters merge.
    pub(crate) fn count_reaching(&self, occupations: &[Vec<Vec<usize>>]) -> Option<Reaching> {
        let quantities: Vec<&Quantity> = self.quantities.iter().collect();
        let classes = Classes::new(occupations, self.optional.len());
        let reaching = count_reaching(&quantities, self.optional.len(), &classes);
        if reaching.is_none() {
            self.exceeded.set(true);
        }
        reaching
    }
}

/// The classes of [`Programmes::count_reaching`], indexed for the pass.
struct Classes {
    /// Per occupation, the indices of its distinct classes.
    of_occupation: Vec<Vec<usize>>,
    /// Per class, the occupations that need it.
    needed_by: Vec<Vec<usize>>,
    /// Per optional position, the classes it belongs to.
    at: Vec<Vec<usize>>,
    /// Per optional position, the classes whose last position it is.
    settling: Vec<Vec<usize>>,
    /// Per class, whether it has no position at all (no programme takes a unit of it).
    empty: Vec<bool>,
}

impl Classes {
    fn new(occupations: &[Vec<Vec<usize>>], n: usize) -> Self {
        let mut distinct: Vec<&Vec<usize>> = occupations.iter().flatten().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let index = |class: &Vec<usize>| distinct.binary_search(&class).unwrap_or(0);
        let of_occupation: Vec<Vec<usize>> = occupations
            .iter()
            .map(|classes| classes.iter().map(index).collect())
            .collect();
        let mut needed_by = vec![Vec::new(); distinct.len()];
        for (o, classes) in of_occupation.iter().enumerate() {
            for &c in classes {
                needed_by[c].push(o);
            }
        }
        let (mut at, mut settling) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (c, class) in distinct.iter().enumerate() {
            for &p in class.iter().filter(|&&p| p < n) {
                at[p].push(c);
            }
            if let Some(&last) = class.iter().filter(|&&p| p < n).max() {
                settling[last].push(c);
            }
        }
        let empty = distinct
            .iter()
            .map(|class| class.iter().all(|&p| p >= n))
            .collect();
        Self {
            of_occupation,
            needed_by,
            at,
            settling,
            empty,
        }
    }
}

/// See [`Programmes::count_reaching`].
fn count_reaching(quantities: &[&Quantity], n: usize, classes: &Classes) -> Option<Reaching> {
    let width = quantities.len();
    let class_count = classes.needed_by.len();
    let occupations = classes.of_occupation.len();
    let full = width + class_count + occupations;
    let zero = Reaching {
        all: 0,
        each: vec![0; occupations],
        none: 0,
    };
    let Some(mut current) = initial(quantities) else {
        return Some(zero);
    };
    current.resize(width + class_count, 0);
    current.extend(
        classes
            .of_occupation
            .iter()
            .map(|of| u32::from(!of.iter().any(|&c| classes.empty[c]))),
    );
    let pruning = Pruning::new(quantities, n, |_| true);
    let active = active_at(quantities, n);
    if pruning.hopeless(&current[..width], 0) {
        return Some(zero);
    }
    let mut counts = vec![1u128];
    let mut next: Vec<u32> = Vec::new();
    let mut next_counts: Vec<u128> = Vec::new();
    let mut seen = StateTable::default();
    for (p, changing) in active.iter().enumerate() {
        next.clear();
        next_counts.clear();
        seen.reset(2 * counts.len());
        for (state, &paths) in current.chunks_exact(full).zip(&counts) {
            for take in [false, true] {
                let at = next.len();
                if !advance(quantities, changing, &state[..width], p, take, &mut next)
                    || pruning.hopeless(&next[at..], p + 1)
                {
                    next.truncate(at);
                    continue;
                }
                next.extend_from_slice(&state[width..]);
                let (taken, in_reach) = next[at + width..].split_at_mut(class_count);
                if take {
                    for &c in &classes.at[p] {
                        taken[c] = 1;
                    }
                }
                for &c in &classes.settling[p] {
                    if taken[c] == 0 {
                        for &o in &classes.needed_by[c] {
                            in_reach[o] = 0;
                        }
                    }
                    taken[c] = 0;
                }
                for (c, needed_by) in classes.needed_by.iter().enumerate() {
                    if taken[c] != 0 && needed_by.iter().all(|&o| in_reach[o] == 0) {
                        taken[c] = 0;
                    }
                }
                match seen.entry(&next, full) {
                    Entry::New => next_counts.push(paths),
                    Entry::Existing(index) => {
                        next.truncate(at);
                        let slot = next_counts.get_mut(index)?;
                        *slot = slot.checked_add(paths)?;
                    }
                    Entry::Unusable => return None,
                }
            }
        }
        if next_counts.is_empty() {
            return Some(zero);
        }
        if next.len() > MAX_VALUES {
            return None;
        }
        std::mem::swap(&mut current, &mut next);
        std::mem::swap(&mut counts, &mut next_counts);
    }
    let mut reaching = zero;
    for (state, &paths) in current.chunks_exact(full).zip(&counts) {
        reaching.all = reaching.all.checked_add(paths)?;
        let in_reach = &state[width + class_count..];
        if in_reach.iter().all(|&r| r == 0) {
            reaching.none = reaching.none.checked_add(paths)?;
        }
        for (each, _) in reaching
            .each
            .iter_mut()
            .zip(in_reach)
            .filter(|(_, r)| **r != 0)
        {
            *each = each.checked_add(paths)?;
        }
    }
    Some(reaching)
}
