import Foundation
import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// A file that is not valid text in its encoding, or an encoding not known:
/// one line that says where and what is accepted.
public struct ExchangeError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Bytes read as text in a named or detected encoding, through glibc's iconv.
public enum TextDecoding {
    /// The encodings `--encoding` accepts, by the names people use.
    public static let accepted = ["utf-8", "utf-16", "utf-16le", "utf-16be", "gb18030", "gbk", "gb2312", "big5", "latin1", "iso-8859-1"]   // catalogue: not text

    /// The text and the encoding it was read in. Without `encoding`: a byte
    /// order mark decides (UTF-8, UTF-16 LE or BE); else valid UTF-8 is
    /// UTF-8; else text valid in GB18030 (what Excel on a Chinese system
    /// saves) is read as GB18030. Anything else is refused with where it fails.
    public static func decode(_ bytes: [UInt8], encoding: String? = nil) throws(ExchangeError) -> (text: String, encoding: String) {
        if let encoding {
            let name = encoding.lowercased().replacingOccurrences(of: "_", with: "-")   // catalogue: not text
            guard accepted.contains(name) else {
                throw ExchangeError(say("reports.encoding.unknown", encoding, accepted.joined(separator: ", ")))
            }
            if name == "utf-16" {   // catalogue: not text
                guard let (body, endian) = utf16Body(bytes) else {
                    throw ExchangeError(say("reports.encoding.bom"))
                }
                return (try convert(body, from: "UTF-16\(endian)", skipped: 2), "utf-16\(endian.lowercased())")   // catalogue: not text
            }
            let bom = name == "utf-8" && bytes.starts(with: utf8BOM) ? 3 : 0   // catalogue: not text
            return (try convert(Array(bytes.dropFirst(bom)), from: name == "gbk" || name == "gb2312" ? "GB18030" : name.uppercased(), skipped: bom), name)   // catalogue: not text
        }
        if bytes.starts(with: utf8BOM) { return (try convert(Array(bytes.dropFirst(3)), from: "UTF-8", skipped: 3), "utf-8") }   // catalogue: not text
        if let (body, endian) = utf16Body(bytes) { return (try convert(body, from: "UTF-16\(endian)", skipped: 2), "utf-16\(endian.lowercased())") }   // catalogue: not text
        do {
            return (try convert(bytes, from: "UTF-8"), "utf-8")   // catalogue: not text
        } catch {
            guard let text = try? convert(bytes, from: "GB18030") else {   // catalogue: not text
                throw ExchangeError(error.description + say("reports.encoding.other", accepted.joined(separator: ", ")))
            }
            return (text, "gb18030")
        }
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func utf16Body(_ bytes: [UInt8]) -> ([UInt8], String)? {
        if bytes.starts(with: [0xFF, 0xFE]) { return (Array(bytes.dropFirst(2)), "LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return (Array(bytes.dropFirst(2)), "BE") }
        return nil
    }

    /// Converts to UTF-8, or fails naming the line and byte of the first
    /// sequence that is not valid in `encoding` (counting the `skipped` bytes before `input`).
    static func convert(_ input: [UInt8], from encoding: String, skipped: Int = 0) throws(ExchangeError) -> String {
        let cd = iconv_open("UTF-8", encoding)   // catalogue: not text
        guard cd != iconv_t(bitPattern: -1) else { throw ExchangeError(say("reports.encoding.system", encoding)) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var failedAt: Int?
        var written = 0
        var input = input
        input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var inPointer = ib.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPointer = ob.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = ib.count, outLeft = ob.count
                // A sequence cut off at the end is as invalid as a wrong one.
                if iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 || inLeft > 0 { failedAt = ib.count - inLeft }
                written = ob.count - outLeft
            }
        }
        let text = String(decoding: output[0..<written], as: UTF8.self)
        if let at = failedAt {
            let line = text.utf8.count { $0 == 0x0A } + 1
            throw ExchangeError(say("reports.encoding.invalid", encoding, Format.grouped(line), Format.grouped(skipped + at + 1)))
        }
        return text
    }
}
