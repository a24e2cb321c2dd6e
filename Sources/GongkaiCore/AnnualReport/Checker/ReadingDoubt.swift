/// Which checker findings rest on cells the reader read with doubt (format reference §6.1; issue 10 "wrong
/// answers on real layouts"): a figure from an ambiguous split, a row the reader could not find or place. Such a
/// finding may come from the reading, not from the report, and is marked (`Finding.readDoubt`) instead of being
/// worded as the report's own arithmetic error. When the reader says a table could not be aligned with the format
/// (`read.unaligned`), that one finding stands for the table and its arithmetic findings are left out.
///
/// ```swift
/// ReportChecker().check(result.report, read: result.findings) // findings with readDoubt where it applies
/// ```
extension ReportChecker {
    /// The reading findings that put cells in doubt.
    public static let doubtfulReadRules: Set<String> = [
        "read.ambiguousSplit", "read.unplaced", "read.missingRow", "read.missingCell", "read.realigned",
        "read.unaligned",
    ]

    /// The findings for one report as read, `read` being what its reader noticed: as `check(_:)`, with each
    /// finding about cells read with doubt marked, and none of a table the reader could not align.
    public func check(_ report: AnnualReport, read: [Finding]) -> [Finding] {
        let findings = check(report)
        let doubts = read.filter { Self.doubtfulReadRules.contains($0.rule) }
        guard !doubts.isEmpty else { return findings }
        let doubt = ReadingDoubt(doubts)
        return findings.compactMap { doubt.mark($0) }
    }
}

/// The rows of sections III and IV read with doubt, by section, with the reasons.
struct ReadingDoubt {
    /// The arithmetic rules of each table: the findings a misreading can cause.
    static let arithmetic: [Int: Set<String>] = [
        3: Set([ReportRule.rowTotal, .outcomeSum, .balance, .bound, .blankTotal, .sumOverflow].map(\.id)),
        4: Set([ReportRule.reconsiderationTotal, .directLitigationTotal, .afterReconsiderationTotal, .blankTotal,
            .sumOverflow].map(\.id)),
    ]

    /// Section III's rows by the names findings give them (`displayName`, which is `label` for unnumbered rows).
    private static let rowsByName: [String: ApplicationRow] = Dictionary(
        (ApplicationRow.rows(for: .v2019) + ApplicationRow.rows(for: .v2021)).map { ($0.displayName, $0) },
        uniquingKeysWith: { a, _ in a })

    private var rows: [Int: Set<ApplicationRow>] = [:]
    private var wholeSection: Set<Int> = []
    private var unaligned: Set<Int> = []
    private var reasons: [Int: [String]] = [:]

    init(_ doubts: [Finding]) {
        for f in doubts {
            guard let section = f.location.section, Self.arithmetic[section] != nil else { continue }
            if f.rule == "read.unaligned" { unaligned.insert(section) }
            if let name = f.location.row, let row = Self.rowsByName[name], section == 3 {
                rows[section, default: []].insert(row)
            } else {
                wholeSection.insert(section)
            }
            let at = f.location.line.map { "第\($0)行" } ?? f.location.row ?? ""
            reasons[section, default: []].append(at + (at.isEmpty ? "" : "：") + f.message)
        }
    }

    /// The finding marked when its cells are in doubt; nil when its table could not be aligned.
    func mark(_ f: Finding) -> Finding? {
        guard let section = f.location.section, Self.arithmetic[section]?.contains(f.rule) == true else { return f }
        if unaligned.contains(section) { return nil }
        guard wholeSection.contains(section) || !involved(f).isDisjoint(with: rows[section] ?? []) else { return f }
        var marked = f
        marked.readDoubt = (reasons[section] ?? []).prefix(3).joined(separator: "；")
        return marked
    }

    private static let outcomeRows = Set(
        (ApplicationRow.rows(for: .v2019) + ApplicationRow.rows(for: .v2021)).filter(\.isOutcome) + [.total])
    private static let balanceRows: Set<ApplicationRow> = [.new, .carriedOver, .total, .carriedForward]

    /// The section III rows whose cells a finding's identity reads.
    private func involved(_ f: Finding) -> Set<ApplicationRow> {
        let row = f.location.row.flatMap { Self.rowsByName[$0] }
        switch (f.rule, row) {
        case (ReportRule.rowTotal.id, let row?) where row != .total: return [row]
        case (ReportRule.blankTotal.id, .carriedForward?) where f.location.column != "总计": return Self.balanceRows
        case (ReportRule.blankTotal.id, let row?) where row != .total: return [row]
        case (ReportRule.rowTotal.id, _), (ReportRule.blankTotal.id, _), (ReportRule.outcomeSum.id, _):
            return Self.outcomeRows
        default: return Self.balanceRows
        }
    }
}
