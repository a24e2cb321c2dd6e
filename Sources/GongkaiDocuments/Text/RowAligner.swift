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
    }

    /// `anchors[i]` is the slot row i's label names, if any; `slotCount` is the format's row count.
    static func place(anchors: [Int?], slotCount: Int) -> Placement {
        let kept = increasingAnchors(anchors)
        var slots: [Int?] = Array(repeating: nil, count: anchors.count)
        var outOfOrder: [Int] = []
        for (i, a) in anchors.enumerated() {
            if kept.contains(i) { slots[i] = a } else if a != nil { outOfOrder.append(i) }
        }
        // Fill the gaps between kept anchors with the unanchored rows, in order.
        var lowerSlot = -1
        var pending: [Int] = []
        func fill(upTo upperSlot: Int) {
            var slot = lowerSlot + 1
            for row in pending where slot < upperSlot {
                slots[row] = slot
                slot += 1
            }
            pending.removeAll()
        }
        for i in anchors.indices {
            if let s = slots[i] {
                fill(upTo: s)
                lowerSlot = s
            } else {
                pending.append(i)
            }
        }
        fill(upTo: slotCount)
        let used = Set(slots.compactMap { $0 })
        let missing = (0..<slotCount).filter { !used.contains($0) }
        return Placement(slots: slots, missing: missing, outOfOrder: outOfOrder)
    }

    /// Indices of the longest strictly increasing subsequence of the anchored rows (O(n²), n ≤ a few dozen).
    private static func increasingAnchors(_ anchors: [Int?]) -> Set<Int> {
        let idx = anchors.indices.filter { anchors[$0] != nil }
        guard !idx.isEmpty else { return [] }
        var length = Array(repeating: 1, count: idx.count)
        var previous = Array(repeating: -1, count: idx.count)
        for j in idx.indices {
            for i in 0..<j {
                guard let ai = anchors[idx[i]], let aj = anchors[idx[j]], ai < aj else { continue }
                if length[i] + 1 > length[j] {
                    length[j] = length[i] + 1
                    previous[j] = i
                }
            }
        }
        var best = 0
        for k in length.indices where length[k] > length[best] { best = k }
        var out: Set<Int> = []
        var k = best
        while k >= 0 {
            out.insert(idx[k])
            k = previous[k]
        }
        return out
    }
}
