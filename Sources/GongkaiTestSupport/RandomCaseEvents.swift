import GongkaiCore

/// Random but legal steps for generated case histories (tests and benchmarks): each event is drawn from what the
/// state machine allows in the case's current phase, so that replaying it never hits a refusal by construction
/// of the generator (a step the clocks still refuse — e.g. a late notice — is simply not recorded by callers).
public enum RandomCaseEvents {
    /// The next event for `c` on `day`, or nil to stop the history here.
    public static func nextKind(_ c: ApplicationCase, day: CivilDate, rng: inout SplitMix64)
        -> ApplicationEvent.Kind?
    {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch c.phase {
        case .underReview:
            if roll < 10 { return nil }
            if roll < 25 { return .correctionRequested(deadline: day.adding(days: Int.random(in: 1...30, using: &rng))) }
            if roll < 35 { return .consultationSent(ConsultedParty.allCases.randomElement(using: &rng)!) }
            if roll < 42 { return .extensionApproved(days: Int.random(in: 1...20, using: &rng), approvedBy: "负责人") }
            if roll < 50 { return .feeNoticeSent(amount: .yuan(100)) }
            if roll < 53 { return .withdrawn }
            if roll < 56 { return .reasonsRequested }
            if roll < 62 { return .answeredInParts([answerable(c, rng: &rng), answerable(c, rng: &rng)]) }
            return .answered(answerable(c, rng: &rng))
        case .awaitingCorrection: return roll < 50 ? .correctionReceived : roll < 90 ? .correctionLapsed : nil
        case .consulting:
            if roll < 20 { return .consultationDelivered }
            return roll < 55 ? .consultationReplied : roll < 90 ? .answered(answerable(c, rng: &rng)) : nil
        case .awaitingPayment(false): return roll < 60 ? .feeNoticeDelivered : roll < 90 ? .feePaid : nil
        case .awaitingPayment(true): return roll < 50 ? .feePaid : roll < 90 ? .feeLapsed : nil
        case .closed: return nil
        }
    }

    /// An outcome an answer to `c` may give (those that need a prior 补正 or Art. 35 request only after one).
    public static func answerable(_ c: ApplicationCase, rng: inout SplitMix64) -> Outcome {
        let corrected = c.events.contains { $0.kind == .correctionReceived }
        let reasonsRequested = c.events.contains { $0.kind == .reasonsRequested }
        return Outcome.allCases.filter {
            switch $0 {
            case .other(.correctionLapsed), .other(.feeLapsed): return false
            case .unavailable(.stillUnclearAfterCorrection): return corrected
            case .notProcessed(.excessive): return reasonsRequested
            default: return true
            }
        }.randomElement(using: &rng)!
    }
}
