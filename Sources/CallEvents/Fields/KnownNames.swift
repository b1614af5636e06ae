import Glibc   // memcmp

/// The member and field names the vendors document, each made a `String` once: the JSON reader
/// and the form decoder hand these out instead of building the same small strings again for
/// every delivery. A name not listed is simply built as usual.
///
/// ```swift
/// KnownNames.string(bytes, hash: FieldName.hash(bytes))   // "call_start_uepoch", shared; nil if unknown
/// ```
///
/// Looked up by `FieldName.hash` (which the decoders compute anyway) and then compared byte
/// for byte, so only an exact spelling matches.
enum KnownNames {
    /// From the vendor documentation (the vendor examples in
    /// `Tests/TestKit/Fixtures/Vendors`).
    static let names = [
        // ImpactPBX
        "ref", "domain_name", "recipient", "caller_id_number", "ani", "recipient_e164", "caller_id_number_e164",
        "ani_e164", "direction", "channel_uuid", "originating_leg_uuid", "dialed_user", "call_start",
        "call_start_uepoch", "ring_start", "ring_start_uepoch", "answer_start", "answer_start_uepoch", "call_end",
        "call_end_uepoch", "duration", "recording", "cause", "reason_failed", "click_to_call", "click_to_call_data",
        "timestamp", "action",
        // VoIPstudio
        "id", "event_time", "event_name", "call_id", "state", "connected_at", "start_time", "context",
        "destination", "t_cause", "src", "src_id", "src_name", "src_hash", "dst", "dst_id", "dst_name", "dtmf_tag",
        "dtmf_target", "from_no", "to_no", "customer_id",
        // URL Networks
        "service_id", "description", "end_time", "from", "external_did", "dialplan_id", "condition_id",
        "dialplan_name", "condition_name", "caller_name", "call_event_uuid", "http_ringing_url", "http_hangup_url",
        "http_post_recording_url", "method", "display_from", "extension_name", "extension_user_id", "agent_uuid",
        "hangup_cause", "recording_url", "call_completed",
        // VoipNow
        "CallID", "CallerID Num", "CallerID Name", "CallerIDNum", "CallerIDNam", "CallerIDName", "CalledDID",
        "CalledExtension", "CallStatus", "CallFlow", "CallerExtension", "CalledNumber", "CallAPIID",
    ]

    private static let table = Table(names)

    /// The shared string spelled exactly as `bytes`, whose `FieldName.hash` is `hash`; nil when
    /// the name is not a known one.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String? {
        table.string(bytes, hash: hash)
    }

    /// Open addressing over `FieldName.hash`, in memory that lives as long as the process and
    /// is never written after `init` (hence `@unchecked Sendable`). Each name's bytes are kept
    /// in whole words, zero after the name, so a lookup compares words, not bytes.
    private struct Table: @unchecked Sendable {
        private struct Entry {
            var hash: UInt64
            var word: Int   // the first of the name's words in `words`
            var count: Int
        }

        private let strings: UnsafeMutableBufferPointer<String>
        private let entries: UnsafeMutableBufferPointer<Entry>
        private let words: UnsafeMutableBufferPointer<UInt64>
        /// Index + 1 into `entries`; 0 is an empty slot.
        private let slots: UnsafeMutableBufferPointer<Int32>
        private let mask: Int

        init(_ names: [String]) {
            var size = 16
            while size < names.count * 4 { size *= 2 }   // at most a quarter full: short probes
            mask = size - 1
            strings = .allocate(capacity: names.count)
            entries = .allocate(capacity: names.count)
            words = .allocate(capacity: names.reduce(0) { $0 + ($1.utf8.count + 7) / 8 })
            words.initialize(repeating: 0)
            slots = .allocate(capacity: size)
            slots.initialize(repeating: 0)
            var word = 0
            for (k, name) in names.enumerated() {
                let count = name.utf8.count
                let hash = ASCII.withUTF8(of: name) { bytes in
                    let raw = UnsafeRawPointer(bytes.baseAddress!)
                    var i = 0
                    while i + 8 <= count {
                        words[word + i / 8] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        i += 8
                    }
                    if i < count { words[word + i / 8] = ByteScan.tail(raw, from: i, count: count).word }
                    return FieldName.hash(bytes)
                }
                strings.baseAddress!.advanced(by: k).initialize(to: name)
                entries.baseAddress!.advanced(by: k).initialize(to: Entry(hash: hash, word: word, count: count))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k + 1)
                word += (count + 7) / 8
            }
        }

        @inline(__always)
        func string(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String? {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let index = Int(slots[slot])
                if index == 0 { return nil }
                let entry = entries[index &- 1]
                if entry.hash == hash, entry.count == name.count, equal(name, words.baseAddress! + entry.word) {
                    return strings[index &- 1]
                }
                slot = (slot &+ 1) & mask
            }
        }

        /// Whether `name` (not empty) is the bytes in `stored`, zero after them in the last word.
        @inline(__always)
        private func equal(_ name: UnsafeBufferPointer<UInt8>, _ stored: UnsafePointer<UInt64>) -> Bool {
            let raw = UnsafeRawPointer(name.baseAddress!)
            var i = 0
            var k = 0
            while i &+ 8 <= name.count {
                if stored[k] != UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
                i &+= 8
                k &+= 1
            }
            return i == name.count || stored[k] == ByteScan.tail(raw, from: i, count: name.count).word
        }
    }
}
