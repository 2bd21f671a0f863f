import Foundation
import Testing
import VitallyKit

@Suite struct SecretFormsTests {
    static let tokens = ["sk+/=%a b\u{E9}9", "a b c d", "tok%25en", "\u{2603}\u{2603}\u{2603}\u{2603}", "plain_token_123"]

    @Test(arguments: tokens)
    func everyEncodedSpellingIsScrubbed(token: String) throws {
        let redactor = Redactor(token: token)
        var spelled: [String] = [token, URLEncoding.encode(token)]
        for set in [CharacterSet.urlPathAllowed, .urlQueryAllowed, .urlFragmentAllowed, .urlUserAllowed] {
            spelled.append(try #require(token.addingPercentEncoding(withAllowedCharacters: set)))
        }
        spelled.append(URLEncoding.encode(token).replacingOccurrences(of: "%20", with: "+"))
        spelled += spelled.map(SecretForms.lowercasingHex)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: [token], options: [.withoutEscapingSlashes]), as: UTF8.self)
        spelled.append(String(json.dropFirst(2).dropLast(2)))
        spelled.append(Data("\(token):".utf8).base64EncodedString())
        for form in spelled where form.count >= 4 {
            let text = "Cannot GET /resources/accounts/\(form)?x=1"
            let scrubbed = redactor.text(text)
            #expect(!scrubbed.contains(form), "\(form) survived: \(scrubbed)")
            #expect(!redactor.leaks(in: Array(scrubbed.utf8)))
        }
    }

    @Test func jsonEscapedNonASCIIAndSlashesAreScrubbed() {
        let redactor = Redactor(token: "ab/c\u{E9}d")
        #expect(redactor.text(#"{"m":"ab\/c\u00e9d"}"#) == #"{"m":"REDACTED"}"#)
        #expect(redactor.text(#"{"m":"ab\/c\u00E9d"}"#) == #"{"m":"REDACTED"}"#)
    }

    @Test func aURLsUserinfoIsHidden() {
        #expect(Redactor(secrets: []).text("see https://me:pw1234@host.example/x and http://h/y")
            == "see https://REDACTED@host.example/x and http://h/y")
        #expect(Redactor.hidingUserinfo("mail a@b.c, http://h/p@q") == "mail a@b.c, http://h/p@q")
    }

    /// Bodies are long and full of e-mail addresses and URLs: every URL's userinfo goes, wherever it is.
    @Test func userinfoIsHiddenInALongBodyAndAcrossLines() {
        let filler = String(repeating: #"{"email":"a@b.c","url":"https://h.example/p?x=1"},"#, count: 3_000)
        let body = filler + "ftp://a:b@c\r\nhttps://u:p@h2?q@r https://h3/@s \"http://x:y@z\" é://k@l"
        #expect(Redactor.hidingUserinfo(body)
            == filler + "ftp://REDACTED@c\r\nhttps://REDACTED@h2?q@r https://h3/@s \"http://REDACTED@z\" é://REDACTED@l")
        #expect(Redactor.hidingUserinfo(filler) == filler)
        #expect(Redactor.hidingUserinfo("a://") == "a://" && Redactor.hidingUserinfo("://@") == "://REDACTED@")
    }

    @Test func aTokenDeepInALongBodyIsScrubbedAndABodyWithoutItIsUnchanged() {
        let redactor = Redactor(token: "not-a-real-token-42")
        let filler = String(repeating: "é中😀 ", count: 20_000)
        #expect(redactor.text(filler + "not-a-real-token-42" + filler) == filler + "REDACTED" + filler)
        #expect(redactor.text(filler) == filler)
        #expect(!redactor.leaks(in: Array(filler.utf8)) && redactor.leaks(in: Array((filler + "not-a-real-token-42").utf8)))
    }
}
