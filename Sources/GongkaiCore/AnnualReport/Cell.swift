/// An exact decimal number as written in a report: `units` scaled by 10^`scale` (929.9082 → 9299082, scale 4).
///
/// Amounts in reports (采购总金额, 本年收费金额) are decimals; no floating point touches them.
///
/// ```swift
/// ExactNumber(parsing: "929.9082")?.description // "929.9082"
/// ```
public struct ExactNumber: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public var units: Int64
    public var scale: Int

    public init(units: Int64, scale: Int = 0) {
        self.units = units
        self.scale = scale
    }

    public init(_ integer: Int) { self.init(units: Int64(integer), scale: 0) }

    /// Parses `123`, `-1`, `+26`, `929.9082` (ASCII digits; callers fold full-width forms first); nil for text
    /// that is not such a number, or one past `InputLimits.standard` (`read(_:limits:)` says which).
    public init?(parsing text: Substring) {
        guard let n = try? Self.read(text, limits: .standard) else { return nil }
        self = n
    }

    /// Reads a cell's number within `limits`: nil when the text is no number at all (a label, a placeholder);
    /// throws when it is written as a number that a cell cannot hold — more digits than `maxCellValue`, more
    /// decimals than `maxCellScale`, or scientific notation (`1e3`). Thousands separators are not read here.
    ///
    /// ```swift
    /// try ExactNumber.read("12", limits: .standard)                  // 12
    /// try ExactNumber.read("12345678901234567890", limits: .standard) // throws .overLimit
    /// try ExactNumber.read("1e3", limits: .standard)                 // throws .scientificNotation
    /// ```
    public static func read(_ text: Substring, limits: InputLimits) throws(CellNumberProblem) -> ExactNumber? {
        var rest = text.utf8[...]
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        var digits = Digits()
        while let ch = rest.first, digits.take(ch) { rest = rest.dropFirst() }
        guard digits.isNumber else { return nil }
        if !rest.isEmpty {
            guard Digits.isExponent(Array(rest)[...]) else { return nil }
            throw .scientificNotation(String(text))
        }
        return try digits.number(negative: negative, limits: limits, text: String(text))
    }

    public static func read(_ text: String, limits: InputLimits) throws(CellNumberProblem) -> ExactNumber? {
        try read(Substring(text), limits: limits)
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    /// The integer value, when the number has no fractional digits.
    public var integer: Int? { scale == 0 ? Int(units) : nil }

    public var isNegative: Bool { units < 0 }

    public var description: String {
        guard scale > 0 else { return String(units) }
        let magnitude = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }

    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        return lhs.scaled(to: s) < rhs.scaled(to: s)
    }

    private func scaled(to s: Int) -> Int64 {
        var u = units
        for _ in scale..<s { u *= 10 }
        return u
    }
}

/// One table cell of an annual report: a number, a blank cell, or a placeholder such as "/", "—" or "无".
///
/// Blank and placeholder cells are kept distinct from 0: the checker counts them as 0 and warns.
///
/// ```swift
/// let c: Cell = 21
/// c.count // 21
/// Cell.placeholder("/").count // nil
/// ```
public enum Cell: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    case number(ExactNumber)
    case blank
    case placeholder(String)

    public init(integerLiteral value: Int) { self = .number(ExactNumber(value)) }

    public static func count(_ value: Int) -> Cell { .number(ExactNumber(value)) }

    /// The integer in the cell, or nil for blank, placeholder or fractional cells.
    public var count: Int? {
        if case .number(let n) = self { return n.integer }
        return nil
    }

    /// The integer in the cell, with blank and placeholder cells counted as 0 (format reference §6.1 rule 6).
    public var countOrZero: Int { count ?? 0 }

    public var number: ExactNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var isNumber: Bool { number != nil }

    public var description: String {
        switch self {
        case .number(let n): return n.description
        case .blank: return ""
        case .placeholder(let p): return p
        }
    }
}

extension CodingUserInfoKey {
    /// The `InputLimits` a decoder holds cells to (`Cell.init(from:)`); `InputLimits.standard` when absent.
    public static let inputLimits = CodingUserInfoKey(rawValue: "gongkai.inputLimits")!
}

