import ArgumentParser
import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore

/// `gongkai report --agency ID --year YYYY --to text|json` — sections II–IV from the stored registers, checked.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build an agency's annual report (sections II–IV) from the stored records and check it.",
        discussion: """
            The format follows the year (2019 format to 2020, 2021 format from 2021) and the agency's region selects \
            the regional variant. Findings of the checker go to standard error; exit status 1 when it finds an error.
            """)

    enum Output: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Agency id (see `gongkai demo` or the agencies table).")
    var agency: Int

    @Option(name: .long, help: "Report year, e.g. 2020.")
    var year: Int

    @Option(name: .long, help: "Output format: text or json.")
    var to: Output = .text

    func run() throws {
        guard (2008...2999).contains(year) else {
            printError("年份无效：\(year)")
            throw ExitCode(2)
        }
        let (agencyID, year, rendering) = (agency, year, to == .text ? ReportRendering.text : .json)
        let calendar = try WorkingDayCalendar.official()
        let (built, text) = try reportingStoreErrors {
            try store.withStore { store in
                let office = Office(database: store.database, calendar: calendar)
                let built = try await office.report(agencyID: agencyID, year: year)
                return (built, try office.render(built.report, as: rendering))
            }
        }
        print(text, terminator: "")
        for f in built.findings { printError(f.description) }
        if built.hasErrors { throw ExitCode(1) }
    }
}
