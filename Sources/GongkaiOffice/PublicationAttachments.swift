import Crypto
import Foundation
import GongkaiCore
import GongkaiStore

/// 附件规则 — what may be attached to an item for the portal: the formats government sites publish (PDF, OFD, Word,
/// WPS, Excel, images, plain text, ZIP), each checked by its first bytes as well as its name (a renamed file is
/// refused), no larger than `InputLimits.maxFileBytes`, at most `maxPerItem` to an item, and a name without a path.
public enum AttachmentRules {
    public static let maxPerItem = 20
    public static let maxNameCharacters = 100

    /// Extension → media type and the first bytes its files start with (nil: text, checked as UTF-8).
    static let formats: [String: (type: String, magic: [[UInt8]]?)] = {
        let zip: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04]]
        let ole: [[UInt8]] = [[0xD0, 0xCF, 0x11, 0xE0]]
        return [
            "pdf": ("application/pdf", [Array("%PDF".utf8)]),
            "ofd": ("application/ofd", zip),
            "doc": ("application/msword", ole),
            "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip),
            "wps": ("application/vnd.ms-works", ole),
            "xls": ("application/vnd.ms-excel", ole),
            "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip),
            "jpg": ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
            "jpeg": ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
            "png": ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
            "txt": ("text/plain; charset=utf-8", nil),
            "zip": ("application/zip", zip),
        ]
    }()

    /// A size as people read it: "123 KB", "4.5 MB".
    public static func size(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }

    /// The formats accepted, for the form's hint: ".pdf, .ofd, …".
    public static var accepted: String { formats.keys.sorted().map { "." + $0 }.joined(separator: ", ") }

    /// `bytes` named `name` as a file to attach, or every reason it cannot be, named by the form's field.
    public static func file(name: String, bytes: Data, limits: InputLimits) throws -> AttachmentFile {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let ext = trimmed.split(separator: ".").count > 1 ? trimmed.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        var problems: [String] = []
        if bytes.isEmpty { problems.append("文件是空的") }
        if bytes.count > limits.maxFileBytes { problems.append("文件超过 \(size(limits.maxFileBytes))（现为 \(size(bytes.count))）") }
        if trimmed.isEmpty || trimmed.count > maxNameCharacters || trimmed.contains(where: { "/\\".contains($0) || $0.isNewline })
            || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            problems.append("文件名须为1至\(maxNameCharacters)个字符，不含路径")
        }
        guard let format = formats[ext] else {
            problems.append("不支持的格式「\(ext.isEmpty ? "无扩展名" : "." + ext)」，可上传 \(accepted)")
            throw IntakeProblems(problems: problems.map { IntakeError(field: "附件", reason: $0, key: "file", form: "拟公开信息") })
        }
        if !bytes.isEmpty {
            if let magic = format.magic {
                if !magic.contains(where: { bytes.starts(with: $0) }) { problems.append("文件内容不是 .\(ext) 格式（可能被改了扩展名）") }
            } else if String(data: bytes, encoding: .utf8) == nil {
                problems.append("文本文件须为 UTF-8 编码")
            }
        }
        guard problems.isEmpty else {
            throw IntakeProblems(problems: problems.map { IntakeError(field: "附件", reason: $0, key: "file", form: "拟公开信息") })
        }
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return AttachmentFile(name: trimmed, mediaType: format.type, bytes: bytes, sha256: hash)
    }
}

extension Office {
    /// 上传附件 — attaches a file to an item that may still be edited (its author's roles; the step 修改).
    public func attachToPublication(
        _ id: Int, name: String, bytes: Data, limits: InputLimits, scope: AgencyScope, at moment: Moment
    ) async throws -> PublicationAttachment {
        let stored = try await publication(id, scope)
        try requireStep(.edit, stored, scope, what: "拟公开信息")
        let file = try AttachmentRules.file(name: name, bytes: bytes, limits: limits)
        guard try await publications(scope).attachments(of: id).count < AttachmentRules.maxPerItem else {
            throw IntakeProblems(problems: [
                IntakeError(field: "附件", reason: "每条信息最多\(AttachmentRules.maxPerItem)个附件", key: "file", form: "拟公开信息"),
            ])
        }
        return try await publications(scope).attach(file, to: id, at: moment)
    }

    /// 删除附件 — of an item that may still be edited.
    public func detachFromPublication(_ id: Int, attachmentID: Int, scope: AgencyScope) async throws {
        let stored = try await publication(id, scope)
        try requireStep(.edit, stored, scope, what: "拟公开信息")
        guard try await publications(scope).detach(attachmentID, from: id) else { throw StoreError.notFound("附件 \(attachmentID)") }
    }

    /// The attachments of item `id` (any member of the agency).
    public func publicationAttachments(_ id: Int, scope: AgencyScope) async throws -> [PublicationAttachment] {
        _ = try await publication(id, scope)
        return try await publications(scope).attachments(of: id)
    }

    /// Attachment `attachmentID` of item `id` with its bytes, for the agency's staff in any state.
    public func publicationAttachment(_ id: Int, attachmentID: Int, scope: AgencyScope) async throws -> (PublicationAttachment, Data) {
        guard let found = try await publications(scope).attachment(attachmentID, of: id) else { throw StoreError.notFound("附件 \(attachmentID)") }
        return found
    }

    /// Attachment `attachmentID` of catalogue item `itemID` for the public: only while the item is visible at `moment`.
    public func catalogueAttachment(agencyID: Int, itemID: Int, attachmentID: Int, at moment: Moment) async throws
        -> (PublicationAttachment, Data)
    {
        let scope = try await scope(agencyID: agencyID, username: nil)
        guard let found = try await DisclosureRepository(database: database, scope: scope).attachment(itemID: itemID, attachmentID, visibleAt: moment)
        else { throw StoreError.notFound("附件 \(attachmentID)") }
        return found
    }

    /// The attachments of catalogue item `itemID` for the public: none unless the item is visible at `moment`.
    public func catalogueAttachments(agencyID: Int, itemID: Int, at moment: Moment) async throws -> [PublicationAttachment] {
        let scope = try await scope(agencyID: agencyID, username: nil)
        return try await DisclosureRepository(database: database, scope: scope).attachments(itemID: itemID, visibleAt: moment)
    }
}
