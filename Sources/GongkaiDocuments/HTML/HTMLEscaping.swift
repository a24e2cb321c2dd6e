/// Escaping for text and attribute values written into HTML and XML.
enum MarkupEscaping {
    /// Escapes `& < > " '`; with `preserveSpaces`, leading, trailing and repeated spaces and tabs
    /// become character references so that a reader collapsing whitespace gets the text back exactly.
    static func escape(_ text: String, preserveSpaces: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t" where preserveSpaces: out += "&#9;"
            case "\n" where preserveSpaces: out += "&#10;"
            case "\r" where preserveSpaces: out += "&#13;"
            case " " where preserveSpaces:
                let lonely = i > 0 && i < chars.count - 1 && chars[i - 1] != " " && chars[i + 1] != " "
                    && !chars[i - 1].isWhitespace && !chars[i + 1].isWhitespace
                out += lonely ? " " : "&#32;"
            default:
                if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1,
                    scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
                {
                    continue  // control characters are not allowed in XML 1.0
                }
                out.append(ch)
            }
        }
        return out
    }
}
