//! Reading dropped or picked files into inputs. A file over the size limit is not read, and one the
//! browser cannot read keeps its reason: both go to the analysis, which reports them with the others.
//! A large analysis file (from [`FILE_FROM`] up to the core's `MAX_ANALYSIS_BYTES`) is told apart by its
//! first kilobyte and handed to the worker unread, as the browser's `File`: the page's thread never copies it.

use std::rc::Rc;

use gloo::file::futures::read_as_bytes;
use gloo::file::File;

use newsprism_core::analysis::open::{looks_like_analysis, MAX_ANALYSIS_BYTES};

use crate::protocol::Content;
use crate::store::InputFile;

/// Whether a file begins like an analysis (its first kilobyte read).
async fn is_analysis(f: &web_sys::File) -> bool {
    let Ok(head) = f.slice_with_i32_and_i32(0, 1024) else { return false };
    match read_as_bytes(&gloo::file::Blob::from(head)).await {
        Ok(bytes) => looks_like_analysis(&bytes),
        Err(_) => false,
    }
}

/// An analysis file from this size on goes to the worker unread, like one over the input limit: the
/// page's thread would spend tens of milliseconds copying it (its link would be far over the limit anyway).
pub const FILE_FROM: usize = 1 << 20;

async fn read_bytes(f: web_sys::File) -> Content {
    match read_as_bytes(&File::from(f)).await {
        Ok(bytes) => Content::Bytes { bytes },
        Err(e) => Content::Unreadable { reason: e.to_string() },
    }
}

/// Reads files into inputs, one per file, in order.
pub async fn read(files: Vec<web_sys::File>) -> Vec<InputFile> {
    let mut inputs = Vec::new();
    for f in files {
        let name = f.name();
        let size = f.size() as usize;
        let oversized = newsprism_core::check_size(&name, size).is_err();
        let content = if oversized || size >= FILE_FROM {
            if size <= MAX_ANALYSIS_BYTES && is_analysis(&f).await {
                Content::File { file: f.clone().into(), size }
            } else if oversized {
                Content::Oversized { size }
            } else {
                read_bytes(f).await
            }
        } else {
            read_bytes(f).await
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
