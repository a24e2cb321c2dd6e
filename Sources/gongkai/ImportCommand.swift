import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore

/// `gongkai import REGISTER FILE --agency ID` — CSV into a register, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a register from CSV (templates in templates/csv/). A file with errors imports nothing.",
        discussion: "Registers: \(RegisterCatalog.all.map(\.name).joined(separator: ", ")).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Register name, e.g. applications, administrative-items, administrative-decisions.")
    var register: String

    @Argument(help: "CSV file (UTF-8 or GB18030, header line first).")
    var file: String

    @Option(name: .long, help: "Agency id the records belong to (not needed for holiday-overrides).")
    var agency: Int?

    @Flag(name: .long, help: "Import the valid rows and report the invalid ones, instead of importing nothing.")
    var skipInvalid = false

    func run() throws {
        let spec = try reportingStoreErrors { try RegisterCatalog.named(register) }
        let limits = try ReportInputs.limits()
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= limits.maxFileBytes else {
            printError(
                LimitExceeded(
                    limit: .maxFileBytes, allowed: Int64(limits.maxFileBytes), found: Int64(size), place: file
                ).description)
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("无法读取文件：\(file)")
            throw ExitCode(2)
        }
        let (name, agencyID, skip) = ((file as NSString).lastPathComponent, agency, skipInvalid)
        let summary = try reportingStoreErrors {
            try namingFile(file) {
                try store.withStore { store in
                    let bar = ProgressBar(total: 1_000)
                    let scope = try await Office(database: store.database, calendar: WorkingDayCalendar())
                        .scope(agencyID: agencyID)
                    var random = SystemRandomNumberGenerator()
                    return try await RegisterImporter(store: store).importCSV(
                        data, fileName: name, register: spec, scope: scope, skipInvalid: skip, random: &random,
                        limits: limits, progress: { done, total in bar.update(total == 0 ? 1_000 : done * 1_000 / total) })
                }
            }
        }
        for issue in summary.issues.prefix(200) { printError(issue.description) }
        if summary.issues.count > 200 { printError("……另有 \(summary.issues.count - 200) 处错误未列出") }
        if !summary.issues.isEmpty && !skip {
            printError(StoreError.importRejected(file: name, errorCount: summary.issues.count).description)
            throw ExitCode(1)
        }
        print(
            "\(spec.title)：导入 \(summary.imported) 条"
                + (summary.unchanged > 0 ? "，\(summary.unchanged) 条已存在且相同（未改动）" : "")
                + (summary.skipped > 0 ? "，跳过 \(summary.skipped) 条有错误的行" : ""))
    }

    /// A file that cannot be read as CSV is named in the message (`items.csv：第2行…`).
    func namingFile<T>(_ file: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CSVError {
            printError("\(file)：\(error)")
            throw ExitCode(1)
        }
    }
}
