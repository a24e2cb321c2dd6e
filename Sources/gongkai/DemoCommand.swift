import ArgumentParser
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore

/// `gongkai demo` — creates the seed's agency with its 2020 records.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the demo agency (北京市大兴区应急管理局) with 2020 records and 21 case files matching its report.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let calendar = try WorkingDayCalendar.official()
        let (agency, created) = try reportingStoreErrors {
            try store.withStore(migrating: .always) { store in
                try await Office(database: store.database, calendar: calendar).createDemo()
            }
        }
        let id = agency.id ?? 0
        print(created ? "已创建演示机关：\(agency.name)（编号 \(id)）" : "演示机关已存在：\(agency.name)（编号 \(id)）")
        print("生成年报：gongkai report --agency \(id) --year 2020 --to text")
    }
}
