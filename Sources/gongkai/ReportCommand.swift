import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiDocuments
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
        let (agencyID, year) = (agency, year)
        let (report, previous) = try reportingStoreErrors {
            try store.withStore { store in
                let builder = StoreReportBuilder(store: store)
                return (
                    try await builder.report(agencyID: agencyID, year: year),
                    try await builder.report(agencyID: agencyID, year: year - 1)
                )
            }
        }
        switch to {
        case .text: print(TextReportWriter.render(report), terminator: "")
        case .json: print(String(decoding: try ReportJSON.encode(report), as: UTF8.self))
        }
        let checker = ReportChecker(checksProse: false)
        var findings = checker.check(report)
        if year - 1 >= 2019 {
            findings += checker.check(previous: previous, current: report)
        }
        for f in findings { printError(f.description) }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
