import Testing
@testable import VitallyKit

/// URL splitting and query decoding, which a replay runs on every recorded URL.
struct URLEncodingTests {
    @Test func splitsAbsoluteAndRelativeURLs() {
        let absolute = RecordedExchange.split(url: "https://acme.rest.vitally.io/resources/accounts?limit=100&from=abc#top")
        #expect(absolute.path == "/resources/accounts")
        #expect(absolute.query == [QueryItem("limit", "100"), QueryItem("from", "abc")])
        #expect(RecordedExchange.split(url: "/resources/users").path == "/resources/users")
        #expect(RecordedExchange.split(url: "/resources/users").query.isEmpty)
        // No path after the host: the root, and what followed the host is not a query of it.
        #expect(RecordedExchange.split(url: "https://acme.rest.vitally.io?x=1") == ("/", []))
        #expect(RecordedExchange.split(url: "https://h/a#frag?x=1") == ("/a", []))
        #expect(RecordedExchange.split(url: "") == ("", []))
        #expect(RecordedExchange.split(url: "://") == ("/", []))
    }

    @Test func decodesQueriesByteForByte() {
        #expect(URLEncoding.parseQuery("a=1&&b=&c&=d") == [QueryItem("a", "1"), QueryItem("b", ""), QueryItem("c", ""), QueryItem("", "d")])
        #expect(URLEncoding.parseQuery("q=a+b%2Bc%C3%A9&e=x=y") == [QueryItem("q", "a b+cé"), QueryItem("e", "x=y")])
        #expect(URLEncoding.parseQuery("name=Caf\u{E9}\u{301}&n=\u{1F600}") == [QueryItem("name", "Caf\u{E9}\u{301}"), QueryItem("n", "\u{1F600}")])
        // Malformed escapes keep their '%' and drop the two bytes after it (or what is left).
        #expect(URLEncoding.decode("a%zzb") == "a%b")
        #expect(URLEncoding.decode("a%4") == "a%")
        #expect(URLEncoding.decode("a%") == "a%")
        #expect(URLEncoding.decode("a+b", plusAsSpace: false) == "a+b")
        #expect(URLEncoding.decode("%E2%82%AC") == "€")
    }
}
