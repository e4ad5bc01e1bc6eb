//! Go's `time` formatting for Sprig's date functions (`now`, `date`, `htmlDate`, `duration`, …),
//! in UTC: layouts like `2006-01-02T15:04:05Z07:00`, and `time.Duration` strings (`1h2m3s`).
//!
//! Upstream: Go `src/time/format.go` (`Time.Format`, `Duration.String`).

/// Civil date and time of a Unix instant (UTC).
pub struct Civil {
    /// Year.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
    /// Hour.
    pub hour: u32,
    /// Minute.
    pub min: u32,
    /// Second.
    pub sec: u32,
    /// Day of the week, 0 = Sunday.
    pub weekday: u32,
    /// Day of the year, 1-based.
    pub yday: u32,
}

/// Converts Unix seconds to a UTC civil time.
pub fn civil(unix: i64) -> Civil {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400) as u32;
    // Howard Hinnant's civil_from_days
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = if m <= 2 { y + 1 } else { y };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(m - 1) as usize] + d + u32::from(leap && m > 2);
    Civil {
        year,
        month: m,
        day: d,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        weekday: (days + 4).rem_euclid(7) as u32,
        yday,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// `Time.Format(layout)` for a UTC instant.
pub fn format(unix: i64, nanos: u32, layout: &str) -> String {
    let c = civil(unix);
    let mut out = String::new();
    let mut rest = layout;
    while !rest.is_empty() {
        let tokens: &[(&str, &dyn Fn() -> String)] = &[
            ("January", &|| MONTHS[(c.month - 1) as usize].to_string()),
            ("Monday", &|| DAYS[c.weekday as usize].to_string()),
            ("2006", &|| format!("{:04}", c.year)),
            ("Z07:00", &|| "Z".to_string()),
            ("Z0700", &|| "Z".to_string()),
            ("-07:00", &|| "+00:00".to_string()),
            ("-0700", &|| "+0000".to_string()),
            ("Jan", &|| MONTHS[(c.month - 1) as usize][..3].to_string()),
            ("Mon", &|| DAYS[c.weekday as usize][..3].to_string()),
            ("MST", &|| "UTC".to_string()),
            ("002", &|| format!("{:03}", c.yday)),
            ("-07", &|| "+00".to_string()),
            ("Z07", &|| "Z".to_string()),
            ("01", &|| format!("{:02}", c.month)),
            ("02", &|| format!("{:02}", c.day)),
            ("_2", &|| format!("{:>2}", c.day)),
            ("06", &|| format!("{:02}", c.year.rem_euclid(100))),
            ("15", &|| format!("{:02}", c.hour)),
            ("03", &|| format!("{:02}", if c.hour.is_multiple_of(12) { 12 } else { c.hour % 12 })),
            ("04", &|| format!("{:02}", c.min)),
            ("05", &|| format!("{:02}", c.sec)),
            ("PM", &|| if c.hour >= 12 { "PM" } else { "AM" }.to_string()),
            ("pm", &|| if c.hour >= 12 { "pm" } else { "am" }.to_string()),
            ("1", &|| c.month.to_string()),
            ("2", &|| c.day.to_string()),
            ("3", &|| (if c.hour.is_multiple_of(12) { 12 } else { c.hour % 12 }).to_string()),
            ("4", &|| c.min.to_string()),
            ("5", &|| c.sec.to_string()),
        ];
        // fractional seconds: .000 / ,000 (fixed) and .999 (trimmed)
        if (rest.starts_with(".0") || rest.starts_with(".9") || rest.starts_with(",0") || rest.starts_with(",9"))
            && !out.is_empty()
        {
            let digit = rest.as_bytes()[1];
            let n = rest[1..].bytes().take_while(|b| *b == digit).count();
            let after = rest[1 + n..].chars().next();
            if !after.is_some_and(|c| c.is_ascii_digit()) {
                let frac = format!("{:09}", nanos);
                let mut f = frac[..n.min(9)].to_string();
                if digit == b'9' {
                    f = f.trim_end_matches('0').to_string();
                    if !f.is_empty() {
                        out.push('.');
                        out.push_str(&f);
                    }
                } else {
                    out.push(rest.as_bytes()[0] as char);
                    out.push_str(&f);
                }
                rest = &rest[1 + n..];
                continue;
            }
        }
        if let Some((tok, f)) = tokens.iter().find(|(t, _)| rest.starts_with(*t)) {
            out.push_str(&f());
            rest = &rest[tok.len()..];
        } else {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(ch);
            rest = &rest[ch.len_utf8()..];
        }
    }
    out
}

/// `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`.
pub fn time_string(unix: i64, nanos: u32) -> String {
    format(unix, nanos, "2006-01-02 15:04:05.999999999 -0700 MST")
}

/// `Duration.String()` of a number of nanoseconds: `1h2m3.5s`, `1.5ms`, `0s`.
pub fn duration_string(nanos: i128) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let neg = nanos < 0;
    let u = nanos.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        let (unit, div) = if u < 1_000 {
            ("ns", 1u128)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&frac(u, div));
        out.push_str(unit);
    } else {
        let secs = u / 1_000_000_000;
        let h = secs / 3600;
        let m = secs % 3600 / 60;
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        out.push_str(&frac(u % 60_000_000_000, 1_000_000_000));
        out.push('s');
    }
    if neg { format!("-{out}") } else { out }
}

