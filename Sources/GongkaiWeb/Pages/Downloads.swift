import Foundation
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
