import Foundation
import RapportCore

/// Arguments and settings as the system passed them: bytes, which must be UTF-8.
enum ArgumentCheck {
    /// The settings rapport reads text from.
    static let environment = ["RAPPORT_DATA", "RAPPORT_USER", "RAPPORT_NOW", "TZ"]   // catalogue: not text

    /// One line naming the first argument or setting that is not valid
    /// UTF-8 and the likely cause; nil when all are.
    static func problem() -> String? {
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            if let at = invalidByte(arg) {
                return say("support.argument.notUTF8", i, at.offset + 1, String(at.byte, radix: 16, uppercase: true))
            }
        }
        for name in environment {
            guard let value = getenv(name), let at = invalidByte(value) else { continue }
            return say("support.environment.notUTF8", name, at.offset + 1, String(at.byte, radix: 16, uppercase: true))
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
