import GongkaiCore

/// Exact money arithmetic: amounts are stored as whole fen (分) and reported in yuan or 万元.
public enum Money {
    /// Yuan with at most two decimals → fen. Throws for more decimals or a negative amount.
    public static func fen(_ yuan: ExactNumber) throws -> Int64 {
        guard yuan.scale <= 2 else {
            throw StoreError.invalidValue(field: "金额", value: yuan.description, reason: "最多两位小数（元）")
        }
        guard !yuan.isNegative else {
            throw StoreError.invalidValue(field: "金额", value: yuan.description, reason: "不能为负")
        }
        var units = yuan.units
        for _ in yuan.scale..<2 { units *= 10 }
        return units
    }

    /// Fen → yuan, e.g. 123456 → 1234.56 (trailing zero decimals dropped).
    public static func yuan(_ fen: Int64) -> ExactNumber {
        var n = ExactNumber(units: fen, scale: 2)
        while n.scale > 0 && n.units % 10 == 0 {
            n = ExactNumber(units: n.units / 10, scale: n.scale - 1)
        }
        return n
    }

    /// Fen → 万元 with four decimals (保留四位小数), rounding half up to the whole yuan; 0 stays 0.
    public static func tenThousandYuan(_ fen: Int64) -> ExactNumber {
        guard fen != 0 else { return ExactNumber(0) }
        let yuan = (fen + 50) / 100
        return ExactNumber(units: yuan, scale: 4)
    }
}
