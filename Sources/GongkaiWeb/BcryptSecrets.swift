import GongkaiOffice
import Vapor

/// The staff's secrets as the server keeps them: passwords as bcrypt hashes (`cost` 12 by default; tests use
/// less), session tokens of 256 random bits from the system's generator, stored as their SHA-256 digest.
public struct BcryptSecrets: StaffSecrets {
    public var cost: Int

    public init(cost: Int = 12) { self.cost = cost }

    public func hashPassword(_ password: String) throws -> String { try Bcrypt.hash(password, cost: cost) }

    public func verifyPassword(_ password: String, hash: String) throws -> Bool { try Bcrypt.verify(password, created: hash) }

    public func newSessionToken() -> String { randomHex(words: 4) }

    public func digest(ofToken token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
