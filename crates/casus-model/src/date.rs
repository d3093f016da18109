use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar day. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: i16,
    pub month: u8,
    pub day: u8,
}

/// The last day ATOP 5.1 covers. Commitments ATOP shows in force on this day are
/// assumed to hold after it, and casus says so.
pub const ATOP_LAST_DAY: Date = Date {
    year: 2018,
    month: 12,
    day: 31,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write it as YYYY-MM-DD, for example 2021-04-29")]
    Syntax(String),
    #[error("`{0}` is not a real calendar day")]
    NoSuchDay(String),
}

impl Date {
    /// A checked date.
    pub fn new(year: i16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn first_of_year(year: i16) -> Date {
        Date { year, month: 1, day: 1 }
    }

    pub fn last_of_year(year: i16) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// The next day.
    pub fn succ(self) -> Date {
        Date::new(self.year, self.month, self.day + 1)
            .or_else(|| Date::new(self.year, self.month + 1, 1))
            .unwrap_or(Date::first_of_year(self.year + 1))
    }

    /// The day before.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let month = self.month - 1;
            Date {
                year: self.year,
                month,
                day: days_in_month(self.year, month),
            }
        } else {
            Date::last_of_year(self.year - 1)
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let mut parts = t.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(DateError::Syntax(t.to_string()));
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(DateError::Syntax(t.to_string()));
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<u8>(), d.parse::<u8>()) else {
            return Err(DateError::Syntax(t.to_string()));
        };
        Date::new(y, m, d).ok_or_else(|| DateError::NoSuchDay(t.to_string()))
    }
}

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// A date as ATOP codes it: the month or the day may be unknown (0 or blank).
///
/// Policy: a commitment is taken to be in force over the *widest* span its
/// partial dates allow. An entry with an unknown day counts from the first day
/// of its month (an unknown month, from 1 January); an exit with an unknown day
/// counts to the last day of its month (an unknown month, to 31 December).
/// Scenario output marks an obligation whose date falls inside such an
/// uncertain stretch, so nothing rests silently on the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn exact(d: Date) -> PartialDate {
        PartialDate {
            year: d.year,
            month: Some(d.month),
            day: Some(d.day),
        }
    }

    /// The first day this partial date can mean.
    pub fn earliest(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date {
                year: self.year,
                month: m,
                day: d,
            },
            (Some(m), None) => Date {
                year: self.year,
                month: m,
                day: 1,
            },
            (None, _) => Date::first_of_year(self.year),
        }
    }

    /// The last day this partial date can mean.
    pub fn latest(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date {
                year: self.year,
                month: m,
                day: d,
            },
            (Some(m), None) => Date {
                year: self.year,
                month: m,
                day: days_in_month(self.year, m),
            },
            (None, _) => Date::last_of_year(self.year),
        }
    }

    pub fn is_exact(&self) -> bool {
        self.month.is_some() && self.day.is_some()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02} (day unknown)", self.year, m),
            (None, _) => write!(f, "{:04} (month unknown)", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2021-04-29").unwrap(),
            Date {
                year: 2021,
                month: 4,
                day: 29
            }
        );
        assert_eq!(Date::parse("2024-02-29").unwrap().day, 29);
        assert!(matches!(Date::parse("2023-02-29"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("2021/04/29"), Err(DateError::Syntax(_))));
        assert!(matches!(Date::parse("21-04-29"), Err(DateError::Syntax(_))));
    }

    #[test]
    fn neighbours_cross_month_and_year_ends() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2020-02-28").succ(), d("2020-02-29"));
        assert_eq!(d("2021-02-28").succ(), d("2021-03-01"));
        assert_eq!(d("2021-12-31").succ(), d("2022-01-01"));
        assert_eq!(d("2022-01-01").pred(), d("2021-12-31"));
        assert_eq!(d("2020-03-01").pred(), d("2020-02-29"));
    }

    #[test]
    fn partial_dates_span_their_unknown_parts() {
        let p = PartialDate {
            year: 1999,
            month: Some(2),
            day: None,
        };
        assert_eq!(p.earliest().to_string(), "1999-02-01");
        assert_eq!(p.latest().to_string(), "1999-02-28");
        let y = PartialDate {
            year: 1874,
            month: None,
            day: None,
        };
        assert_eq!(y.earliest().to_string(), "1874-01-01");
        assert_eq!(y.latest().to_string(), "1874-12-31");
    }
}
