//! `newsprism._native`: the newsprism core as a Python extension module. Everything here converts at the
//! boundary and calls the core; no text logic lives in the bindings or in the Python package above them.
//! Long calls copy their inputs into owned Rust values and release the GIL while the core runs.

mod arrays;
mod errors;
mod records;
mod stories;
mod tables;

use pyo3::prelude::*;

#[pymodule(gil_used = false)]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    records::register(m)?;
    tables::register(m)?;
    stories::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
