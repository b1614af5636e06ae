/// Payloads copied from the vendors' documentation pages, byte for byte where the docs give one,
/// as files in Tests/TestKit/Fixtures/Vendors (the same bytes seed the fuzz corpus in
/// Tests/Fuzz/Corpus/FuzzVendorDecoders). VoipNow's docs give only the parameter list; its two
/// payloads are built from it.
///
/// ```swift
/// let event = try decoder.decode(Array(VendorFixtures.impactHangup.utf8), ...)
/// for json in VendorFixtures.validJSON { ... }
/// ```
///
/// Where each comes from: ImpactPBX from its webhooks page (`impactFailedAsDocumented` keeps the
/// page's missing comma; `impactFailed` restores it); VoIPstudio's hangup from its webhooks page,
/// its transfer body and filter from its REST reference; URL Networks from the `curl --data`
/// strings of its HTTP endpoint events page; VoipNow from its call events page ("CallerID Num")
/// and knowledge-base article ("CallerIDNam").
public enum VendorFixtures {
    // MARK: ImpactPBX

    public static let impactOriginate = Fixture.text("Vendors/impactOriginate.json")
    public static let impactRing = Fixture.text("Vendors/impactRing.json")
    public static let impactAnswer = Fixture.text("Vendors/impactAnswer.json")
    public static let impactHangup = Fixture.text("Vendors/impactHangup.json")
    /// As the page prints it: a comma is missing after `"reason_failed":"NO_ROUTE"`.
    public static let impactFailedAsDocumented = Fixture.text("Vendors/impactFailedAsDocumented.json")
    /// The failed example with the comma restored.
    public static let impactFailed = impactFailedAsDocumented.replacing(
        "\"reason_failed\":\"NO_ROUTE\"\n", with: "\"reason_failed\":\"NO_ROUTE\",\n")

    // MARK: VoIPstudio

    public static let voipstudioHangup = Fixture.text("Vendors/voipstudioHangup.json")
    public static let voipstudioTransfer = Fixture.text("Vendors/voipstudioTransfer.json")
    public static let voipstudioFilter = Fixture.text("Vendors/voipstudioFilter.json")

    // MARK: URL Networks

    public static let urlIncomingRinging = Fixture.text("Vendors/urlIncomingRinging.form")
    public static let urlIncomingHangup = Fixture.text("Vendors/urlIncomingHangup.form")
    public static let urlExtensionRinging = Fixture.text("Vendors/urlExtensionRinging.form")
    public static let urlExtensionAnswered = Fixture.text("Vendors/urlExtensionAnswered.form")
    public static let urlExtensionHangup = Fixture.text("Vendors/urlExtensionHangup.form")

    // MARK: VoipNow

    public static let voipnowDialInQuery = Fixture.text("Vendors/voipnowDialInQuery.form")
    public static let voipnowHangupForm = Fixture.text("Vendors/voipnowHangupForm.form")

    // MARK: Sets the JSON and form tests walk

    public static let validJSON = [impactOriginate, impactRing, impactAnswer, impactHangup,
                                   voipstudioHangup, voipstudioTransfer, voipstudioFilter]

    public static let urlnetworksForms = [urlIncomingRinging, urlIncomingHangup, urlExtensionRinging,
                                          urlExtensionAnswered, urlExtensionHangup]
}
