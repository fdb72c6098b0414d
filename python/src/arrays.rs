//! Number columns across the boundary as little-endian bytes (numpy reads them with `frombuffer`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// A column of `N`-byte numbers from bytes; an error when the length is not a multiple of `N`.
pub fn read<const N: usize, T>(bytes: &[u8], what: &str, from: fn([u8; N]) -> T) -> PyResult<Vec<T>> {
    if !bytes.len().is_multiple_of(N) {
        return Err(PyValueError::new_err(format!(
            "{what}: {} bytes is not a whole number of {N}-byte values",
            bytes.len()
        )));
    }
    Ok(bytes.chunks_exact(N).map(|c| from(c.try_into().unwrap_or([0; N]))).collect())
}

pub fn u64s(bytes: &[u8], what: &str) -> PyResult<Vec<u64>> {
    read(bytes, what, u64::from_le_bytes)
}

pub fn u32s(bytes: &[u8], what: &str) -> PyResult<Vec<u32>> {
    read(bytes, what, u32::from_le_bytes)
}

pub fn i64s(bytes: &[u8], what: &str) -> PyResult<Vec<i64>> {
    read(bytes, what, i64::from_le_bytes)
}

/// Numbers as bytes.
pub fn bytes<'py, T: Copy, const N: usize>(py: Python<'py>, values: &[T], to: fn(T) -> [u8; N]) -> Bound<'py, PyBytes> {
    let mut out = Vec::with_capacity(values.len() * N);
    for &v in values {
        out.extend_from_slice(&to(v));
    }
    PyBytes::new(py, &out)
}
