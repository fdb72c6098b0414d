//! Reading dropped or picked files into inputs. A file over the size limit is not read, and one the
//! browser cannot read keeps its reason: both go to the analysis, which reports them with the others.

use std::rc::Rc;

use gloo::file::futures::read_as_bytes;
use gloo::file::File;

use crate::protocol::Content;
use crate::store::InputFile;

/// Reads files into inputs, one per file, in order.
pub async fn read(files: Vec<web_sys::File>) -> Vec<InputFile> {
    let mut inputs = Vec::new();
    for f in files {
        let name = f.name();
        let size = f.size() as usize;
        let content = if newsprism_core::check_size(&name, size).is_err() {
            Content::Oversized { size }
        } else {
            match read_as_bytes(&File::from(f)).await {
                Ok(bytes) => Content::Bytes { bytes },
                Err(e) => Content::Unreadable { reason: e.to_string() },
            }
        };
        inputs.push(InputFile { name, content: Rc::new(content), builtin: false });
    }
    inputs
}

/// The files of a `FileList`.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}
