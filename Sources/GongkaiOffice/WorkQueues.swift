import GongkaiCore
import GongkaiStore

/// 待办 — the officer's queues on a day: what is open, overdue, due soon, paused while the applicant or a consulted
/// party acts, and what was closed this month. Each list is of case files with their derived status.
public struct WorkQueues: Sendable {
    /// A queue, in the order the 工作台 shows them.
    public enum Queue: String, CaseIterable, Sendable {
        /// 待确认 — submitted online, waiting for staff to confirm receipt (Art. 31); not yet cases.
        case awaitingConfirmation
        /// 办理中 — every open application.
        case open
        /// 已超期 — past the answer's due date.
        case overdue
        /// 即将到期 — due within `WorkQueues.dueSoonWithin` working days (today included).
        case dueSoon
        /// 暂停计时 — awaiting a 补正 (Art. 30), a consulted party (Arts. 32, 34) or a fee: the clock stands.
        case paused
        /// 本月办结 — closed since the first of the month.
        case closedThisMonth

        public var title: String {
            switch self {
            case .awaitingConfirmation: "待确认"
            case .open: "办理中"
            case .overdue: "已超期"
            case .dueSoon: "即将到期"
            case .paused: "暂停计时"
            case .closedThisMonth: "本月办结"
            }
        }
    }

    /// Working days within which an open case counts as due soon.
    public static let dueSoonWithin = 3

    public var day: CivilDate
    public var cases: [Queue: [CaseFile]]
    /// The submissions of the 待确认 queue, oldest first.
    public var waiting: [PendingSubmission]

    public func count(_ queue: Queue) -> Int { queue == .awaitingConfirmation ? waiting.count : cases[queue]?.count ?? 0 }
}

extension Office {
    /// The queues of the scope's agency on `day`. Open cases come oldest-received first; the closed ones most
    /// recently closed first.
    public func workQueues(scope: AgencyScope, on day: CivilDate) async throws -> WorkQueues {
        let repository = cases(scope)
        let open = try await repository.open(on: day).map {
            try file($0, on: day, dueSoonWithin: WorkQueues.dueSoonWithin)
        }
        let month = CivilDate(day.year, day.month, 1)
        let closed = try await repository.closed(from: month, through: day).map { try file($0, on: day) }
        let waiting = try await PendingRepository(database: database, scope: scope).waiting()
        return WorkQueues(day: day, cases: [
            .open: open,
            .overdue: open.filter { if case .overdue = $0.status { true } else { false } },
            .dueSoon: open.filter { if case .dueSoon = $0.status { true } else { false } },
            .paused: open.filter {
                switch $0.value.phase {
                case .awaitingCorrection, .consulting, .awaitingPayment: true
                default: false
                }
            },
            .closedThisMonth: closed,
        ], waiting: waiting)
    }
}
