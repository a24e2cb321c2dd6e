import Foundation
import GongkaiCore

/// Makes a PDF of a report from its Word file with LibreOffice headless (`libreoffice-writer-nogui`).
///
/// Each conversion has its own LibreOffice profile (`-env:UserInstallation=file:///tmp/…`) so that
/// several conversions can run at once.
///
/// ```swift
/// let pdf = try PDFReportWriter.render(report)   // throws .missingTool when LibreOffice is not installed
/// ```
public enum PDFReportWriter {
    /// The Debian package that provides `soffice`.
    public static let package = "libreoffice-writer-nogui"

    public static func render(_ report: AnnualReport) throws -> Data {
        try convert(docx: DOCXReportWriter.render(report))
    }

    /// fontconfig aliases for the official fonts, in order of preference, for machines that lack them
    /// (most Linux servers): 仿宋_GB2312 → 仿宋/FangSong → Noto Serif CJK SC, 方正小标宋简体 → 宋体/SimSun →
    /// Noto Serif CJK SC, 黑体 → SimHei → Noto Sans CJK SC. One font then sets both Chinese and digits.
    static let fontFallbacks = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
        \(alias("仿宋_GB2312", ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"]))
        \(alias("仿宋", ["FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC"]))
        \(alias("方正小标宋简体", ["FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC"]))
        \(alias("宋体", ["SimSun", "Noto Serif CJK SC", "Source Han Serif SC"]))
        \(alias("黑体", ["SimHei", "Noto Sans CJK SC", "Source Han Sans SC"]))
        </fontconfig>

        """

    static func alias(_ family: String, _ prefer: [String]) -> String {
        "  <alias binding=\"same\"><family>\(family)</family><prefer>"
            + prefer.map { "<family>\($0)</family>" }.joined() + "</prefer></alias>"
    }

    /// Converts a .docx file's bytes to PDF.
    public static func convert(docx: Data) throws -> Data {
        let soffice = try ExternalTool.require(["soffice", "libreoffice"], package: package)
        let directory = try ExternalTool.temporaryDirectory("gongkai-pdf")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.docx")
        try docx.write(to: input)
        let profile = directory.appendingPathComponent("profile", isDirectory: true)
        let fonts = directory.appendingPathComponent("fonts.conf")
        try Data(fontFallbacks.utf8).write(to: fonts)
        let output = try ExternalTool.run(
            soffice,
            [
                "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                "-env:UserInstallation=\(profile.absoluteString)",
                "--convert-to", "pdf:writer_pdf_Export", "--outdir", directory.path, input.path,
            ],
            environment: ["HOME": directory.path, "FONTCONFIG_FILE": fonts.path])
        let pdf = directory.appendingPathComponent("report.pdf")
        guard output.status == 0, let data = try? Data(contentsOf: pdf) else {
            throw ReportReadError.other(
                file: "report.docx", message: "LibreOffice 转换 PDF 失败（退出码 \(output.status)）：\(output.stderr.prefix(300))")
        }
        return data
    }
}
