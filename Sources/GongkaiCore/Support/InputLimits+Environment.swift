/// `InputLimits` from configuration: each limit may be overridden by its `GONGKAI_LIMIT_*` key
/// (`InputLimits.Name.environmentKey`). A pure function of the dictionary it is given: the CLI or a server
/// passes its environment in; the core never reads it.
///
/// ```swift
/// let limits = try InputLimits(overrides: ["GONGKAI_LIMIT_MAX_LINE_BYTES": "4194304"])
/// limits.maxLineBytes // 4_194_304; the other limits keep their defaults
/// ```
extension InputLimits {
    /// The largest value a limit may be set to: the cell limits stay within what 64-bit sums and
    /// `ExactNumber.Digits` hold (18 digits); the others within `Int`.
    public static func ceiling(of name: Name) -> Int64 {
        switch name {
        case .maxCellValue: return 999_999_999_999_999_999
        case .maxCellScale: return 18
        default: return Int64(Int.max)
        }
    }

    /// `base` with every limit named in `overrides` (keys `GONGKAI_LIMIT_*`; other keys are ignored) replaced.
    /// - Throws: `InvalidLimitSetting` naming the key when a value is not a whole number from 1 to the ceiling.
    public init(overrides: [String: String], base: InputLimits = .standard) throws(InvalidLimitSetting) {
        self = base
        for name in Name.allCases {
            guard let raw = overrides[name.environmentKey] else { continue }
            let digits = String(raw.filter { $0 != "_" && $0 != " " })
            guard let value = Int64(digits), value >= 1, value <= Self.ceiling(of: name) else {
                throw InvalidLimitSetting(name: name, value: raw)
            }
            self[name] = value
        }
    }
}

/// A `GONGKAI_LIMIT_*` setting that is not a usable limit.
public struct InvalidLimitSetting: Error, Equatable, Sendable, CustomStringConvertible {
    public var name: InputLimits.Name
    public var value: String

    public init(name: InputLimits.Name, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String {
        let range = "1 到 \(InputLimits.ceiling(of: name))"
        return "环境变量 \(name.environmentKey)（\(name)）应为 \(range) 之间的整数，收到的是「\(value)」"
    }
}
