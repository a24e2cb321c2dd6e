import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import Leaf
import LeafKit
import Vapor

/// The web layer: Vapor routes that parse a request, call one `Office` workflow and present its result (JSON
/// under `/api/v1`, server-rendered pages elsewhere). No rule, query or permission check lives here.
///
/// ```swift
/// let app = try await Application.make(.production)
/// try GongkaiWeb.configure(app, office: office, clock: .chinaStandardTime)
/// try await app.execute()
/// ```
public enum GongkaiWeb {
    /// Middleware, then routes. `limits` bounds what an upload may hold (the same limits the CLI reads);
    /// `secrets` hashes staff passwords and makes session tokens.
    public static func configure(
        _ app: Application, office: Office, clock: WebClock, site: SiteConfig = SiteConfig(),
        limits: InputLimits = .standard, rateLimits: RateLimits = .standard, secrets: any StaffSecrets = BcryptSecrets()
    ) throws {
        let context = WebContext(
            office: office, clock: clock, site: site, limits: limits, rateLimits: rateLimits,
            limiter: RateLimiter(now: { ProcessInfo.processInfo.systemUptime }), staff: office.staff(secrets))
        try useTemplates(app)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(CSRFCookieMiddleware())
        app.middleware.use(ErrorPresenterMiddleware(pages: Pages(context: context)))
        // Fields are small; uploads have their own bound on their route.
        app.routes.defaultMaxBodySize = "64kb"
        try app.register(collection: PublicAPI(context: context))
        try app.register(collection: StaffAPI(context: context))
        try app.register(collection: Portal(context: context))
        try app.register(collection: SetupPage(context: context))
        try app.register(collection: StaffPages(context: context))
    }

    /// Leaf, reading the templates in the target's `Resources/Views` (and nothing outside it; the build directory is
    /// hidden, `.build`, so the default limit to visible files would refuse every template).
    static func useTemplates(_ app: Application) throws {
        guard let views = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("Views")
        else { throw Abort(.internalServerError, reason: "the page templates are missing from the build") }
        app.views.use(.leaf)
        app.leaf.configuration = LeafConfiguration(rootDirectory: views.path)
        app.leaf.sources = .singleSource(
            NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .onlyLeafExtensions], sandboxDirectory: views.path, viewDirectory: views.path))
    }
}

extension GongkaiWeb {
    /// Runs the server on `host:port` until Ctrl-C (SIGINT) or SIGTERM, then shuts it down; `started` is called
    /// once it listens. Production environment: errors are logged, never shown.
    /// With `mail`, the outbox is sent every minute in the background (`Office.deliverOutbox`).
    public static func serve(
        office: Office, host: String, port: Int, site: SiteConfig, limits: InputLimits, rateLimits: RateLimits = .standard,
        mail: MailConfig? = nil, clock: WebClock = .chinaStandardTime, started: @escaping @Sendable () -> Void
    ) async throws {
        let env = Environment(name: "production", arguments: ["gongkai", "serve", "--hostname", host, "--port", String(port)])
        let app = try await Application.make(env)
        do {
            try configure(app, office: office, clock: clock, site: site, limits: limits, rateLimits: rateLimits)
            try await app.startup()
            started()
            let sender = mail.map { config in
                Task { await deliverOutbox(office: office, transport: CurlSMTPTransport(config: config), clock: clock, logger: app.logger) }
            }
            try await app.running?.onStop.get()
            sender?.cancel()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension GongkaiWeb {
    /// Sends the outbox's due messages every minute until cancelled; logs counts, never an address.
    static func deliverOutbox(office: Office, transport: any MessageTransport, clock: WebClock, logger: Logger) async {
        while !Task.isCancelled {
            do {
                let (sent, failed) = try await office.deliverOutbox(using: transport, at: clock.now())
                if sent + failed > 0 { logger.info("outbox delivered", metadata: ["sent": "\(sent)", "failed": "\(failed)"]) }
            } catch {
                logger.error("outbox delivery failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await Task.sleep(for: .seconds(60))
        }
    }

    /// The API's JSON: keys sorted (the same answer is the same bytes), slashes unescaped, indented.
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return e
    }()
}

/// What every handler is handed: the office, the clock, the site's configuration, the input limits and the
/// staff's sign-in.
struct WebContext: Sendable {
    var office: Office
    var clock: WebClock
    var site: SiteConfig
    var limits: InputLimits
    var rateLimits: RateLimits
    var limiter: RateLimiter
    /// Staff sign-in, sessions and passwords.
    var staff: StaffSignIn
}

/// The edge's clock: the web layer reads it and hands the day to the workflows (the core never reads a clock).
public struct WebClock: Sendable {
    public var now: @Sendable () -> Moment

    public init(now: @escaping @Sendable () -> Moment) { self.now = now }

    /// A fixed moment (tests, demonstrations).
    public static func fixed(_ moment: Moment) -> WebClock { WebClock { moment } }

    /// China Standard Time (UTC+8, no daylight saving), whatever the server's own time zone: the law's days
    /// are the agency's days.
    public static let chinaStandardTime = WebClock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return Moment(date: CivilDate(p.year!, p.month!, p.day!), time: TimeOfDay(hour: p.hour!, minute: p.minute!)!)
    }
}
