//! Dates and times as every screen, message and CLI line writes them
//! ("27 May 2018", "Sun 27 May 2018", "27 May 2018 08:00", "27–29 May 2018"),
//! so that an error names a date the way the form next to it shows it.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// "27 May 2018".
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "Sun 27 May 2018": a day of the programme.
pub fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "27 May 2018 08:00": an arrival or a departure.
pub fn moment(t: NaiveDateTime) -> String {
    t.format("%-d %b %Y %H:%M").to_string()
}

/// "27–29 May 2018", "30 May–2 Jun 2018", or one date.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        date(start)
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{}–{}", start.format("%-d"), date(end))
    } else {
        format!("{}–{}", start.format("%-d %b"), date(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_name_the_month_and_year_once_when_they_are_shared() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_range(d(2018, 5, 27), d(2018, 5, 27)), "27 May 2018");
        assert_eq!(date_range(d(2018, 5, 27), d(2018, 5, 29)), "27–29 May 2018");
        assert_eq!(date_range(d(2018, 5, 30), d(2018, 6, 2)), "30 May–2 Jun 2018");
        assert_eq!(day(d(2018, 5, 27)), "Sun 27 May 2018");
    }
}
