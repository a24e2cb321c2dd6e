import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing

@testable import GongkaiDocuments

@Suite("Text writer — the seed's layout")
struct TextWriterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports")

    /// Lines compared as the README promises: white space inside a line, Word's bookmark marks and the blank
    /// lines after the last line of text ignored.
    static func normalized(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacingOccurrences(of: "[bookmark: _GoBack]", with: "").filter { !$0.isWhitespace }
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test("the seed read and written back equals the seed line for line")
    func seedRoundTrip() throws {
        let seed = try String(contentsOf: Self.fixtures.appendingPathComponent("seed-daxing-yingji-2020.txt"), encoding: .utf8)
        let report = try TextReportReader.read(seed, source: "seed").report
        let written = TextReportWriter.render(report)
        let a = Self.normalized(seed), b = Self.normalized(written)
        for (i, (x, y)) in zip(a, b).enumerated() where x != y {
            Issue.record("line \(i + 1): seed «\(x)» written «\(y)»")
            break
        }
        #expect(a.count == b.count)
        #expect(a.count == 409)
    }

    @Test("random valid reports survive write → read unchanged", arguments: 0..<200)
    func randomRoundTrip(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let report = ReportGenerator.validReport(using: &rng)
        let back = try TextReportReader.read(TextReportWriter.render(report), source: "generated").report
        #expect(back == report)
    }

    @Test("signs and blanks are written as reports write them")
    func cells() {
        var report = AnnualReport(agency: "北京市某局", year: 2020, variant: .beijing)
        report.proactive[.penalty, .itemChange] = 26
        report.proactive[.enforcement, .itemChange] = -1
        report.applications.table[.new, .otherOrganization] = .blank
        report.appeals.table[.reconsideration, .upheld] = .placeholder("/")
        let lines = TextReportWriter.render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("\t＋26") && lines.contains("\t-1") && lines.contains("\t/"))
        #expect(lines.contains("\t采购总金额（万元，保留四位小数）"))
        let newRow = lines.firstIndex(of: "\t一、本年新收政府信息公开申请数量")
        #expect(newRow.map { lines[$0 + 6] } == "\t")
    }
}
