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
        let (files, missing) = ReportInputs.expand(paths)
        for m in missing { printError("找不到文件或目录：\(m)") }
        let progress = ProgressBar(total: files.count)
        var results: [FileCheck] = []
        for (i, file) in files.enumerated() {
            results.append(FileCheck.run(file))
            progress.update(i + 1)
        }
        FileCheck.addCrossYearFindings(&results)
        if json {
            print(try FileCheck.json(results))
        } else {
            printText(results)
        }
        if !missing.isEmpty || results.contains(where: { $0.readError != nil }) { throw ExitCode(2) }
        if results.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }

    private func printText(_ results: [FileCheck]) {
        let many = results.count > 1
        for r in results {
            print(r.summaryLine)
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
}

/// The outcome of reading and checking one file.
struct FileCheck: Encodable {
    var file: String
    var agency: String?
    var year: Int?
    var format: String?
    var findings: [Finding] = []
    var readError: String?
    var report: AnnualReport?

    enum CodingKeys: String, CodingKey { case file, agency, year, format, status, errors, warnings, findings, readError }

    var errorCount: Int { findings.filter { $0.severity == .error }.count }
    var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    var status: String { readError != nil ? "unreadable" : errorCount > 0 ? "errors" : "ok" }

    static func run(_ url: URL) -> FileCheck {
        var r = FileCheck(file: url.path)
        do {
            let read = try ReportFiles.read(url: url)
            r.report = read.report
            r.agency = read.report.agency
            r.year = read.report.year
            r.format = read.report.format.rawValue
            let checked = ReportChecker().check(read.report, read: read.findings)
            r.findings = read.findings + withoutRepeats(checked, of: read.findings)
        } catch let e as ReportReadError {
            r.readError = e.description
        } catch {
            r.readError = "\(url.lastPathComponent)：无法读取（\(error.localizedDescription)）"
        }
        return r
    }

    /// A blank cell the reader already reported (with its line) is not reported again by the checker.
    static func withoutRepeats(_ checked: [Finding], of read: [Finding]) -> [Finding] {
        let seen = Set(read.filter { $0.rule == "read.blankCell" }.map { "\($0.location.section ?? 0)|\($0.location.row ?? "")" })
        return checked.filter { $0.rule != ReportRule.blankCell.id || !seen.contains("\($0.location.section ?? 0)|\($0.location.row ?? "")") }
    }

    /// §6.2: pairs of reports of one agency in consecutive years are checked against each other.
    static func addCrossYearFindings(_ results: inout [FileCheck]) {
        let byAgencyYear = Dictionary(
            results.indices.compactMap { i in results[i].report.map { ("\($0.agency)|\($0.year)", i) } },
            uniquingKeysWith: { a, _ in a })
        for i in results.indices {
            guard let current = results[i].report,
                let j = byAgencyYear["\(current.agency)|\(current.year - 1)"], let previous = results[j].report
            else { continue }
            results[i].findings += ReportChecker().check(previous: previous, current: current)
        }
    }

    var summaryLine: String {
        if let readError { return "\(file)：无法读取 — \(readError)" }
        let what = [agency, year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
        let verdict = errorCount == 0 ? "无错误" : "\(errorCount) 个错误"
        return "\(file)：\(what)（\(format ?? "?")版）\(verdict)，\(warningCount) 个提示"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(agency, forKey: .agency)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encodeIfPresent(format, forKey: .format)
        try c.encode(status, forKey: .status)
        try c.encode(errorCount, forKey: .errors)
        try c.encode(warningCount, forKey: .warnings)
        try c.encode(findings, forKey: .findings)
        try c.encodeIfPresent(readError, forKey: .readError)
    }

    static func json(_ results: [FileCheck]) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try e.encode(results), as: UTF8.self)
    }
}
