//! A link that carries its corpus: the inputs as JSON, compressed by the browser (gzip), in base64url in
//! the URL's fragment (`#corpus=…`), which browsers never send to a server. The view stays in the query.
//! Pure functions here (base64url by the `base64` crate); the compression is `effects/compress.rs`.

use std::rc::Rc;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};
use serde::{Deserialize, Serialize};

use crate::protocol::Content;
use crate::store::InputFile;

/// The longest link "Copy link" makes (characters). Browsers open much longer ones, but mail and chat
/// programs cut or refuse links past a few tens of thousands of characters.
pub const LINK_LIMIT: usize = 60_000;

/// The fragment's key.
pub const FRAGMENT: &str = "#corpus=";

#[derive(Serialize, Deserialize)]
struct Shared {
    name: String,
    text: String,
}

/// The inputs the page holds as JSON (`[{"name", "text"}]`), or `None` when one has no bytes to share (a
/// file the page never read).
pub fn payload(inputs: &[InputFile]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(inputs.len());
    for i in inputs {
        match i.content.as_ref() {
            Content::Bytes { bytes } => {
                out.push(Shared { name: i.name.clone(), text: String::from_utf8_lossy(bytes).into_owned() })
            }
            _ => return None,
        }
    }
    serde_json::to_vec(&out).ok()
}

/// The inputs a link's payload holds.
pub fn inputs(payload: &[u8]) -> Result<Vec<InputFile>, String> {
    let shared: Vec<Shared> =
        serde_json::from_slice(payload).map_err(|e| format!("the link's corpus is damaged ({e})"))?;
    Ok(shared
        .into_iter()
        .map(|s| InputFile {
            name: s.name,
            content: Rc::new(Content::Bytes { bytes: s.text.into_bytes() }),
            builtin: false,
        })
        .collect())
}

/// Reads base64url with or without padding.
const URL_SAFE_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false).with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Base64url without padding (RFC 4648 §5), as links have always carried it.
pub fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Reads base64url, padded or not; standard base64's `+` and `/` are read as `-` and `_`.
pub fn from_base64url(text: &str) -> Result<Vec<u8>, String> {
    let url: String = text
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    URL_SAFE_ANY_PADDING.decode(url.as_bytes()).map_err(|e| format!("the link's corpus is not base64url ({e})"))
}

/// The link for a view (`base`: the page's address without query or fragment) and a compressed corpus.
pub fn link(base: &str, query: &str, compressed: &[u8]) -> String {
    let q = if query.is_empty() { String::new() } else { format!("?{query}") };
    format!("{base}{q}{FRAGMENT}{}", base64url(compressed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoder links were written with before the `base64` crate: links it wrote must stay readable.
    fn old_base64url(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..70 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'), "{text}");
            assert_eq!(text, old_base64url(&bytes), "the same links as before");
            assert_eq!(from_base64url(&text).expect("decodes"), bytes);
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("-_8=").expect("padded"), b"\xfb\xff");
        assert_eq!(from_base64url("+/8").expect("standard alphabet"), b"\xfb\xff");
        assert!(from_base64url("ab$c").is_err());
    }

    #[test]
    fn inputs_round_trip_through_a_payload() {
        let inputs = vec![
            InputFile::bytes("pasted-1.txt", "Harbour “reopens”".as_bytes().to_vec(), false),
            InputFile::bytes("feed.jsonl", br#"{"text": "x"}"#.to_vec(), false),
        ];
        let back = super::inputs(&payload(&inputs).expect("payload")).expect("inputs");
        assert_eq!(back, inputs);
        let unread =
            InputFile { name: "big.json".into(), content: Rc::new(Content::Oversized { size: 1 }), builtin: false };
        assert_eq!(payload(&[unread]), None);
        assert_eq!(link("http://h/p/", "view=gaps", b"\x01"), "http://h/p/?view=gaps#corpus=AQ");
    }
}
