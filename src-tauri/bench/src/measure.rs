//! Timing: run an operation many times and report its median and 99th
//! percentile, the figures the targets are stated in.

use std::time::{Duration, Instant};

/// The timings of one benchmark.
#[derive(Debug, Clone)]
pub struct Timing {
    pub name: String,
    pub runs: usize,
    pub median: Duration,
    pub p99: Duration,
}

/// The `q`-quantile (0..=1) of sorted samples, nearest rank.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    assert!(!sorted.is_empty(), "no samples");
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Runs `op` `warmup` times unmeasured, then `runs` times measured.
pub fn time<T>(name: &str, warmup: usize, runs: usize, op: impl FnMut(usize) -> T) -> Timing {
    time_prepared(name, warmup, runs, |i| i, op)
}

/// Runs `op` on what `prepare` made for it, timing `op` alone; what `op`
/// returns is dropped after the clock stops (a plan store to close, say).
pub fn time_prepared<P, T>(
    name: &str,
    warmup: usize,
    runs: usize,
    mut prepare: impl FnMut(usize) -> P,
    mut op: impl FnMut(P) -> T,
) -> Timing {
    for i in 0..warmup {
        std::hint::black_box(op(prepare(i)));
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|i| {
            let prepared = prepare(warmup + i);
            let start = Instant::now();
            let value = std::hint::black_box(op(prepared));
            let elapsed = start.elapsed();
            drop(value);
            elapsed
        })
        .collect();
    samples.sort_unstable();
    Timing { name: name.to_owned(), runs, median: quantile(&samples, 0.5), p99: quantile(&samples, 0.99) }
}

/// Times two variants of one operation, `runs` times each, alternately (the
/// first, then the second, and again), so that both see the same machine
/// noise; `prepare(i, second)` makes what the variant's `op` runs on.
pub fn time_pair<P, T>(
    names: [&str; 2],
    warmup: usize,
    runs: usize,
    mut prepare: impl FnMut(usize, bool) -> P,
    mut op: impl FnMut(P) -> T,
) -> [Timing; 2] {
    let mut samples: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
    for i in 0..warmup + runs {
        for (variant, kept) in samples.iter_mut().enumerate() {
            let prepared = prepare(i, variant == 1);
            let start = Instant::now();
            let value = std::hint::black_box(op(prepared));
            let elapsed = start.elapsed();
            drop(value);
            if i >= warmup {
                kept.push(elapsed);
            }
        }
    }
    let timing = |name: &str, mut sorted: Vec<Duration>| {
        sorted.sort_unstable();
        Timing { name: name.to_owned(), runs, median: quantile(&sorted, 0.5), p99: quantile(&sorted, 0.99) }
    };
    let [first, second] = samples;
    [timing(names[0], first), timing(names[1], second)]
}

/// Milliseconds with two decimals.
pub fn ms(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_use_the_nearest_rank() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(quantile(&samples, 0.5), Duration::from_millis(50));
        assert_eq!(quantile(&samples, 0.99), Duration::from_millis(99));
        assert_eq!(quantile(&samples[..1], 0.99), Duration::from_millis(1));
    }
}
