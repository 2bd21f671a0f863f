import Foundation
import Testing
import VitallyKit

/// The redactor now finds secrets by their bytes and the matcher trims without Foundation: text a
/// tenant or a terminal really produces (other Unicode normal forms, combining marks, pasted
/// zero-width spaces, lone CR or LF) must be handled at least as before.
@Suite struct RedactionUnicodeTests {
    /// A non-ASCII token typed or echoed in the other normal form (macOS input, NFD filenames) is the
    /// same text: before the byte search it was scrubbed, and it must still be.
    @Test(arguments: [("p\u{E4}sswort-tok\u{E9}n", "pa\u{308}sswort-toke\u{301}n"), ("pa\u{308}sswort-toke\u{301}n", "p\u{E4}sswort-tok\u{E9}n")])
    func aNonASCIITokenInTheOtherNormalFormIsScrubbed(token: String, written: String) {
        #expect(Redactor(token: token).text("bad token " + written + " here") == "bad token REDACTED here")
    }

    /// A combining mark, variation selector or ZWJ right after the token joins its last character
    /// into one grapheme; the token's bytes are still all there and must not be printed.
    @Test(arguments: ["\u{301}", "\u{FE0F}", "\u{200D}", "\u{20DD}"])
    func aTokenFollowedByACombiningMarkIsScrubbed(mark: String) {
        let redactor = Redactor(token: "not-a-real-token-42")
        for form in ["not-a-real-token-42", "bm90LWEtcmVhbC10b2tlbi00Mg", "%6E%6F%74%2D%61%2D%72%65%61%6C%2D%74%6F%6B%65%6E%2D%34%32"] {
            let scrubbed = redactor.text("error: " + form + mark + " is not valid")
            #expect(!redactor.leaks(in: Array(scrubbed.utf8)), "\(scrubbed.debugDescription)")
        }
    }

    /// A lone LF or CR ends a URL (only CRLF did before, as one grapheme): what follows the line
    /// break is not that URL's userinfo, and a URL on the next line still has its own hidden.
    @Test func aLineBreakEndsAURLsAuthority() {
        #expect(Redactor.hidingUserinfo("https://host\nuser@example.com") == "https://host\nuser@example.com")
        #expect(Redactor.hidingUserinfo("https://host\rhttps://u:p@h2/x") == "https://host\rhttps://REDACTED@h2/x")
        #expect(Redactor.hidingUserinfo("https://u:p@h\r\nhttps://a:b@c") == "https://REDACTED@h\r\nhttps://REDACTED@c")
        #expect(Redactor.hidingUserinfo("x://a://b:c@host/") == "x://a://REDACTED@host/")
        #expect(Redactor.hidingUserinfo("me@https://u:p@h") == "me@https://REDACTED@h")
        #expect(Redactor.hidingUserinfo("https://u:p@h\u{301}ost/x") == "https://REDACTED@h\u{301}ost/x")
    }

    /// Domains pasted from web pages and CRMs carry zero-width spaces; Foundation's trimming took them
    /// off (it counts U+200B as whitespace), so `acme.com<ZWSP>` matched the account before.
    @Test(arguments: ["acme.com\u{200B}", "\u{200B}acme.com", "\u{200B} https://www.Acme.com/x \u{200B}", "acme.com\u{A0}", "\u{3000}acme.com\r\n"])
    func invisibleSpaceAroundADomainIsTrimmed(raw: String) {
        #expect(Domain.normalize(raw) == "acme.com")
    }
}
