//! The exact programme solver behind pathway coverage: does some valid programme exist that
//! avoids a given set of units (and respects a few extra bounds)? Dynamic programming over the
//! optional units, never enumerating combinations.
//!
//! A state after deciding the first i optional units holds one number per constrained quantity
//! (total credits; each group's credits and unit count; credits at each level with a rule),
//! clipped to what a bound can still tell apart: a quantity with an upper bound is pruned as
//! soon as it exceeds it, and one with only a lower bound is clipped at that bound. States are
//! deduplicated per layer, so the work grows with the number of distinct clipped states, not
//! with the number of combinations. Back-pointers give one witness programme.
//!
//! The optional units are decided group by group, and a quantity no later unit adds to is
//! checked against its lower bound and then forgotten (stored as 0). States therefore carry
//! only the totals, the level credits and the group being decided, so the work is polynomial
//! in units and groups for groups that do not overlap (pseudo-polynomial in credit totals).
//! A query whose states outgrow [`MAX_VALUES`] stops and marks the solver as exceeded instead
//! of exhausting memory.

mod avoid;
mod reach;

pub(crate) use reach::Reaching;

use crate::model::{Curriculum, UnitId};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

/// The most state values (states times their width) one layer of a query may hold, and the
/// most back-pointers a query may keep: about 64 and 128 MB, far beyond any real qualification.
pub(crate) const MAX_VALUES: usize = 1 << 24;

/// One constrained quantity: its bounds and how much each unit adds to it.
#[derive(Debug, Clone)]
struct Quantity {
    lower: u32,
    upper: Option<u32>,
    /// Added by the mandatory units, before any choice.
    start: u64,
    /// Added by each optional unit, by position in [`Programmes::optional`].
    adds: Vec<u32>,
    /// The last position that adds to the quantity; after it the quantity is settled.
    last: Option<usize>,
}

impl Quantity {
    fn new(lower: Option<u32>, upper: Option<u32>, optional: usize) -> Self {
        Self {
            lower: lower.unwrap_or(0),
            upper,
            start: 0,
            adds: vec![0; optional],
            last: None,
        }
    }

    /// Records which position is the last to add to the quantity, once `adds` is filled in.
    fn settle(mut self) -> Self {
        self.last = self.adds.iter().rposition(|&add| add > 0);
        self
    }

    /// Whether no position from `p` on adds to the quantity.
    fn settled_before(&self, p: usize) -> bool {
        self.last.is_none_or(|last| last < p)
    }

    /// The value to store once position `p` is decided and the quantity holds `value`:
    /// `value` itself while later positions may still add to it, otherwise 0 if the lower
    /// bound is met (the quantity is settled and forgotten; it stays 0 from then on) or `None`
    /// if it never will be.
    fn keep(&self, value: u32, p: usize) -> Option<u32> {
        if !self.settled_before(p + 1) {
            Some(value)
        } else if self.settled_before(p) || value >= self.lower {
            Some(0)
        } else {
            None
        }
    }

    /// Whether the quantity constrains anything at all.
    fn matters(&self) -> bool {
        self.lower > 0 || self.upper.is_some()
    }

    /// The value to store after adding `add` to `value`, or `None` past the upper bound.
    fn step(&self, value: u64, add: u32) -> Option<u32> {
        let next = value + u64::from(add);
        match self.upper {
            Some(upper) if next > u64::from(upper) => None,
            Some(_) => u32::try_from(next).ok(),
            None => Some(next.min(u64::from(self.lower)) as u32),
        }
    }
}

/// An extra upper bound a caller adds to a query: at most `credits` at `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LevelCap {
    /// The level.
    pub level: u8,
    /// Most credits at that level.
    pub credits: u32,
}

/// The rules of combination of one document, compiled for repeated queries.
#[derive(Debug, Clone)]
pub(crate) struct Programmes {
    /// Indices into `doc.units` of mandatory units, in unit order.
    mandatory: Vec<usize>,
    /// Indices into `doc.units` of optional units (in a group, not mandatory), in unit order.
    optional: Vec<usize>,
    /// Levels of the optional units.
    optional_levels: Vec<u8>,
    /// Credits of the optional units.
    optional_credits: Vec<u32>,
    /// Credits per level contributed by the mandatory units.
    mandatory_level_credits: HashMap<u8, u64>,
    quantities: Vec<Quantity>,
    unit_ids: Vec<UnitId>,
    /// Set when a query outgrew [`MAX_VALUES`] and gave up: its answer means nothing.
    exceeded: Cell<bool>,
}

