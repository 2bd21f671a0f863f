import Foundation
import Testing
import VitallyKit

/// What Vitally sent is what we show: exact digits, correct characters, strict syntax, any stack.
@Suite struct JSONFidelityTests {
    @Test(arguments: ["1234567890123456", "9007199254740993", "-9007199254740993", "12345678901234567890123",
                      "-1.5e2", "0.1", "1E+2", "1e400", "-0", "0.30000000000000004", "5e-324"])
    func numbersKeepTheirLiteralText(literal: String) throws {
        let value = try JSONParser.parse(#"{"n":\#(literal)}"#)
        #expect(value["n"]?.string == literal)
        #expect(value.serialized() == #"{"n":\#(literal)}"#)
        #expect(value.serialized(pretty: true).contains(#""n": \#(literal)"#))
    }

    /// Numbers we compute print as the number meant, not the binary float behind it.
    @Test func computedNumbersCarryNoBinaryFloatNoise() {
        #expect(JSONValue.number(7.4 - 6.2).serialized() == "1.2")
        #expect(JSONValue.number(0.1 + 0.2).serialized() == "0.3")
        #expect(JSONValue.number(2.1 - 3.9).serialized() == "-1.8")
        #expect(JSONValue.number(0.7 * 3 * 100 / 3).serialized() == "70")
        #expect(JSONValue.number(1.0 / 3).serialized() == "0.333333333333333")
        #expect(JSONValue.number(.leastNonzeroMagnitude).serialized() == "5e-324")
        #expect(JSONValue.number(1.5e300).serialized() == "1.5e+300")
        #expect(JSONValue.number(-0.25).serialized() == "-0.25")
    }

    @Test func integersBeyondDoublePrecisionStayExact() throws {
        #expect(try JSONParser.parse("9007199254740993").int == 9_007_199_254_740_993)
        #expect(try JSONParser.parse("1e3").int == 1000)
        #expect(try JSONParser.parse("1e400").int == nil)
        #expect(try JSONParser.parse("1e400").double == .infinity)
        #expect(try JSONParser.parse("-1e400").double == -.infinity)
        #expect(try JSONParser.parse("[1.0]") == JSONParser.parse("[1]"))
        #expect(JSONValue.number(3) == 3)
        #expect(JSONValue(9_007_199_254_740_993 as Int?).serialized() == "9007199254740993")
    }

    @Test(arguments: [("0123", 1), ("-0123", 2), ("2.", 2), ("-.5", 1), ("-", 1), ("1e", 2), ("1e+", 3), ("[1,]", 3),
                      (#"{"a":1,}"#, 7), ("[01]", 2), ("+1", 0), (".5", 0), ("1.e3", 2), ("[1 2]", 3), ("nul", 3),
                      ("\u{01}", 0), (#"{"a" 1}"#, 5), ("[1] x", 4)])
    func invalidJSONIsRejectedWithItsOffset(text: String, offset: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error?.offset == offset, "\(text): \(String(describing: error))")
        #expect(error?.description.contains("at byte \(offset)") == true)
    }

    @Test func surrogatesDecodeCorrectly() throws {
        #expect(try JSONParser.parse(#""\uD800\u0041""#).string == "\u{FFFD}A")
        #expect(try JSONParser.parse(#""\uDC00x""#).string == "\u{FFFD}x")
        #expect(try JSONParser.parse(#""\uD800""#).string == "\u{FFFD}")
        #expect(try JSONParser.parse(#""\uD800\uD83D\uDE00""#).string == "\u{FFFD}😀")
        #expect(try JSONParser.parse(#""\ud83d\ude00!""#).string == "😀!")
        #expect(try JSONParser.parse(#""a\u00e9\u4e2d""#).string == "aé中")
    }

    /// A debug build's frames are large: parsing, printing, comparing and freeing the deepest
    /// document we accept must fit a 512 KiB thread stack, and deeper ones are refused.
    @Test func theDeepestAcceptedDocumentFitsASmallStack() async throws {
        let outcome = await withCheckedContinuation { (done: CheckedContinuation<String, Never>) in
            let thread = Thread {
                var report: [String] = []
                let depth = 256
                let deep = String(repeating: #"{"a":["#, count: depth / 2) + "1" + String(repeating: "]}", count: depth / 2)
                do {
                    let value = try JSONParser.parse(deep)
                    report.append(try JSONParser.parse(value.serialized(pretty: true)) == value ? "round trip" : "changed")
                } catch {
                    report.append("refused: \(error)")
                }
                let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
                for text in [tooDeep, String(repeating: #"[{"a":"#, count: 200_000)] {
                    do throws(JSONParseError) { _ = try JSONParser.parse(text) } catch { report.append(error.message) }
                }
                done.resume(returning: report.joined(separator: "; "))
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        #expect(outcome == "round trip; nesting too deep; nesting too deep")
    }
}
