/// Places rows read in document order onto the format's row sequence.
///
/// Rows whose label was recognised are anchors (the longest run of anchors in the format's order is kept);
/// rows with no recognisable label — PDF text loses labels, splits them from their numbers — fill the slots
/// between two anchors in order.
enum RowAligner {
    struct Placement {
        /// Slot index (into the format's sequence) for each input row, nil when it found no slot.
        var slots: [Int?]
        /// Slots no row was placed in.
        var missing: [Int]
        /// Rows whose label was ignored because it was out of order or repeated.
        var outOfOrder: [Int]

        /// Whether the rows could not be placed one to one: a label out of order, a row with values and no slot,
        /// or a slot no row filled. `hasValue[i]` says whether input row i holds values.
        func isTroubled(_ hasValue: [Bool]) -> Bool {
            !outOfOrder.isEmpty || !missing.isEmpty || slots.indices.contains { slots[$0] == nil && hasValue[$0] }
        }
    }

    /// `anchors[i]` is the slot row i's label names, if any; `slotCount` is the format's row count.
    static func place(anchors: [Int?], slotCount: Int) -> Placement {
        let kept = increasingAnchors(anchors)
        var slots: [Int?] = Array(repeating: nil, count: anchors.count)
        var outOfOrder: [Int] = []
        for (i, a) in anchors.enumerated() {
            if kept[i] { slots[i] = a } else if a != nil { outOfOrder.append(i) }
        }
        // Fill the gaps between kept anchors with the unanchored rows, in order.
        var lowerSlot = -1
        var pendingFrom = 0  // rows pendingFrom..<i without a slot wait for the next anchor
        func fill(_ rows: Range<Int>, upTo upperSlot: Int) {
            var slot = lowerSlot + 1
            for row in rows where slots[row] == nil && slot < upperSlot {
                slots[row] = slot
                slot += 1
            }
        }
        for i in anchors.indices {
            guard let s = slots[i] else { continue }
            fill(pendingFrom..<i, upTo: s)
            lowerSlot = s
            pendingFrom = i + 1
        }
        fill(pendingFrom..<anchors.count, upTo: slotCount)
        var used = Array(repeating: false, count: slotCount)
        for case let s? in slots where s < slotCount { used[s] = true }
        let missing = (0..<slotCount).filter { !used[$0] }
        return Placement(slots: slots, missing: missing, outOfOrder: outOfOrder)
    }

    /// The rows holding values placed on the slots one after another, labels ignored; nil unless there are
    /// exactly as many such rows as slots.
    static func inOrder(hasValue: [Bool], slotCount: Int) -> Placement? {
        guard hasValue.lazy.filter({ $0 }).count == slotCount else { return nil }
        var next = 0
        let slots: [Int?] = hasValue.map { value in
            guard value else { return nil }
            defer { next += 1 }
            return next
        }
        return Placement(slots: slots, missing: [], outOfOrder: [])
    }

    /// Whether each row is in the longest strictly increasing subsequence of the anchored rows
    /// (O(n²), n ≤ a few dozen).
    private static func increasingAnchors(_ anchors: [Int?]) -> [Bool] {
        var out = Array(repeating: false, count: anchors.count)
        var length = Array(repeating: 0, count: anchors.count)
        var previous = Array(repeating: -1, count: anchors.count)
        var best = -1
        for j in anchors.indices {
            guard let aj = anchors[j] else { continue }
            length[j] = 1
            for i in 0..<j {
                guard let ai = anchors[i], ai < aj else { continue }
                if length[i] + 1 > length[j] {
                    length[j] = length[i] + 1
                    previous[j] = i
                }
            }
            if best < 0 || length[j] > length[best] { best = j }
        }
        var k = best
        while k >= 0 {
            out[k] = true
            k = previous[k]
        }
        return out
    }
}
