import GongkaiCore
import GongkaiStore

/// 申请查询结果 — what anyone holding a tracking code sees of an application: its agency, status, the timeline in
/// plain words, the receipt and due dates and how the due date was counted. Never the applicant's name, ID
/// number, phone or address, and never the request itself (it may name people).
///
/// Encoded for `GET /api/v1/applications/{trackingCode}` (fields are only ever added).
public struct PublicCaseView: Sendable, Hashable, Encodable {
    public struct Event: Sendable, Hashable, Encodable {
        public var date: CivilDate
        /// The event in plain words (`收到申请（第三十一条）`).
        public var event: String
    }

    public var trackingCode: String
    public var agency: String
    /// A stable code: `open`, `dueSoon`, `overdue`, `answeredOnTime`, `answeredLate`, `awaitingApplicant`,
    /// `awaitingConfirmation` (submitted online, not yet confirmed by staff).
    public var status: String
    /// The status in words, as of `asOf` (`办理中（剩余12个工作日）`).
    public var statusLabel: String
    /// 办理阶段 (`办理中`, `已办结` …).
    public var phase: String
    public var asOf: CivilDate
    public var submittedOn: CivilDate
    /// 收到申请之日 (Art. 31, or the agency's own rule); nil while the agency's staff have yet to confirm an online
    /// submission.
    @NullWhenAbsent public var receivedOn: CivilDate?
    /// 答复期限; nil while a 补正 is awaited (the period restarts from the corrected application).
    @NullWhenAbsent public var dueOn: CivilDate?
    /// How `dueOn` was counted, day by day (receipt, holidays, 补正, pauses, extension).
    public var dueExplanation: [String]
    public var events: [Event]
}

extension CaseStatus {
    /// A stable name for the status (an API value; the words are `label`).
    public var code: String {
        switch self {
        case .open: return "open"
        case .dueSoon: return "dueSoon"
        case .overdue: return "overdue"
        case .answeredOnTime: return "answeredOnTime"
        case .answeredLate: return "answeredLate"
        case .awaitingApplicant: return "awaitingApplicant"
        }
    }
}

extension Office {
    /// 查询申请: the public view of the case with tracking code `text` as of `day`. A malformed code and an unknown
    /// one are refused alike (`CaseError.unknownTrackingCode`).
    public func track(_ text: String, on day: CivilDate) async throws -> PublicCaseView {
        guard let code = try? TrackingCode(text) else { throw CaseError.unknownTrackingCode(text) }
        let lookup = TrackingLookup(database: database)
        guard let agencyID = try await lookup.agencyID(of: code) else {
            guard let waiting = try await lookup.agencyIDOfWaitingSubmission(code) else {
                throw CaseError.unknownTrackingCode(text)
            }
            return try await trackWaiting(code, agencyID: waiting, on: day)
        }
        let scope = try await scope(agencyID: agencyID, username: nil)
        let file = try await caseFile(code.description, scope: scope, on: day)
        let c = file.value
        return PublicCaseView(
            trackingCode: code.description, agency: scope.agency.name, status: file.status.code,
            statusLabel: file.status.label, phase: c.phase.label, asOf: day, submittedOn: c.receipt.submission.date,
            receivedOn: c.receivedOn, dueOn: file.answerDue?.due,
            dueExplanation: (c.receipt.trail + (file.answerDue?.trail ?? [])).map(\.description),
            events: c.events.map { PublicCaseView.Event(date: $0.date, event: Self.publicLabel($0.kind)) })
    }

    /// A submission staff have yet to confirm: when it was made, and that the periods start on confirmation.
    func trackWaiting(_ code: TrackingCode, agencyID: Int, on day: CivilDate) async throws -> PublicCaseView {
        let scope = try await scope(agencyID: agencyID, username: nil)
        guard let pending = try await PendingRepository(database: database, scope: scope).find(code: code) else {
            throw CaseError.unknownTrackingCode(code.description)
        }
        let submitted = pending.submittedAt.date
        return PublicCaseView(
            trackingCode: code.description, agency: scope.agency.name, status: Self.awaitingConfirmation,
            statusLabel: "待确认：本机关确认收到后开始计算答复期限", phase: "待确认", asOf: day, submittedOn: submitted,
            receivedOn: nil, dueOn: nil, dueExplanation: [],
            events: [PublicCaseView.Event(date: submitted, event: "通过互联网渠道提交申请，以本机关确认收到之日为收到申请之日（第三十一条）")])
    }

    /// An event in the words the public sees: the timeline's words, without the names of the staff involved.
    static func publicLabel(_ kind: ApplicationEvent.Kind) -> String {
        guard case .extensionApproved(let days, _) = kind else { return kind.label }
        return "经政府信息公开工作机构负责人同意延期答复\(days)个工作日（第三十三条第二款）"
    }

    /// The agencies on this server, by id (the public list: name, code, level, region).
    public func agencies() async throws -> [Agency] {
        try await AgencyRepository(database: database).all()
    }
}

extension Office {
    /// 政府信息公开目录: page `page` (20 items) of agency `agencyID`'s catalogue as the public sees it at `moment`
    /// (published, not revoked), newest first, with `text` in the title, 文号 or 索引号, of an Art. 20 item and a
    /// year when given (public: no user needed).
    public func catalogue(
        agencyID: Int, text: String, article20Item: Article20Item?, year: Int?, page: Int, at moment: Moment
    ) async throws -> CataloguePage {
        try await DisclosureRepository(database: database, scope: try await scope(agencyID: agencyID, username: nil))
            .catalogue(CatalogueQuery(text: text, article20Item: article20Item, year: year, page: page, visibleAt: moment))
    }

    /// One catalogue item of agency `agencyID` as its page shows it at `moment` (not before its publication, never
    /// once revoked), with the validity of the normative document it publishes (the agency's register of 规范性文件,
    /// by 文号) on that day. Public.
    public func catalogueItem(agencyID: Int, itemID: Int, at moment: Moment) async throws -> CatalogueItemView {
        let scope = try await scope(agencyID: agencyID, username: nil)
        let registers = DisclosureRepository(database: database, scope: scope)
        guard let item = try await registers.catalogueItem(itemID, visibleAt: moment) else {
            throw StoreError.notFound("目录条目 \(itemID)")
        }
        let validity = try await registers.normativeDocument(number: item.documentNumber)?.validity(on: moment.date)
        var decisions: [DecisionBatchView.Row] = []
        if let batch = try await registers.decisionBatch(itemID: itemID, visibleAt: moment) {
            decisions = try await decisionRows(batch.csv, fileName: batch.fileName, article20Item: item.article20Item, scope: scope).rows
        }
        return CatalogueItemView(
            item: item, publisher: item.publisher ?? scope.agency.name, validity: validity,
            attachments: try await registers.attachments(itemID: itemID, visibleAt: moment), decisions: decisions)
    }
}

/// 目录条目 — one catalogue item as the portal shows it: the item, its publisher and, for a normative document,
/// whether it is in force (现行有效), repealed (已废止) or lapsed (已失效), with the day.
public struct CatalogueItemView: Sendable, Hashable {
    public var item: CatalogueItem
    public var publisher: String
    public var validity: String?
    /// 附件, served only while the item is visible.
    public var attachments: [PublicationAttachment]
    /// 双公示: the decisions published with it.
    public var decisions: [DecisionBatchView.Row]
}
