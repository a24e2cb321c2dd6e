import GongkaiCore

extension ReportBatch {
    /// The findings of a batch as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read the
    /// Chinese): one row per finding, and one row for a file that could not be read.
    ///
    /// ```swift
    /// try ReportBatch.csv(checks).write(to: url, atomically: true, encoding: .utf8)
    /// ```
    public static func csv(_ results: [ReportCheck]) -> String {
        let header = ["文件", "机关", "年度", "严重程度", "规则", "部分", "行", "列", "原文行号", "说明", "应为", "实为", "读取存疑"]
        var lines = [header]
        for r in results {
            let head = [r.file, r.report?.agency ?? "", r.report.map { String($0.year) } ?? ""]
            if let readError = r.readError {
                lines.append(head + ["无法读取", "read.unreadable", "", "", "", "", readError, "", "", ""])
            }
            for f in r.findings {
                let l = f.location
                lines.append(
                    head + [
                        f.severity == .error ? "错误" : "提示", f.rule, l.section.map(String.init) ?? "", l.row ?? "",
                        l.column ?? "", l.line.map(String.init) ?? "", f.message, f.expected ?? "", f.found ?? "",
                        f.readDoubt ?? "",
                    ])
            }
        }
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
