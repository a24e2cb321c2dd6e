/// What every page's header and footer say about the site, from configuration (`GONGKAI_SITE_*`): the footer
/// Chinese government sites carry — 主办单位, contact, 网站标识码, ICP备案 and 公安备案 numbers.
public struct SiteConfig: Sendable, Encodable, Equatable {
    /// 网站名称, shown in the header and the page titles.
    public var name: String
    /// 主办单位.
    public var sponsor: String?
    /// 联系方式 shown in the footer (address, phone).
    public var contact: String?
    /// 网站标识码 (e.g. `1101150001`).
    public var siteCode: String?
    /// ICP备案号 (e.g. `京ICP备05060933号`).
    public var icp: String?
    /// 公安机关备案号 (e.g. `京公网安备11011502000001号`).
    public var publicSecurity: String?

    public init(
        name: String = "政府信息公开平台", sponsor: String? = nil, contact: String? = nil, siteCode: String? = nil,
        icp: String? = nil, publicSecurity: String? = nil
    ) {
        (self.name, self.sponsor, self.contact) = (name, sponsor, contact)
        (self.siteCode, self.icp, self.publicSecurity) = (siteCode, icp, publicSecurity)
    }

    /// The configuration in `environment` (`GONGKAI_SITE_NAME`, `_SPONSOR`, `_CONTACT`, `_CODE`, `_ICP`, `_PSB`);
    /// an empty or missing value leaves the default.
    public static func from(environment: [String: String]) -> SiteConfig {
        func value(_ key: String) -> String? {
            guard let v = environment["GONGKAI_SITE_\(key)"]?.trimmingCharacters(in: .whitespaces), !v.isEmpty
            else { return nil }
            return v
        }
        var site = SiteConfig()
        if let name = value("NAME") { site.name = name }
        site.sponsor = value("SPONSOR")
        site.contact = value("CONTACT")
        site.siteCode = value("CODE")
        site.icp = value("ICP")
        site.publicSecurity = value("PSB")
        return site
    }
}
