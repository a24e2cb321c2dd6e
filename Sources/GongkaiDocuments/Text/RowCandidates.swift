import GongkaiCore

/// Turns a row's values into candidate cell arrays of the right width, splitting run-together digits.
enum RowCandidates {
    /// The row's values as splitter segments, with surplus blanks trimmed and surplus values reported.
    static func segments(
        _ atoms: ArraySlice<TableField>, _ store: FieldBytes, parts: Int, section: Int,
        rowName: @autoclosure () -> String, findings: inout ReadFindings
    ) -> ArraySlice<TableField> {
        var atoms = atoms
        while atoms.count > parts, atoms.last?.kind == .empty { atoms.removeLast() }
        while atoms.count > parts, atoms.first?.kind == .empty { atoms.removeFirst() }
        if atoms.count > parts {
            let cut = atoms.startIndex + parts
            let extra = atoms[cut...].map { $0.kind == .run ? store.text($0) : store.cell($0).description }
            findings.warn(
                "read.unplaced", section: section, line: atoms[cut].line, row: rowName(),
                "这一行的数字多于 \(parts) 个，多出的已忽略", found: extra.joined(separator: " "))
            atoms = atoms[..<cut]
        }
        return atoms
    }

    /// Candidates satisfying `rule` if any, else all splits (each marked as breaking the row's identity).
    static func options(
        _ row: TableRow, in table: AssembledTable, parts: Int, rule: DigitSplitter.Rule?, section: Int,
        rowName: @autoclosure () -> String, findings: inout ReadFindings
    ) -> IdentityChooser.RowOptions {
        let store = table.store
        let segs = segments(
            table.atoms(row), store, parts: parts, section: section, rowName: rowName(), findings: &findings)
        let limits = DigitSplitter.Limits(parts: parts)
        if let rule {
            let exact = DigitSplitter.splits(segs, in: store, limits: limits, rule: rule)
            if !exact.isEmpty { return .init(candidates: ordered(exact), breaksRow: false) }
        }
        let loose = DigitSplitter.splits(segs, in: store, limits: limits, rule: nil)
        if !loose.isEmpty {
            return .init(candidates: ordered(loose), breaksRow: rule != nil)
        }
        let cells = lenient(segs, store, parts: parts, line: row.line, section: section, rowName: rowName(), &findings)
        return .init(candidates: [DigitSplitter.Candidate(cells: cells, hintMisses: 0)], breaksRow: rule != nil)
    }

    /// Candidates that honour the source's spaces come first.
    static func ordered(_ c: [DigitSplitter.Candidate]) -> [DigitSplitter.Candidate] {
        guard c.count > 1 else { return c }
        return c.enumerated().sorted { ($0.element.hintMisses, $0.offset) < ($1.element.hintMisses, $1.offset) }
            .map(\.element)
    }

    /// When no split is possible: each value as one cell, padded with blanks.
    static func lenient(
        _ segs: ArraySlice<TableField>, _ store: FieldBytes, parts: Int, line: Int, section: Int,
        rowName: @autoclosure () -> String, _ findings: inout ReadFindings
    ) -> [Cell] {
        var cells: [Cell] = segs.map { $0.kind == .run ? store.runAsCell($0) ?? .blank : store.cell($0) }
        if cells.count < parts {
            findings.warn(
                "read.missingCell", section: section, line: line, row: rowName(),
                "这一行只读到 \(cells.count) 个数，应有 \(parts) 个；缺少的按空白处理")
        } else {
            findings.warn("read.unplaced", section: section, line: line, row: rowName(), "这一行的数字无法按列拆分，按原样读取")
        }
        while cells.count < parts { cells.append(.blank) }
        return Array(cells.prefix(parts))
    }
}

extension ApplicationTableReader {
    static func candidates(
        _ row: TableRow, in table: AssembledTable, row r: ApplicationRow, findings: inout ReadFindings
    ) -> IdentityChooser.RowOptions {
        RowCandidates.options(
            row, in: table, parts: 7, rule: .rowTotal, section: 3, rowName: r.displayName,
            findings: &findings)
    }
}
