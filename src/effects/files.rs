//! Reading dropped or picked files into inputs, refusing over-large ones before reading them.

use std::rc::Rc;

use gloo::file::futures::read_as_bytes;
use gloo::file::File;

use crate::store::InputFile;

/// Reads files; a file that is too large or unreadable becomes an error message instead.
pub async fn read(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let name = f.name();
        let size = f.size() as usize;
        if let Err(e) = newsprism_core::check_size(&name, size) {
            errors.push(e.to_string());
            continue;
        }
        match read_as_bytes(&File::from(f)).await {
            Ok(bytes) => inputs.push(InputFile { name, bytes: Rc::new(bytes), builtin: false }),
            Err(e) => errors.push(format!("{name}: could not be read ({e})")),
        }
    }
    (inputs, errors)
}

/// The files of a `FileList`.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}
