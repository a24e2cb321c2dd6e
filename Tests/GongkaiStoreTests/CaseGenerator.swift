import GongkaiCalendarData
import GongkaiCore
import GongkaiTestSupport

/// The calendar the store tests rebuild cases with.
enum CaseFixtures {
    static let calendar = try! WorkingDayCalendar.official()

    static func day(_ s: String) -> CivilDate { CivilDate(storeText: s)! }

    /// A case received in person on `received` (a working day) at 09:00, by `actor`.
    static func received(_ id: String, _ received: String, kind: ApplicantKind = .naturalPerson, actor: String = "")
        -> ApplicationCase
    {
        var rng = SystemRandomNumberGenerator()
        let submission = Submission(channel: .inPerson, date: day(received), time: TimeOfDay(hour: 9, minute: 0))
        return ApplicationCase(
            id: id, trackingCode: .random(using: &rng), applicant: Applicant(kind: kind, name: "申请人\(id)"),
            request: InformationRequest(description: "申请公开\(id)"), receipt: Receipt(submission, calendar: calendar),
            receivedBy: actor, at: Moment(date: day(received), time: TimeOfDay(hour: 9, minute: 0)!))
    }
}

/// Random but legal whole cases: applicant details, request, delivery, submission moment, tracking code, and a
/// history where each step is drawn from what the state machine allows in the current phase.
enum CaseGenerator {
    static let cal = CaseFixtures.calendar

    static func application(id: String, around year: Int, rng: inout SplitMix64) -> ApplicationCase {
        let start = CivilDate(year - 1, 1, 1).dayNumber
        let submitted = CivilDate(dayNumber: Int.random(in: start...(start + 3 * 365), using: &rng))
        let time = TimeOfDay(hour: Int.random(in: 0...23, using: &rng), minute: Int.random(in: 0...59, using: &rng))
        let submission = Submission(
            channel: ReceiptChannel.allCases.randomElement(using: &rng)!, date: submitted, time: time)
        let receipt = Receipt(submission, calendar: cal)
        var c = ApplicationCase(
            id: id, trackingCode: .random(using: &rng), applicant: applicant(id, rng: &rng),
            request: InformationRequest(
                description: "关于\(id)的信息", documentTitle: Bool.random(using: &rng) ? "某文件\(id)" : nil,
                documentNumber: Bool.random(using: &rng) ? "京兴发〔\(year)〕\(id.count)号" : nil,
                indexNumber: Bool.random(using: &rng) ? "11A-\(id)" : nil),
            delivery: Bool.random(using: &rng)
                ? Delivery(
                    medium: [.paper, .electronic, .disc].randomElement(using: &rng)!,
                    method: [.pickUp, .post, .email, .inspectOnSite].randomElement(using: &rng)!) : nil,
            receipt: receipt, receivedBy: "officer",
            at: Moment(date: receipt.date, time: TimeOfDay(hour: 9, minute: 5)!))
        var day = c.receivedOn
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            day = day.adding(days: Int.random(in: 0...25, using: &rng))
            guard let kind = nextKind(c, day: day, rng: &rng) else { break }
            let moment = Moment(date: day, time: TimeOfDay(hour: Int.random(in: 8...17, using: &rng), minute: 30)!)
            try? c.record(
                ApplicationEvent(day, kind), by: ["li", "wang", ""].randomElement(using: &rng)!,
                at: Bool.random(using: &rng) ? moment : nil, calendar: cal)
            if c.phase.isClosed { break }
        }
        return c
    }

    static func applicant(_ id: String, rng: inout SplitMix64) -> Applicant {
        let kind = ApplicantKind.allCases.randomElement(using: &rng)!
        var a = Applicant(kind: kind, name: "申请人\(id)")
        if kind.isNaturalPerson {
            a.identityDocument =
                Bool.random(using: &rng)
                ? try! IdentityDocument(type: .residentIDCard, number: "11010519491231002X")
                : try! IdentityDocument(type: .passport, number: "E\(id.count)2345678")
        } else {
            a.creditCode = try! UnifiedSocialCreditCode("91350100M000100Y43")
            a.legalRepresentative = "法人\(id)"
            a.contactPerson = "联系人\(id)"
        }
        a.phone = Bool.random(using: &rng) ? "1380000\(String(format: "%04d", id.count))" : nil
        a.email = Bool.random(using: &rng) ? "a\(id.count)@example.cn" : nil
        a.address = "北京市大兴区某路\(id.count)号"
        a.postcode = "102600"
        return a
    }

    static func nextKind(_ c: ApplicationCase, day: CivilDate, rng: inout SplitMix64) -> ApplicationEvent.Kind? {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch c.phase {
        case .underReview:
            if roll < 10 { return nil }
            if roll < 25 {
                return .correctionRequested(deadline: day.adding(days: Int.random(in: 1...30, using: &rng)))
            }
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
        let corrected = c.events.contains { $0.kind == .correctionReceived }
        return Outcome.allCases.filter {
            switch $0 {
            case .other(.correctionLapsed), .other(.feeLapsed): return false
            case .unavailable(.stillUnclearAfterCorrection): return corrected
            case .notProcessed(.excessive): return c.events.contains { $0.kind == .reasonsRequested }
            default: return true
            }
        }.randomElement(using: &rng)!
    }
}
