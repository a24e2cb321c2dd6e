import Foundation
import GongkaiCore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// Public submissions are rate-limited per client and kind: over the rule, 429 with `Retry-After` and a Chinese
/// detail; the window slides.
@Suite struct RateLimitTests {
    final class FakeTime: @unchecked Sendable {
        var seconds = 1_000.0
    }

    @Test func rulesComeFromTheEnvironment() throws {
        // | variable set                                   | rule                      |
        let none = try RateLimits.from(environment: [:])
        #expect(none.applications.limit == 10 && none.applications.seconds == 600)
        let set = try RateLimits.from(environment: ["GONGKAI_RATE_APPLICATIONS": "100/600", "GONGKAI_RATE_SIGNINS": "5/60"])
        #expect(set.applications.limit == 100 && set.signIns.limit == 5 && set.signIns.seconds == 60)
        #expect(set.checks.limit == RateLimits.standard.checks.limit)
        for bad in ["10", "0/60", "10/-1", "x/y", "10/60/1"] {
            #expect(throws: RateLimitConfigurationError.self, "\(bad)") {
                try RateLimits.from(environment: ["GONGKAI_RATE_CHECKS": bad])
            }
        }
    }

    @Test func theWindowSlides() async {
        let time = FakeTime()
        let limiter = RateLimiter(now: { time.seconds })
        let rule = RateLimits.Rule(limit: 2, seconds: 60)
        // | t      | hit      | answer           |
        #expect(await limiter.admit("a", rule) == nil)
        time.seconds += 10
        #expect(await limiter.admit("a", rule) == nil)
        #expect(await limiter.admit("a", rule) == 50)  // the first hit leaves the window at t = 1060
        #expect(await limiter.admit("b", rule) == nil)  // another client
        time.seconds += 51
        #expect(await limiter.admit("a", rule) == nil)
        #expect(await limiter.admit("a", rule) == 9)
    }

    @Test func applicationsOverTheRuleAre429() async throws {
        let rules = RateLimits(
            applications: .init(limit: 2, seconds: 600), checks: .init(limit: 1, seconds: 60))
        try await WebTestApp.with(rateLimits: rules) { app, _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            for n in 1...3 {
                try await app.testing().test(
                    .POST, "/api/v1/agencies/1/applications", headers: headers, body: ByteBuffer(string: "{}")
                ) { res in
                    if n <= 2 {
                        #expect(res.status == .unprocessableEntity)
                    } else {
                        #expect(res.status == .tooManyRequests)
                        #expect(res.headers.first(name: .retryAfter).flatMap { Int($0) }.map { (590...600).contains($0) } == true)
                        let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                        #expect(problem.detail.hasPrefix("提交过于频繁：每 600 秒最多 2 次"))
                    }
                }
            }
            // Checks count on their own.
            let (h, b) = WebTestApp.multipart([("a.txt", Data("x".utf8))])
            try await app.testing().test(.POST, "/api/v1/check", headers: h, body: b) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.POST, "/api/v1/check", headers: h, body: b) { res in
                #expect(res.status == .tooManyRequests)
            }
            try await app.testing().test(.GET, "/api/v1/agencies") { res in #expect(res.status == .ok) }
        }
    }
}
