import Foundation

/// Every spelling a secret can take on its way through URLs, forms, headers and JSON: the
/// literal, percent-encoded as a path segment, a path, a query, a form (`+` for a space),
/// `encodeURIComponent` or a byte-by-byte encoder would write it (upper- and lower-case hex), Base64 and its URL-safe
/// variant (bare and as `user:` Basic credentials), and JSON string escapes.
package enum SecretForms {
    static let alphanumerics = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8))

    /// Bytes each encoder leaves as they are; everything else becomes `%XX`.
    static let keptBytes: [Set<UInt8>] = [
        alphanumerics.union("-._~".utf8),  // RFC 3986 unreserved (strict)
        alphanumerics.union("-._~!$&'()*+,;=:@".utf8),  // one path segment
        alphanumerics.union("-._~!$&'()*+,;=:@/".utf8),  // a path
        alphanumerics.union("-._~!$&'()*+,;=:@/?".utf8),  // a query
        alphanumerics.union("-_.!~*'()".utf8),  // JavaScript encodeURIComponent
        alphanumerics.union("-._~!$&'()*+,;=".utf8),  // userinfo without ':'
        [],  // every byte
    ]
    /// HTML form encoding keeps these and writes a space as `+`.
    static let formBytes = alphanumerics.union("-._*".utf8)

    /// The secret and its encoded forms, longest first, without duplicates or forms under 4 characters.
    package static func of(_ secret: String) -> [String] {
        guard secret.count >= 4 else { return [] }
        var forms = [secret]
        for kept in keptBytes { forms += hexCases(percentEncode(secret, keeping: kept, spaceAsPlus: false)) }
        forms += hexCases(percentEncode(secret, keeping: formBytes, spaceAsPlus: true))
        for plain in [secret + ":", secret] {
            let base64 = Data(plain.utf8).base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            forms += [base64, urlSafe, URLEncoding.encode(base64)]
        }
        forms += jsonEscaped(secret)
        var seen = Set<String>()
        return forms.filter { $0.count >= 4 && seen.insert($0).inserted }.sorted { $0.count > $1.count }
    }

    static func percentEncode(_ s: String, keeping kept: Set<UInt8>, spaceAsPlus: Bool) -> String {
        var out = ""
        for byte in s.utf8 {
            if kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if spaceAsPlus && byte == 0x20 {
                out += "+"
            } else {
                out += "%" + hex(byte)
            }
        }
        return out
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `%2F` and `%2f`: servers echo either.
    static func hexCases(_ encoded: String) -> [String] {
        encoded.contains("%") ? [encoded, lowercasingHex(encoded)] : [encoded]
    }

    /// `a%2Fb` -> `a%2fb`: only the two digits after each `%` change.
    package static func lowercasingHex(_ encoded: String) -> String {
        var lower = ""
        var afterPercent = 0
        for ch in encoded {
            if ch == "%" {
                afterPercent = 2
                lower.append(ch)
            } else if afterPercent > 0 {
                afterPercent -= 1
                lower += ch.lowercased()
            } else {
                lower.append(ch)
            }
        }
        return lower
    }

    /// How a JSON writer may spell the secret inside a string: `\/`, `\"`, `\\`, `\uXXXX`.
    static func jsonEscaped(_ s: String) -> [String] {
        var minimal = "", slashes = "", ascii = "", asciiLower = ""
        for scalar in s.unicodeScalars {
            let escaped: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\t": "\\t"
                case "\r": "\\r"
                default: scalar.value < 0x20 ? utf16Escape(scalar) : nil
                }
            let plain = escaped ?? String(scalar)
            minimal += plain
            slashes += scalar == "/" ? "\\/" : plain
            let wide = scalar.value > 0x7E ? utf16Escape(scalar) : (scalar == "/" ? "\\/" : plain)
            ascii += wide
            asciiLower += scalar.value > 0x7E ? wide.lowercased() : wide
        }
        return [minimal, slashes, ascii, asciiLower]
    }

    static func utf16Escape(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf16.map { unit in
            "\\u" + hex(UInt8(truncatingIfNeeded: unit >> 8)) + hex(UInt8(truncatingIfNeeded: unit))
        }.joined()
    }
}
