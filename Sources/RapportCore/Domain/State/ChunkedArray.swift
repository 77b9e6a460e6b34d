/// An array kept in chunks of 1,024 elements. A copy shares the chunks, so
/// that while the screen holds the state it shows, a save that changes or
/// appends one entity copies one chunk, not the whole array (100,000
/// customers took 20 ms to copy; a chunk takes microseconds).
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private static var shift: Int { 10 }
    private static var chunkSize: Int { 1 << shift }
    private static var mask: Int { chunkSize - 1 }

    /// The chunks: all full but the last, which is never empty.
    private(set) var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for e in elements { append(e) }
    }

    /// The elements of `array`, cut into chunks.
    public init(_ array: [Element]) {
        chunks = stride(from: 0, to: array.count, by: Self.chunkSize).map { Array(array[$0..<Swift.min($0 + Self.chunkSize, array.count)]) }
        count = array.count
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    /// Elements per chunk.
    static var chunkCapacity: Int { chunkSize }

    /// Whole chunks as they are: each of `chunkCapacity` elements but the last, none empty.
    init(chunks: [[Element]]) {
        precondition(chunks.dropLast().allSatisfy { $0.count == Self.chunkSize } && chunks.last?.isEmpty != true,
                     "chunks must be full but the last")   // catalogue: not text (a programming error)
        self.chunks = chunks
        count = chunks.reduce(0) { $0 + $1.count }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public var isEmpty: Bool { count == 0 }

    /// Reads in place (`_read`): `state.deals[i].stage` must not copy the whole deal.
    public subscript(i: Int) -> Element {
        _read { yield chunks[i >> Self.shift][i & Self.mask] }
        _modify { yield &chunks[i >> Self.shift][i & Self.mask] }
    }

    public mutating func append(_ e: Element) {
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(e)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(e)
        }
        count += 1
    }

    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for e in elements { append(e) }
    }

    /// Removes the last element (an undone creation, say).
    @discardableResult
    public mutating func removeLast() -> Element {
        let e = chunks[chunks.count - 1].removeLast()
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        count -= 1
        return e
    }

    public mutating func reserveCapacity(_ n: Int) {
        chunks.reserveCapacity((n + Self.mask) >> Self.shift)
    }

    /// Walks chunk by chunk, without indexing twice per element.
    public struct Iterator: IteratorProtocol {
        private let chunks: [[Element]]
        private var chunk = 0, index = 0

        fileprivate init(_ chunks: [[Element]]) { self.chunks = chunks }

        public mutating func next() -> Element? {
            guard chunk < chunks.count else { return nil }
            let e = chunks[chunk][index]
            index += 1
            if index == chunks[chunk].count {
                chunk += 1
                index = 0
            }
            return e
        }
    }

    public func makeIterator() -> Iterator { Iterator(chunks) }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool { a.chunks == b.chunks }
}

extension ChunkedArray: Sendable where Element: Sendable {}
