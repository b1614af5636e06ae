/// The vendor-doc payloads the JSON and form tests walk: the payloads themselves live in
/// `VendorFixtures`; VoIPstudio's REST snippets are here.
enum VendorDocExamples {
    static let impactpbxOriginate = VendorFixtures.impactOriginate
    static let impactpbxRing = VendorFixtures.impactRing
    static let impactpbxAnswer = VendorFixtures.impactAnswer
    static let impactpbxHangup = VendorFixtures.impactHangup
    static let impactpbxFailed = VendorFixtures.impactFailedAsDocumented
    static let voipstudioHangup = VendorFixtures.voipstudioHangup
    static let voipstudioTransfer = #"""
{
"dst": "2002"
}
"""#
    static let voipstudioFilter = #"[{"property":"live_id","operator":"=","value":"{call.id}"}]"#

    static let validJSON = [impactpbxOriginate, impactpbxRing, impactpbxAnswer, impactpbxHangup,
                            voipstudioHangup, voipstudioTransfer, voipstudioFilter]

    static let urlnetworksForms = [
        VendorFixtures.urlIncomingRinging, VendorFixtures.urlIncomingHangup, VendorFixtures.urlExtensionRinging,
        VendorFixtures.urlExtensionAnswered, VendorFixtures.urlExtensionHangup,
    ]
}
