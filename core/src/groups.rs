//! Union-find over indexes: joining things that are one (organizations, quotations, stories).

/// Union-find over indexes, with the smaller index as the root (so results are deterministic).
pub struct Groups(Vec<usize>);

impl Groups {
    pub fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }

    pub fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    pub fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }

    /// The groups as lists of members, each in order, in the order of their first member.
    pub fn lists(&mut self) -> Vec<Vec<usize>> {
        let n = self.0.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
        for i in 0..n {
            let r = self.root(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root.into_values().collect()
    }
}
