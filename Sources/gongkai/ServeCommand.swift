import ArgumentParser
import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import GongkaiWeb

/// `gongkai serve [--demo] [--host H] [--port P] [--database URL]` — the portal and the public API.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web server: the public portal, and the public API under /api/v1 (see /api/v1/openapi.json). Ctrl-C stops it.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Address to listen on (default: $GONGKAI_HOST, else 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port (default: $GONGKAI_PORT, else 8080).")
    var port: Int?

    @Flag(name: .long, help: "Create the demo agency (北京市大兴区应急管理局, its 2020 records and cases) first if missing.")
    var demo = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let host = host ?? environment["GONGKAI_HOST"] ?? "127.0.0.1"
        let port = port ?? environment["GONGKAI_PORT"].map { Int($0) ?? -1 } ?? 8080
        guard (1...65535).contains(port) else { throw ValidationError("端口应为 1–65535 之间的整数（--port 或 GONGKAI_PORT）") }
        let (calendar, limits, demo) = (try WorkingDayCalendar.official(), try ReportInputs.limits(), demo)
        let rateLimits: RateLimits
        do { rateLimits = try RateLimits.from(environment: environment) } catch { throw ValidationError("\(error)") }
        let mail: MailConfig?
        do { mail = try MailConfig.from(environment: environment) } catch { throw ValidationError("\(error)") }
        try reportingStoreErrors {
            try store.withStore { store in
                let office = Office(database: store.database, calendar: calendar)
                if demo {
                    let (agency, created) = try await office.createDemo()
                    printNow("\(created ? "已创建" : "已有")演示机关：\(agency.name)（编号 \(agency.id ?? 0)）")
                    // A new password at each start: a demo on a reachable address keeps no guessable login.
                    let password = "demo-" + String(UInt64.random(in: 1 << 60...UInt64.max), radix: 36)
                    for username in [DemoAgency.demoOfficer, DemoAgency.demoHead] {
                        try await office.staff(BcryptSecrets()).setPassword(password, username: username)
                    }
                    printNow("演示工作人员登录：http://\(host):\(port)/staff  用户名 \(DemoAgency.demoOfficer)  密码 \(password)")
                    printNow("演示负责人（签发文书）：用户名 \(DemoAgency.demoHead)  密码同上")
                }
                var site = SiteConfig.from(environment: environment)
                if demo, environment["GONGKAI_SITE_NAME"] == nil { site.name = "政府信息公开平台（演示）" }
                try await GongkaiWeb.serve(
                    office: office, host: host, port: port, site: site, limits: limits, rateLimits: rateLimits, mail: mail
                ) {
                    printNow("Gongkai 已启动：http://\(host):\(port)/（接口 /api/v1，说明 /api/v1/openapi.json）；Ctrl-C 停止")
                }
            }
        }
    }
}

/// Prints a line and flushes it at once: into a file or a pipe too, the address and the demo login are read while
/// the server runs.
private func printNow(_ line: String) {
    print(line)
    fflush(nil)
}
