/// 金额（分） — an amount of money in fen, exact (no floating point).
///
/// ```swift
/// Fen(550_000).description // "5500.00元"
/// ```
public struct Fen: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, AdditiveArithmetic
{
    public var fen: Int64

    public init(_ fen: Int64) { self.fen = fen }
    public init(integerLiteral value: Int64) { fen = value }
    public static func yuan(_ yuan: Int64) -> Fen { Fen(yuan * 100) }
    public static var zero: Fen { Fen(0) }

    public static func + (a: Fen, b: Fen) -> Fen { Fen(a.fen + b.fen) }
    public static func - (a: Fen, b: Fen) -> Fen { Fen(a.fen - b.fen) }
    public static func * (a: Fen, n: Int) -> Fen { Fen(a.fen * Int64(n)) }
    public static func < (a: Fen, b: Fen) -> Bool { a.fen < b.fen }

    public var description: String {
        let m = fen.magnitude
        let cents = m % 100
        return (fen < 0 ? "-" : "") + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)元"
    }

    public init(from decoder: Decoder) throws { fen = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(fen)
    }
}

/// 信息处理费计收标准 — the two standards of 国办函〔2020〕109号, both progressive (超额累进); one per
/// application, never both (第三条).
///
/// - 按件计收 (第四条): per applicant per calendar month — applications 1–10 free; 11–30 ¥100 each; from the
///   31st, each further band of 10 costs ¥100 more per application (31–40 ¥200, 41–50 ¥300 …).
/// - 按量计收 (第五条): per application — pages 1–30 free; 31–100 ¥10 a page; 101–200 ¥20; from 201 ¥40.
///
/// ```swift
/// FeeStandard.perApplication.fee(units: 45) // 5500.00元 (the month's 45 applications)
/// FeeStandard.perVolume.fee(units: 150)     // 1700.00元
/// ```
public enum FeeStandard: String, Hashable, Sendable, Codable, CaseIterable {
    /// 按件计收 — units are the applicant's applications in one calendar month.
    case perApplication
    /// 按量计收 — units are pages.
    case perVolume

    /// The price of the `n`th unit (1-based).
    public func unitPrice(_ n: Int) -> Fen {
        precondition(n >= 1, "units are counted from 1")
        switch self {
        case .perApplication:
            if n <= 10 { return 0 }
            if n <= 30 { return .yuan(100) }
            return .yuan(Int64(200 + (n - 31) / 10 * 100))
        case .perVolume:
            if n <= 30 { return 0 }
            if n <= 100 { return .yuan(10) }
            if n <= 200 { return .yuan(20) }
            return .yuan(40)
        }
    }

    /// The tiers of `unitPrice` in the words a 指南 publishes them (国办函〔2020〕109号).
    public var scheduleText: String {
        switch self {
        case .perApplication:
            return "按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，每件收费100元；"
                + "30件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。"
        case .perVolume:
            return "按量计收：同一申请件中，30页以下（含30页）的，不收费；31—100页（含100页）的部分，每页收费10元；"
                + "101—200页（含200页）的部分，每页收费20元；200页以上的部分，每页收费40元。"
        }
    }

    /// The total for `units` units (the sum of each unit's progressive price).
    public func fee(units: Int) -> Fen {
        precondition(units >= 0, "units must not be negative")
        return units == 0 ? .zero : (1...units).reduce(Fen.zero) { $0 + unitPrice($1) }
    }

    /// 按件计收 — the fee for one application that is the `position`th of its applicant in that calendar month
    /// (counting by 一事一申请 units: an application split into `units` parts takes positions
    /// `position`…`position + units − 1`).
    public static func perApplicationFee(position: Int, units: Int = 1) -> Fen {
        precondition(position >= 1 && units >= 1)
        return (position..<(position + units)).reduce(Fen.zero) { $0 + FeeStandard.perApplication.unitPrice($1) }
    }

    public var label: String { self == .perApplication ? "按件计收" : "按量计收" }
}

/// 按件计收台账 — positions of an applicant's applications within each calendar month, so each one's fee follows.
///
/// ```swift
/// var ledger = MonthlyApplicationLedger()
/// ledger.register(applicant: "张三", on: CivilDate(2024, 5, 6)) // 1st in 2024-05 → fee 0
/// ```
public struct MonthlyApplicationLedger: Hashable, Sendable {
    private var counts: [String: Int] = [:]

    public init() {}

    /// Registers one application (of `units` parts) and returns its fee under 按件计收.
    public mutating func register(applicant: String, on date: CivilDate, units: Int = 1) -> Fen {
        let key = "\(applicant)|\(date.year)-\(date.month)"
        let position = (counts[key] ?? 0) + 1
        counts[key] = position + units - 1
        return FeeStandard.perApplicationFee(position: position, units: units)
    }
}
