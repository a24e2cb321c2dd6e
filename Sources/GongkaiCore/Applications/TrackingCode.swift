/// 查询码 — the code an applicant uses to follow an application: random and unguessable, never derived from the
/// case number (so that knowing one application tells nothing about another's code).
///
/// 16 characters from the 32 of Crockford's base 32 (no I, L, O, U): 80 random bits, drawn from the generator
/// passed in (the store passes the system's cryptographic generator). Written in four groups of four.
///
/// ```swift
/// var rng = SystemRandomNumberGenerator()
/// let code = TrackingCode.random(using: &rng)   // e.g. 7QKD-M3XA-9TZR-B4HE
/// try TrackingCode("7qkd m3xa 9tzr b4he") == code // case, spaces and dashes do not matter
/// ```
public struct TrackingCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 16 characters, upper case, without separators.
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 16

    /// Parses a code as an applicant may type it.
    public init(_ text: String) throws {
        let chars = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard chars.count == Self.length, chars.allSatisfy(Self.alphabet.contains) else {
            throw TrackingCodeError.malformed(text)
        }
        value = String(chars)
    }

    private init(value: String) { self.value = value }

    /// A fresh code from `rng`.
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> TrackingCode {
        TrackingCode(value: String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
    }

    /// `XXXX-XXXX-XXXX-XXXX`
    public var description: String {
        stride(from: 0, to: Self.length, by: 4).map { i in
            String(value.dropFirst(i).prefix(4))
        }.joined(separator: "-")
    }
}

/// A tracking code that is not one.
///
/// ```swift
/// TrackingCodeError.malformed("123").description // "查询码「123」无效：应为16位字母或数字（不含 I、L、O、U）"
/// ```
public enum TrackingCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let text): return "查询码「\(text)」无效：应为16位字母或数字（不含 I、L、O、U）"
        }
    }
}
