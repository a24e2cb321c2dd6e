import ArgumentParser
import Foundation
import GongkaiCore

/// Expands the files and folders named on the command line into report files, in a stable order.
enum ReportInputs {
    static let extensions: Set<String> = ["txt", "text", "html", "htm", "docx", "pdf", "json"]

    /// Files named directly are kept whatever their extension (the reader then says if it cannot read them);
    /// folders are searched recursively for the extensions Gongkai reads. `empty` lists the folders that hold
    /// no report file.
    static func expand(_ paths: [String]) -> (files: [URL], missing: [String], empty: [String]) {
        var files: [URL] = []
        var missing: [String] = []
        var empty: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                missing.append(path)
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDir.boolValue else {
                files.append(url)
                continue
            }
            let found = (fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])?.allObjects as? [URL]) ?? []
            let reports = found.filter { extensions.contains($0.pathExtension.lowercased()) && isReportLike($0) }
            if reports.isEmpty { empty.append(path) }
            files += reports.sorted { $0.path < $1.path }
        }
        return (files, missing, empty)
    }

    /// The input limits: `InputLimits.standard` with the `GONGKAI_LIMIT_*` overrides of the environment; a bad
    /// value is reported naming its variable (exit 2).
    static func limits(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> InputLimits {
        do {
            return try InputLimits(overrides: environment)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// In a folder, a `.json` file is taken only when it is in Gongkai's report form (it has `"sections"`):
    /// folders of reports often hold other JSON beside them.
    static func isReportLike(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "json" else { return true }
        guard let handle = try? FileHandle(forReadingFrom: url), let head = try? handle.read(upToCount: 1 << 16) else {
            return true
        }
        return String(decoding: head, as: UTF8.self).contains("\"sections\"")
    }
}

/// A one-line progress bar on standard error, shown only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(2) == 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
