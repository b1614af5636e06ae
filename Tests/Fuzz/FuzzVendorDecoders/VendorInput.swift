import CallEvents
import FuzzSupport

/// The fuzzer's bytes as three deliveries (a JSON body, a form body with a query, a GET query),
/// each decoded as every vendor and as `auto`.
enum VendorInput {
    static let choices: [VendorChoice] = Vendor.allCases.map { .vendor($0) } + [.auto]

    static func check(_ bytes: [UInt8]) {
        let deliveries = [
            delivery(method: "POST", contentType: "application/json", body: bytes, query: nil),
            delivery(method: "POST", contentType: "application/x-www-form-urlencoded", body: bytes, query: Array("token=s&x=1".utf8)),
            delivery(method: "GET", contentType: nil, body: [], query: bytes),
        ]
        for delivery in deliveries {
            for choice in choices {
                let context = "\(delivery.method) \(delivery.contentType ?? "-") as \(choice)"
                switch CallEventDecoder.decode(delivery, as: choice) {
                case .success(let event):
                    CallEventLine.check(event, context)
                    TapeConsistency.check(event, delivery, choice, context)
                case .failure(let failure):
                    FuzzCheck.require(!failure.message.isEmpty, "\(context): a reject (\(failure.reason)) without a message")
                }
            }
        }
    }

    static func delivery(method: String, contentType: String?, body: [UInt8], query: [UInt8]?) -> Delivery {
        Delivery(method: method, contentType: contentType, body: body, query: query,
                 id: "01900000-0000-7000-8000-000000000000", receivedAt: Timestamp(milliseconds: 1_580_283_919_489),
                 route: "fuzz", source: EventSource(addr: "192.0.2.1", userAgent: "fuzz"))
    }
}
