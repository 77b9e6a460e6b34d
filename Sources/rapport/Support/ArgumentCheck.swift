// catalogue: not yet moved (issue 16)
import Foundation

/// Arguments and settings as the system passed them: bytes, which must be UTF-8.
enum ArgumentCheck {
    /// The settings rapport reads text from.
    static let environment = ["RAPPORT_DATA", "RAPPORT_USER", "RAPPORT_NOW", "TZ"]

    /// One line naming the first argument or setting that is not valid
    /// UTF-8 and the likely cause; nil when all are.
    static func problem() -> String? {
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            if let at = invalidByte(arg) {
                return "argument \(i) is not valid UTF-8 (byte \(at.offset + 1) is 0x\(String(at.byte, radix: 16, uppercase: true))); "
                    + "the terminal or the calling program may be set to another encoding, such as GBK: switch it to UTF-8 (e.g. LANG=zh_CN.UTF-8)"
            }
        }
        for name in environment {
            guard let value = getenv(name), let at = invalidByte(value) else { continue }
            return "\(name) is not valid UTF-8 (byte \(at.offset + 1) is 0x\(String(at.byte, radix: 16, uppercase: true))); set it in UTF-8"
        }
        return nil
    }

    /// The first byte where `s` stops being UTF-8, if it does.
    static func invalidByte(_ s: UnsafePointer<CChar>) -> (offset: Int, byte: UInt8)? {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(s).assumingMemoryBound(to: UInt8.self), count: strlen(s))
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return (offset, bytes[offset])
            }
        }
    }
}
