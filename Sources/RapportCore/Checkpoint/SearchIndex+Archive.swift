/// The search index in the checkpoint, as its arrays: a command that
/// searches reads it back with a few copies instead of building it.
extension SearchIndex {
    func archive(into w: inout ArchiveWriter) {
        w.plain(text)
        w.plain(digits)
        w.plain(textStarts)
        w.plain(digitStarts)
        w.plain(fieldStarts.flatMap { [$0.0, $0.1, $0.2, $0.3] })
    }

    /// The index archived for a state of `recordCount` records and `customers`
    /// customers, checked so that no search can index out of bounds.
    init(from r: inout ArchiveReader, recordCount: Int, customers: Int) throws(ArchiveError) {
        self.init(recordCount: recordCount)
        text = try r.plain(UInt8.self)
        digits = try r.plain(UInt8.self)
        textStarts = try r.plain(Int32.self)
        digitStarts = try r.plain(Int32.self)
        let fields = try r.plain(Int32.self)
        guard textStarts.count == customers + 1, digitStarts.count == customers + 1, fields.count == 4 * customers,
              Self.ascends(textStarts, upTo: text.count), Self.ascends(digitStarts, upTo: digits.count)
        else { throw ArchiveError(description: "the search index in the checkpoint does not fit its customers") }   // catalogue: not text
        fieldStarts = (0..<customers).map { (fields[4 * $0], fields[4 * $0 + 1], fields[4 * $0 + 2], fields[4 * $0 + 3]) }
        for (c, f) in fieldStarts.enumerated() {
            guard textStarts[c] <= f.0, f.0 <= f.1, f.1 <= f.2, f.2 <= f.3, f.3 <= textStarts[c + 1] else {
                throw ArchiveError(description: "the search index in the checkpoint does not fit its customers")   // catalogue: not text
            }
        }
    }

    /// Whether `starts` begins at 0, never goes down, and ends at `end`.
    private static func ascends(_ starts: [Int32], upTo end: Int) -> Bool {
        starts.first == 0 && starts.last == Int32(exactly: end) && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
