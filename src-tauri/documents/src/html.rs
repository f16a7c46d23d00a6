//! The programme as one self-contained HTML file (inline CSS, no scripts, no
//! remote content) to put on a website or send by e-mail. Every piece of text
//! goes through [`escape`]. Printed, it is A4 with no session, heading or
//! acknowledgement split across pages.

use crate::programme::Programme;
use std::fmt::Write;

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font-family:'Noto Sans','Segoe UI',Helvetica,Arial,sans-serif;color:#141414;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
header{border-bottom:3px solid #1f4e79;padding-bottom:.8rem;margin-bottom:1.2rem}
.kicker{font-size:.75rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#1f4e79}
.stage{float:right;font-size:.75rem;font-weight:700;text-transform:uppercase;border:1px solid #b35c00;color:#b35c00;padding:.15rem .5rem;border-radius:3px}
.stage.final{border-color:#1f4e79;color:#1f4e79}
h1{color:#1f4e79;font-size:1.7rem;margin:.3rem 0}
.facts{font-weight:700}.series,.note{color:#555}.note{font-style:italic;font-size:.9rem}
h2{color:#1f4e79;font-size:1.15rem;border-bottom:1px solid #1f4e79;margin:1.8rem 0 .2rem}
.theme{font-style:italic;margin:.2rem 0 .6rem}
table{width:100%;border-collapse:collapse}
td{vertical-align:top;padding:.45rem .4rem;border-bottom:1px solid #ddd}
td.time{white-space:nowrap;font-weight:700;width:7.5rem}
.title{font-weight:700}.kind{font-size:.75rem;text-transform:uppercase;color:#1f4e79}.room{font-size:.8rem;color:#555}
tr.pause td{background:#f3f3f3;color:#555;font-style:italic;font-weight:400}
.people{margin:.3rem 0 0;padding:0;list-style:none;font-size:.9rem}.people .role{color:#555;display:inline-block;min-width:6rem}
footer{margin-top:2rem;border-left:3px solid #1f4e79;background:#f8f8f8;padding:.6rem .8rem;font-style:italic;font-size:.9rem}
.parallel{font-size:.75rem;font-weight:700;text-transform:uppercase;color:#7a3e9d}
tr.parallel td.time{border-left:3px solid #7a3e9d}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none;font-size:10pt}tr,li,footer{break-inside:avoid}h2,.theme{break-after:avoid}}
";

/// The programme as an HTML document.
pub fn programme(p: &Programme) -> String {
    let e = escape;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} — {} programme</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n",
        e(&p.title),
        e(&p.stage_label)
    );
    let final_class = if p.stage == crate::Stage::Final { " final" } else { "" };
    let _ = writeln!(
        h,
        "<span class=\"stage{final_class}\">{} · {}</span>\n<div class=\"kicker\">Programme</div>\n<h1>{}</h1>",
        e(&p.stage_label),
        e(&p.version_date),
        e(&p.title)
    );
    if let Some(series) = &p.series {
        let _ = writeln!(h, "<div class=\"series\">{}</div>", e(series));
    }
    let facts: Vec<String> = [&p.dates, &p.venue, &p.place].iter().filter(|s| !s.is_empty()).map(|s| e(s)).collect();
    let _ = writeln!(h, "<p class=\"facts\">{}</p>", facts.join(" · "));
    for line in &p.organiser_lines {
        let _ = writeln!(h, "<p>{}</p>", e(line));
    }
    let _ = writeln!(h, "<p class=\"note\">{}</p>\n</header>\n<main>", e(&p.time_note));
    for day in &p.days {
        let _ = writeln!(h, "<section>\n<h2>{} · {}</h2>", e(&day.label), e(&day.date));
        if !day.theme.is_empty() {
            let _ = writeln!(h, "<p class=\"theme\">{}</p>", e(&day.theme));
        }
        h.push_str("<table>\n");
        for s in &day.sessions {
            if s.pause {
                let _ = writeln!(
                    h,
                    "<tr class=\"pause\"><td class=\"time\">{}–{}</td><td>{}{}</td></tr>",
                    e(&s.start),
                    e(&s.end),
                    e(&s.title),
                    if s.room.is_empty() { String::new() } else { format!(" · {}", e(&s.room)) }
                );
                continue;
            }
            let _ = write!(
                h,
                "<tr{}><td class=\"time\">{}–{}</td><td><div class=\"title\">{}</div><div><span class=\"kind\">{}</span>",
                if s.parallel.is_some() { " class=\"parallel\"" } else { "" },
                e(&s.start),
                e(&s.end),
                e(&s.title),
                e(&s.kind)
            );
            if !s.room.is_empty() {
                let _ = write!(h, " <span class=\"room\">· {}</span>", e(&s.room));
            }
            if let Some(parallel) = &s.parallel {
                let _ = write!(h, " <span class=\"parallel\">· {}</span>", e(parallel));
            }
            h.push_str("</div>");
            if !s.description.is_empty() {
                let _ = write!(h, "<p>{}</p>", e(&s.description));
            }
            if !s.people.is_empty() {
                h.push_str("<ul class=\"people\">");
                for person in &s.people {
                    let _ = write!(
                        h,
                        "<li><span class=\"role\">{}</span> <strong>{}</strong>{}{}</li>",
                        e(&person.role),
                        e(&person.name),
                        if person.position.is_empty() { String::new() } else { format!(", {}", e(&person.position)) },
                        if person.delegation.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", e(&person.delegation))
                        }
                    );
                }
                h.push_str("</ul>");
            }
            h.push_str("</td></tr>\n");
        }
        h.push_str("</table>\n</section>\n");
    }
    h.push_str("</main>\n");
    if let Some(ack) = &p.acknowledgement {
        let _ = writeln!(h, "<footer>{}</footer>", e(ack));
    }
    let _ = writeln!(h, "<p class=\"note\">{}</p>\n</body>\n</html>", e(&p.version_line()));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