impl Programmes {
    /// Compiles the rules of combination of `doc`. Unknown unit ids in the rules are ignored
    /// (another rule reports them).
    pub(crate) fn new(doc: &Curriculum) -> Self {
        let rules = &doc.qualification.rules;
        let index: HashMap<&UnitId, usize> = doc
            .units
            .iter()
            .enumerate()
            .rev()
            .map(|(i, u)| (&u.id, i))
            .collect();
        let mandatory_set: HashSet<usize> = rules
            .mandatory
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
        let grouped: HashSet<usize> = rules
            .groups
            .iter()
            .flat_map(|g| &g.units)
            .filter_map(|id| index.get(id).copied())
            .filter(|i| !mandatory_set.contains(i))
            .collect();
        let mut mandatory: Vec<usize> = mandatory_set.into_iter().collect();
        mandatory.sort_unstable();
        // Group by group (by the first group naming a unit), so that each group's quantities
        // settle as soon as its last unit is decided.
        let mut first_group: HashMap<usize, usize> = HashMap::new();
        for (g, group) in rules.groups.iter().enumerate() {
            for id in &group.units {
                if let Some(&i) = index.get(id) {
                    first_group.entry(i).or_insert(g);
                }
            }
        }
        let mut optional: Vec<usize> = grouped.into_iter().collect();
        optional.sort_unstable_by_key(|i| (first_group.get(i).copied(), *i));
        let position: HashMap<usize, usize> =
            optional.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        let credits = |i: usize| doc.units[i].credits;
        let n = optional.len();

        let mut total = Quantity::new(
            Some(doc.qualification.total_credits),
            Some(doc.qualification.total_credits),
            n,
        );
        total.start = mandatory.iter().map(|&i| u64::from(credits(i))).sum();
        total.adds = optional.iter().map(|&i| credits(i)).collect();
        let mut quantities = vec![total.settle()];

        for group in &rules.groups {
            let members: HashSet<usize> = group
                .units
                .iter()
                .filter_map(|id| index.get(id).copied())
                .collect();
            let mut group_credits = Quantity::new(group.min_credits, group.max_credits, n);
            let mut group_units = Quantity::new(group.min_units, group.max_units, n);
            for &i in &members {
                match position.get(&i) {
                    Some(&p) => {
                        group_credits.adds[p] = credits(i);
                        group_units.adds[p] = 1;
                    }
                    None => {
                        group_credits.start += u64::from(credits(i));
                        group_units.start += 1;
                    }
                }
            }
            quantities.extend(
                [group_credits, group_units]
                    .into_iter()
                    .filter(Quantity::matters)
                    .map(Quantity::settle),
            );
        }
        let mut mandatory_level_credits = HashMap::new();
        for &i in &mandatory {
            *mandatory_level_credits
                .entry(doc.units[i].level)
                .or_insert(0) += u64::from(credits(i));
        }
        let optional_levels: Vec<u8> = optional.iter().map(|&i| doc.units[i].level).collect();
        let optional_credits: Vec<u32> = optional.iter().map(|&i| credits(i)).collect();
        let mut programmes = Self {
            mandatory,
            optional,
            optional_levels,
            optional_credits,
            mandatory_level_credits,
            quantities,
            unit_ids: doc.units.iter().map(|u| u.id.clone()).collect(),
            exceeded: Cell::new(false),
        };
        for rule in &rules.level_credits {
            let quantity = programmes.level_quantity(rule.level, Some(rule.min_credits), None);
            if quantity.matters() {
                programmes.quantities.push(quantity);
            }
        }
        programmes
    }

    fn level_quantity(&self, level: u8, lower: Option<u32>, upper: Option<u32>) -> Quantity {
        let mut quantity = Quantity::new(lower, upper, self.optional.len());
        quantity.start = self
            .mandatory_level_credits
            .get(&level)
            .copied()
            .unwrap_or(0);
        for (p, add) in quantity.adds.iter_mut().enumerate() {
            if self.optional_levels.get(p) == Some(&level) {
                *add = self.optional_credits.get(p).copied().unwrap_or(0);
            }
        }
        quantity.settle()
    }

    /// Indices into `doc.units` of the optional units.
    pub(crate) fn optional(&self) -> &[usize] {
        &self.optional
    }

    /// For each optional unit (index into the document's units), its position among them.
    pub(crate) fn optional_positions(&self) -> HashMap<usize, usize> {
        self.optional
            .iter()
            .enumerate()
            .map(|(p, &i)| (i, p))
            .collect()
    }

    /// Whether some query gave up on reaching [`MAX_VALUES`]; its `None` meant "not known".
    pub(crate) fn exceeded(&self) -> bool {
        self.exceeded.get()
    }

    /// Whether the unit at `index` in `doc.units` is mandatory.
    pub(crate) fn is_mandatory(&self, index: usize) -> bool {
        self.mandatory.binary_search(&index).is_ok()
    }

