import Foundation
import Testing
@testable import VitallyKit

/// The index a scrub with `--accounts` scores domains with must name the very accounts that
/// scoring every name with `CompanyName.score` names: the same best score, the same ties.
@Suite struct CompanyNameIndexTests {
    /// Every name scored, as the scrub's match check did before the index.
    static func bruteForce(_ names: [String], label: String, threshold: Double) -> (score: Double, positions: [Int])? {
        var best = 0.0
        var positions: [Int] = []
        for (position, name) in names.enumerated() {
            let score = CompanyName.score(accountName: name, title: nil, domainLabel: label)
            guard score >= threshold, score >= best else { continue }
            if score > best { (best, positions) = (score, []) }
            positions.append(position)
        }
        return positions.isEmpty ? nil : (best, positions)
    }

    static let names = [
        "Acme Corp", "ACME, Inc.", "Acme Widgets", "Wayne Enterprises", "Wayne Enterprise", "Stark Industries", "Globex",
        "Globex Corporation", "Initech", "Initech LLC", "Umbrella", "Soylent Green", "Hooli", "Hooli XYZ", "Pied Piper",
        "Dunder Mifflin", "Dunder Mifflin Scranton", "Massive Dynamic", "Oscorp", "Cyberdyne Systems", "Tyrell", "Wonka Industries",
        "Vandelay Industries", "Bluth Company", "Sterling Cooper", "Prestige Worldwide", "Gringotts", "Monsters Inc",
        "Ltd", "A B", "Café Noir", "Müller GmbH", "Société Générale", "株式会社 山田", "Company 000001 Ltd", "Company 000010 Ltd",
        "Company 000100 Ltd", "Company 001000 Ltd", "Acme", "acme corp", "Acmé", "Acne Corp", "Amce Corp",
    ]

    /// Labels equal, close, transposed, cut, doubled and foreign, to every name's words.
    static var labels: [String] {
        var labels: Set<String> = ["acme", "acmecorp", "wayneenterprises", "wayne", "globex", "xyz", "abc", "company000001",
                                   "company000002", "company", "cafenoir", "müller", "muller", "société", "山田", "hooli", "hool",
                                   "pied", "piedpiper", "dunder", "dundermifflin", "initech", "initech1", "oscorp", "oscrop"]
        var random = SplitMix(seed: 7)
        for name in names {
            let joined = CompanyName.tokens(name).joined()
            guard joined.count >= 3 else { continue }
            labels.insert(joined)
            let characters = Array(joined)
            for _ in 0..<6 {
                var changed = characters
                let at = Int(random.next() % UInt64(changed.count))
                switch random.next() % 4 {
                case 0: changed.remove(at: at)
                case 1: changed.insert("x", at: at)
                case 2: if at + 1 < changed.count { changed.swapAt(at, at + 1) }
                default: changed[at] = "q"
                }
                labels.insert(String(changed))
            }
        }
        return labels.sorted()
    }

    @Test func everyLabelNamesTheSameAccountsAsScoringEveryName() {
        var compared = 0, matched = 0
        for threshold in [0.9, 0.8, 0.95] {
            for label in Self.labels {
                let index = CompanyNameIndex(Self.names).best(label: label, threshold: threshold)
                let brute = Self.bruteForce(Self.names, label: label, threshold: threshold)
                #expect(index?.score == brute?.score && index?.positions == brute?.positions, "\(label) at \(threshold)")
                compared += 1
                if brute != nil { matched += 1 }
            }
        }
        // Both outcomes were tried: labels that match some name and labels that match none.
        #expect(matched > 50 && compared - matched > 50, "\(matched) of \(compared)")
    }

    /// The bound that skips a name: never for a pair whose score reaches the threshold.
    @Test func theLetterBoundNeverSkipsAPairThatReachesTheThreshold() {
        var random = SplitMix(seed: 99)
        let alphabet = Array("abcde0")
        var reached = 0
        for _ in 0..<20_000 {
            let a = String((0..<(3 + Int(random.next() % 8))).map { _ in alphabet[Int(random.next() % 6)] })
            // Mostly near copies of `a` (an edit or two), where the bound is tight.
            var near = Array(a)
            for _ in 0..<(random.next() % 3) {
                let at = Int(random.next() % UInt64(near.count))
                if random.next() % 2 == 0 { near[at] = alphabet[Int(random.next() % 6)] } else { near.insert(alphabet[Int(random.next() % 6)], at: at) }
            }
            let b = random.next() % 4 == 0 ? String((0..<(3 + Int(random.next() % 8))).map { _ in alphabet[Int(random.next() % 6)] }) : String(near)
            guard CompanyName.jaroWinkler(a, b) >= 0.9 else { continue }
            reached += 1
            #expect(CompanyNameIndex.canReach(0.9, Array(a.utf8).sorted()[...], Array(b.utf8).sorted()[...]), "\(a) \(b)")
        }
        #expect(reached > 1_000, "\(reached)")
    }

    /// The length bound that leaves whole lengths unscored: never a pair that reaches the
    /// threshold, including the tight case of a label that is a name's prefix (`abcd`/`abcdefgh`
    /// scores exactly 0.9).
    @Test func theLengthBoundNeverSkipsAPairThatReachesTheThreshold() {
        var random = SplitMix(seed: 5)
        let alphabet = Array("abcdefgh01")
        func word(_ count: Int) -> String { String((0..<count).map { _ in alphabet[Int(random.next() % 10)] }) }
        var reached = 0, atTheEdge = 0
        for threshold in [0.8, 0.9, 0.95] {
            for _ in 0..<20_000 {
                let a = word(3 + Int(random.next() % 12))
                // A prefix of `a` extended, or `a` cut: the pairs whose lengths differ most for their score.
                let b = random.next() % 2 == 0
                    ? a + word(Int(random.next() % UInt64(2 * a.count + 2)))
                    : String(a.prefix(max(1, a.count - Int(random.next() % UInt64(a.count)))))
                guard CompanyName.jaroWinkler(a, b) >= threshold else { continue }
                reached += 1
                let range = CompanyNameIndex.lengths(reaching: threshold, from: a.count)
                #expect(range?.contains(b.count) ?? true, "\(a) \(b) at \(threshold)")
                if let range, b.count == range.upperBound || b.count == range.lowerBound { atTheEdge += 1 }
            }
        }
        #expect(reached > 1_000 && atTheEdge > 10, "\(reached) reached, \(atTheEdge) at a bound")
        #expect(CompanyNameIndex.lengths(reaching: 0.9, from: 4) == 2...8)
    }
}
