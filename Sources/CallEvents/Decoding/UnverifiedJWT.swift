/// What the decoder may do with a `jwt` body whose signature nobody checked
/// (Documentation.docc/Vendors.md, "A definition"): the receiver decides, by the route.
///
/// ```swift
/// delivery.unverifiedJWT = route.secret == nil ? .decode : .refuse
/// ```
public enum UnverifiedJWT: Sendable, Equatable {
    /// Decode it: the route has no secret, so there is nothing to check it with.
    case decode
    /// Refuse it (`DecodeFailure.Reason.unverifiedSignature`): the route has a secret, and a
    /// signed body that was not verified is not trusted.
    case refuse
}
