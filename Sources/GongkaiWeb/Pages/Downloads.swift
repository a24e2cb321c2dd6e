import Foundation
import GongkaiOffice
import GongkaiStore
import Vapor

extension CharacterSet {
    /// Letters, digits and `-._` of ASCII: what stays as it is in a percent-encoded path segment or file name
    /// (`.alphanumerics` would keep Chinese characters too).
    static let asciiUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
}

extension Response {
    /// Marks the response as a file to save: `fallback` (ASCII) for old clients, `name` (UTF-8, RFC 5987) for the rest.
    func attach(as name: String, fallback: String) {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .asciiUnreserved) ?? fallback
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)")
    }
}

/// 附件 as links and as files: the list an item page shows, and the bytes sent as a download of their own type.
enum AttachmentDownloads {
    struct Link: Encodable {
        var label: String
        var href: String
        var size: String
    }

    static func links(_ attachments: [PublicationAttachment], base: String) -> [Link] {
        attachments.map { Link(label: $0.name, href: "\(base)/attachments/\($0.id)", size: AttachmentRules.size($0.size)) }
    }

    /// The file as a download: its media type, its name, never cached by shared caches.
    static func response(_ attachment: PublicationAttachment, _ bytes: Data) -> Response {
        let response = Response(status: .ok, body: .init(data: bytes))
        response.headers.replaceOrAdd(name: .contentType, value: attachment.mediaType)
        let ext = attachment.name.split(separator: ".").last.map(String.init) ?? "bin"
        response.attach(as: attachment.name, fallback: "attachment-\(attachment.id).\(ext.allSatisfy(\.isASCII) ? ext : "bin")")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return response
    }
}
