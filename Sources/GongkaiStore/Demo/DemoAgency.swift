import FluentKit
import Foundation
import GongkaiCore

/// `gongkai demo`: the seed report's agency (北京市大兴区应急管理局) with 2020 records from which the store
/// reproduces the seed's sections II–IV, and the earlier items that 上一年项目数量 counts.
///
/// Seed (2020, 2019 format, Beijing variant): 行政许可 7/−1/89, 行政检查 6/0/557, 行政确认 0/0/0,
/// 行政处罚 351/+26/384, 行政强制 4/−1/5, 收费 0/0, 采购 8 projects / 929.9082 万元; 21 applications by natural
/// persons, all answered 无法提供 1 (本机关不掌握相关政府信息), stored as whole cases with their events; no appeals.
public struct DemoAgency: Sendable {
    public static let agency = Agency(
        name: "北京市大兴区应急管理局", code: "110115-DEMO-YJJ", level: .county, region: .beijing,
        letterPrefix: "大应急公开")

    /// 8 procurement amounts in yuan adding up to 9,299,082.00 (929.9082 万元).
    static let procurementYuan = [
        "1200000", "985000.50", "1530000", "870000", "2100000", "640081.50", "1474000", "500000",
    ]

    /// The demo's 指南 details (contacts marked as demonstration data).
    public static let guide = GuideDetails(
        officeName: "北京市大兴区应急管理局办公室", address: "北京市大兴区兴丰大街（演示地址）", postcode: "102600",
        hours: "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）", phone: "010-12345678（演示号码）",
        email: "yjj-gk@example.cn", feeStandard: .perApplication, reconsiderationBody: "北京市大兴区人民政府",
        court: "北京市大兴区人民法院")

    /// The demo's officer, who records every event.
    public static let demoOfficer = "dx-yjj-admin"
    /// The demo's 负责人, who approves and issues letters.
    public static let demoHead = "dx-yjj-head"

    let database: any Database
    let calendar: WorkingDayCalendar

    public init(database: any Database, calendar: WorkingDayCalendar) {
        self.database = database
        self.calendar = calendar
    }

    /// Creates the agency and its records in one transaction; returns the existing agency if already there.
    public func create() async throws -> (agency: Agency, created: Bool) {
        if let existing = try await AgencyRepository(database: database).find(code: Self.agency.code) {
            try await Self.addHead(agencyID: existing.id!, on: database)
            return (existing, false)
        }
        let agency = try await database.transaction { db in
            let agencies = AgencyRepository(database: db)
            let agency = try await agencies.create(Self.agency)
            let id = agency.id!
            _ = try await agencies.addUser(
                User(agencyID: id, username: Self.demoOfficer, displayName: "信息公开工作人员", role: "officer"))
            try await Self.addHead(agencyID: id, on: db)
            let scope = try await agencies.scope(agencyID: id, username: Self.demoOfficer)
            try await Self.addItemsAndDecisions(scope: scope, on: db)
            try await Self.addApplications(scope: scope, calendar: calendar, on: db)
            try await Self.addProcurementAndCatalogue(scope: scope, on: db)
            try await GuideRepository(database: db, scope: scope).publish(Self.guide, effectiveOn: Self.day("2020-01-02"))
            return agency
        }
        return (agency, true)
    }

    static func day(_ s: String) -> CivilDate { CivilDate(storeText: s)! }

    /// The 负责人 (demo databases made before there was one get it too).
    static func addHead(agencyID: Int, on db: any Database) async throws {
        let agencies = AgencyRepository(database: db)
        guard try await !agencies.users(agencyID: agencyID).contains(where: { $0.username == demoHead }) else { return }
        _ = try await agencies.addUser(User(agencyID: agencyID, username: demoHead, displayName: "办公室负责人", role: "head"))
    }

    /// (category, code prefix, name, valid before 2020, added in 2020, ended in 2020, decisions in 2020)
    static let itemPlan: [(ItemCategory, String, String, Int, Int, Int, Int)] = [
        (.licensing, "XK", "危险化学品经营许可", 7, 0, 1, 89),
        (.inspection, "JC", "安全生产监督检查", 6, 0, 0, 557),
        (.penalty, "CF", "安全生产违法行为行政处罚", 351, 26, 0, 384),
        (.enforcement, "QZ", "查封扣押", 4, 0, 1, 5),
    ]

