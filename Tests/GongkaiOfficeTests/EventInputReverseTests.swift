import GongkaiCore
import GongkaiOffice
import Testing

/// Every event reads back to the input that records it: name and fields round-trip through `event()`.
@Suite struct EventInputReverseTests {
    static let day = CivilDate(2024, 3, 20)

    @Test(arguments: [
        ApplicationEvent.Kind.correctionRequested(deadline: CivilDate(2024, 3, 29)), .correctionReceived, .correctionLapsed,
        .consultationSent(.thirdParty), .consultationSent(.otherAgency), .consultationDelivered, .consultationReplied,
        .extensionApproved(days: 15, approvedBy: "王主任"), .feeNoticeSent(amount: Fen(10_050)), .feeNoticeDelivered,
        .feePaid, .feeLapsed, .reasonsRequested, .delayedReplySet(until: CivilDate(2024, 5, 6)), .answered(.withheld(.thirdPartyRights)),
        .answeredInParts([.granted, .unavailable(.notHeld)]), .withdrawn,
    ])
    func everyRecordableEventRoundTrips(_ kind: ApplicationEvent.Kind) throws {
        let input = EventInput(ApplicationEvent(Self.day, kind))
        #expect(EventInput.names.contains { $0.name == input.name })
        #expect(try input.event() == ApplicationEvent(Self.day, kind))
    }

    @Test func theFirstEventIsNamedButNotRecordable() {
        let input = EventInput(ApplicationEvent(Self.day, .received))
        #expect(input.name == "received" && input.fields.isEmpty)
        #expect(throws: IntakeError.self) { try input.event() }
    }
}
