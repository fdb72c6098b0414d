//! Stable 64-bit hashing of words and feature templates; identical on every platform, so models travel.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Mixes the bits of `x` (the splitmix64 finalizer).
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hash of a byte string.
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &x in b {
        h = (h ^ x as u64).wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

/// Hash of a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// An incremental string hash, for hashing transformed characters without building a `String`.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Default for Hasher {
    fn default() -> Self {
        Hasher(FNV_OFFSET)
    }
}

impl Hasher {
    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &x in c.encode_utf8(&mut buf).as_bytes() {
            self.0 = (self.0 ^ x as u64).wrapping_mul(FNV_PRIME);
        }
    }

    #[inline]
    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// Combines a feature template id with one value.
#[inline]
pub fn feat(template: u32, a: u64) -> u64 {
    mix(a ^ mix(template as u64 + 0x9e37_79b9_7f4a_7c15))
}

/// Combines a feature template id with two values.
#[inline]
pub fn feat2(template: u32, a: u64, b: u64) -> u64 {
    feat(template, mix(a).wrapping_add(b.rotate_left(17)))
}

/// Combines a feature template id with three values.
#[inline]
pub fn feat3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    feat2(template, mix(a).wrapping_add(b.rotate_left(17)), c)
}
