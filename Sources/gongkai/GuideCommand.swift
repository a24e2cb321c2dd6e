import ArgumentParser
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore

extension FeeStandard: ExpressibleByArgument {}

extension AgencyCommand {
    /// `gongkai agency guide --agency ID --office-name … --address … …` — publishes a new version of the agency's
    /// 政府信息公开指南; `--show` prints the version in force instead.
    struct GuideCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guide",
            abstract: "Publish a new version of an agency's 政府信息公开指南 (its office, contacts, fee standard, remedies), or --show it.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Agency id.")
        var agency: Int

        @Flag(name: .long, help: "Print the guide in force (or --version N) instead of publishing.")
        var show = false

        @Option(name: .long, help: "With --show: the version to print.")
        var version: Int?

        @Option(name: .long, help: "政府信息公开工作机构.") var officeName: String?
        @Option(name: .long, help: "办公地址.") var address: String?
        @Option(name: .long, help: "邮政编码 (6 digits).") var postcode: String?
        @Option(name: .long, help: "办公时间, as the guide states it.") var hours: String?
        @Option(name: .long, help: "联系电话.") var phone: String?
        @Option(name: .long, help: "传真.") var fax: String?
        @Option(name: .long, help: "电子邮箱 (for enquiries).") var email: String?
        @Option(name: .long, help: "信息处理费: perApplication (按件) or perVolume (按量).")
        var feeStandard: FeeStandard = .perApplication
        @Option(name: .long, help: "行政复议机关.") var reconsiderationBody: String?
        @Option(name: .long, help: "管辖法院.") var court: String?
        @Option(name: .long, help: "施行日期 YYYY-MM-DD (required to publish).") var effective: String?

        func run() throws {
            let calendar = try WorkingDayCalendar.official()
            let agencyID = agency
            if show {
                let guide = try reportingStoreErrors {
                    try store.withStore { store in
                        try await Office(database: store.database, calendar: calendar).guide(agencyID: agencyID, version: version)
                    }
                }
                guard let guide else { throw ValidationError("机关 \(agencyID) 没有\(version.map { "第\($0)版" } ?? "已发布的")政府信息公开指南") }
                print("\(guide.agency)政府信息公开指南（第\(guide.version)版，\(guide.effectiveOn.iso)起施行）")
                for section in guide.sections { print("\n" + ([section.heading] + section.paragraphs).joined(separator: "\n")) }
                return
            }
            guard let day = effective.flatMap(CivilDate.init(parsing:)) else { throw ValidationError("--effective 应为 YYYY-MM-DD 格式的日期") }
            let details = GuideDetails(
                officeName: officeName ?? "", address: address ?? "", postcode: postcode, hours: hours ?? "",
                phone: phone ?? "", fax: fax, email: email, feeStandard: feeStandard,
                reconsiderationBody: reconsiderationBody ?? "", court: court ?? "")
            let published = try reportingStoreErrors {
                try store.withStore { store in
                    try await Office(database: store.database, calendar: calendar)
                        .publishGuide(details, agencyID: agencyID, effectiveOn: day)
                }
            }
            print("已发布第\(published.version)版政府信息公开指南，\(published.effectiveOn.iso)起施行")
        }
    }
}
