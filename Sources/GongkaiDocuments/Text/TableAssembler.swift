/// A row of a table as read: the labels before its values, and the values (cells, runs, blanks), as ranges
/// in the table's `fields`.
struct TableRow: Sendable {
    var labels: Range<Int>
    var atoms: Range<Int>
    /// The line of the row's first value.
    var line: Int
    /// The row holds a value that is not blank.
    var hasValue: Bool
}

/// A table region cut into text before the table, the rows, and text after it.
struct AssembledTable: Sendable {
    var rows: [TableRow] = []
    /// The fields of all rows, each row's labels then its values.
    var fields: [TableField] = []
    /// The text behind the fields.
    var store = FieldBytes()
    var textBefore: [String] = []
    var textAfter: [String] = []
    /// The first line of the table (for error messages).
    var startLine: Int = 0

    func labels(_ row: TableRow) -> ArraySlice<TableField> { fields[row.labels] }
    func atoms(_ row: TableRow) -> ArraySlice<TableField> { fields[row.atoms] }
}

/// Finds where a section's table starts, and groups its tokens into rows.
///
/// A row is the labels read since the previous row followed by its values; a label after a value, a blank
/// line, or the end of a tab/pipe row closes the row. Labels with no values carry over to the next row.
enum TableAssembler {
    /// The row being read: its fields are appended to the table's `fields` as they come, labels first
    /// (`start..<atoms`), then values (`atoms...`).
    private struct OpenRow {
        var start = 0
        var atoms = 0
        var hasValue = false

        var labelCount: Int { atoms - start }
        func atomCount(_ t: AssembledTable) -> Int { t.fields.count - atoms }
    }

    /// - Parameter valueLimit: once rows hold this many cells (digits, for runs), the table has ended and
    ///   what follows is text after it (section IV has 15 cells and no row labels to stop at).
    static func assemble(_ doc: TextDocument, body: [TextPiece], markers: [String], valueLimit: Int = .max)
        -> AssembledTable
    {
        var table = AssembledTable()
        let (before, region) = splitAtMarker(doc, body, markers.map(TextBytes.u))
        table.textBefore = narrative(doc, before)
        table.startLine = region.first?.line ?? body.first?.line ?? 0
        let tokens = TableTokenizer.tokens(doc, region, into: &table.store)
        table.fields.reserveCapacity(tokens.count)
        var current = OpenRow()
        var labelsAfter: [TableField] = []  // labels on the last row's line after the table ended
        var proseAfter: [String] = []
        var capacity = 0
        func close() {
            guard current.atomCount(table) > 0 else { return }
            let atoms = current.atoms..<table.fields.count
            let values = table.fields[atoms]
            let line = values.first(where: { $0.kind != .empty })?.line ?? values[atoms.lowerBound].line
            let labels = current.start..<atoms.lowerBound
            table.rows.append(TableRow(labels: labels, atoms: atoms, line: line, hasValue: current.hasValue))
            for f in table.fields[atoms] { capacity += f.kind == .run ? f.length : 1 }
            current = OpenRow(start: table.fields.count, atoms: table.fields.count)
        }
        for token in tokens {
            if capacity >= valueLimit {
                if case .field(let f) = token, f.kind == .label, f.line == table.rows.last?.line {
                    labelsAfter.append(f)
                }
                continue
            }
            switch token {
            case .prose(let p):
                if table.rows.isEmpty && !current.hasValue {
                    table.textBefore.append(doc.string(p))
                } else {
                    proseAfter.append(doc.string(p))
                }
            case .rowBreak:
                if current.hasValue || current.atomCount(table) >= 2 { close() }
            case .field(let f):
                switch f.kind {
                case .label:
                    if current.hasValue {
                        close()
                    } else if current.atomCount(table) > 0 {  // blanks before a label belong to no row
                        table.fields.removeLast(current.atomCount(table))
                    }
                    table.fields.append(f)
                    current.atoms = table.fields.count
                case .empty:
                    if current.labelCount > 0 || current.atomCount(table) > 0 { table.fields.append(f) }
                case .cell, .run:
                    table.fields.append(f)
                    current.hasValue = true
                }
            }
        }
        if current.hasValue { close() }
        // The open row's labels (and the labels after the table) are text after it when on its last line.
        let openLabels = Array(table.fields[current.start..<current.atoms]) + labelsAfter
        table.fields.removeSubrange(current.start...)
        let lastLine = table.rows.last(where: \.hasValue)?.line ?? Int.max
        table.textAfter = proseAfter + trailingText(doc, region, after: lastLine, openLabels, table.store)
        return table
    }

    /// Lines after the last row's line, and labels left over on that line, are text after the table.
    private static func trailingText(
        _ doc: TextDocument, _ region: [TextPiece], after line: Int, _ labels: [TableField], _ store: FieldBytes
    ) -> [String] {
        var out: [String] = labels.filter { $0.line == line }.map(store.text)
        for p in region where p.line > line {
            let c = doc.clean(p)
            if c.isEmpty || c.isNoise || c.markdownHeading { continue }
            if !isProseLine(doc.bytes, c) && looksTabular(doc, p) { continue }
            out.append(doc.string(c))
        }
        return out
    }

    private static let note = TextBytes.u("注")

    /// The line holds "。" or starts with 注.
    private static func isProseLine(_ b: [UInt8], _ c: CleanPiece) -> Bool {
        TextBytes.find(Lit.period, in: b, from: c.start, to: c.end) != nil || TextBytes.matches(b, c.start, note)
    }

    private static func looksTabular(_ doc: TextDocument, _ p: TextPiece) -> Bool {
        doc.startsWithTab(p) || TextBytes.index(of: 0x09, in: doc.bytes, from: p.start, to: p.end) != nil
            || TextBytes.index(of: 0x7C, in: doc.bytes, from: p.start, to: p.end) != nil
    }

    /// Splits the body at the first table marker: narrative before, table region after.
    static func splitAtMarker(_ doc: TextDocument, _ body: [TextPiece], _ markers: [[UInt8]])
        -> ([TextPiece], [TextPiece])
    {
        for (k, p) in body.enumerated() {
            var best: Int?
            for m in markers {
                if let at = TextBytes.find(m, in: doc.bytes, from: p.start, to: p.end), at < (best ?? Int.max) {
                    best = at
                }
            }
            guard let at = best else { continue }
            var before = Array(body[..<k])
            var region = Array(body[(k + 1)...])
            let lead = TextBytes.trim(doc.bytes, p.start, at)
            if lead.1 > lead.0, !isNumberingOnly(doc, lead.0, lead.1) {
                before.append(TextPiece(line: p.line, start: p.start, end: at))
                region.insert(TextPiece(line: p.line, start: at, end: p.end), at: 0)
            } else {
                region.insert(p, at: 0)
            }
            return (before, region)
        }
        return ([], body)
    }

    /// A cell prefix such as "（" or "(" before 本列数据 is not narrative.
    private static func isNumberingOnly(_ doc: TextDocument, _ s: Int, _ e: Int) -> Bool { e - s <= 3 }

    /// Narrative lines: trimmed, artefacts and footers dropped, empty lines left out.
    static func narrative(_ doc: TextDocument, _ pieces: [TextPiece]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(pieces.count)
        for p in pieces {
            let c = doc.clean(p)
            if c.isEmpty || c.isNoise { continue }
            out.append(doc.string(c))
        }
        return out
    }
}
