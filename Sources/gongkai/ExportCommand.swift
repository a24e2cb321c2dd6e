import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore

/// `gongkai export REGISTER --agency ID [--format csv|json] [--output FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a register as CSV (re-importable) or JSON. ID and phone numbers are left out by default.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var store: StoreOptions

    @Argument(help: "Register name, e.g. applications.")
    var register: String

    @Option(name: .long, help: "Agency id (not needed for holiday-overrides).")
    var agency: Int?

    @Option(name: .long, help: "csv or json.")
    var format: Format = .csv

    @Option(name: .long, help: "Write to FILE instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Include 身份证号码 and 联系电话: the username of a user of this agency whose role may see them.")
    var personalDataFor: String?

    @Flag(name: .long, help: "Print the register's template CSV (header and one example row) and exit.")
    var template = false

    func run() throws {
        let spec = try reportingStoreErrors { try RegisterCatalog.named(register) }
        if template {
            print(spec.templateCSV, terminator: "")
            return
        }
        if let output { FileManager.default.createFile(atPath: output, contents: nil) }
        guard let handle = output.map({ FileHandle(forWritingAtPath: $0) }) ?? FileHandle.standardOutput else {
            printError("无法写入文件：\(output ?? "")")
            throw ExitCode(2)
        }
        let (agencyID, format, user) = (agency, format == .csv ? ExportFormat.csv : .json, personalDataFor)
        try reportingStoreErrors {
            try store.withStore { store in
                let scope = try await Office(database: store.database, calendar: WorkingDayCalendar())
                    .exportScope(agencyID: agencyID, personalDataFor: user)
                try await RegisterExporter(store: store).export(
                    spec, scope: scope, format: format, write: { handle.write(Data($0.utf8)) })
            }
        }
        try? handle.synchronize()
    }
}
