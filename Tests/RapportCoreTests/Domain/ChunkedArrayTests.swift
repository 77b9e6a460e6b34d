import Testing
@testable import RapportCore

/// The chunked array behaves as an array, across chunk boundaries, and a
/// copy changed leaves the original as it was.
@Suite struct ChunkedArrayTests {
    @Test(arguments: [0, 1, 1023, 1024, 1025, 5000])
    func behavesAsAnArray(count: Int) {
        var chunked = ChunkedArray<Int>()
        var plain: [Int] = []
        for i in 0..<count {
            chunked.append(i * 7)
            plain.append(i * 7)
        }
        #expect(Array(chunked) == plain)
        #expect(chunked.count == count && chunked.isEmpty == (count == 0))
        #expect(ChunkedArray(plain) == chunked)
        #expect(chunked.indices.map { chunked[$0] } == plain)
        if count > 0 {
            chunked[count - 1] += 1
            #expect(chunked.last == plain.last! + 1)
            #expect(chunked.removeLast() == plain.last! + 1)
            plain.removeLast()
            #expect(Array(chunked) == plain)
            chunked.append(42)
            plain.append(42)
            #expect(Array(chunked) == plain)
        }
    }

    @Test func aChangedCopyLeavesTheOriginal() {
        let original = ChunkedArray(Array(0..<3000))
        var copy = original
        copy[10] = -1
        copy[2999] = -2
        copy.append(3000)
        #expect(original[10] == 10 && original[2999] == 2999 && original.count == 3000)
        #expect(copy[10] == -1 && copy[2999] == -2 && copy.count == 3001)
        #expect(original != copy)
    }
}
