import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiDocuments

/// `gongkai check FILE…|DIR…` — reads annual reports and checks their tables.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read annual reports (text, HTML, DOCX, PDF, JSON) and check that their tables add up.",
        discussion: """
            Exit status: 0 when no report has an error, 1 when some report has an error, 2 when some input \
            could not be read. Reports of one agency for consecutive years are also checked against each other.
            """)

    @Argument(help: "Report files or folders (searched for .txt .html .htm .docx .pdf .json).")
    var paths: [String]

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Flag(name: .long, help: "Show errors only, not warnings.")
    var errorsOnly = false

    func run() throws {
        let limits = try ReportInputs.limits()
        let (files, missing, empty) = ReportInputs.expand(paths)
        for m in missing { printError("找不到文件或目录：\(m)") }
        for d in empty {
            printError("目录 \(d) 中没有报告文件（\(ReportInputs.extensions.sorted().joined(separator: " "))）")
        }
        let progress = ProgressBar(total: files.count)
        let results = ReportBatch.check(files, limits: limits, progress: progress.update)
        if json {
            print(try Self.json(results))
        } else {
            printText(results)
        }
        let status = missing.isEmpty && empty.isEmpty ? ReportBatch.exitStatus(results) : 2
        if status != 0 { throw ExitCode(status) }
    }

    private func printText(_ results: [ReportCheck]) {
        let many = results.count > 1
        for r in results {
            print(Self.summaryLine(r))
            if !many || r.errorCount > 0 || r.readError != nil {
                for f in r.findings where !errorsOnly || f.severity == .error { print("  " + f.description) }
            }
        }
        if many {
            let bad = results.filter { $0.errorCount > 0 }.count
            let unreadable = results.filter { $0.readError != nil }.count
            print("共 \(results.count) 份：\(results.count - bad - unreadable) 份无错误，\(bad) 份有错误，\(unreadable) 份无法读取")
        }
    }

    static func summaryLine(_ r: ReportCheck) -> String {
        if let readError = r.readError { return "\(r.file)：无法读取 — \(readError)" }
        let what = [r.report?.agency, r.report.map { "\($0.year)年" }].compactMap { $0 }.joined(separator: " ")
        let verdict = r.errorCount == 0 ? "无错误" : "\(r.errorCount) 个错误"
        return "\(r.file)：\(what)（\(r.report?.format.rawValue ?? "?")版）\(verdict)，\(r.warningCount) 个提示"
    }

    static func json(_ results: [ReportCheck]) throws -> String {
        String(decoding: try ReportBatch.json(results), as: UTF8.self)
    }
}
