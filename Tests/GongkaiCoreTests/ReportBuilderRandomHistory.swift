@testable import GongkaiCore
import GongkaiTestSupport

/// Random but legal case histories: each step is drawn from what the state machine allows in the current phase.
enum RandomHistory {
    static func application(id: String, around year: Int, calendar cal: WorkingDayCalendar, rng: inout SplitMix64)
        -> ApplicationCase
    {
        let start = CivilDate(year - 1, 1, 1).dayNumber
        let submitted = CivilDate(dayNumber: Int.random(in: start...(start + 3 * 365), using: &rng))
        let time = TimeOfDay(hour: Int.random(in: 0...23, using: &rng), minute: Int.random(in: 0...59, using: &rng))
        let submission = Submission(
            channel: ReceiptChannel.allCases.randomElement(using: &rng)!, date: submitted, time: time)
        var c = ApplicationCase(
            id: id, applicant: Applicant(kind: ApplicantKind.allCases.randomElement(using: &rng)!, name: id),
            receipt: Receipt(submission, calendar: cal))
        var day = c.receivedOn
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            day = day.adding(days: Int.random(in: 0...25, using: &rng))
            guard let kind = nextKind(c, day: day, cal: cal, rng: &rng) else { break }
            try? c.record(ApplicationEvent(day, kind), calendar: cal)
            if c.phase.isClosed { break }
        }
        return c
    }

    static func nextKind(_ c: ApplicationCase, day: CivilDate, cal: WorkingDayCalendar, rng: inout SplitMix64)
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

    static func answerable(_ c: ApplicationCase, rng: inout SplitMix64) -> Outcome {
        Outcome.allCases.filter {
            switch $0 {
            case .other(.correctionLapsed), .other(.feeLapsed): return false
            case .unavailable(.stillUnclearAfterCorrection): return c.hasCorrection
            case .notProcessed(.excessive): return c.hasReasonsRequested
            default: return true
            }
        }.randomElement(using: &rng)!
    }

    static func appeal(id: String, around year: Int, rng: inout SplitMix64) -> AppealCase {
        let start = CivilDate(year - 1, 1, 1).dayNumber
        let filed = CivilDate(dayNumber: Int.random(in: start...(start + 3 * 365), using: &rng))
        let decided = Bool.random(using: &rng) ? filed.adding(days: Int.random(in: 0...400, using: &rng)) : nil
        return try! AppealCase(
            id: id, applicationID: id, kind: AppealKind.allCases.randomElement(using: &rng)!, filedOn: filed,
            result: decided == nil ? nil : AppealOutcome.allCases.randomElement(using: &rng)!, decidedOn: decided)
    }
}
