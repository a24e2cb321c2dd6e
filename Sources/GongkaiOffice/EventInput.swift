import GongkaiCore
import GongkaiStore

/// An event as an officer names it (`gongkai case record CODE answered --outcome unavailable.1 …`): the event's
/// name and its fields as text, turned into the core's `ApplicationEvent` with every problem named.
public struct EventInput: Hashable, Sendable {
    /// One of `EventInput.names`.
    public var name: String
    public var date: CivilDate
    public var fields: [String: String]

    public init(name: String, date: CivilDate, fields: [String: String] = [:]) {
        self.name = name
        self.date = date
        self.fields = fields
    }

    /// The event names, the fields each needs, what it means (with how to type its fields, for the CLI) and its
    /// title on the back office's forms.
    public static let names: [(name: String, fields: [String], meaning: String, title: String)] = [
        ("correction-requested", ["deadline"], "告知补正（第三十条）", "告知补正（第三十条）"),
        ("correction-received", [], "收到补正后的申请", "收到补正后的申请"),
        ("correction-lapsed", [], "逾期未补正", "申请人逾期未补正（第三十条）"),
        ("consultation-sent", ["party"], "征求意见（third-party 第三十二条 / other-agency 第三十四条）", "征求第三方或者其他机关的意见（第三十二条、第三十四条）"),
        ("consultation-delivered", [], "被征求意见方收到征求意见书（15个工作日自此起算）", "被征求意见方收到征求意见书"),
        ("consultation-replied", [], "收到意见", "收到征求意见的回复"),
        ("extension-approved", ["days", "approved-by"], "延期答复（第三十三条第二款）", "延长答复期限（第三十三条第二款）"),
        ("fee-notice-sent", ["amount"], "发出收费通知", "发出收费通知"),
        ("fee-notice-delivered", [], "申请人收到收费通知（缴费期限自次日起算）", "申请人收到收费通知"),
        ("fee-paid", [], "缴费", "申请人缴纳信息处理费"),
        ("fee-lapsed", [], "逾期未缴费", "申请人逾期未缴费"),
        ("reasons-requested", [], "要求申请人说明理由（第三十五条）", "要求申请人说明理由（第三十五条）"),
        ("delayed-reply-set", ["until"], "确定延迟答复的期限并告知（第三十五条）", "确定延迟答复的期限（第三十五条）"),
        ("answered", ["outcome"], "答复（outcome 为年报行号，如 granted、unavailable.1）", "答复（第三十六条）"),
        ("answered-in-parts", ["outcomes"], "区分处理的答复（outcomes 以逗号分隔，如 granted,withheld.4）", "区分处理的答复（第三十七条）"),
        ("withdrawn", [], "撤回申请", "申请人撤回申请"),
    ]

    /// The back office's title of the event `name`, or nil for an unknown name.
    public static func title(of name: String) -> String? { names.first { $0.name == name }?.title }

    /// The kind of event `name` stands for, with stand-in fields (`day` for dates): what the state machine is
    /// asked when deciding which steps to offer. Nil for an unknown name.
    public static func prototype(_ name: String, on day: CivilDate) -> ApplicationEvent.Kind? {
        let standIns = [
            "deadline": "\(day)", "until": "\(day)", "party": "third-party", "days": "1", "approved-by": "负责人",
            "amount": "1", "outcome": "granted", "outcomes": "granted,withheld.4",
        ]
        return try? EventInput(name: name, date: day, fields: standIns).kind()
    }

    /// The core event, or an `IntakeError` naming the field.
    public func event() throws -> ApplicationEvent {
        ApplicationEvent(date, try kind())
    }

    func kind() throws -> ApplicationEvent.Kind {
        switch name {
        case "correction-requested": return .correctionRequested(deadline: try day("deadline"))
        case "correction-received": return .correctionReceived
        case "correction-lapsed": return .correctionLapsed
        case "consultation-sent":
            switch try field("party") {
            case "third-party", "第三方": return .consultationSent(.thirdParty)
            case "other-agency", "其他机关": return .consultationSent(.otherAgency)
            case let p: throw IntakeError(field: "party", reason: "「\(p)」应为 third-party 或 other-agency")
            }
        case "consultation-delivered": return .consultationDelivered
        case "consultation-replied": return .consultationReplied
        case "extension-approved":
            guard let days = Int(try field("days")) else { throw IntakeError(field: "days", reason: "应为整数") }
            return .extensionApproved(days: days, approvedBy: try field("approved-by"))
        case "fee-notice-sent":
            guard let amount = ExactNumber(parsing: try field("amount")), let fen = try? Money.fen(amount) else {
                throw IntakeError(field: "amount", reason: "应为以元计的金额，最多两位小数，如 100.00")
            }
            return .feeNoticeSent(amount: Fen(fen))
        case "fee-notice-delivered": return .feeNoticeDelivered
        case "reasons-requested": return .reasonsRequested
        case "delayed-reply-set": return .delayedReplySet(until: try day("until"))
        case "fee-paid": return .feePaid
        case "fee-lapsed": return .feeLapsed
        case "answered":
            return .answered(try outcome(try field("outcome")))
        case "answered-in-parts":
            return .answeredInParts(try field("outcomes").split(separator: ",").map { try outcome(String($0)) })
        case "withdrawn": return .withdrawn
        default:
            throw IntakeError(
                field: "事件", reason: "「\(name)」不是可记录的事件；可用：\(Self.names.map(\.name).joined(separator: "、"))")
        }
    }

    private func outcome(_ text: String) throws -> Outcome {
        let id = text.trimmingCharacters(in: .whitespaces)
        guard let outcome = ApplicationRow(id: id).flatMap(Outcome.init(row:)) else {
            throw IntakeError(field: "outcome", reason: "「\(id)」不是办理结果的行号（如 granted、withheld.4、unavailable.1）")
        }
        return outcome
    }

    private func field(_ key: String) throws -> String {
        guard let v = fields[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else {
            throw IntakeError(field: key, reason: "事件「\(name)」须填写 --\(key)")
        }
        return v
    }

    private func day(_ key: String) throws -> CivilDate {
        let text = try field(key)
        guard let d = CivilDate(parsing: text) else { throw IntakeError(field: key, reason: "「\(text)」不是 YYYY-MM-DD") }
        return d
    }
}
