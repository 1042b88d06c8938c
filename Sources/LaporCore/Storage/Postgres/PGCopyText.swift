import Foundation

/// Values in the text form of PostgreSQL's COPY: `\N` for NULL, backslash escapes for tab,
/// newline, carriage return and backslash, bytea as `\x` and hex.
enum PGCopyText {
    static func encode(_ value: StoreValue, table: String, column: String) throws -> String {
        switch value {
        case .null:
            return "\\N"
        case let .integer(number):
            return String(number)
        case let .real(number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
            return "\(number)"
        case let .text(text):
            if text.utf8.contains(0) {
                throw LaporError.invalidArgument(
                    "\(table).\(column) holds a NUL character, which PostgreSQL cannot store; nothing was copied.")
            }
            return escape(text)
        case let .blob(bytes):
            // A routing model is megabytes: two digits a byte from a table, not String(format:) each.
            var hex: [UInt8] = Array("\\\\x".utf8)
            hex.reserveCapacity(hex.count + bytes.count * 2)
            for byte in bytes {
                hex.append(hexDigits[Int(byte >> 4)])
                hex.append(hexDigits[Int(byte & 0x0F)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Splits one COPY line into its fields, undoing the escapes; nil stands for NULL.
    static func fields(_ line: UnsafeBufferPointer<UInt8>) -> [String?] {
        var fields: [String?] = []
        var current: [UInt8] = []
        var index = 0
        var isNull = false
        func finish() {
            fields.append(isNull ? nil : String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
            isNull = false
        }
        while index < line.count {
            let byte = line[index]
            if byte == 0x09 {
                finish()
            } else if byte == 0x5C, index + 1 < line.count {
                index += 1
                switch line[index] {
                case UInt8(ascii: "N"): isNull = true
                case UInt8(ascii: "t"): current.append(0x09)
                case UInt8(ascii: "n"): current.append(0x0A)
                case UInt8(ascii: "r"): current.append(0x0D)
                case UInt8(ascii: "b"): current.append(0x08)
                case UInt8(ascii: "f"): current.append(0x0C)
                case UInt8(ascii: "v"): current.append(0x0B)
                default: current.append(line[index])
                }
            } else {
                current.append(byte)
            }
            index += 1
        }
        finish()
        return fields
    }

    /// A field read back as the column's kind.
    static func value(_ field: String?, kind: ColumnKind, table: String, column: String) throws -> StoreValue {
        guard let field else { return .null }
        switch kind {
        case .text:
            return .text(field)
        case .integer:
            guard let number = Int64(field) else { throw unreadable(table, column, field) }
            return .integer(number)
        case .real:
            guard let number = Double(field) else { throw unreadable(table, column, field) }
            return .real(number)
        case .blob:
            guard field.hasPrefix("\\x"), field.utf8.count % 2 == 0 else { throw unreadable(table, column, "bytea") }
            var bytes: [UInt8] = []
            bytes.reserveCapacity((field.utf8.count - 2) / 2)
            var high: UInt8?
            for byte in field.utf8.dropFirst(2) {
                guard let nibble = hexValue(byte) else { throw unreadable(table, column, "bytea") }
                if let first = high {
                    bytes.append(first << 4 | nibble)
                    high = nil
                } else {
                    high = nibble
                }
            }
            return .blob(bytes)
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }

    private static func unreadable(_ table: String, _ column: String, _ what: String) -> LaporError {
        .invalidArgument("\(table).\(column) holds '\(what.prefix(40))', which is not a value of its kind; nothing was copied.")
    }
}

extension PGCopyText {
    /// Ids as a bigint[] literal (digits need no quoting).
    static func idArray(_ ids: [Int64]) -> String {
        "{" + ids.map(String.init).joined(separator: ",") + "}"
    }

    /// A text[] literal (`{"a","b"}`) for one array parameter instead of a placeholder per value.
    static func arrayLiteral(_ texts: [String]) -> String {
        var out = "{"
        for (i, text) in texts.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in text.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            out += "\""
        }
        return out + "}"
    }
}
