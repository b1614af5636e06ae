/// How a call ended (Documentation.docc/EventSchema.md, "`outcome` vocabulary").
public enum Outcome: String, Sendable, CaseIterable {
    case answered, busy
    case noAnswer = "no_answer"
    case cancelled, congestion, unavailable, missed, failed, unknown
}