    /// A valid programme taking none of the optional units marked in `excluded` (by position
    /// in [`Self::optional`]) and within `caps`, as indices into `doc.units` in unit order;
    /// `None` when no such programme exists.
    pub(crate) fn find(&self, excluded: &[bool], caps: &[LevelCap]) -> Option<Vec<usize>> {
        let extra: Vec<Quantity> = caps
            .iter()
            .map(|cap| self.level_quantity(cap.level, None, Some(cap.credits)))
            .collect();
        let quantities: Vec<&Quantity> = self.quantities.iter().chain(&extra).collect();
        let chosen = solve(&quantities, self.optional.len(), excluded, &self.exceeded)?;
        Some(self.programme(&chosen))
    }

    /// The programme of the mandatory units and the optional units at positions `chosen`, as
    /// indices into `doc.units` in unit order.
    fn programme(&self, chosen: &[usize]) -> Vec<usize> {
        let mut programme: Vec<usize> = self
            .mandatory
            .iter()
            .copied()
            .chain(chosen.iter().filter_map(|&p| self.optional.get(p).copied()))
            .collect();
        programme.sort_unstable();
        programme
    }

    /// Unit ids of a programme found by [`Self::find`].
    pub(crate) fn ids(&self, programme: &[usize]) -> Vec<UnitId> {
        programme
            .iter()
            .filter_map(|&i| self.unit_ids.get(i).cloned())
            .collect()
    }
}

/// The state before any optional unit is decided, or `None` when the mandatory units alone
/// break a bound nothing can repair.
fn initial(quantities: &[&Quantity]) -> Option<Vec<u32>> {
    quantities
        .iter()
        .map(|q| {
            let value = q.step(q.start, 0)?;
            if !q.settled_before(0) {
                Some(value)
            } else {
                (value >= q.lower).then_some(0)
            }
        })
        .collect()
}

/// Per optional position, the quantities deciding it can change: those the unit adds to and
/// those it settles. Every other quantity keeps its value (clipped, or 0 once settled).
fn active_at(quantities: &[&Quantity], n: usize) -> Vec<Vec<usize>> {
    (0..n)
        .map(|p| {
            quantities
                .iter()
                .enumerate()
                .filter(|(_, q)| q.adds[p] > 0 || q.last == Some(p))
                .map(|(d, _)| d)
                .collect()
        })
        .collect()
}

/// Appends to `next` the state that follows `state` when unit `p` is taken or not, changing
/// only the quantities `active` (from [`active_at`]) names. Returns false when that breaks an
/// upper bound, or leaves a settled quantity short of its lower bound; `next` may then hold a
/// partial state to drop.
fn advance(
    quantities: &[&Quantity],
    active: &[usize],
    state: &[u32],
    p: usize,
    take: bool,
    next: &mut Vec<u32>,
) -> bool {
    let at = next.len();
    next.extend_from_slice(state);
    for &d in active {
        let (Some(q), Some(&value)) = (quantities.get(d), state.get(d)) else {
            return false;
        };
        let add = if take { q.adds[p] } else { 0 };
        match q.step(u64::from(value), add).and_then(|v| q.keep(v, p)) {
            Some(v) => next[at + d] = v,
            None => return false,
        }
    }
    true
}

/// Per position p, the quantities that the units at positions >= p can no longer lift to
/// their lower bound from a low value: (quantity, the least value from which they still
/// can). A state is pruned as soon as one of its values is below that.
struct Pruning {
    needs: Vec<Vec<(usize, u64)>>,
}

impl Pruning {
    fn new(quantities: &[&Quantity], n: usize, takeable: impl Fn(usize) -> bool) -> Self {
        let mut gain = vec![0u64; quantities.len()];
        let mut needs = vec![Vec::new(); n + 1];
        for p in (0..=n).rev() {
            if p < n && takeable(p) {
                for (g, q) in gain.iter_mut().zip(quantities) {
                    *g += u64::from(q.adds[p]);
                }
            }
            needs[p] = quantities
                .iter()
                .zip(&gain)
                .enumerate()
                .filter(|(_, (q, _))| !q.settled_before(p))
                .filter_map(|(d, (q, &g))| {
                    let least = u64::from(q.lower).checked_sub(g)?;
                    (least > 0).then_some((d, least))
                })
                .collect();
        }
        Self { needs }
    }

    /// Whether `state`, before deciding position `p`, can no longer meet every lower bound.
    fn hopeless(&self, state: &[u32], p: usize) -> bool {
        self.needs.get(p).is_some_and(|needs| {
            needs
                .iter()
                .any(|&(d, least)| state.get(d).is_some_and(|&v| u64::from(v) < least))
        })
    }
}

