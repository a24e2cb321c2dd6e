import Testing

@testable import GongkaiCore
import GongkaiTestSupport

/// Issue 10: sums that cannot be represented, blank totals, prose figures about outcomes, findings resting on a
/// doubtful reading — each on reports made by `ReportGenerator` and then altered as real layouts alter them.
@Suite("Report checker — real layouts")
struct ReportCheckerLayoutTests {
    static func generated(seed: UInt64, year: Int? = nil) -> AnnualReport {
        var rng = SplitMix64(seed: seed)
        return ReportGenerator.validReport(year: year, using: &rng)
    }

    // MARK: overflow

    @Test("ten 18-digit cells give findings, never a trap", arguments: [2020, 2023])
    func eighteenDigitCells(year: Int) {
        var r = Self.generated(seed: 3, year: year)
        let huge = Cell.number(ExactNumber(units: 999_999_999_999_999_999))
        for row in ApplicationRow.outcomeRows(for: r.format).prefix(10) { r.applications.table[row, .naturalPerson] = huge }
        for g in AppealsGroup.allCases {
            for result in AppealsResult.allCases.dropLast() { r.appeals.table[g, result] = .count(Int.max / 2) }
        }
        let findings = ReportChecker().check(r)
        #expect(findings.contains { $0.rule == "sumOverflow" && $0.location.section == 3 && $0.severity == .error })
        #expect(findings.contains { $0.rule == "sumOverflow" && $0.location.section == 4 })
        #expect(findings.filter { $0.rule == "sumOverflow" }.allSatisfy { $0.message.contains("超出可计算的范围") })
    }

    @Test("extreme values in every cell of every table, and extreme years, do not trap")
    func extremes() {
        for value in [Int.max, Int.min, Int.max - 1] {
            var r = Self.generated(seed: 5, year: 2020)
            for row in r.applications.table.rows {
                for col in ApplicantColumn.allCases { r.applications.table[row, col] = .count(value) }
            }
            r.appeals.table = AppealsTable(cells: Array(repeating: .count(value), count: 15))
            for row in r.proactive.rows {
                for col in row.columns(in: r.format) where !col.isAmount { r.proactive[row, col] = .count(value) }
            }
            r.overview.text.append("全年收到申请\(value)件，办结\(value)件，予以公开及部分公开12件（33.9%）。")
            #expect(!ReportChecker().check(r).isEmpty)
            var next = r
            next.year = 2021
            _ = ReportChecker().check(previous: r, current: next)
            var last = r
            last.year = Int.max
            #expect(ReportChecker().check(previous: last, current: next).map(\.rule) == ["cross.pair"])
        }
    }

    // MARK: blank totals

    /// The report with every 总计 cell of the outcome rows and of （七） left blank, the parts filled.
    static func blankTotals(_ r: AnnualReport) -> AnnualReport {
        var r = r
        for row in ApplicationRow.outcomeRows(for: r.format) { r.applications.table[row, .total] = .blank }
        for col in ApplicantColumn.allCases { r.applications.table[.total, col] = .blank }
        return r
    }

    @Test("blank totals are blanks to fill with their sum, not wrong totals", arguments: 0..<40)
    func blankTotalsAreNotErrors(seed: Int) {
        let valid = Self.generated(seed: UInt64(seed))
        let findings = ReportChecker().check(Self.blankTotals(valid))
        #expect(findings.allSatisfy { $0.severity == .warning }, "\(findings.filter { $0.severity == .error })")
        let t = valid.applications.table
        for row in ApplicationRow.outcomeRows(for: valid.format) + [.total] {
            let expected = t[row, .total].countOrZero
            let f = findings.first { $0.location.row == row.displayName && $0.location.column == "总计" }
            if expected == 0 {
                #expect(f?.rule == "blankCell")
            } else {
                #expect(f?.rule == "blankTotal" && f?.expected == "\(expected)" && f?.message.contains("应填 \(expected)") == true)
            }
        }
    }

