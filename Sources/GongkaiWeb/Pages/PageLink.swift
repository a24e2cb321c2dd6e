import Foundation
import Vapor

/// A link of a long list's page navigation: 上一页, the pages around this one (1 … 4 5 6 … 20), 下一页.
struct PageLink: Encodable {
    var label: String
    var href: String?
    var current: Bool

    /// Links to the pages around `current` (first, last and two either side), keeping the query's `names` (the search).
    static func around(_ req: Request, keeping names: [String], current: Int, pages: Int) -> [PageLink] {
        guard pages > 1 else { return [] }
        let kept = names.compactMap { name in
            req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) }
        }
        func href(_ page: Int) -> String { req.url.path + query(kept + [URLQueryItem(name: "page", value: String(page))]) }
        let shown = Set([1, pages] + Array(max(1, current - 2)...min(pages, current + 2))).sorted()
        var links: [PageLink] = []
        if current > 1 { links.append(PageLink(label: "上一页", href: href(current - 1), current: false)) }
        for (i, page) in shown.enumerated() {
            if i > 0, page - shown[i - 1] > 1 { links.append(PageLink(label: "…", href: nil, current: false)) }
            links.append(PageLink(label: String(page), href: page == current ? nil : href(page), current: page == current))
        }
        if current < pages { links.append(PageLink(label: "下一页", href: href(current + 1), current: false)) }
        return links
    }

    /// `?name=value&…` with each value percent-encoded (a "+" too, which a form would read as a space); "" for none.
    static func query(_ items: [URLQueryItem]) -> String {
        guard !items.isEmpty else { return "" }
        var components = URLComponents()
        components.queryItems = items
        return "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}