extension Cell: Codable {
    /// JSON form: a number, `null` for a blank cell, or the placeholder's text as a string. A number (or a
    /// string written as one) that a cell cannot hold is refused with `CellNumberProblem`, within the decoder's
    /// `userInfo[.inputLimits]` (`InputLimits.standard` when not set).
    public init(from decoder: Decoder) throws {
        let limits = decoder.userInfo[.inputLimits] as? InputLimits ?? .standard
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .blank
        } else if let s = try? c.decode(String.self) {
            self = try Self.checked(s, in: c, limits: limits, orPlaceholder: true)
        } else if let i = try? c.decode(Int64.self) {
            self = try Self.checked(String(i), in: c, limits: limits, orPlaceholder: false)
        } else {
            let d = try c.decode(Double.self)
            let whole = d.isFinite && d.rounded() == d
            if whole && abs(d) >= 1e18 {  // past Int64: over any cell limit
                let problem = CellNumberProblem.overLimit(String(d), limit: limits.maxCellValue)
                throw DecodingError.dataCorruptedError(in: c, debugDescription: problem.description)
            }
            let text = whole ? String(Int64(d)) : String(d)
            self = try Self.checked(text, in: c, limits: limits, orPlaceholder: false)
        }
    }

    /// The cell of `text` when it is a number within `limits`, else a placeholder of it (a string) or an error
    /// (a JSON number that is no exact decimal).
    private static func checked(
        _ text: String, in c: SingleValueDecodingContainer, limits: InputLimits, orPlaceholder: Bool
    ) throws -> Cell {
        do throws(CellNumberProblem) {
            guard let n = try ExactNumber.read(text, limits: limits) else {
                guard orPlaceholder else { throw .notANumber(text) }
                return .placeholder(text)
            }
            return .number(n)
        } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    /// Integers encode as JSON numbers; decimals as strings so that no digit is lost ("929.9082").
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let n):
            if let i = n.integer { try c.encode(i) } else { try c.encode(n.description) }
        case .blank: try c.encodeNil()
        case .placeholder(let p): try c.encode(p)
        }
    }
}

/// Why a cell's text, written as a number, is not one a cell can hold: an *unreadable cell*.
///
/// ```swift
/// CellNumberProblem.overLimit("12345678901234567890", limit: 999_999_999_999_999).description
/// // "数值超过上限：「12345678901234567890」超过单元格数值上限 999999999999999"
/// ```
public enum CellNumberProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// More digits than `InputLimits.maxCellValue` allows.
    case overLimit(String, limit: Int64)
    /// More decimal places than `InputLimits.maxCellScale` allows.
    case tooManyDecimals(String, limit: Int)
    /// Scientific notation (`1e3`): a count is written out in digits.
    case scientificNotation(String)
    /// A JSON number that is no decimal number (a float that cannot be written exactly).
    case notANumber(String)

    public var text: String {
        switch self {
        case .overLimit(let t, _), .tooManyDecimals(let t, _), .scientificNotation(let t), .notANumber(let t): t
        }
    }

    public var description: String {
        switch self {
        case .overLimit(let t, let limit):
            "数值超过上限：「\(t)」超过\(InputLimits.Name.maxCellValue) \(limit)"
        case .tooManyDecimals(let t, let limit):
            "小数位数超过上限：「\(t)」超过\(InputLimits.Name.maxCellScale) \(limit) 位"
        case .scientificNotation(let t):
            "不是整数写法：「\(t)」是科学计数法，单元格应写出全部数字"
        case .notANumber(let t): "不是可精确读取的数：「\(t)」"
        }
    }
}

extension ExactNumber {
    /// The digits of a number as a reader meets them, one ASCII digit or point at a time, counted so that any
    /// length is read without overflow and held to `InputLimits` at the end.
    ///
    /// ```swift
    /// var d = ExactNumber.Digits()
    /// for ch in "929.9082".utf8 { _ = d.take(ch) }
    /// try d.number(negative: false, limits: .standard, text: "929.9082") // 929.9082
    /// ```
    public struct Digits: Sendable {
        var units: Int64 = 0
        /// Digits after the first non-zero one (leading zeros do not count towards the limit).
        var significant = 0
        public private(set) var count = 0
        public private(set) var scale = 0
        public private(set) var seenPoint = false

        public init() {}

        /// Takes an ASCII digit or the point; false for anything else (or a second point).
        public mutating func take(_ ch: UInt8) -> Bool {
            if ch == UInt8(ascii: ".") {
                guard !seenPoint else { return false }
                seenPoint = true
                return true
            }
            guard ch >= 48 && ch <= 57 else { return false }
            count += 1
            if seenPoint { scale += 1 }
            if significant > 0 || ch != 48 { significant += 1 }
            if significant <= 18 { units = units * 10 + Int64(ch - 48) }
            return true
        }

        /// Some digits were taken, and a point (if any) has digits after it.
        public var isNumber: Bool { count > 0 && !(seenPoint && scale == 0) }

        /// `e3`, `E+10`, `e-2`: the rest of a number written in scientific notation.
        public static func isExponent(_ rest: ArraySlice<UInt8>) -> Bool {
            var r = rest
            guard let e = r.first, e | 0x20 == UInt8(ascii: "e") else { return false }
            r = r.dropFirst()
            if let s = r.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { r = r.dropFirst() }
            return !r.isEmpty && r.allSatisfy { $0 >= 48 && $0 <= 57 }
        }

        /// The number read, when `limits` allow it; `text` (the cell as written) is only made for a problem.
        public func number(
            negative: Bool, limits: InputLimits, text: @autoclosure () -> String
        ) throws(CellNumberProblem) -> ExactNumber {
            guard scale <= limits.maxCellScale else { throw .tooManyDecimals(text(), limit: limits.maxCellScale) }
            guard significant <= 18, units <= limits.maxCellValue else {
                throw .overLimit(text(), limit: limits.maxCellValue)
            }
            return ExactNumber(units: negative ? -units : units, scale: scale)
        }
    }
}
