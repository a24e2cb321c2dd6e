/// 公民身份号码 — an 18-character resident identity number, validated by its check character (GB 11643-1999).
///
/// Positions 1–6 address code, 7–14 birth date (YYYYMMDD), 15–17 sequence, 18 check: weights 2^(17−i) mod 11,
/// check = (12 − Σ mod 11) mod 11, with 10 written as `X`.
///
/// ```swift
/// try ResidentIDNumber("11010519491231002X").birthDate // 1949-12-31
/// ```
public struct ResidentIDNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates `text` (a lower-case `x` is accepted and stored upper-case).
    public init(_ text: String) throws {
        let v = text.uppercased()
        let chars = Array(v)
        guard chars.count == 18 else { throw IdentityError.wrongLength(field: "身份证号码", expected: 18, found: chars.count) }
        guard chars.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }), chars[17].isASCII,
            chars[17].isNumber || chars[17] == "X"
        else { throw IdentityError.invalidCharacter(field: "身份证号码") }
        let digits = chars.prefix(17).map { Int(String($0))! }
        guard let y = Int(String(chars[6..<10])), let m = Int(String(chars[10..<12])), let d = Int(String(chars[12..<14])),
            CivilDate.isValid(y, m, d), y >= 1900
        else { throw IdentityError.invalidBirthDate(String(chars[6..<14])) }
        let expected = Self.checkCharacter(for: digits)
        guard chars[17] == expected else {
            throw IdentityError.checkDigitMismatch(field: "身份证号码", expected: expected, found: chars[17])
        }
        value = v
    }

    /// The check character for the first 17 digits.
    public static func checkCharacter(for digits: [Int]) -> Character {
        precondition(digits.count == 17)
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    public var birthDate: CivilDate {
        let c = Array(value)
        return CivilDate(Int(String(c[6..<10]))!, Int(String(c[10..<12]))!, Int(String(c[12..<14]))!)
    }

    public var description: String { value }
}

/// 统一社会信用代码 — the 18-character code of a legal person or other organisation, validated by its check
/// character (GB 32100-2015).
///
/// Alphabet `0-9 A-H J-N P-R T U W-Y` (31 characters, no I O S V Z); weights 3^i mod 31 for i = 0…16;
/// check = 31 − (Σ mod 31), with 31 written as `0`.
///
/// ```swift
/// try UnifiedSocialCreditCode("91350100M000100Y43")
/// ```
public struct UnifiedSocialCreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public init(_ text: String) throws {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else {
            throw IdentityError.wrongLength(field: "统一社会信用代码", expected: 18, found: chars.count)
        }
        let values = chars.map { Self.alphabet.firstIndex(of: $0) }
        guard values.allSatisfy({ $0 != nil }) else { throw IdentityError.invalidCharacter(field: "统一社会信用代码") }
        let expected = Self.checkCharacter(for: values.prefix(17).map { $0! })
        guard chars[17] == expected else {
            throw IdentityError.checkDigitMismatch(field: "统一社会信用代码", expected: expected, found: chars[17])
        }
        value = String(chars)
    }

    /// The check character for the first 17 code values (0…30).
    public static func checkCharacter(for values: [Int]) -> Character {
        precondition(values.count == 17)
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    public var description: String { value }
}

/// Errors of identity numbers, in Chinese naming the field.
public enum IdentityError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongLength(field: String, expected: Int, found: Int)
    case invalidCharacter(field: String)
    case invalidBirthDate(String)
    case checkDigitMismatch(field: String, expected: Character, found: Character)

    public var description: String {
        switch self {
        case .wrongLength(let f, let e, let n): return "\(f)应为\(e)位，实为\(n)位"
        case .invalidCharacter(let f): return "\(f)含有不允许的字符"
        case .invalidBirthDate(let s): return "身份证号码中的出生日期 \(s) 不是有效日期"
        case .checkDigitMismatch(let f, let e, let n): return "\(f)校验码错误：应为 \(e)，实为 \(n)"
        }
    }
}