    static func addItemsAndDecisions(scope: AgencyScope, on db: any Database) async throws {
        let repo = DisclosureRepository(database: db, scope: scope)
        let agencyID = scope.agencyID
        var decisions: [AdministrativeDecision] = []
        for (category, prefix, name, before, added, ended, decided) in itemPlan {
            var ids: [Int] = []
            for n in 1...(before + added) {
                let isNew = n > before
                let validFrom = isNew ? day("2020-\(String(format: "%02d", 1 + n % 12))-01") : day("2018-01-01")
                let validTo = n <= ended ? day("2020-06-30") : nil
                ids.append(
                    try await repo.add(
                        AdministrativeItem(
                            agencyID: agencyID, category: category, code: "\(prefix)-\(String(format: "%03d", n))",
                            name: "\(name)（\(n)）", validFrom: validFrom, validTo: validTo)))
            }
            for k in 0..<decided {
                let item = ids[ended + k % (ids.count - ended)]
                let date = day("2020-\(String(format: "%02d", 1 + k % 12))-\(String(format: "%02d", 1 + k % 28))")
                decisions.append(
                    AdministrativeDecision(
                        agencyID: agencyID, itemID: item, decidedOn: date, reference: "京兴应急\(prefix)〔2020〕\(k + 1)号"))
            }
        }
        try await repo.addDecisions(decisions)
    }

    /// 21 whole cases: received on the 5th of a month of 2020 (online, or by post every third), answered 无法提供
    /// 1 on the 20th by the demo officer.
    static func addApplications(scope: AgencyScope, calendar: WorkingDayCalendar, on db: any Database) async throws {
        let repo = CaseRepository(database: db, scope: scope, calendar: calendar)
        var rng = SystemRandomNumberGenerator()
        for n in 1...21 {
            let month = String(format: "%02d", 1 + (n - 1) % 11)
            let submission = Submission(
                channel: n % 3 == 0 ? .post : .online, date: day("2020-\(month)-05"),
                time: TimeOfDay(hour: 10, minute: 0))
            var c = ApplicationCase(
                id: "2020-\(String(format: "%03d", n))", trackingCode: .random(using: &rng),
                applicant: Applicant(kind: .naturalPerson, name: "申请人\(n)"),
                request: InformationRequest(description: "申请公开有关安全生产信息"),
                delivery: Delivery(medium: .electronic, method: .email),
                receipt: Receipt(submission, calendar: calendar), receivedBy: demoOfficer,
                at: Moment(date: submission.date, time: submission.time!))
            let answered = day("2020-\(month)-20")
            try c.record(
                ApplicationEvent(answered, .answered(.unavailable(.notHeld))), by: demoOfficer,
                at: Moment(date: answered, time: TimeOfDay(hour: 15, minute: 0)!), calendar: calendar)
            try await repo.receive(c)
        }
    }

    static func addProcurementAndCatalogue(scope: AgencyScope, on db: any Database) async throws {
        let repo = DisclosureRepository(database: db, scope: scope)
        let agencyID = scope.agencyID
        for (n, amount) in procurementYuan.enumerated() {
            try await repo.add(
                ProcurementProject(
                    agencyID: agencyID, name: "应急管理采购项目\(n + 1)",
                    contractedOn: day("2020-\(String(format: "%02d", n + 3))-15"),
                    amountYuan: ExactNumber(parsing: amount)!))
        }
        // 本年度在区政府网站公开政府信息216条 (seed, 一、总体情况 (四)).
        for n in 1...216 {
            let item = [1, 5, 6, 9, 12][n % 5]
            let (title, number) = catalogueTitle(item: item, k: n / 5 + 1)
            let published = day("2020-\(String(format: "%02d", 1 + n % 12))-\(String(format: "%02d", 1 + n % 28))")
            try await repo.add(
                CatalogueItem(
                    agencyID: agencyID, indexNumber: "11A0115-YJJ-2020-\(String(format: "%03d", n))",
                    article20Item: item, title: title, documentNumber: number, publishedOn: published,
                    subject: "安全生产监管", writtenOn: number.isEmpty ? nil : published.adding(days: -3)))
        }
    }

    /// A title (and 文号) of the kind the bureau publishes under each Art. 20 item, the `k`-th of its kind.
    static func catalogueTitle(item: Int, k: Int) -> (String, String) {
        switch item {
        case 1: return ("关于进一步加强安全生产工作的通知", "京兴应急发〔2020〕\(k)号")
        case 5: return ("2020年第\(k)批危险化学品经营许可证核发结果", "")
        case 6: return ("行政处罚决定信息公示（京兴应急罚〔2020〕\(k)号）", "京兴应急罚〔2020〕\(k)号")
        case 9: return ("2020年部门预算项目政府采购意向公开（第\(k)批）", "")
        default: return ("2020年第\(k)期安全生产和应急预警信息", "")
        }
    }
}