    @Test("a written wrong total next to blank ones is still an error")
    func wrongTotalAmongBlanks() {
        var r = Self.blankTotals(Self.generated(seed: 11, year: 2022))
        r.applications.table[.granted, .total] = .count(r.applications.table[.granted, .naturalPerson].countOrZero + 1_000)
        let errors = ReportChecker().check(r).filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["III.rowTotal"])
        #expect(errors.first?.location.row == ApplicationRow.granted.displayName)
    }

    @Test("a blank 四 is the blank to fill with 一＋二－三（七）; a blank IV total with its sum")
    func blankCarriedForwardAndAppeals() {
        var r = Self.generated(seed: 21, year: 2023)
        r.applications.table[.new, .naturalPerson] = .count(r.applications.table[.new, .naturalPerson].countOrZero + 4)
        r.applications.table[.new, .total] = .count(r.applications.table[.new, .total].countOrZero + 4)
        let forward = r.applications.table[.carriedForward, .naturalPerson].countOrZero + 4
        r.applications.table[.carriedForward, .naturalPerson] = .blank
        r.applications.table[.carriedForward, .total] = .blank
        r.appeals.table[.reconsideration, .upheld] = 3
        r.appeals.table[.reconsideration, .total] = .placeholder("/")
        let findings = ReportChecker().check(r)
        #expect(findings.allSatisfy { $0.severity == .warning }, "\(findings)")
        #expect(findings.contains { $0.rule == "blankTotal" && $0.location.column == "自然人" && $0.expected == "\(forward)" })
        #expect(findings.contains { $0.rule == "blankTotal" && $0.location.section == 4 && $0.found == "/" })
    }

    // MARK: prose

    @Test("outcome figures in the prose are compared with the table, alone and summed", arguments: 0..<20)
    func proseOutcomes(seed: Int) {
        var r = Self.generated(seed: UInt64(seed) + 100)
        let t = r.applications.table
        let granted = t[.granted, .total].countOrZero, partial = t[.partiallyGranted, .total].countOrZero
        let unavailable = (1...3).reduce(0) { $0 + t[.unavailable($1), .total].countOrZero }
        r.overview.text.append("其中予以公开及部分公开\(granted + partial)件、无法提供\(unavailable)件，不予公开\((1...8).reduce(0) { $0 + t[.withheld($1), .total].countOrZero })件。")
        #expect(ReportChecker().check(r) == [])
        r.overview.text.append("予以公开及部分公开\(granted + partial + 17)件、无法提供\(unavailable + 1)件。")
        let warnings = ReportChecker().check(r).filter { $0.rule == "prose.outcomes" }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.message.contains("正文「予以公开及部分公开") })
        #expect(warnings.first?.location.row == "（一）予以公开＋（二）部分公开")
    }

    @Test("the real report's sentence: 258 and 265 against 272 + 3 and 321 + 15 + 1")
    func realSentence() {
        var r = Self.generated(seed: 1, year: 2022)
        var t = ApplicationTable(format: .v2021)
        let cells: [(ApplicationRow, Int)] = [
            (.granted, 272), (.partiallyGranted, 3), (.unavailable(1), 321), (.unavailable(2), 15), (.unavailable(3), 1),
            (.notProcessed(2), 149),
        ]
        for (row, n) in cells { t[row, .naturalPerson] = .count(n) }
        t[.total, .naturalPerson] = 761
        t[.new, .naturalPerson] = 761
        t.fillTotals()
        r.applications.table = t
        r.overview.text = ["本年度办结申请761件，其中予以公开及部分公开258件（33.9%）、无法提供265件。"]
        let warnings = ReportChecker().check(r).filter { $0.rule == "prose.outcomes" }
        #expect(warnings.map(\.expected) == ["275", "337"])
        #expect(warnings.map(\.found) == ["258", "265"])
        r.overview.text = ["本年度办结申请761件，其中予以公开及部分公开275件（36.1%）、无法提供337件（44.3%）。"]
        #expect(ReportChecker().check(r).filter { $0.rule == "prose.outcomes" } == [])
        r.overview.text = ["其中予以公开及部分公开275件（33.9%）。"]
        let percent = ReportChecker().check(r).filter { $0.rule == "prose.outcomes" }
        #expect(percent.map(\.found) == ["33.9%"] && percent.map(\.expected) == ["36.1%"])
    }

    // MARK: doubt

    @Test("an error on cells read with doubt is marked as such; an unaligned table gives no arithmetic errors")
    func readingDoubt() {
        var r = Self.generated(seed: 8, year: 2022)
        r.applications.table[.granted, .naturalPerson] = .count(r.applications.table[.granted, .naturalPerson].countOrZero + 5)
        let ambiguous = Finding(
            rule: "read.ambiguousSplit", severity: .warning,
            location: ReportLocation(section: 3, row: ApplicationRow.granted.displayName, line: 40), message: "拆分有歧义")
        let marked = ReportChecker().check(r, read: [ambiguous]).filter { $0.severity == .error }
        #expect(!marked.isEmpty && marked.allSatisfy { $0.readDoubt?.contains("第40行") == true })
        #expect(marked.allSatisfy { $0.description.contains("读取存疑") })
        let elsewhere = Finding(
            rule: "read.ambiguousSplit", severity: .warning,
            location: ReportLocation(section: 3, row: ApplicationRow.new.displayName, line: 30), message: "拆分有歧义")
        let rowTotal = ReportChecker().check(r, read: [elsewhere]).first { $0.rule == "III.rowTotal" }
        #expect(rowTotal != nil && rowTotal?.readDoubt == nil)
        let unaligned = Finding(
            rule: "read.unaligned", severity: .error, location: ReportLocation(section: 3, line: 12), message: "无法对齐")
        #expect(ReportChecker().check(r, read: [unaligned]).filter { $0.location.section == 3 } == [])
        #expect(ReportChecker().check(r, read: []) == ReportChecker().check(r))
    }
}
