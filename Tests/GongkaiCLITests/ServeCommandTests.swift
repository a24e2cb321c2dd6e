import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `gongkai serve --demo` as a newcomer runs it: it answers on the port it printed, and Ctrl-C (SIGINT) stops it
/// with status 0.
@Suite struct ServeCommandTests {
    @Test func serveDemoAnswersAndStopsOnInterrupt() async throws {
        let port = Int.random(in: 20_000...40_000)
        let db = AgencyCommandTests.database()
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = ["serve", "--demo", "--port", String(port), "--database", db]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let url = URL(string: "http://127.0.0.1:\(port)/api/v1/agencies")!
        var body: String?
        for _ in 0..<100 where body == nil {  // up to 20 s for the first start (migrations, demo data)
            try await Task.sleep(nanoseconds: 200_000_000)
            if let (data, _) = try? await URLSession.shared.data(from: url) { body = String(decoding: data, as: UTF8.self) }
        }
        #expect(body?.contains("北京市大兴区应急管理局") == true, "\(body ?? "no answer")")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("http://127.0.0.1:\(port)/"))
    }

    @Test func badRateLimitsAreNamedTogether() throws {
        let r = try CLIRunner.run(
            ["serve", "--database", AgencyCommandTests.database()],
            env: ["GONGKAI_RATE_APPLICATIONS": "ten", "GONGKAI_RATE_SIGNINS": "5/0", "GONGKAI_RATE_CHECKS": "30/60"])
        #expect(r.status != 0, "\(r.stdout)")
        #expect(r.stderr.contains("GONGKAI_RATE_APPLICATIONS=「ten」应写作 次数/秒数"), "\(r.stderr)")
        #expect(r.stderr.contains("GONGKAI_RATE_SIGNINS=「5/0」"), "\(r.stderr)")
        #expect(!r.stderr.contains("GONGKAI_RATE_CHECKS"))
    }

    @Test func aBadPortIsNamed() throws {
        let r = try CLIRunner.run(["serve", "--port", "70000", "--database", AgencyCommandTests.database()])
        #expect(r.status != 0 && r.stderr.contains("端口应为 1–65535"), "\(r.stderr)")
    }
}
