import Foundation
import GongkaiCore

/// The outcome of reading and checking one report file: the report and its findings, or why it could not be
/// read. Encoded as `gongkai check --json` prints it (fields are only ever added): `file`, `agency`, `year`,
/// `format`, `status` (`ok` / `errors` / `unreadable`), `errors`, `warnings`, `findings`, `readError`.
///
/// ```swift
/// let checks = ReportBatch.check([URL(fileURLWithPath: "a.txt"), URL(fileURLWithPath: "b.pdf")])
/// checks[1].status // "unreadable" when b.pdf could not be read; a.txt is checked all the same
/// ```
public struct ReportCheck: Sendable, Encodable {
    /// The file as it was named (its path).
    public var file: String
    public var report: AnnualReport?
    public var findings: [Finding] = []
    /// Why the file could not be read, in Chinese, naming the file; nil when it was read.
    public var readError: String?

    public init(file: String, report: AnnualReport? = nil, findings: [Finding] = [], readError: String? = nil) {
        self.file = file
        self.report = report
        self.findings = findings
        self.readError = readError
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    public var status: String { readError != nil ? "unreadable" : errorCount > 0 ? "errors" : "ok" }

    enum CodingKeys: String, CodingKey {
        case file, agency, year, format, status, errors, warnings, findings, readError
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encodeIfPresent(report?.agency, forKey: .agency)
        try c.encodeIfPresent(report?.year, forKey: .year)
        try c.encodeIfPresent(report?.format.rawValue, forKey: .format)
        try c.encode(status, forKey: .status)
        try c.encode(errorCount, forKey: .errors)
        try c.encode(warningCount, forKey: .warnings)
        try c.encode(findings, forKey: .findings)
        try c.encodeIfPresent(readError, forKey: .readError)
    }
}

/// Reads and checks a batch of report files, the way `gongkai check` (and any other front end) does: every file
/// is read and checked on its own, a file that cannot be read becomes a result naming it and the reason (the
/// batch goes on), and reports of one agency for consecutive years are then checked against each other
/// (format reference §6.2).
///
/// ```swift
/// let checks = ReportBatch.check(urls, limits: .standard)
/// let worst = ReportBatch.exitStatus(checks) // 0 ok, 1 some report has errors, 2 some file unreadable
/// ```
public enum ReportBatch {
    /// Each file read within `limits` and checked, in the order given, with cross-year findings added.
    public static func check(_ urls: [URL], limits: InputLimits = .standard, progress: (Int) -> Void = { _ in })
        -> [ReportCheck]
    {
        var results: [ReportCheck] = []
        results.reserveCapacity(urls.count)
        for (i, url) in urls.enumerated() {
            results.append(check(url, limits: limits))
            progress(i + 1)
        }
        addCrossYearFindings(&results)
        return results
    }

    /// Files received as bytes (an upload), each read by its name's extension, in the order given, with
    /// cross-year findings added — the same results `check(_:limits:)` gives for the same files on disk.
    public static func check(uploads: [(name: String, data: Data)], limits: InputLimits = .standard) -> [ReportCheck] {
        var results = uploads.map { upload -> ReportCheck in
            let type = (upload.name as NSString).pathExtension
            do throws(ReportReadError) {
                return checked(
                    try ReportFiles.read(data: upload.data, type: type, source: upload.name, limits: limits),
                    file: upload.name)
            } catch {
                return ReportCheck(file: upload.name, readError: error.description)
            }
        }
        addCrossYearFindings(&results)
        return results
    }

    /// The results as `gongkai check --json` prints them (and the API returns them): an array, one object per file,
    /// keys sorted so that the same files always give the same bytes.
    public static func json(_ results: [ReportCheck]) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return try e.encode(results)
    }

    /// One file read and checked; a file that cannot be read is a result with `readError`.
    public static func check(_ url: URL, limits: InputLimits = .standard) -> ReportCheck {
        do {
            return checked(try ReportFiles.read(url: url, limits: limits), file: url.path)
        } catch {
            return ReportCheck(file: url.path, readError: error.description)
        }
    }

    /// A report already read (by any reader), with the checker's findings after the reader's.
    public static func checked(_ read: ReadResult, file: String) -> ReportCheck {
        let checked = withoutRepeats(ReportChecker().check(read.report, read: read.findings), of: read.findings)
        return ReportCheck(file: file, report: read.report, findings: read.findings + checked)
    }

    /// The exit status of a batch: 2 when a file could not be read, else 1 when a report has an error, else 0.
    public static func exitStatus(_ results: [ReportCheck]) -> Int32 {
        if results.contains(where: { $0.readError != nil }) { return 2 }
        return results.contains { $0.errorCount > 0 } ? 1 : 0
    }

    /// A blank or unreadable cell the reader already reported (with its line) is not reported again by the
    /// checker as a blank counted as 0.
    static func withoutRepeats(_ checked: [Finding], of read: [Finding]) -> [Finding] {
        func key(_ f: Finding, column: Bool) -> String {
            "\(f.location.section ?? 0)|\(f.location.row ?? "")" + (column ? "|\(f.location.column ?? "")" : "")
        }
        let blankRows = Set(read.filter { $0.rule == "read.blankCell" }.map { key($0, column: false) })
        let unreadable = Set(read.filter { $0.rule == UnreadableCells.rule }.map { key($0, column: true) })
        return checked.filter {
            $0.rule != ReportRule.blankCell.id
                || !blankRows.contains(key($0, column: false)) && !unreadable.contains(key($0, column: true))
        }
    }

    /// §6.2: pairs of reports of one agency in consecutive years are checked against each other.
    static func addCrossYearFindings(_ results: inout [ReportCheck]) {
        let byAgencyYear = Dictionary(
            results.indices.compactMap { i in results[i].report.map { ("\($0.agency)|\($0.year)", i) } },
            uniquingKeysWith: { a, _ in a })
        for i in results.indices {
            guard let current = results[i].report,
                case let (year, false) = current.year.subtractingReportingOverflow(1),
                let j = byAgencyYear["\(current.agency)|\(year)"], let previous = results[j].report
            else { continue }
            results[i].findings += ReportChecker().check(previous: previous, current: current)
        }
    }
}
