/// What the numbers are grouped by (`callhook stats --by`, `/calls/summary?by=`).
public enum Grouping: String, Sendable, CaseIterable {
    /// The vendor name.
    case vendor
    /// The configured route that accepted the deliveries.
    case route
    /// The PBX extension the call is about.
    case `extension`
    /// The UTC hour the call started, `2023-11-14T09`.
    case hour
    /// The UTC day the call started, `2023-11-14`.
    case day

    /// The group a call falls in; `-` where the field is unknown.
    public func group(of call: CallInProgress) -> String {
        switch self {
        case .vendor: return call.vendor
        case .route: return call.route ?? "-"
        case .extension: return call.extension ?? "-"
        case .hour: return call.startedAt.map { String($0.prefix(13)) } ?? "-"
        case .day: return call.startedAt.map { String($0.prefix(10)) } ?? "-"
        }
    }
}
