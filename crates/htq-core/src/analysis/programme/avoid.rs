//! The bitset pass behind [`Programmes::avoiding_each`]: for many sets of units at once, a
//! valid programme that avoids each, or proof that none does.

use super::{
    Entry, MAX_VALUES, Programmes, Pruning, Quantity, StateTable, active_at, advance, initial,
};
use std::cell::Cell;

impl Programmes {
    /// For each class (a set of optional positions), a valid programme that takes none of its
    /// units (as indices into `doc.units`, in unit order), or `None` when every programme
    /// takes one. One layered pass for all classes: each state carries, as a bitset, the
    /// classes that some path reaching it has avoided so far (equal states merge their sets),
    /// and every edge is kept so that a witness for each class is traced back afterwards.
    pub(crate) fn avoiding_each(&self, classes: &[Vec<usize>]) -> Vec<Option<Vec<usize>>> {
        let quantities: Vec<&Quantity> = self.quantities.iter().collect();
        avoiding_each(&quantities, self.optional.len(), classes, &self.exceeded)
            .into_iter()
            .map(|chosen| chosen.map(|chosen| self.programme(&chosen)))
            .collect()
    }
}

/// One layer of the bitset pass: its states' class bitsets (flat), and for each state the
/// edges that reach it from the layer before, as a list threaded through `edges` from
/// `first_edge` (no allocation per state).
#[derive(Default)]
struct Layer {
    bits: Vec<u64>,
    /// Per state, the index in `edges` of its last edge.
    first_edge: Vec<u32>,
    /// (parent state, took the unit, index of the state's next edge or [`NO_EDGE`]).
    edges: Vec<(u32, bool, u32)>,
}

/// Ends a state's list of edges in a [`Layer`].
const NO_EDGE: u32 = u32::MAX;

impl Layer {
    /// Adds an edge into `state` (a new state when it is the next index).
    fn link(&mut self, state: usize, parent: u32, took: bool) -> Option<()> {
        let edge = u32::try_from(self.edges.len()).ok()?;
        if state == self.first_edge.len() {
            self.first_edge.push(edge);
            self.edges.push((parent, took, NO_EDGE));
        } else {
            let first = self.first_edge.get_mut(state)?;
            self.edges.push((parent, took, *first));
            *first = edge;
        }
        Some(())
    }

    /// The edges into `state`.
    fn edges_into(&self, state: usize) -> impl Iterator<Item = (u32, bool)> + '_ {
        let mut at = self.first_edge.get(state).copied().unwrap_or(NO_EDGE);
        std::iter::from_fn(move || {
            let &(parent, took, next) = self.edges.get(at as usize)?;
            at = next;
            Some((parent, took))
        })
    }
}

/// See [`Programmes::avoiding_each`]; returns the chosen optional positions per class.
fn avoiding_each(
    quantities: &[&Quantity],
    n: usize,
    classes: &[Vec<usize>],
    exceeded: &Cell<bool>,
) -> Vec<Option<Vec<usize>>> {
    let words = classes.len().div_ceil(64).max(1);
    let width = quantities.len();
    let mut hits = vec![0u64; n * words];
    for (c, class) in classes.iter().enumerate() {
        for &p in class {
            if let Some(word) = hits.get_mut(p * words + c / 64) {
                *word |= 1 << (c % 64);
            }
        }
    }
    let has = |bits: &[u64], c: usize| bits.get(c / 64).is_some_and(|w| w & (1 << (c % 64)) != 0);
    let none = vec![None; classes.len()];
    if width == 0 {
        return vec![Some(Vec::new()); classes.len()];
    }
    let Some(mut current) = initial(quantities) else {
        return none;
    };
    let pruning = Pruning::new(quantities, n, |_| true);
    let active = active_at(quantities, n);
    let hopeless = |state: &[u32], p: usize| pruning.hopeless(state, p);
    if hopeless(&current, 0) {
        return none;
    }
    let mut layers: Vec<Layer> = Vec::with_capacity(n + 1);
    layers.push(Layer {
        bits: vec![u64::MAX; words],
        first_edge: vec![NO_EDGE],
        edges: Vec::new(),
    });
    let mut next: Vec<u32> = Vec::new();
    let mut seen = StateTable::default();
    let mut kept = 0usize;
    for p in 0..n {
        next.clear();
        seen.reset(2 * current.len() / width);
        let mut layer = Layer::default();
        let Some(previous) = layers.last() else {
            return none;
        };
        for (s, state) in current.chunks_exact(width).enumerate() {
            let Ok(parent) = u32::try_from(s) else {
                return none;
            };
            for take in [false, true] {
                let at = next.len();
                if !advance(quantities, &active[p], state, p, take, &mut next)
                    || hopeless(&next[at..], p + 1)
                {
                    next.truncate(at);
                    continue;
                }
                let from = &previous.bits[s * words..(s + 1) * words];
                let cleared = &hits[p * words..(p + 1) * words];
                let carried = from
                    .iter()
                    .zip(cleared)
                    .map(|(&b, &h)| if take { b & !h } else { b });
                let linked = match seen.entry(&next, width) {
                    Entry::New => {
                        layer.bits.extend(carried);
                        layer.link(layer.first_edge.len(), parent, take)
                    }
                    Entry::Existing(index) => {
                        next.truncate(at);
                        for (slot, bit) in layer.bits[index * words..(index + 1) * words]
                            .iter_mut()
                            .zip(carried)
                        {
                            *slot |= bit;
                        }
                        layer.link(index, parent, take)
                    }
                    Entry::Unusable => None,
                };
                if linked.is_none() {
                    return none;
                }
            }
        }
        if next.is_empty() {
            return none;
        }
        kept += layer.bits.len() + layer.first_edge.len() + 3 * layer.edges.len();
        if next.len() > MAX_VALUES || kept > MAX_VALUES {
            exceeded.set(true);
            return none;
        }
        layers.push(layer);
        std::mem::swap(&mut current, &mut next);
    }
    let Some(last) = layers.last() else {
        return none;
    };
    (0..classes.len())
        .map(|c| {
            let mut state = last
                .bits
                .chunks_exact(words)
                .position(|bits| has(bits, c))?;
            let mut chosen = Vec::new();
            for p in (0..n).rev() {
                let layer = layers.get(p + 1)?;
                let parent_bits = &layers.get(p)?.bits;
                let hit = has(&hits[p * words..(p + 1) * words], c);
                let (parent, took) = layer.edges_into(state).find(|&(parent, took)| {
                    let parent = parent as usize;
                    has(&parent_bits[parent * words..(parent + 1) * words], c) && !(took && hit)
                })?;
                if took {
                    chosen.push(p);
                }
                state = parent as usize;
            }
            chosen.reverse();
            Some(chosen)
        })
        .collect()
}
