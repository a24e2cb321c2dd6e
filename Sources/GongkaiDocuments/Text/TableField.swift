import Foundation
import GongkaiCore

/// One thing read from a table region: a label, an exact cell (a separated number, blank or placeholder),
/// or a run of digits that may hold several cells run together.
///
/// A plain value with no references: a label's normalised text, a run's digits and a placeholder's text are
/// ranges in the table's `FieldBytes`, so making, copying and dropping fields never allocates or counts
/// references (tables hold a few hundred of them and are read thousands of times a second).
struct TableField: Sendable {
    enum Kind: UInt8, Sendable { case label, cell, run, empty }

    var kind: Kind
    /// The label came from a line holding nothing else (it may continue on the next line).
    var single = false
    /// A `.cell` holding a placeholder ("/", "—", 无) rather than a number.
    var isPlaceholder = false
    /// A `.run` holding a sign or a decimal point, not only digits.
    var hasSignOrPoint = false
    /// 元 / 万元 written after the number.
    var unit: AmountUnit?
    var line: Int
    /// The field's bytes in `FieldBytes.bytes`: normalised label text (labels: no spaces, full-width brackets,
    /// ASCII digits, no quotes), ASCII digits, signs and points (runs, spaces removed), placeholder text (cells).
    var start: Int32 = 0
    var end: Int32 = 0
    /// Offsets in the run where the source had a space (a hint of a cell boundary):
    /// `FieldBytes.hints[hintStart..<hintEnd]`.
    var hintStart: Int32 = 0
    var hintEnd: Int32 = 0
    /// The number of a `.cell` that is not a placeholder.
    var number = ExactNumber(0)

    init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    var length: Int { Int(end - start) }
}

/// The bytes behind a table's fields, appended as the table is tokenised.
struct FieldBytes: Sendable {
    var bytes: [UInt8] = []
    var hints: [Int32] = []
    /// Cells written as numbers that a cell cannot hold, in document order (kept as placeholders of their text).
    var unreadable: [UnreadableCell] = []

    init() {
        bytes.reserveCapacity(2048)
    }

    /// The field's text: the normalised label, the run's digits, or the placeholder.
    func text(_ f: TableField) -> String { String(decoding: bytes[Int(f.start)..<Int(f.end)], as: UTF8.self) }

    /// `length` bytes of the field's text from `offset` (a keyword found in a label).
    func text(_ f: TableField, _ offset: Int, _ length: Int) -> String {
        let s = Int(f.start) + offset
        return String(decoding: bytes[s..<min(s + length, Int(f.end))], as: UTF8.self)
    }

    /// The cell of a `.cell` field (blank for the others).
    func cell(_ f: TableField) -> Cell {
        guard f.kind == .cell else { return .blank }
        return f.isPlaceholder ? .placeholder(text(f)) : .number(f.number)
    }

    /// The hints of a run, as offsets in its digits.
    func hints(_ f: TableField) -> ArraySlice<Int32> { hints[Int(f.hintStart)..<Int(f.hintEnd)] }

    /// The run's digits as one number, when they are one (no sign in the middle, at most one point).
    func runAsCell(_ f: TableField) -> Cell? {
        guard f.kind == .run, let n = ExactNumber(parsing: text(f)) else { return nil }
        return .number(n)
    }

    /// Whether `pattern` occurs at `i` inside the field (never reading past its end).
    @inline(__always)
    func matches(_ f: TableField, at i: Int, _ pattern: [UInt8]) -> Bool {
        guard i >= Int(f.start), i + pattern.count <= Int(f.end) else { return false }
        return bytes.withUnsafeBufferPointer { b in
            pattern.withUnsafeBufferPointer { p in
                guard let b = b.baseAddress, let p = p.baseAddress else { return pattern.isEmpty }
                return memcmp(b + i, p, pattern.count) == 0
            }
        }
    }

    /// First position (relative to the field's start) of `pattern` in the field's bytes from `from` to `to`.
    func find(_ pattern: [UInt8], in f: TableField, from: Int = 0, to: Int = .max) -> Int? {
        let s = Int(f.start)
        let last = s + min(to, f.length) - pattern.count
        guard let first = pattern.first, from >= 0, s + from <= last else { return nil }
        var i = s + from
        while i <= last {
            if bytes[i] == first, matches(f, at: i, pattern) { return i - s }
            i += 1
        }
        return nil
    }

    /// Whether the label reads as `standard`: it ends with it, or is a cut-short form of it ("（二）部分公开").
    func agrees(_ f: TableField, _ standard: [UInt8]) -> Bool {
        if f.length >= standard.count { return matches(f, at: Int(f.end) - standard.count, standard) }
        var k = 0
        while k < f.length {
            if bytes[Int(f.start) + k] != standard[k] { return false }
            k += 1
        }
        return true
    }
}

/// A cell written as a number that a cell cannot hold (`CellNumberProblem`), with its line (nil in HTML and DOCX).
struct UnreadableCell: Sendable {
    var line: Int?
    var text: String
    var problem: CellNumberProblem
}
