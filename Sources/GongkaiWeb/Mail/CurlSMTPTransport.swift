import Foundation
import GongkaiOffice

/// Where the outbox's e-mail goes: `GONGKAI_SMTP_URL` (`smtp://host:25`, STARTTLS when the server offers it, or
/// `smtps://host:465`), `GONGKAI_SMTP_FROM` (the sender's address), and `GONGKAI_SMTP_USER` / `GONGKAI_SMTP_PASSWORD`
/// when the server asks for them. Unset URL: no e-mail is sent, staff send the outbox's messages by hand.
public struct MailConfig: Sendable, Hashable {
    public var url: String
    public var from: String
    public var user: String?
    public var password: String?

    /// The configuration from the environment, nil when `GONGKAI_SMTP_URL` is unset; every bad value named at once.
    public static func from(environment: [String: String]) throws -> MailConfig? {
        guard let url = environment["GONGKAI_SMTP_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        var problems: [String] = []
        if !(url.hasPrefix("smtp://") || url.hasPrefix("smtps://")) {
            problems.append("GONGKAI_SMTP_URL「\(url)」应以 smtp:// 或 smtps:// 开头")
        }
        let from = environment["GONGKAI_SMTP_FROM"] ?? ""
        if !from.contains("@") { problems.append("GONGKAI_SMTP_FROM「\(from)」应为发件人的电子邮箱地址") }
        let user = environment["GONGKAI_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
        if user != nil, (environment["GONGKAI_SMTP_PASSWORD"] ?? "").isEmpty {
            problems.append("设置了 GONGKAI_SMTP_USER 时须同时设置 GONGKAI_SMTP_PASSWORD")
        }
        guard problems.isEmpty else { throw MailConfigError(problems: problems) }
        return MailConfig(url: url, from: from, user: user, password: environment["GONGKAI_SMTP_PASSWORD"])
    }
}

public struct MailConfigError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "；") }
}

/// Sends a message through the configured SMTP server with curl (Debian `curl`), which speaks SMTP, STARTTLS, TLS
/// and authentication; the credentials go to curl in a private file, never on its command line.
public struct CurlSMTPTransport: MessageTransport {
    public let config: MailConfig

    public init(config: MailConfig) { self.config = config }

    public func send(to recipient: String, subject: String, body: String) async throws {
        var arguments = [
            "--silent", "--show-error", "--max-time", "60", "--url", config.url, "--mail-from", config.from,
            "--mail-rcpt", recipient, "--upload-file", "-",
        ]
        if config.url.hasPrefix("smtp://") { arguments.append("--ssl") }
        var secrets: URL?
        if let user = config.user {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-smtp-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
            let quoted = "\(user):\(config.password ?? "")".replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            try Data("user = \"\(quoted)\"\n".utf8).write(to: file)
            arguments += ["--config", file.path]
            secrets = file
        }
        defer { if let secrets { try? FileManager.default.removeItem(at: secrets) } }
        let message = Self.message(from: config.from, to: recipient, subject: subject, body: body)
        try await Self.curl(arguments, input: Data(message.utf8))
    }

    /// An RFC 5322 message in UTF-8: the subject encoded (RFC 2047), the text in base64.
    static func message(from: String, to: String, subject: String, body: String) -> String {
        let text = Data(body.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(from)", "To: \(to)", "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", text, "",
        ].joined(separator: "\r\n")
    }

    /// Runs curl off the cooperative threads (it waits for the network) and throws its error text on failure.
    static func curl(_ arguments: [String], input: Data) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do { try runCurl(arguments, input: input); done.resume() } catch { done.resume(throwing: error) }
            }
        }
    }

    static func runCurl(_ arguments: [String], input: Data) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        let (stdin, stderr) = (Pipe(), Pipe())
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, FileHandle.nullDevice, stderr)
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw MailSendError(reason: why.isEmpty ? "curl 退出码 \(process.terminationStatus)" : why)
        }
    }
}

public struct MailSendError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "邮件发送失败：\(reason)" }
}
