/// The one entry point of the module: a delivery in, a CallEvent or a reject out. Pure: no I/O.
///
/// ```swift
/// switch CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) {
/// case .success(let event): log.append(event.jsonLine())
/// case .failure(let failure): rejects.append(...)   // failure.status is 422 or 415
/// }
/// ```
public enum CallEventDecoder {
    public static func decode(_ delivery: Delivery, as choice: VendorChoice) -> Result<CallEvent, DecodeFailure> {
        fatalError("not implemented")
    }
}
