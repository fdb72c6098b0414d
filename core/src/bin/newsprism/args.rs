//! A tiny argument reader: `--flag value` options from an allowed list, the rest positional.

pub struct Args {
    pub options: Vec<(String, String)>,
    pub positional: Vec<String>,
}

impl Args {
    pub fn parse(args: &[String], allowed: &[&str]) -> Result<Args, String> {
        let mut options = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some(flag) = a.strip_prefix("--").map(|_| a.as_str()) {
                let (name, value) = match flag.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None => (flag.to_string(), it.next().ok_or(format!("{flag} needs a value"))?.clone()),
                };
                if !allowed.contains(&name.as_str()) {
                    return Err(format!("unknown option {name}"));
                }
                options.push((name, value));
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Args { options, positional })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}
