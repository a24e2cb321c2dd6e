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
        // Each line normalised on its own (`normalise` looks only at its own output), all into one buffer.
        let b = Array(text.utf8)
        var normalised: [UInt8] = []
        normalised.reserveCapacity(b.count)
        var (start, i) = (0, 0)
        while i < b.count {
            let n = newlineLength(b, i)
            guard n > 0 else {
                i += 1
                continue
            }
            normalise(b, start, i, appendingTo: &normalised)
            i += n
            start = i
        }
        normalise(b, start, b.count, appendingTo: &normalised)
        var out = String.UnicodeScalarView()
        for scalar in String(decoding: normalised, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            if v >= 0xFF01, v <= 0xFF5E, let ascii = Unicode.Scalar(v - 0xFEE0) {
                out.append(ascii)
            } else if !isWhitespace(scalar) {  // the few that `normalise` keeps (U+2028, U+0085 …)
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The length of the line break at `b[i]` (what `Character.isNewline` is: LF, VT, FF, CR, NEL, LS, PS), or 0.
    private static func newlineLength(_ b: [UInt8], _ i: Int) -> Int {
        switch b[i] {
        case 0x0A...0x0D: return 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return 2
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return 3
        default: return 0
        }
    }

    /// Unicode's White_Space, without a property lookup for ASCII and CJK ideographs (most of a label).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if (0x4E00...0x9FFF).contains(v) { return false }
        return scalar.properties.isWhitespace
    }
}
