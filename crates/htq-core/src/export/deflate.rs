//! Stream compression for the PDF on both cores: zlib at a level that favours speed (the
//! best level took most of the export time for a few per cent of file size), one reusable
//! compressor per thread.

use flate2::{Compress, Compression, FlushCompress, Status};
use std::cmp::Reverse;

/// A zlib compressor kept for many streams.
pub struct Deflater(Compress);

impl Deflater {
    fn new() -> Self {
        Self(Compress::new(Compression::fast(), true))
    }

    /// `data` compressed, or `None` when compressing would not make it smaller.
    pub fn deflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.0.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let consumed = usize::try_from(self.0.total_in()).ok()?;
            let rest = data.get(consumed..)?;
            match self.0.compress_vec(rest, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                Ok(Status::Ok | Status::BufError) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
        (out.len() < data.len()).then_some(out)
    }
}

/// Runs `work` on every item, the items shared between two threads by `weight` (heaviest
/// first, each to the lighter thread); results come back in the order of `items`.
pub fn on_both_cores<T: Send, R: Send>(
    items: Vec<T>,
    weight: impl Fn(&T) -> usize,
    work: impl Fn(&mut Deflater, T) -> R + Sync,
) -> Vec<R> {
    let mut indexed: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    indexed.sort_by_key(|(_, item)| Reverse(weight(item)));
    let (mut here, mut there) = (Vec::new(), Vec::new());
    let (mut here_weight, mut there_weight) = (0, 0);
    for (index, item) in indexed {
        let item_weight = weight(&item);
        if here_weight <= there_weight {
            here_weight += item_weight;
            here.push((index, item));
        } else {
            there_weight += item_weight;
            there.push((index, item));
        }
    }
    let run = |bin: Vec<(usize, T)>| {
        let mut deflater = Deflater::new();
        bin.into_iter()
            .map(|(index, item)| (index, work(&mut deflater, item)))
            .collect::<Vec<_>>()
    };
    let mut results = std::thread::scope(|scope| {
        let other = scope.spawn(|| run(there));
        let mut results = run(here);
        match other.join() {
            Ok(more) => results.extend(more),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        results
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn deflated_data_inflates_back_and_incompressible_data_is_left_alone() {
        let mut deflater = Deflater::new();
        let text = "0.62 0.66 0.72 RG 0.5 w 62.36 258.99 m 532.92 258.99 l S\n".repeat(400);
        for _ in 0..2 {
            let packed = deflater.deflate(text.as_bytes());
            let packed = packed.unwrap_or_default();
            assert!(packed.len() < text.len() / 10);
            let mut unpacked = String::new();
            let read =
                flate2::read::ZlibDecoder::new(packed.as_slice()).read_to_string(&mut unpacked);
            assert!(read.is_ok());
            assert_eq!(unpacked, text);
        }
        assert_eq!(deflater.deflate(&[7]), None);
    }

    #[test]
    fn data_that_does_not_shrink_is_left_alone_whatever_its_size() {
        let mut state: u32 = 12345;
        let noise: Vec<u8> = (0..100_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (state >> 24) as u8
            })
            .collect();
        assert_eq!(Deflater::new().deflate(&noise), None);
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<usize> = (0..50).map(|n| (n * 37) % 11).collect();
        let doubled = on_both_cores(items.clone(), |n| *n, |_, n| n * 2);
        let expected: Vec<usize> = items.iter().map(|n| n * 2).collect();
        assert_eq!(doubled, expected);
    }
}
