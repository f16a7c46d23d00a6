//! Which sessions of a day run at the same time: a programme marks them
//! "Parallel session 1 of 3", so a delegation sees it must choose.

use super::ProgrammeSession;

/// A day's sessions (in time order) with the ones that run at the same time
/// as others marked: "Parallel session 1 of 3", numbered in the programme's
/// order. Breaks and meals are never parallel (a coffee break beside the
/// plenary is a break, not a track).
pub(super) fn marked_parallel(mut sessions: Vec<ProgrammeSession>) -> Vec<ProgrammeSession> {
    let mut start = 0;
    while start < sessions.len() {
        // The run of sessions that overlap one another, directly or through another.
        // A break beside them does not link two sessions that do not overlap.
        let mut end = start + 1;
        let mut until = sessions[start].end_utc;
        while end < sessions.len() && sessions[end].start_utc < until {
            if !sessions[end].pause || sessions[start].pause {
                until = until.max(sessions[end].end_utc);
            }
            end += 1;
        }
        let tracks: Vec<usize> = (start..end).filter(|&i| !sessions[i].pause).collect();
        if tracks.len() > 1 {
            for (n, &i) in tracks.iter().enumerate() {
                sessions[i].parallel = Some(format!("Parallel session {} of {}", n + 1, tracks.len()));
            }
        }
        start = end;
    }
    sessions
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn sessions_at_the_same_time_are_marked_parallel_and_breaks_never() {
        let at = |h: u32, m: u32| NaiveDate::from_ymd_opt(2022, 9, 21).unwrap().and_hms_opt(h, m, 0).unwrap().and_utc();
        let session = |(start, end): ((u32, u32), (u32, u32)), pause: bool| ProgrammeSession {
            id: uuid::Uuid::nil(),
            start: String::new(),
            end: String::new(),
            title: String::new(),
            kind: String::new(),
            room: String::new(),
            description: String::new(),
            pause,
            parallel: None,
            people: Vec::new(),
            start_utc: at(start.0, start.1),
            end_utc: at(end.0, end.1),
            revised: None,
        };
        let day = marked_parallel(vec![
            session(((9, 0), (10, 0)), false),   // the plenary alone
            session(((10, 0), (10, 30)), true),  // a break
            session(((10, 30), (12, 0)), false), // three tracks...
            session(((10, 30), (12, 0)), false),
            session(((11, 0), (12, 30)), false), // ...one of them starting later
            session(((11, 0), (11, 15)), true),  // a break beside them is no track
            session(((14, 0), (15, 0)), false),  // after lunch, alone again
            session(((15, 0), (16, 0)), false),  // a session, a break that overlaps it
            session(((15, 45), (16, 15)), true), // and the next, which does not
            session(((16, 0), (17, 0)), false),
        ]);
        let marks: Vec<Option<&str>> = day.iter().map(|s| s.parallel.as_deref()).collect();
        assert_eq!(
            marks,
            [
                None,
                None,
                Some("Parallel session 1 of 3"),
                Some("Parallel session 2 of 3"),
                Some("Parallel session 3 of 3"),
                None,
                None,
                None,
                None,
                None
            ]
        );
    }
}
