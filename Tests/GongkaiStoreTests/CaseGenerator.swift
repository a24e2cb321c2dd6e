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
            guard let kind = RandomCaseEvents.nextKind(c, day: day, rng: &rng) else { break }
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
}
