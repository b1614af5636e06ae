/// The numbers of a group of calls (Documentation.docc/Live.md, "Numbers"): calls, answered, missed
/// (ended with any outcome but `answered`; calls still open count in `calls` only), talk time, time
/// to answer, and calls per hour of the day for the busiest hour.
///
/// ```swift
/// var numbers = CallNumbers()
/// numbers.count(call)
/// print(numbers.answerRate ?? 0)
/// ```
public struct CallNumbers: Sendable, Equatable {
    public var calls = 0
    public var answered = 0
    public var missed = 0
    public var talkSeconds = 0
    /// Answered calls whose talk time is known: what the average divides by.
    public var talked = 0
    public var answerMilliseconds: Int64 = 0
    public var answerTimed = 0
    public var byHourOfDay = [Int](repeating: 0, count: 24)

    public init() {}

    /// Counts one call as it stands: ended calls by outcome, open ones in `calls` only.
    public mutating func count(_ call: CallInProgress) {
        calls += 1
        if let hour = call.startedAt.flatMap(Self.hourOfDay) { byHourOfDay[hour] += 1 }
        guard call.ended else { return }
        if call.outcome == "answered" {
            answered += 1
            if let talk = call.talk { talkSeconds += talk; talked += 1 }
            if let wait = call.secondsToAnswer { answerMilliseconds += Int64(wait * 1000); answerTimed += 1 }
        } else {
            missed += 1
        }
    }

    public mutating func add(_ other: CallNumbers) {
        calls += other.calls; answered += other.answered; missed += other.missed
        talkSeconds += other.talkSeconds; talked += other.talked
        answerMilliseconds += other.answerMilliseconds; answerTimed += other.answerTimed
        for hour in 0..<24 { byHourOfDay[hour] += other.byHourOfDay[hour] }
    }

    /// Answered over the calls that ended; nil before any ended.
    public var answerRate: Double? { answered + missed == 0 ? nil : Double(answered) / Double(answered + missed) }
    public var averageTalkSeconds: Double? { talked == 0 ? nil : Double(talkSeconds) / Double(talked) }
    public var averageSecondsToAnswer: Double? { answerTimed == 0 ? nil : Double(answerMilliseconds) / 1000 / Double(answerTimed) }

    /// The hour of the day (UTC) with the most calls started; the earliest on a tie.
    public var busiestHour: Int? {
        guard let most = byHourOfDay.max(), most > 0 else { return nil }
        return byHourOfDay.firstIndex(of: most)
    }

    /// `2023-11-14T09:...` → 9.
    static func hourOfDay(_ time: String) -> Int? {
        let u = Array(time.utf8)
        guard u.count >= 13, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
              let h = Int(String(decoding: u[11..<13], as: UTF8.self)), (0..<24).contains(h) else { return nil }
        return h
    }
}
