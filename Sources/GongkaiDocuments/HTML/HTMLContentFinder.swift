/// Finds the report inside a government page: the smallest element holding the first and the last section
/// headings (so navigation, side menus and footers fall away), and the title line before it.
enum HTMLContentFinder {
    static func reportBlocks(_ walker: HTMLBlockWalker, root: HTMLNode) -> [ReportBlock] {
        let blocks = walker.blocks
        let headings = ReportBlockAssembler(source: "", metadata: nil).headingIndices(blocks).compactMap { $0 }
        guard let first = headings.first, let last = headings.last, first != last,
            let a = walker.origins[first], let b = walker.origins[last], let container = commonAncestor(a, b)
        else { return blocks }
        let members = subtree(container)
        let inside = blocks.indices.filter { i in
            walker.origins[i].map { members.contains(ObjectIdentifier($0)) } ?? false
        }
        guard let start = inside.first else { return blocks }
        var result = inside.map { blocks[$0] }
        let before = ReportBlockAssembler.lines(result.prefix { block in
            if case .line(let text, _) = block { return ReportBlockAssembler.headingSection(text) == nil }
            return false
        })
        if !before.prefix(3).contains(where: ReportBlockAssembler.looksLikeTitle) {
            let outside = blocks[..<start].reversed().first { block in
                if case .line(let text, _) = block { return ReportBlockAssembler.looksLikeTitle(text) }
                return false
            }
            if case .line(let text, _) = outside {
                result.insert(.line(text, .title), at: 0)
            } else if let title = root.descendants(named: "title").first, case .text(let t) = title.children.first?.kind {
                let name = HTMLEntities.decode(t).split(whereSeparator: { "_|-—".contains($0) }).first.map(String.init) ?? t
                result.insert(.line(name.trimmingCharacters(in: .whitespacesAndNewlines), .title), at: 0)
            }
        }
        return result
    }

    static func ancestors(_ node: HTMLNode) -> [HTMLNode] {
        var chain: [HTMLNode] = []
        var n: HTMLNode? = node
        while let x = n {
            chain.append(x)
            n = x.parent
        }
        return chain
    }

    static func commonAncestor(_ a: HTMLNode, _ b: HTMLNode) -> HTMLNode? {
        let chain = ancestors(b)
        return ancestors(a).first { x in chain.contains { $0 === x } }
    }

    /// The container and every node below it, once (so each block's test is one lookup, not a walk up).
    static func subtree(_ container: HTMLNode) -> Set<ObjectIdentifier> {
        var members: Set<ObjectIdentifier> = [ObjectIdentifier(container)]
        var pending = container.children
        while let node = pending.popLast() {
            members.insert(ObjectIdentifier(node))
            pending += node.children
        }
        return members
    }
}
