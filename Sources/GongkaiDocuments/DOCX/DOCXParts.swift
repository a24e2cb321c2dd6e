import Foundation
import ZIPFoundation

/// The fixed parts of a WordprocessingML package: content types, relationships, styles, fonts, footer.
///
/// Styles follow GB/T 9704-2012 (党政机关公文格式): title 小标宋 2号, headings 黑体 3号, body 仿宋_GB2312 3号,
/// fixed 28 pt line pitch; each Chinese font names a fallback (`w:altName`) in the font table.
enum DOCXParts {
    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    static let contentTypes = xmlHeader + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipType)officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipType)extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let documentRelationships = xmlHeader + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipType)styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipType)settings" Target="settings.xml"/>\
        <Relationship Id="rId3" Type="\(relationshipType)fontTable" Target="fontTable.xml"/>\
        <Relationship Id="rId4" Type="\(relationshipType)footer" Target="footer1.xml"/>\
        </Relationships>
        """

    static let app = xmlHeader + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>\(DOCXReportWriter.application)</Application></Properties>
        """

    static func core(title: String, creator: String, keywords: String) -> String {
        xmlHeader + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">\
            <dc:title>\(MarkupEscaping.escape(title))</dc:title><dc:creator>\(MarkupEscaping.escape(creator))</dc:creator>\
            <cp:keywords>\(MarkupEscaping.escape(keywords))</cp:keywords><dc:language>zh-CN</dc:language>\
            </cp:coreProperties>
            """
    }

    static let settings = xmlHeader + """
        <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>
        """

    /// Fonts with their fallbacks: 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 黑体 → SimHei.
    static let fontTable = xmlHeader + """
        <w:fonts xmlns:w="\(w)">\
        <w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>\
        <w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        </w:fonts>
        """

    /// One font for Chinese and Latin text alike (digits in 仿宋 as in most published reports; it also keeps
    /// `pdftotext` from putting spaces where the font would change).
    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"\(eastAsia)\" w:hAnsi=\"\(eastAsia)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(eastAsia)\"/>"
    }

    static let styles = xmlHeader + """
        <w:styles xmlns:w="\(w)">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val="32"/><w:szCs w:val="32"/>\
        <w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>\
        <w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:spacing w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr>\(fonts("方正小标宋简体"))<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>\(fonts("黑体"))</w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr>\(fonts("宋体"))<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """

    /// Page number centred between em dashes: "— 3 —" (GB/T 9704 §7.5).
    static let footer = xmlHeader + """
        <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\
        <w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
        <w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
        """

    /// A4 with GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    static let sectionProperties = """
        <w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>\
        <w:docGrid w:type="lines" w:linePitch="560"/></w:sectPr>
        """

    /// A whole .docx: `document` (a `word/document.xml`) with the fixed parts, zipped with a fixed date so that the
    /// same content gives the same bytes. `file` names the file in the error when zipping fails.
    static func package(title: String, creator: String, keywords: String, document: String, file: String) throws
        -> Data
    {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", core(title: title, creator: creator, keywords: keywords)),
            ("docProps/app.xml", app),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/document.xml", document),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/fontTable.xml", fontTable),
            ("word/footer1.xml", footer),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw ReportReadError.other(file: file, message: "无法生成 DOCX 压缩包") }
        return bytes
    }

    /// Text width between the margins, in twentieths of a point.
    static let textWidth = 11906 - 1474 - 1587
}
