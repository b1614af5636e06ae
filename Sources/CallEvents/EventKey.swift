/// Builds a CallEvent's idempotency `key` (call-event.md, "Keys").
///
/// ```swift
/// EventKey.make(.impactpbx, [ref, action, timestamp])   // "impactpbx:<ref>:hangup:<timestamp>"
/// EventKey.fallback(.voipnow, raw: raw)                   // "voipnow:raw:1f0c9b2e4d5a6c7b"
/// ```
///
/// The fallback, used when the identifying parts are missing, hashes the raw payload with