fn frac(v: u128, div: u128) -> String {
    let whole = v / div;
    let rem = v % div;
    if rem == 0 {
        return whole.to_string();
    }
    let width = div.to_string().len() - 1;
    let f = format!("{rem:0width$}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

/// `time.Parse(layout, value)` in UTC for numeric layouts (`2006-01-02T15:04:05Z07:00` and its
/// parts, `Jan`, fractions); `None` when the value does not fit.
pub fn parse(layout: &str, value: &str) -> Option<(i64, u32)> {
    let (mut year, mut month, mut day, mut hour, mut min, mut sec, mut nanos) =
        (1i64, 1u32, 1u32, 0u32, 0u32, 0u32, 0u32);
    let mut pm: Option<bool> = None;
    let mut offset: i64 = 0;
    let mut l = layout;
    let mut v = value;
    fn digits(v: &mut &str, min: usize, max: usize) -> Option<u32> {
        let n = v.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if n < min {
            return None;
        }
        let x = v[..n].parse().ok()?;
        *v = &v[n..];
        Some(x)
    }
    while !l.is_empty() {
        if let Some(r) = l.strip_prefix("2006") {
            year = digits(&mut v, 4, 4)? as i64;
            l = r;
        } else if let Some(r) = l.strip_prefix("January") {
            let i = MONTHS.iter().position(|m| v.starts_with(m))?;
            v = &v[MONTHS[i].len()..];
            month = i as u32 + 1;
            l = r;
        } else if let Some(r) = l.strip_prefix("Jan") {
            let i = MONTHS.iter().position(|m| v.starts_with(&m[..3]))?;
            v = &v[3..];
            month = i as u32 + 1;
            l = r;
        } else if let Some(r) = l.strip_prefix("Z07:00").or_else(|| l.strip_prefix("-07:00")) {
            if let Some(rest) = v.strip_prefix('Z') {
                v = rest;
            } else {
                let sign = if v.starts_with('-') {
                    -1
                } else if v.starts_with('+') {
                    1
                } else {
                    return None;
                };
                v = &v[1..];
                let h = digits(&mut v, 2, 2)? as i64;
                v = v.strip_prefix(':')?;
                let m = digits(&mut v, 2, 2)? as i64;
                offset = sign * (h * 3600 + m * 60);
            }
            l = r;
        } else if let Some(r) = l.strip_prefix("01") {
            month = digits(&mut v, 2, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("02") {
            day = digits(&mut v, 2, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("15") {
            hour = digits(&mut v, 1, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("03") {
            hour = digits(&mut v, 2, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("04") {
            min = digits(&mut v, 2, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("05") {
            sec = digits(&mut v, 2, 2)?;
            if v.starts_with('.') && !r.starts_with('.') {
                v = &v[1..];
                let n = v.bytes().take_while(u8::is_ascii_digit).count();
                let f = format!("{:0<9}", &v[..n.min(9)]);
                nanos = f.parse().ok()?;
                v = &v[n..];
            }
            l = r;
        } else if (l.starts_with(".0") || l.starts_with(".9")) && v.starts_with('.') {
            let d = l.as_bytes()[1];
            let n = l[1..].bytes().take_while(|b| *b == d).count();
            l = &l[1 + n..];
            v = &v[1..];
            let k = v.bytes().take_while(u8::is_ascii_digit).count();
            let f = format!("{:0<9}", &v[..k.min(9)]);
            nanos = f.parse().ok()?;
            v = &v[k..];
        } else if let Some(r) = l.strip_prefix("PM") {
            pm = Some(v.starts_with("PM"));
            v = v.get(2..)?;
            l = r;
        } else if let Some(r) = l.strip_prefix("06") {
            year = 2000 + digits(&mut v, 2, 2)? as i64;
            l = r;
        } else if let Some(r) = l.strip_prefix('1') {
            month = digits(&mut v, 1, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix('2') {
            day = digits(&mut v, 1, 2)?;
            l = r;
        } else if let Some(r) = l.strip_prefix('3') {
            hour = digits(&mut v, 1, 2)?;
            l = r;
        } else {
            let c = l.chars().next()?;
            v = v.strip_prefix(c)?;
            l = &l[c.len_utf8()..];
        }
    }
    if !v.is_empty() || !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || min > 59 || sec > 59 {
        return None;
    }
    if let Some(p) = pm {
        hour = hour % 12 + if p { 12 } else { 0 };
    }
    // days_from_civil
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + hour as i64 * 3600 + min as i64 * 60 + sec as i64 - offset, nanos))
}

/// Go's `time.ParseDuration` (`src/time/format.go`): `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` with the
/// units `ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`, `h`, to nanoseconds. Errors carry Go's text
/// (`time: invalid duration "x"`, `time: missing unit in duration "1"`,
/// `time: unknown unit "d" in duration "1d"`).
pub fn parse_duration(orig: &str) -> Result<i64, String> {
    const MAX: u64 = 1 << 63;
    let q = crate::funcs::go_quote;
    let invalid = || format!("time: invalid duration {}", q(orig));
    let mut s = orig.as_bytes();
    let mut neg = false;
    if let Some(&c) = s.first()
        && (c == b'-' || c == b'+')
    {
        neg = c == b'-';
        s = &s[1..];
    }
    if s == b"0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut d: u64 = 0;
    while !s.is_empty() {
        if !(s[0] == b'.' || s[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // leadingInt
        let before = s.len();
        let mut v: u64 = 0;
        while let Some(&c) = s.first().filter(|c| c.is_ascii_digit()) {
            if v > MAX / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(c - b'0');
            if v > MAX {
                return Err(invalid());
            }
            s = &s[1..];
        }
        let pre = before != s.len();
        // leadingFraction
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.first() == Some(&b'.') {
            s = &s[1..];
            let before = s.len();
            let mut overflow = false;
            while let Some(&c) = s.first().filter(|c| c.is_ascii_digit()) {
                s = &s[1..];
                if overflow {
                    continue;
                }
                if f > (MAX - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + u64::from(c - b'0');
                if y > MAX {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            post = before != s.len();
        }
        if !pre && !post {
            return Err(invalid());
        }
        let i = s.iter().position(|&c| c == b'.' || c.is_ascii_digit()).unwrap_or(s.len());
        if i == 0 {
            return Err(format!("time: missing unit in duration {}", q(orig)));
        }
        let u = String::from_utf8_lossy(&s[..i]).into_owned();
        s = &s[i..];
        let unit: u64 = match u.as_str() {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return Err(format!("time: unknown unit {} in duration {}", q(&u), q(orig))),
        };
        if v > MAX / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > MAX {
                return Err(invalid());
            }
        }
        d += v;
        if d > MAX {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > MAX - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

/// Sprig's `durationRound` (`date.go`) of a number of nanoseconds: the largest whole unit
/// strictly exceeded (`y` = 365 days, `mo` = 30 days, `d`, `h`, `m`, `s`), else `0s`.
pub fn duration_round(d: i64) -> String {
    let u = if d < 0 { (d as u64).wrapping_neg() } else { d as u64 };
    const S: u64 = 1_000_000_000;
    for (n, unit) in [
        (S * 3600 * 24 * 365, "y"),
        (S * 3600 * 24 * 30, "mo"),
        (S * 3600 * 24, "d"),
        (S * 3600, "h"),
        (S * 60, "m"),
        (S, "s"),
    ] {
        if u > n {
            return format!("{}{unit}", u / n);
        }
    }
    "0s".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        // 2024-02-29T13:04:05Z
        let t = 1_709_211_845;
        assert_eq!(format(t, 0, "2006-01-02T15:04:05Z07:00"), "2024-02-29T13:04:05Z");
        assert_eq!(format(t, 500_000_000, "Mon Jan _2 3:04PM .000 .999"), "Thu Feb 29 1:04PM .500 .5");
        assert_eq!(duration_string(95_000_000_000), "1m35s");
        assert_eq!(duration_string(3_600_000_000_000), "1h0m0s");
        assert_eq!(duration_string(1_500_000), "1.5ms");
    }
}
