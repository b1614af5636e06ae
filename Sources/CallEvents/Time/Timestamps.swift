/// The one time reader for every vendor, coded or declared (Documentation.docc/EventSchema.md
/// "Times as senders write them"), and the writer of RFC 3339 UTC with three fractional digits.
///
/// ```swift
/// Timestamps.parse("2021-04-28 08:46:13")             // Y-m-d H:i:s, UTC
/// Timestamps.parse("2020-01-29T07:45:19.000+00:00")   // RFC 3339 / ISO 8601, any offset
/// Timestamps.parse("Sun, 25 Mar 2018 09:53:19 +0000") // RFC 2822 (Twilio)
/// Timestamps.parse("1573865518")                      // epoch seconds
/// Timestamps.parse("1580283919489709")                // epoch microseconds, told by size
/// Timestamps.format(t)                                // "2020-01-29T07:45:19.489Z"
/// ```
///
/// Epochs are read by their size, since senders mix units: below 10^11 seconds, below 10^14
/// milliseconds, below 10^17 microseconds, else nanoseconds. "No time" is nil, never 1970 or
/// year 0: `0`, `""`, `false`, `null`, `0000-00-00` and PHP's `0000-00-00 00:00:00`. Only years
/// 0001 to 9999 are read. Anything that does not parse is nil: a bad time is left out of the
/// event, it never rejects a delivery. Dates are converted with the days-from-civil algorithm
/// (proleptic Gregorian calendar).
enum Timestamps {
    /// The largest time that still has a four-digit year: 9999-12-31T23:59:59.999Z.
    static let maxMilliseconds: Int64 = 253_402_300_799_999
    /// 0000-01-01T00:00:00.000Z, the earliest time that can be written.
    static let minMilliseconds: Int64 = -62_167_219_200_000

    /// A time from a JSON value: numbers are epochs; strings are epochs when all digits (with
    /// an optional fraction), else a date and time. Booleans, `null` and objects are no time.
    static func parse(_ value: JSONValue) -> Timestamp? {
        switch value {
        case .number(let text), .string(let text): return parse(text)
        case .array(let values): return values.first.flatMap { parse($0) }
        default: return nil
        }
    }

    static func parse(_ text: String) -> Timestamp? {
        ASCII.withUTF8(of: text) { bytes in
            let (lo, hi) = ASCII.trimmedRange(bytes)
            guard lo < hi else { return nil }
            let s = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
            let ms: Int64?
            if !ASCII.isDigit(s[0]) || s.count > 2 && (s[1] == 0x20 || s[2] == 0x20) {
                ms = parseRFC2822(s)        // `Sun, 25 Mar 2018 ...` or `25 Mar 2018 ...`
            } else if s.count >= 10 && s[4] == UInt8(ascii: "-") {
                ms = parseDateTime(s)
            } else {
                ms = parseEpoch(s)
            }
            guard let ms, ms >= minMilliseconds, ms <= maxMilliseconds else { return nil }
            return Timestamp(milliseconds: ms)
        }
    }

