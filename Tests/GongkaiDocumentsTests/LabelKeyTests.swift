import GongkaiTestSupport
import Testing

@testable import GongkaiDocuments

/// `FieldText.labelKey` works on bytes for speed; it must give exactly what the plain statement of its rule gives:
/// split into lines (`Character.isNewline`), normalise each, fold full-width ASCII, drop whitespace.
@Suite struct LabelKeyTests {
    /// The rule as first written (one String per line, a property lookup per scalar).
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for line in text.split(whereSeparator: \.isNewline) {
            let b = Array(line.utf8)
            for scalar in String(decoding: FieldText.normalise(b, 0, b.count), as: UTF8.self).unicodeScalars {
                if scalar.value >= 0xFF01, scalar.value <= 0xFF5E, let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                    out.append(ascii)
                } else if !scalar.properties.isWhitespace {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Pieces real labels and hostile inputs are made of: ideographs, numerals and 、, full-width forms and
    /// brackets, every kind of line break and space, quotes, Markdown marks, combining marks, digits.
    static let pieces = [
        "本年新收", "三、", "（一）", "(二)", "1、", "1．", "１２", "ａＢ", "－", "／", "“", "”", "‘", "\"", "#", "*", "|",
        " ", "\u{3000}", "\u{00A0}", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{2003}", "e\u{301}", "、", "，", "。", "42", "予以公开", "<br>", "ｰ", "\u{FEFF}", "𠀀", "😀",
    ]

    @Test func equalsTheRuleOnGeneratedLabels() {
        var rng = SplitMix64(seed: 0x1abe1)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }
                .joined()
            #expect(FieldText.labelKey(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: [
        ("（二）部分公开\n（区分处理的）", "(二)部分公开(区分处理的)"), ("3．危及“三安全一稳定”", "3.危及三安全一稳定"),
        ("本年新\r\n制作数量", "本年新制作数量"), ("三、\u{2028}收到", "三、收到"), ("", ""), ("\n\n", ""),
    ])
    func examples(text: String, key: String) {
        #expect(FieldText.labelKey(text) == key)
    }
}
