/// The one label normaliser, for whole strings: the rules of `FieldText.normalise` (whitespace, quotes and
/// Markdown marks dropped, full-width digits and points folded, "1、" read as "1.", brackets unified), applied to
/// each line of `text` (a label broken over lines, "本年新<br/>制作数量", is its lines joined), and then spelt
/// with ASCII for full-width ASCII forms (（ → (, － → -, ／ → /), the spelling the HTML and PDF readers compare
/// and parse (`ReportLabel`). The text reader keeps `FieldText.normalise`'s own spelling, full-width brackets,
/// in its byte store; both come from the same rules, so a label is equal under one exactly when under the other.
///
/// ```swift
/// FieldText.labelKey("（二）部分公开\n（区分处理的）") // "(二)部分公开(区分处理的)"
/// FieldText.labelKey("3．危及“三安全一稳定”")          // "3.危及三安全一稳定"
/// ```
extension FieldText {
    static func labelKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for line in text.split(whereSeparator: \.isNewline) {
            let b = Array(line.utf8)
            for scalar in String(decoding: normalise(b, 0, b.count), as: UTF8.self).unicodeScalars {
                if scalar.value >= 0xFF01, scalar.value <= 0xFF5E, let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                    out.append(ascii)
                } else if scalar.properties.isWhitespace {
                    continue  // the few that `normalise` keeps (U+2028, U+0085 …)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
