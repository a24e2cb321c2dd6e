import GongkaiCore

extension EventInput {
    /// The input that records `event` — the reverse of `event()`: its name and its fields as text (`received`, the
    /// first event of every case, is named but never recorded through an input).
    ///
    /// ```swift
    /// EventInput(ApplicationEvent(CivilDate(2024, 3, 20), .answered(.granted))).fields // ["outcome": "granted"]
    /// ```
    public init(_ event: ApplicationEvent) {
        let (name, fields): (String, [String: String]) = switch event.kind {
        case .received: ("received", [:])
        case .correctionRequested(let deadline): ("correction-requested", ["deadline": deadline.iso])
        case .correctionReceived: ("correction-received", [:])
        case .correctionLapsed: ("correction-lapsed", [:])
        case .consultationSent(let party): ("consultation-sent", ["party": party == .thirdParty ? "third-party" : "other-agency"])
        case .consultationDelivered: ("consultation-delivered", [:])
        case .consultationReplied: ("consultation-replied", [:])
        case .extensionApproved(let days, let by): ("extension-approved", ["days": "\(days)", "approved-by": by])
        case .feeNoticeSent(let amount): ("fee-notice-sent", ["amount": String(amount.description.dropLast())])
        case .feeNoticeDelivered: ("fee-notice-delivered", [:])
        case .feePaid: ("fee-paid", [:])
        case .feeLapsed: ("fee-lapsed", [:])
        case .reasonsRequested: ("reasons-requested", [:])
        case .delayedReplySet(let until): ("delayed-reply-set", ["until": until.iso])
        case .answered(let outcome): ("answered", ["outcome": outcome.row.id])
        case .answeredInParts(let parts): ("answered-in-parts", ["outcomes": parts.map(\.row.id).joined(separator: ",")])
        case .withdrawn: ("withdrawn", [:])
        }
        self.init(name: name, date: event.date, fields: fields)
    }
}
