import Foundation
import GongkaiCore
import GongkaiDocuments

/// Reports read and checked per second on one core: the seed and the five samples, from text in memory
/// (file I/O excluded), each read with `TextReportReader` and checked with `ReportChecker`.
///
/// `--passes N` runs exactly N passes and prints no timing: `bench/instructions.sh` counts the instructions of
/// such runs under callgrind, a figure that does not move with the load of a shared machine.
enum ReportsBenchmark {
    static func fixtures() -> (names: [String], texts: [String]) {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        let texts = names.compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        guard !texts.isEmpty, texts.count == names.count else {
            print("no fixtures found in \(dir.path)")
            exit(2)
        }
        return (names, texts)
    }

    /// The unit of work measured: one report read from text and checked; the findings counted so that nothing
    /// is optimised away.
    static func readAndCheck(_ text: String, _ name: String, _ checker: ReportChecker) -> Int {
        guard let report = try? TextReportReader.read(text, source: name).report else { return 0 }
        return checker.check(report).count
    }

    static func run(passes: Int) {
        let (names, texts) = fixtures()
        let checker = ReportChecker()
        var findings = 0
        for _ in 0..<passes {
            for (i, t) in texts.enumerated() {
                findings &+= readAndCheck(t, names[i], checker)
            }
        }
        print("reports read+checked: \(passes * texts.count) (findings counted: \(findings))")
    }

    static func run(seconds: Double) {
        let (names, texts) = fixtures()
        let checker = ReportChecker()
        var findings = 0
        // Warm up, then count whole passes over all files until the time is up.
        for (i, t) in texts.enumerated() { findings &+= readAndCheck(t, names[i], checker) }
        let clock = ContinuousClock()
        let start = clock.now
        var reports = 0
        var perFile = [Duration](repeating: .zero, count: texts.count)
        while clock.now - start < .seconds(seconds) {
            for (i, t) in texts.enumerated() {
                let s = clock.now
                findings &+= readAndCheck(t, names[i], checker)
                perFile[i] += clock.now - s
                reports += 1
            }
        }
        let elapsed = clock.now - start
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("files: \(texts.count) (\(names.joined(separator: ", ")))")
        print(String(format: "reports read+checked: %d in %.2f s = %.0f reports/s (one core)", reports, secs, Double(reports) / secs))
        let passes = Double(reports / texts.count)
        for (i, n) in names.enumerated() {
            let d = perFile[i]
            let us = (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / passes
            print(String(format: "  %-48@ %8.1f µs/report", n as NSString, us))
        }
        print("(findings counted: \(findings))")
    }
}