    /// `digits[.digits]`, no sign, no exponent, its unit told by its size; fractions below a
    /// millisecond are dropped. Zero is no time (FreeSWITCH's `answer_uepoch` of an unanswered call).
    private static func parseEpoch(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        var whole: Int64 = 0
        var i = 0
        while i < s.count, ASCII.isDigit(s[i]) {
            // Nanoseconds of this century take 19 digits; past Int64 is past year 9999 anyway.
            let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(s[i] - 0x30))
            guard !o1, !o2 else { return nil }
            whole = next
            i += 1
        }
        // Up to nine fractional digits are kept, as nanoseconds of the whole unit.
        var fraction: Int64 = 0, scale: Int64 = 100_000_000
        if i < s.count {
            guard s[i] == UInt8(ascii: "."), i + 1 < s.count else { return nil }
            i += 1
            while i < s.count {
                guard ASCII.isDigit(s[i]) else { return nil }
                fraction += Int64(s[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        guard whole > 0 || fraction > 0 else { return nil }
        switch whole {
        case ..<100_000_000_000: return whole * 1000 + fraction / 1_000_000                  // seconds
        case ..<100_000_000_000_000: return whole + fraction / 1_000_000_000                // milliseconds
        case ..<100_000_000_000_000_000: return whole / 1000                               // microseconds
        default: return whole / 1_000_000                                                   // nanoseconds
        }
    }

    /// RFC 3339 §5.6 `date-time`, leniently: `T`, `t` or a space between date and time;
    /// seconds and the offset optional (no offset means UTC, as VoIPstudio's `Y-m-d H:i:s`);
    /// `Z`, `z`, `±hh:mm`, `±hhmm` or `±hh`.
    private static func parseDateTime(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        var text = Cursor(s)
        guard let year = text.digits(4), text.expect(UInt8(ascii: "-")), let month = text.digits(2),
              text.expect(UInt8(ascii: "-")), let day = text.digits(2) else { return nil }
        // Year 0000 is how PHP writes no date (`0000-00-00`), not a year anyone called in.
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
        var millis: Int64 = 0
        if let separator = text.next() {
            guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else { return nil }
            guard let hour = text.digits(2), text.expect(UInt8(ascii: ":")), let minute = text.digits(2) else { return nil }
            var second = 0
            if text.expect(UInt8(ascii: ":")) {
                guard let sec = text.digits(2) else { return nil }
                second = sec
                if text.expect(UInt8(ascii: ".")) || text.expect(UInt8(ascii: ",")) {
                    var scale: Int64 = 100
                    var any = false
                    while let digit = text.digit() {
                        millis += Int64(digit) * scale
                        scale /= 10
                        any = true
                    }
                    guard any else { return nil }
                }
            }
            // RFC 3339 allows a leap second (60); it reads as the next minute's :00.
            guard hour <= 23, minute <= 59, second <= 60 else { return nil }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            if let c = text.next() {
                if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                    // UTC
                } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                    guard let oh = text.digits(2) else { return nil }
                    var om = 0
                    if !text.atEnd {
                        _ = text.expect(UInt8(ascii: ":"))
                        guard let m = text.digits(2) else { return nil }
                        om = m
                    }
                    guard oh <= 23, om <= 59 else { return nil }
                    let offset = Int64(oh * 3600 + om * 60)
                    seconds += c == UInt8(ascii: "+") ? -offset : offset
                } else {
                    return nil
                }
            }
        }
        guard text.atEnd else { return nil }
        return seconds * 1000 + millis
    }

    /// Reads a date-time left to right (a plain struct: no captured, boxed index).
    private struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        var atEnd: Bool { i >= s.count }

        /// The next byte, consumed; nil at the end.
        mutating func next() -> UInt8? {
            guard i < s.count else { return nil }
            defer { i += 1 }
            return s[i]
        }

        /// Consumes `c` if it is next.
        mutating func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }

        /// The next byte's value if it is a digit, consumed.
        mutating func digit() -> Int? {
            guard i < s.count, ASCII.isDigit(s[i]) else { return nil }
            defer { i += 1 }
            return Int(s[i] &- 0x30)
        }

        /// Exactly `n` digits as a number, consumed; nil (nothing consumed) otherwise.
        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard ASCII.isDigit(s[k]) else { return nil }
                v = v * 10 + Int(s[k] &- 0x30)
            }
            i += n
            return v
        }
    }

    // MARK: - Civil dates (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms")

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12                       // March = 0
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Writing

    /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 bytes, no quotes).
    static func format(_ time: Timestamp, into bytes: inout [UInt8]) {
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            format(time, into: start)
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: 24))
        }
    }

    /// `2020-01-29T07:45:19.489Z`.
    static func format(_ time: Timestamp) -> String {
        String(unsafeUninitializedCapacity: 24) { out in
            format(time, into: out.baseAddress!)
            return 24
        }
    }

    /// Writes `YYYY-MM-DDTHH:MM:SS.mmmZ` to the 24 bytes at `out`.
    static func format(_ time: Timestamp, into out: UnsafeMutablePointer<UInt8>) {
        let ms = min(max(time.milliseconds, minMilliseconds), maxMilliseconds)
        let (secs, milli) = floorDivide(ms, 1000)
        let (days, secOfDay) = floorDivide(secs, 86_400)
        let date = civilFromDays(Int(days))
        let sod = Int(secOfDay)
        // Every field is below 10,000 and not negative (the year is clamped to 0000...9999).
        @inline(__always) func two(_ v: Int, _ at: Int) {
            out[at] = UInt8(truncatingIfNeeded: 0x30 &+ v / 10)
            out[at &+ 1] = UInt8(truncatingIfNeeded: 0x30 &+ v % 10)
        }
        two(date.year / 100, 0); two(date.year % 100, 2); out[4] = UInt8(ascii: "-")
        two(date.month, 5); out[7] = UInt8(ascii: "-")
        two(date.day, 8); out[10] = UInt8(ascii: "T")
        two(sod / 3600, 11); out[13] = UInt8(ascii: ":")
        two(sod / 60 % 60, 14); out[16] = UInt8(ascii: ":")
        two(sod % 60, 17); out[19] = UInt8(ascii: ".")
        let milliseconds = Int(milli)
        out[20] = UInt8(truncatingIfNeeded: 0x30 &+ milliseconds / 100)
        two(milliseconds % 100, 21); out[23] = UInt8(ascii: "Z")
    }

    /// Whole seconds from `start` to `end`, rounded down.
    static func seconds(from start: Timestamp, to end: Timestamp) -> Int {
        Int(floorDivide(end.milliseconds - start.milliseconds, 1000).quotient)
    }

    @inline(__always)
    static func floorDivide(_ a: Int64, _ b: Int64) -> (quotient: Int64, remainder: Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
