//! Text output for people: aligned tables and an event sheet, in the
//! venue's local time with the time zone stated.

use roundtable_core::shown::date_range;
use roundtable_core::{Agenda, DelegationTracker, EventOverview, EventSummary, ParticipantView, ReadinessItem};

/// Lines of cells, each column padded to its widest cell.
pub fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<width$}", width = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = vec![line(header.iter().map(|h| h.to_string()).collect())];
    out.extend(rows.into_iter().map(line));
    out.join("\n")
}

/// The list of events.
pub fn event_list(events: &[EventSummary]) -> String {
    if events.is_empty() {
        return "No events yet. Create one with `roundtable event create`, or load the examples with `roundtable example load`.".into();
    }
    table(
        &["ID", "DATES", "STATUS", "PLACE", "DELEG.", "PART.", "SESSIONS", "TITLE"],
        events
            .iter()
            .map(|e| {
                vec![
                    e.id.to_string(),
                    date_range(e.start_date, e.end_date),
                    e.status.label().to_owned(),
                    format!("{}, {}", e.host_city, e.country_name),
                    e.delegations.to_string(),
                    e.participants.to_string(),
                    e.sessions.to_string(),
                    e.title.clone(),
                ]
            })
            .collect(),
    )
}

/// The delegation tracker.
pub fn tracker(tracker: &DelegationTracker) -> String {
    let quota = |q: Option<u32>| q.map_or("–".to_owned(), |q| q.to_string());
    let mut rows: Vec<Vec<String>> = tracker
        .rows
        .iter()
        .map(|r| {
            vec![
                format!("{}{}", r.name, if r.over_quota { " (over quota)" } else { "" }),
                quota(r.quota),
                r.counts.invited.to_string(),
                r.counts.nominated.to_string(),
                r.counts.confirmed.to_string(),
                r.counts.attended.to_string(),
                r.counts.declined.to_string(),
                format!("{}F {}M", r.counts.female, r.counts.male),
                r.head.clone().unwrap_or_else(|| "not named".into()),
            ]
        })
        .collect();
    let t = &tracker.totals;
    rows.push(vec![
        "All delegations".into(),
        tracker.total_quota.to_string(),
        t.invited.to_string(),
        t.nominated.to_string(),
        t.confirmed.to_string(),
        t.attended.to_string(),
        t.declined.to_string(),
        format!("{}F {}M", t.female, t.male),
        String::new(),
    ]);
    table(&["DELEGATION", "QUOTA", "INVITED", "NOMINATED", "CONFIRMED", "ATTENDED", "DECLINED", "GENDER", "HEAD"], rows)
}

/// What still needs attention, or a line saying nothing does.
pub fn readiness(items: &[ReadinessItem]) -> String {
    if items.is_empty() {
        return "Nothing needs attention.".into();
    }
    items.iter().map(|item| format!("! {}", item.message)).collect::<Vec<_>>().join("\n")
}

/// The participants in protocol order.
pub fn participants(list: &[ParticipantView]) -> String {
    table(
        &["DELEGATION", "NAME", "POSITION", "ROLE", "STATUS", "ID"],
        list.iter()
            .map(|p| {
                vec![
                    p.delegation_name.clone(),
                    p.person.full_name.clone(),
                    p.person.position.clone(),
                    p.participant.role.label().to_owned(),
                    p.participant.status.label().to_owned(),
                    p.participant.id.to_string(),
                ]
            })
            .collect(),
    )
}

/// The event sheet: facts, organisers, funding, delegations, agenda, conflicts.
pub fn event_show(overview: &EventOverview, tracker_view: &DelegationTracker, agenda: &Agenda) -> String {
    let e = &overview.event;
    let mut out = vec![
        e.title.clone(),
        format!(
            "{} · {}, {} · {} · {}",
            date_range(e.start_date, e.end_date),
            e.host_city,
            overview.country_name,
            e.format.label(),
            e.status.label()
        ),
        format!("ID {}", e.id),
    ];
    if let Some(series) = &overview.series {
        out.push(format!("Series: {}", series.title));
    }
    if !e.venue.is_empty() {
        out.push(format!("Venue: {}", e.venue));
    }
    if !e.priorities.is_empty() {
        out.push(format!("Priorities: {}", e.priorities.join("; ")));
    }
    if !e.sdgs.is_empty() {
        out.push(format!("SDGs: {}", e.sdgs.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(", ")));
    }
    if !overview.organisers.is_empty() {
        out.push(String::new());
        out.push("Organisers".into());
        for o in &overview.organisers {
            out.push(format!("  {} — {}", o.organisation_name, o.role.label()));
        }
    }
    if let Some(line) = &overview.acknowledgement {
        out.push(String::new());
        out.push(line.clone());
    }
    out.push(String::new());
    out.push(format!("Delegations ({})", tracker_view.rows.len()));
    out.push(tracker(tracker_view));
    out.push(String::new());
    out.push(format!("Agenda (times in {})", agenda.time_zone));
    for day in &agenda.days {
        let theme = if day.day.theme.is_empty() { String::new() } else { format!(": {}", day.day.theme) };
        out.push(format!("  {}{theme}", day.day.date.format("%A %-d %B %Y")));
        for s in &day.sessions {
            let people =
                s.people.iter().map(|p| format!("{} ({})", p.name, p.role.label())).collect::<Vec<_>>().join(", ");
            let room = if s.room.is_empty() { String::new() } else { format!(" [{}]", s.room) };
            out.push(format!(
                "    {}–{}  {}{room}{}",
                s.start_time.format("%H:%M"),
                s.end_time.format("%H:%M"),
                s.title,
                if people.is_empty() { String::new() } else { format!(" — {people}") }
            ));
        }
    }
    out.push(String::new());
    if agenda.conflicts.is_empty() {
        out.push("No conflicts.".into());
    } else {
        out.push(format!("Conflicts ({})", agenda.conflicts.len()));
        for c in &agenda.conflicts {
            out.push(format!("  ! {}", c.message));
        }
    }
    out.join("\n")
}
