//! Per-article work spread over threads natively (the browser's worker runs it on its one thread): the
//! articles are cut into contiguous runs, one per thread, and the results put back in article order, so
//! the output is the same whatever the number of threads.

/// Maps `f` over `items` with `threads` threads, each with its own state from `init`; results in order.
pub fn map_with<T: Sync, S, R: Send>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 || cfg!(target_arch = "wasm32") {
        let mut state = init();
        return items.iter().enumerate().map(|(i, x)| f(&mut state, i, x)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                let (init, f) = (&init, &f);
                scope.spawn(move || {
                    let mut state = init();
                    part.iter().enumerate().map(|(k, x)| f(&mut state, c * chunk + k, x)).collect::<Vec<R>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::map_with;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let items: Vec<usize> = (0..1000).collect();
        let one = map_with(
            &items,
            1,
            || 0usize,
            |seen, i, x| {
                *seen += 1;
                i * 1000 + x
            },
        );
        let four = map_with(&items, 4, || 0usize, |_, i, x| i * 1000 + x);
        assert_eq!(one, four);
    }
}
