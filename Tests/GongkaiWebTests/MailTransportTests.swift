import Foundation
import GongkaiOffice
import Testing

@testable import GongkaiWeb

/// E-mail for the outbox: the configuration from the environment with every bad value named, and a message sent
/// through curl to a fake SMTP server (Tests/Fixtures/mail/fake_smtp.py) arriving whole; a server that is not
/// there is a failure the outbox records.
@Suite struct MailTransportTests {
    @Test(arguments: [
        // | environment                                                        | problems named        |
        ([String: String](), [String]()),
        (["GONGKAI_SMTP_URL": "smtp://mail.example:25", "GONGKAI_SMTP_FROM": "gk@example.cn"], []),
        (["GONGKAI_SMTP_URL": "mail.example", "GONGKAI_SMTP_FROM": "gk"], ["GONGKAI_SMTP_URL", "GONGKAI_SMTP_FROM"]),
        (["GONGKAI_SMTP_URL": "smtps://mail.example", "GONGKAI_SMTP_FROM": "gk@example.cn", "GONGKAI_SMTP_USER": "gk"],
         ["GONGKAI_SMTP_PASSWORD"]),
    ])
    func theConfigurationNamesEveryBadValue(_ environment: [String: String], _ named: [String]) {
        do {
            let config = try MailConfig.from(environment: environment)
            #expect(named.isEmpty && (config == nil) == environment.isEmpty)
        } catch {
            for name in named { #expect("\(error)".contains(name), "\(name) in \(error)") }
            #expect(!named.isEmpty)
        }
    }

    @Test func aMessageArrivesWholeThroughTheServer() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-mail-\(UUID().uuidString).txt")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/mail/fake_smtp.py")
        server.arguments = ["python3", script.path, out.path]
        let stdout = Pipe()
        server.standardOutput = stdout
        try server.run()
        defer { server.terminate() }
        var portText = ""
        while !portText.hasSuffix("\n") {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            portText += String(decoding: byte, as: UTF8.self)
        }
        let port = try #require(Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)))
        let transport = CurlSMTPTransport(config: MailConfig(url: "smtp://127.0.0.1:\(port)", from: "gk@example.cn"))
        try await transport.send(to: "zhang@example.cn", subject: "【某局】政府信息公开申请答复书", body: "张三：\n\n答复如下。")
        server.waitUntilExit()
        let received = try String(contentsOf: out, encoding: .utf8)
        #expect(received.contains("MAIL FROM:<gk@example.cn>") && received.contains("RCPT TO:<zhang@example.cn>"))
        #expect(received.contains("Subject: =?UTF-8?B?\(Data("【某局】政府信息公开申请答复书".utf8).base64EncodedString())?="))
        let body = try #require(received.components(separatedBy: "\r\n\r\n").dropFirst().first)
        let decoded = String(decoding: Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data(), as: UTF8.self)
        #expect(decoded == "张三：\r\n\r\n答复如下。")
    }

    @Test func aServerThatIsNotThereIsAFailure() async throws {
        let transport = CurlSMTPTransport(config: MailConfig(url: "smtp://127.0.0.1:1", from: "gk@example.cn"))
        await #expect(throws: MailSendError.self) { try await transport.send(to: "a@example.cn", subject: "s", body: "b") }
    }
}
