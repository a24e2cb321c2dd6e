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
            guard let kind = RandomCaseEvents.nextKind(c, day: day, rng: &rng) else { break }
            try? c.record(ApplicationEvent(day, kind), calendar: cal)
            if c.phase.isClosed { break }
        }
        return c
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