/// The layered dynamic programme. Returns the positions of the chosen optional units.
fn solve(
    quantities: &[&Quantity],
    n: usize,
    excluded: &[bool],
    exceeded: &Cell<bool>,
) -> Option<Vec<usize>> {
    let width = quantities.len();
    if width == 0 {
        return Some(Vec::new());
    }
    let mut current = initial(quantities)?;
    let takeable = |p: usize| !excluded.get(p).copied().unwrap_or(false);
    let pruning = Pruning::new(quantities, n, takeable);
    let active = active_at(quantities, n);
    let hopeless = |state: &[u32], p: usize| pruning.hopeless(state, p);
    if hopeless(&current, 0) {
        return None;
    }
    // `current` holds the states before deciding position p, flat with `width` values each.
    // parents[layer_start[p] + s] says which state before position p led to state s after it,
    // and whether it took unit p.
    let mut next: Vec<u32> = Vec::new();
    let mut parents: Vec<(u32, bool)> = Vec::new();
    let mut layer_start: Vec<usize> = Vec::with_capacity(n);
    let mut seen = StateTable::default();
    for (p, changing) in active.iter().enumerate() {
        next.clear();
        seen.reset(2 * current.len() / width);
        let first = parents.len();
        let take_allowed = takeable(p);
        for (s, state) in current.chunks_exact(width).enumerate() {
            for take in [false, true] {
                if take && !take_allowed {
                    continue;
                }
                let at = next.len();
                if !advance(quantities, changing, state, p, take, &mut next)
                    || hopeless(&next[at..], p + 1)
                    || !seen.insert(&next, width)
                {
                    next.truncate(at);
                    continue;
                }
                parents.push((u32::try_from(s).ok()?, take));
            }
        }
        if parents.len() == first {
            return None;
        }
        if next.len() > MAX_VALUES || parents.len() > MAX_VALUES {
            exceeded.set(true);
            return None;
        }
        layer_start.push(first);
        std::mem::swap(&mut current, &mut next);
    }
    // Every surviving final state meets all lower bounds (not hopeless with nothing left) and
    // all upper bounds (never pruned), so the first one is a valid programme.
    let mut chosen = Vec::new();
    let mut s = 0usize;
    for p in (0..n).rev() {
        let (parent, took) = *parents.get(layer_start.get(p)? + s)?;
        if took {
            chosen.push(p);
        }
        s = parent as usize;
    }
    chosen.reverse();
    Some(chosen)
}

/// Open-addressing set of the states of one layer, stored as indices into the layer's flat
/// state vector so that no state is copied or allocated on its own.
#[derive(Debug, Default)]
struct StateTable {
    /// State index per slot, or [`StateTable::EMPTY`].
    slots: Vec<u32>,
    /// Bits of the slot index (the table has `1 << bits` slots).
    bits: u32,
}

impl StateTable {
    const EMPTY: u32 = u32::MAX;

    /// Empties the table, sized for up to `states` states at most half full.
    fn reset(&mut self, states: usize) {
        let slots = (2 * states).next_power_of_two().max(16);
        self.bits = slots.trailing_zeros();
        self.slots.clear();
        self.slots.resize(slots, Self::EMPTY);
    }

    /// Whether the last state of `states` (flat, `width` values each) was new; if so it is
    /// recorded. The earlier states must all be in the table.
    fn insert(&mut self, states: &[u32], width: usize) -> bool {
        matches!(self.entry(states, width), Entry::New)
    }

    /// Records the last state of `states` if it is new, or says which earlier state equals it.
    fn entry(&mut self, states: &[u32], width: usize) -> Entry {
        let Some(at) = states.len().checked_sub(width) else {
            return Entry::Unusable;
        };
        let state = &states[at..];
        let Ok(id) = u32::try_from(at / width) else {
            return Entry::Unusable;
        };
        let hash = state.iter().fold(0u64, |h, &v| {
            (h.rotate_left(5) ^ u64::from(v)).wrapping_mul(0x517c_c1b7_2722_0a95)
        });
        let mask = self.slots.len() - 1;
        let mut slot = (hash >> (64 - self.bits)) as usize;
        loop {
            let Some(entry) = self.slots.get_mut(slot) else {
                return Entry::Unusable;
            };
            if *entry == Self::EMPTY {
                *entry = id;
                return Entry::New;
            }
            let other = *entry as usize * width;
            if states.get(other..other + width) == Some(state) {
                return Entry::Existing(*entry as usize);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// What [`StateTable::entry`] found.
enum Entry {
    /// The state was new and is now recorded.
    New,
    /// The state equals the earlier state with this index.
    Existing(usize),
    /// The table could not take it (more states than it can index).
    Unusable,
}
