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

    /// Parses `123`, `-1`, `+26`, `929.9082` (ASCII digits; callers fold full-width forms first).
    public init?(parsing text: Substring) {
        var rest = text
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var units: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        for ch in rest.utf8 {
            if ch == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard ch >= 48 && ch <= 57 else { return nil }
            let (m, o1) = units.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(ch - 48))
            guard !o1, !o2 else { return nil }
            units = a
            digits += 1
            if seenPoint { scale += 1 }
        }
        guard digits > 0, !(seenPoint && scale == 0) else { return nil }
        self.init(units: negative ? -units : units, scale: scale)
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

extension Cell: Codable {
    /// JSON form: a number, `null` for a blank cell, or the placeholder's text as a string.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .blank
        } else if let i = try? c.decode(Int.self) {
            self = .count(i)
        } else if let s = try? c.decode(String.self) {
            if let n = ExactNumber(parsing: s) { self = .number(n) } else { self = .placeholder(s) }
        } else {
            let d = try c.decode(Double.self)
            guard let n = ExactNumber(parsing: String(d)) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a number: \(d)")
            }
            self = .number(n)
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
