//! A link that carries its corpus: the inputs as JSON, compressed by the browser (gzip), in base64url in
//! the URL's fragment (`#corpus=…`), which browsers never send to a server. The view stays in the query.
//! Pure functions here; the compression is `effects/compress.rs`.

use std::rc::Rc;

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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url (padding and standard base64's `+` and `/` accepted too).
pub fn from_base64url(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return Err(format!("the link's corpus has a character that is not base64url: “{}”", c as char)),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// The link for a view (`base`: the page's address without query or fragment) and a compressed corpus.
pub fn link(base: &str, query: &str, compressed: &[u8]) -> String {
    let q = if query.is_empty() { String::new() } else { format!("?{query}") };
    format!("{base}{q}{FRAGMENT}{}", base64url(compressed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..70 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)), "{text}");
            assert_eq!(from_base64url(&text).expect("decodes"), bytes);
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
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
