//! The exceptions: `NewsprismError`, and under it `LoadError` with one subclass per refusal of the core's
//! loader (the same codes as the command line and the page). One conversion maps a core error to its class.

use newsprism_core::LoadError;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(newsprism, NewsprismError, PyException, "Every error newsprism raises.");
create_exception!(newsprism, LoadFailed, NewsprismError, "An input could not be loaded; the message names it.");
create_exception!(newsprism, EmptyInput, LoadFailed, "The input has no bytes, or only whitespace (code empty).");
create_exception!(newsprism, InputTooLarge, LoadFailed, "The input is over the size limit (code too_large).");
create_exception!(newsprism, UnreadableInput, LoadFailed, "The input could not be read (code unreadable).");
create_exception!(newsprism, BinaryInput, LoadFailed, "The input looks like binary data (code binary).");
create_exception!(newsprism, InvalidUtf8, LoadFailed, "The input is not UTF-8 (code invalid_utf8).");
create_exception!(newsprism, MalformedJson, LoadFailed, "A JSON input does not parse (code malformed_json).");
create_exception!(newsprism, MissingText, LoadFailed, "A record has no text (code missing_text).");
create_exception!(newsprism, NoRecords, LoadFailed, "A JSON input holds no records (code no_records).");
create_exception!(newsprism, DuplicateText, LoadFailed, "A text already loaded (code duplicate).");
create_exception!(
    newsprism,
    InvalidAnalysis,
    LoadFailed,
    "An analysis file that does not hold together (code invalid_analysis)."
);

/// The Python exception for a core load error: its class by kind, its message the core's (naming the input).
pub fn load_error(e: &LoadError) -> PyErr {
    let message = e.to_string();
    match e {
        LoadError::Empty { .. } => EmptyInput::new_err(message),
        LoadError::TooLarge { .. } => InputTooLarge::new_err(message),
        LoadError::Unreadable { .. } => UnreadableInput::new_err(message),
        LoadError::Binary { .. } => BinaryInput::new_err(message),
        LoadError::InvalidUtf8 { .. } => InvalidUtf8::new_err(message),
        LoadError::MalformedJson { .. } => MalformedJson::new_err(message),
        LoadError::MissingText { .. } => MissingText::new_err(message),
        LoadError::NoRecords { .. } => NoRecords::new_err(message),
        LoadError::Duplicate { .. } => DuplicateText::new_err(message),
        LoadError::InvalidAnalysis { .. } => InvalidAnalysis::new_err(message),
        _ => LoadFailed::new_err(message),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("NewsprismError", py.get_type::<NewsprismError>())?;
    m.add("LoadFailed", py.get_type::<LoadFailed>())?;
    m.add("EmptyInput", py.get_type::<EmptyInput>())?;
    m.add("InputTooLarge", py.get_type::<InputTooLarge>())?;
    m.add("UnreadableInput", py.get_type::<UnreadableInput>())?;
    m.add("BinaryInput", py.get_type::<BinaryInput>())?;
    m.add("InvalidUtf8", py.get_type::<InvalidUtf8>())?;
    m.add("MalformedJson", py.get_type::<MalformedJson>())?;
    m.add("MissingText", py.get_type::<MissingText>())?;
    m.add("NoRecords", py.get_type::<NoRecords>())?;
    m.add("DuplicateText", py.get_type::<DuplicateText>())?;
    m.add("InvalidAnalysis", py.get_type::<InvalidAnalysis>())?;
    Ok(())
}
