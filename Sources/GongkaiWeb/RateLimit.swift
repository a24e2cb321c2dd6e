import Foundation
import Vapor

/// How many public submissions one client (by IP address) may make in a window, per kind of submission.
public struct RateLimits: Sendable {
    public struct Rule: Sendable {
        public var limit: Int
        public var seconds: Double

        public init(limit: Int, seconds: Double) {
            self.limit = limit
            self.seconds = seconds
        }
    }

    /// Applications (`POST …/applications`): enough for a person, too few for a flood.
    public var applications: Rule
    /// Report checks (`POST /api/v1/check`), each up to 20 files.
    public var checks: Rule
    /// Staff sign-in attempts (`POST /staff/login`), whatever the username: guessing across many accounts from one
    /// address is slowed here, guessing one account's password is stopped by its lock (`StaffSignInPolicy`).
    public var signIns: Rule

    public init(applications: Rule, checks: Rule, signIns: Rule = Rule(limit: 20, seconds: 600)) {
        self.applications = applications
        self.checks = checks
        self.signIns = signIns
    }

    /// The standard rules, each replaced by `GONGKAI_RATE_APPLICATIONS`, `GONGKAI_RATE_CHECKS` or
    /// `GONGKAI_RATE_SIGNINS` when set, written `N/SECONDS` (`100/600`: 100 in 10 minutes). Every bad value is
    /// named at once.
    public static func from(environment: [String: String]) throws -> RateLimits {
        var limits = standard
        var problems: [String] = []
        func rule(_ key: String, _ fallback: Rule) -> Rule {
            guard let text = environment[key] else { return fallback }
            let parts = text.split(separator: "/")
            guard parts.count == 2, let n = Int(parts[0]), n > 0, let s = Double(parts[1]), s > 0 else {
                problems.append("\(key)=「\(text)」应写作 次数/秒数，如 100/600")
                return fallback
            }
            return Rule(limit: n, seconds: s)
        }
        limits.applications = rule("GONGKAI_RATE_APPLICATIONS", limits.applications)
        limits.checks = rule("GONGKAI_RATE_CHECKS", limits.checks)
        limits.signIns = rule("GONGKAI_RATE_SIGNINS", limits.signIns)
        guard problems.isEmpty else { throw RateLimitConfigurationError(problems: problems) }
        return limits
    }

    /// 10 applications in 10 minutes, 30 checks a minute, 20 sign-in attempts in 10 minutes, per address.
    public static let standard = RateLimits(
        applications: Rule(limit: 10, seconds: 600), checks: Rule(limit: 30, seconds: 60),
        signIns: Rule(limit: 20, seconds: 600))
}

/// Counts each client's recent submissions in memory (one server process) and refuses those over the rule with
/// 429 and `Retry-After`. Time comes from `now` (seconds, monotonic), handed in.
actor RateLimiter {
    private var hits: [String: [Double]] = [:]
    private let now: @Sendable () -> Double

    init(now: @escaping @Sendable () -> Double) { self.now = now }

    /// nil when `key` may go on (and the hit is counted), else the seconds until it may.
    func admit(_ key: String, _ rule: RateLimits.Rule) -> Double? {
        let t = now()
        var recent = (hits[key] ?? []).filter { t - $0 < rule.seconds }
        defer { hits[key] = recent }
        guard recent.count < rule.limit else { return rule.seconds - (t - recent[0]) }
        recent.append(t)
        // Forget idle clients now and then, so that the table cannot grow without bound.
        if hits.count > 10_000 { hits = hits.filter { !$0.value.isEmpty && t - $0.value.last! < rule.seconds } }
        return nil
    }
}

/// A route's rate limit: `name` separates the kinds of submission, the client is its IP address.
struct RateLimitMiddleware: AsyncMiddleware {
    let limiter: RateLimiter
    let name: String
    let rule: RateLimits.Rule

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let client = request.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await limiter.admit("\(name)|\(client)", rule) {
            let seconds = Int(wait.rounded(.up))
            throw RateLimited(
                detail: "提交过于频繁：每 \(Int(rule.seconds)) 秒最多 \(rule.limit) 次，请 \(seconds) 秒后再试", retryAfter: seconds)
        }
        return try await next.respond(to: request)
    }
}

/// A submission over its route's limit: 429 with `Retry-After` (as problem details or as a page).
struct RateLimited: Error {
    var detail: String
    /// Seconds until the oldest submission in the window leaves it.
    var retryAfter: Int
}

/// Rate-limit settings that could not be read, each named with its variable.
public struct RateLimitConfigurationError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
