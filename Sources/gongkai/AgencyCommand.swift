import ArgumentParser
import GongkaiCore
import GongkaiOffice
import GongkaiStore

extension AgencyLevel: ExpressibleByArgument {}
extension RegionalVariant: ExpressibleByArgument {}

/// `gongkai agency add|list` — the agencies whose registers the database keeps.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Register an agency, or list them (each keeps its own registers and publishes its own report).",
        subcommands: [Add.self, List.self, ReceiptRuleCommand.self, OnlineConfirmationCommand.self, GuideCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an agency and print its id.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "机关名称, as in the report's title, e.g. 北京市大兴区应急管理局.")
        var name: String

        @Option(name: .long, help: "机关代码, unique in the database (e.g. the unified social credit code).")
        var code: String

        @Option(name: .long, help: "行政层级: \(AgencyLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
        var level: AgencyLevel

        @Option(
            name: .long,
            help: "Region, which picks the report's regional rows: \(RegionalVariant.allCases.map(\.rawValue).joined(separator: ", ")).")
        var region: RegionalVariant = .national

        @OptionGroup var receipt: ReceiptRuleOptions

        func run() throws {
            let agency = Agency(name: name, code: code, level: level, region: region, receiptRule: try receipt.rule())
            let created = try reportingStoreErrors {
                try store.withStore(migrating: .always) { store in
                    return try await AgencyRepository(store: store).create(agency)
                }
            }
            let id = created.id ?? 0
            print("已登记机关：\(created.name)（编号 \(id)）")
            print("导入台账：gongkai import applications FILE.csv --agency \(id)；年报：gongkai report --agency \(id) --year YYYY")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the agencies: id, code, level, region, name, receipt rule.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let agencies = try reportingStoreErrors {
                try store.withStore { store in try await AgencyRepository(store: store).all() }
            }
            guard !agencies.isEmpty else {
                print("还没有登记任何机关：gongkai agency add --name 名称 --code 代码 --level county")
                return
            }
            for a in agencies {
                print(
                    [String(a.id ?? 0), a.code, a.level.rawValue, a.region.rawValue, a.name, a.receiptRule.storeText]
                        .joined(separator: "\t"))
            }
        }
    }
}

/// `--receipt-rule article31|agency-guide [--office-closes HH:MM]`.
struct ReceiptRuleOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case article31
        case agencyGuide = "agency-guide"
    }

    @Option(
        name: .long,
        help: """
            收件规则: article31 (the channel's statutory date, the default) or agency-guide (the agency's 指南 counts \
            submissions outside working time from the next working day).
            """)
    var receiptRule: Kind = .article31

    @Option(name: .long, help: "Office closing time (HH:MM) for --receipt-rule agency-guide.")
    var officeCloses: String = "17:00"

    func rule() throws -> ReceiptRule {
        guard let closing = TimeOfDay(parsing: officeCloses) else {
            throw ValidationError("--office-closes：「\(officeCloses)」不是 HH:MM 格式的时刻（如 17:30）")
        }
        switch receiptRule {
        case .article31: return .article31
        case .agencyGuide: return .agencyGuide(OfficeHours(closing: closing))
        }
    }
}

extension AgencyCommand {
    /// `gongkai agency receipt-rule --agency ID --receipt-rule agency-guide --office-closes 17:30`.
    struct ReceiptRuleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receipt-rule",
            abstract: "Set an agency's receipt rule (收件规则); cases already received keep the rule they were received under.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Agency id.")
        var agency: Int

        @OptionGroup var receipt: ReceiptRuleOptions

        func run() throws {
            let (rule, agencyID) = (try receipt.rule(), agency)
            let updated = try reportingStoreErrors {
                try store.withStore { store in
                    try await AgencyRepository(store: store).setReceiptRule(rule, agencyID: agencyID)
                }
            }
            print("\(updated.name) 的收件规则：\(updated.receiptRule.label)")
        }
    }
}

extension OnlineConfirmation: ExpressibleByArgument {}

extension AgencyCommand {
    /// `gongkai agency online-confirmation --agency ID --by byStaff` — how the agency confirms online applications.
    struct OnlineConfirmationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "online-confirmation",
            abstract: "Set how an agency confirms applications made online (Art. 31: received the day both sides confirm).")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Agency id.")
        var agency: Int

        @Option(name: .long, help: "automatic (at submission) or byStaff (from the 待确认 queue).")
        var by: OnlineConfirmation

        func run() throws {
            let (confirmation, agencyID) = (by, agency)
            let updated = try reportingStoreErrors {
                try store.withStore { store in
                    try await Office(database: store.database, calendar: WorkingDayCalendar())
                        .setOnlineConfirmation(confirmation, agencyID: agencyID)
                }
            }
            print("\(updated.name) 的网上申请确认方式：\(updated.onlineConfirmation.label)")
        }
    }
}
