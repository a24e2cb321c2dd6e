import Foundation
import GongkaiCore

/// A command-line program Gongkai runs (pdftotext, pdfinfo, soffice), found on `PATH`.
///
/// ```swift
/// let pdftotext = try ExternalTool.require(["pdftotext"], package: "poppler-utils")
/// ```
enum ExternalTool {
    /// The first of `names` found as an executable on `PATH` (or the usual system directories).
    static func locate(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        for name in names {
            for directory in directories where !directory.isEmpty {
                let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// The tool, or `ReportReadError.missingTool` naming the Debian package that provides it.
    static func require(_ names: [String], package: String) throws -> URL {
        guard let url = locate(names) else { throw ReportReadError.missingTool(tool: names[0], package: package) }
        return url
    }

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs the tool and waits (at most `timeout` seconds), collecting its output.
    static func run(_ tool: URL, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 180) throws -> Output {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let collector = OutputCollector()
        let group = DispatchGroup()
        for (handle, isOut) in [(out.fileHandleForReading, true), (err.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collector.set(data, isOut: isOut)
                group.leave()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw ReportReadError.other(file: tool.lastPathComponent, message: "运行超时（\(Int(timeout)) 秒）")
        }
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: collector.out, stderr: String(decoding: collector.err, as: UTF8.self))
    }

    /// A fresh private directory under the system temporary directory.
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = Data()
    private(set) var err = Data()

    func set(_ data: Data, isOut: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOut { out = data } else { err = data }
    }
}
