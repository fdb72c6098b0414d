//! `newsprism analyze`: reads files, runs the core, prints JSON or a readable summary.

use std::io::Write;
use std::process::ExitCode;

use newsprism_core::{analyze_inputs, Analysis};

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut format = "json".to_string();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => format = it.next().ok_or("--format needs json or text")?.clone(),
            f if f.starts_with("--format=") => format = f["--format=".len()..].to_string(),
            f if f.starts_with("--") => return Err(format!("unknown option {f}")),
            f => files.push(f.to_string()),
        }
    }
    if format != "json" && format != "text" {
        return Err(format!("--format must be json or text, not {format:?}"));
    }
    if files.is_empty() {
        return Err("analyze needs at least one FILE".into());
    }
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut unreadable = Vec::new();
    for f in &files {
        match std::fs::metadata(f).and_then(|m| {
            newsprism_core::check_size(f, m.len() as usize).map_err(std::io::Error::other)?;
            std::fs::read(f)
        }) {
            Ok(bytes) => inputs.push((f.clone(), bytes)),
            Err(e) => unreadable.push(newsprism_core::model::InputError {
                input: f.clone(),
                code: "unreadable".into(),
                message: match e.get_ref() {
                    Some(inner) => inner.to_string(),
                    None => format!("{f}: {e}"),
                },
            }),
        }
    }
    let mut analysis = analyze_inputs(inputs.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    analysis.errors.splice(0..0, unreadable);
    for e in &analysis.errors {
        eprintln!("newsprism: {}", e.message);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if format == "json" {
        serde_json::to_writer_pretty(&mut out, &analysis)
            .map_err(|e| e.to_string())
            .and_then(|_| writeln!(out).map_err(|e| e.to_string()))
    } else {
        write_text(&mut out, &analysis).map_err(|e| e.to_string())
    };
    written?;
    Ok(if analysis.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn write_text(out: &mut impl Write, a: &Analysis) -> std::io::Result<()> {
    for art in &a.articles {
        writeln!(out, "== {} ({})", art.id, art.source)?;
        if let Some(h) = &art.headline {
            writeln!(out, "headline:  {h}")?;
        }
        if let Some(d) = &art.dateline {
            writeln!(out, "dateline:  {d}")?;
        }
        for c in &art.captions {
            writeln!(out, "caption:   {}", c.text)?;
        }
        for c in &art.credits {
            writeln!(out, "credit:    {}", c.text)?;
        }
        for b in &art.boilerplate {
            writeln!(out, "dropped:   {:?} ({:?})", b.text, b.reason)?;
        }
        writeln!(out, "{} paragraphs, {} sentences", art.paragraphs.len(), art.sentences.len())?;
        for q in a.quotes.iter().filter(|q| q.article == art.id) {
            let cont = if q.continues.is_some() { ", continued" } else { "" };
            let who = match &q.speaker {
                Some(s) => {
                    let named = s.mention.as_ref().map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "));
                    let verb = q.verb.as_ref().map(|v| format!(", {v}")).unwrap_or_default();
                    format!("{} ({}{verb})", s.name, named.unwrap_or_default())
                }
                None => "unattributed".to_string(),
            };
            writeln!(out, "  {who} [{:?}{cont}]: “{}”", q.kind, q.text)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "== entities")?;
    for e in &a.entities {
        let aliases: Vec<&str> = e.aliases.iter().take(5).map(|x| x.text.as_str()).collect();
        writeln!(out, "{:>4}  {:?} {} [{}]", e.mentions.len(), e.kind, e.name, aliases.join(", "))?;
    }
    writeln!(out, "== speakers")?;
    for s in &a.speakers {
        writeln!(out, "{:>4}  {}", s.quotes, s.name)?;
    }
    Ok(())
}
