import Dispatch
import Foundation
import GongkaiStore

extension StoreBenchmark {
    /// Runs the recorded statements with the bare client, output discarded; returns the wall time in seconds.
    static func runBare(_ configuration: StoreConfiguration, script: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        switch configuration {
        case .sqlite(let path): process.arguments = ["sqlite3", path, ".read \(script)"]
        case .postgres(let url): process.arguments = ["psql", url, "-q", "-X", "-f", script, "-o", "/dev/null"]
        case .sqliteMemory:
            throw StoreError.invalidValue(field: "--database", value: "sqlite::memory:", reason: "基准测试需要文件")
        }
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = DispatchTime.now()
        try process.run()
        process.waitUntilExit()
        let took = seconds(since: start)
        guard process.terminationStatus == 0 else {
            throw StoreError.invalidValue(
                field: "bare client", value: "\(process.terminationStatus)", reason: "命令行客户端运行失败")
        }
        return took
    }

    static func resultsSection(
        _ o: Options, _ configuration: StoreConfiguration, _ generation: Double?, _ counts: [(String, Int)],
        _ agencies: Int, _ statements: Int, _ reports: [Double], _ bare: [Double]
    ) -> String {
        let best = reports.min() ?? 0
        let bareBest = bare.min() ?? 0
        let median = reports.sorted()[reports.count / 2]
        let bareMedian = bare.sorted()[bare.count / 2]
        let engine = configuration.isPostgres ? "PostgreSQL" : "SQLite"
        let client = configuration.isPostgres ? "psql" : "sqlite3"
        func f(_ x: Double) -> String { String(format: "%.3f s", x) }
        var lines = [
            "### \(engine) — \(agencies) reports for \(o.year)",
            "",
            "Data: " + counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                + (generation.map { " (generated in \(String(format: "%.1f", $0)) s)" } ?? " (reused)") + ".",
            "",
            "| what | best of \(reports.count) | median |",
            "|---|---|---|",
            "| \(agencies) reports built by `StoreReportBuilder` (Swift, Fluent/SQLKit driver) | \(f(best)) | \(f(median)) |",
            "| the same \(statements) SQL statements run by bare `\(client)` (process start included) | \(f(bareBest)) | \(f(bareMedian)) |",
            "| ratio (reports / bare) | \(String(format: "%.2f×", bareBest > 0 ? best / bareBest : 0)) | \(String(format: "%.2f×", bareMedian > 0 ? median / bareMedian : 0)) |",
            "",
            "Ratio within each run (reports, then the bare client, back to back): "
                + zip(reports, bare).map { String(format: "%.2f×", $1 > 0 ? $0 / $1 : 0) }.joined(separator: ", ")
                + ".",
            "",
        ]
        lines.append("Per report: \(String(format: "%.1f", best * 1000 / Double(max(agencies, 1)))) ms.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func append(_ text: String, to file: String) throws {
        if !FileManager.default.fileExists(atPath: file) { FileManager.default.createFile(atPath: file, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.seekToEnd()
        handle.write(Data(("\n" + text).utf8))
        try handle.close()
    }
}
