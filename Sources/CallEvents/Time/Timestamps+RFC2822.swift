extension Timestamps {
    /// RFC 2822 §3.3 `date-time` (Twilio's `Timestamp`): `[day-of-week ","] day month year
    /// hour ":" minute [":" second] zone`, where zone is `+hhmm` / `-hhmm`, or one of the
    /// obsolete names of §4.3 that mean UTC (`UT`, `GMT`, `Z`). Milliseconds since the epoch.
    static func parseRFC2822(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        var words: [UnsafeBufferPointer<UInt8>] = []
        var i = 0
        while i < s.count {
            while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
            let start = i
            while i < s.count, s[i] != 0x20, s[i] != 0x09 { i += 1 }
            if i > start { words.append(UnsafeBufferPointer(rebasing: s[start..<i])) }
        }
        // The day of the week says nothing the date does not; it is only checked to end in ','.
        if let first = words.first, !first.isEmpty, !ASCII.isDigit(first[0]) {
            guard first.last == UInt8(ascii: ",") else { return nil }
            words.removeFirst()
        }
        guard words.count == 5, let day = number(words[0], digits: 1...2),
              let month = monthNumber(words[1]), let year = number(words[2], digits: 4...4),
              let (hour, minute, second) = clock(words[3]), let offset = zone(words[4]) else { return nil }
        guard year >= 1, day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        let seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return seconds * 1000
    }

    private static func number(_ word: UnsafeBufferPointer<UInt8>, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(word.count), word.allSatisfy(ASCII.isDigit) else { return nil }
        return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func monthNumber(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let names: [StaticString] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard word.count == 3 else { return nil }
        return names.firstIndex { ASCII.equals(word, $0) }.map { $0 + 1 }
    }

    /// `hh:mm[:ss]`; a leap second (60) reads as the next minute's :00.
    private static func clock(_ word: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        let parts = word.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let values = parts.compactMap { number(UnsafeBufferPointer(rebasing: $0), digits: 2...2) }
        guard values.count == parts.count, values[0] <= 23, values[1] <= 59 else { return nil }
        let second = values.count == 3 ? values[2] : 0
        guard second <= 60 else { return nil }
        return (values[0], values[1], second)
    }

    /// Seconds east of UTC.
    private static func zone(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        if ASCII.equals(word, "gmt") || ASCII.equals(word, "ut") || ASCII.equals(word, "utc") || ASCII.equals(word, "z") {
            return 0
        }
        guard word.count == 5, word[0] == UInt8(ascii: "+") || word[0] == UInt8(ascii: "-"),
              let value = number(UnsafeBufferPointer(rebasing: word[1...]), digits: 4...4) else { return nil }
        let hours = value / 100, minutes = value % 100
        guard hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return word[0] == UInt8(ascii: "+") ? seconds : -seconds
    }
}
