import Foundation
import Testing
@testable import VitallyKit

/// The history store keeps an account's name unless it reads as a person's or an email: real
/// company names are kept, real people's names are not, in both directions.
@Suite struct StoredAccountNameTests {
    /// Companies, real and the simulator's, that must keep their names (two or three capitalised
    /// words with no company word among them included).
    static let companies = [
        "Dunder Mifflin Scranton", "Dunder Mifflin", "Pied Piper", "Hooli", "Initech", "Acme Corp", "Wayne Enterprises",
        "Stark Industries EMEA", "Orbit Bank 16", "Massive Dynamic", "Nimbus Freight", "Harbor Collective East",
        "Orbitron Europe", "Lakeside Dental", "Quill & Ink", "Test Account", "Tyrell Ltd", "Globex Inc", "Cyberdyne Systems",
        "Vandelay Industries", "Umbrella Health", "Kestrel Robotics", "Brightwave Partners", "Cedar Retail GmbH",
        "Wells Fargo", "Goldman Sachs", "Johnson Controls", "General Electric", "Procter & Gamble", "Deutsche Telekom",
        "Red Bull", "Blue Origin", "Burger King", "Whole Foods", "Home Depot", "Best Buy", "Dollar General",
        "Royal Dutch Shell", "Rolls-Royce", "Volkswagen AG", "Banco Santander SA", "Toyota Motor Corporation",
        "Tata Consultancy Services", "Infosys", "Alibaba Group", "Samsung Electronics", "Hewlett Packard Enterprise",
        "Palo Alto Networks", "Snowflake", "Atlassian", "Mailchimp", "Sierra Nevada Brewing", "Silver Lake", "Blue Yonder",
        "Golden State Warriors", "Bright Horizons", "Summit Logistics LLC", "AT&T", "3M", "H&M", "Old Navy",
    ]

    /// People, and emails: stored as `account ‹id›`.
    static let people = [
        "jane.doe@gmail.com", "karl@bücher.de", "Jane Doe", "jane doe", "JANE DOE", "Jürgen Weiß", "Ju\u{308}rgen Weiß",
        "DOE, Jane", "Doe, J.", "Jean-Luc Picard", "Dr. Amara Okafor", "John Smith Jr.", "Mary Ann Smith", "María José García",
        "Ludwig van Beethoven", "Wei Zhang", "Xiaoming Zhang", "Zhang Wei", "Nguyen Van An", "Kim Min-jun",
        "Priya Patel", "Mohammed Al Rashid", "Siobhan O'Neill", "Anna Kowalczyk", "Ekaterina Ivanova", "Giorgos Papadopoulos",
        "Oluwaseun Adeyemi", "Kwame Mensah", "Hiroshi Tanaka", "Sven Johansson", "Pat Lee", "Michael Scott", "Richard Hendricks",
        "Юлия Иванова", "山田 太郎", "Ms Taylor Brooks", "Sam Rivera", "Chris Nakamura-Smith",
    ]

    @Test(arguments: companies) func aCompanyKeepsItsName(_ name: String) {
        #expect(!StoredAccountName.looksPersonal(name))
        #expect(StoredAccountName.name(name, id: "a1") == name)
    }

    @Test(arguments: people) func aPersonOrAnEmailIsStoredByItsId(_ name: String) {
        #expect(StoredAccountName.looksPersonal(name))
        #expect(StoredAccountName.name(name, id: "a1") == "account ‹a1›")
    }

    /// Companies named like people are stored by id: the side that never keeps a person's name.
    @Test func aCompanyNamedLikeAPersonIsStoredByItsId() {
        for name in ["Morgan Stanley", "Warby Parker", "Ben Sherman"] {
            #expect(StoredAccountName.looksPersonal(name), "\(name)")
        }
    }

    /// The simulator's random companies (prefix, business word, legal suffix) all keep their names.
    @Test func everyGeneratedCompanyNameIsKept() {
        let prefixes = ["Blue", "North", "Silver", "Bright", "Quantum", "Iron", "Cedar", "Summit", "Harbor", "Nova", "Sierra", "Aurora"]
        let words = ["Analytics", "Logistics", "Foods", "Labs", "Systems", "Health", "Retail", "Media", "Capital", "Robotics",
                     "Energy", "Software", "Travel", "Learning", "Bank"]
        for prefix in prefixes {
            for word in words {
                for legal in ["", " Inc", " LLC", " Ltd", " GmbH", " Corp"] {
                    #expect(!StoredAccountName.looksPersonal("\(prefix) \(word)\(legal)"), "\(prefix) \(word)\(legal)")
                }
            }
        }
    }
}
