/// HTML character references: the named ones government pages use, and all numeric ones.
enum HTMLEntities {
    static let named: [String: String] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "emsp": "\u{2003}",
        "ensp": "\u{2002}", "thinsp": "\u{2009}", "times": "×", "divide": "÷", "copy": "©", "reg": "®", "yen": "¥",
        "deg": "°", "plusmn": "±", "laquo": "«", "raquo": "»", "bull": "•", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "shy": "\u{AD}", "sect": "§", "para": "¶",
    ]

    /// Private-use stand-ins for whitespace written as character references (`&#32;`, `&#9;`, `&#10;`),
    /// so that collapsing the page's own whitespace leaves them alone.
    static let sentinels: [Character: Character] = ["\u{E020}": " ", "\u{E009}": "\t", "\u{E00A}": "\n", "\u{E00D}": "\r"]

    /// Decodes references; with `protectWhitespace`, referenced whitespace becomes a sentinel.
    static func decode(_ text: String, protectWhitespace: Bool = false) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            if let value = value(of: name) {
                if protectWhitespace, value.count == 1, let sentinel = sentinels.first(where: { String($0.value) == value })?.key {
                    out.append(sentinel)
                } else {
                    out += value
                }
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func value(of name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[String(name)] ?? named[name.lowercased()]
    }

    /// Replaces sentinels by the whitespace they stand for.
    static func restore(_ text: String) -> String {
        String(text.map { sentinels[$0] ?? $0 })
    }
}
