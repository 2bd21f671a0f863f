import Foundation

/// Whether the history store at a path may be trusted: a planted row changes what `health` says
/// about an account, so a store others can write, or a link to another user's file, is refused
/// as the config is (`PrivateFile`). Unlike the config it may be read by others (it holds no
/// secret), and a link to a file of one's own is followed.
enum StoreFileCheck {
    /// What is wrong with the file at `path` and the command that fixes it; nil when it is safe or absent.
    static func problem(at path: String) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        var target = stat()
        guard stat(path, &target) == 0 else {
            return "\(path) is a symbolic link to nothing; remove it: rm '\(path)'"
        }
        if target.st_uid != getuid() {
            return isLink
                ? "\(path) is a symbolic link to a file of another user (uid \(target.st_uid)); remove the link: rm '\(path)'"
                : "\(path) belongs to another user (uid \(target.st_uid)); move it aside: mv '\(path)' '\(path).untrusted'"
        }
        if isLink && link.st_uid != getuid() {
            return "\(path) is a symbolic link made by another user (uid \(link.st_uid)); remove it: rm '\(path)'"
        }
        if target.st_mode & 0o022 != 0 {
            return "\(path) can be written by other users, who could plant rows in it; run: chmod 600 '\(path)'"
        }
        return nil
    }
}

/// The name the history store keeps for an account: its own, unless it looks like an email or
/// a person's name (B2C tenants name accounts after their customers), then `account ‹id›`.
enum StoredAccountName {
    static func name(_ name: String, id: String) -> String {
        looksPersonal(name) ? "account ‹\(id)›" : name
    }

    /// Words that make a name a company's (`Wayne Enterprises`, `Acme Corp`, `Cedar Retail`).
    static let companyWords: Set<String> = [
        "inc", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "gmbh", "ag", "sa", "sas", "bv", "nv", "plc",
        "pty", "srl", "spa", "ab", "oy", "as", "kk", "group", "holdings", "partners", "enterprises", "industries", "labs",
        "systems", "software", "technologies", "tech", "solutions", "services", "health", "healthcare", "bank", "capital",
        "media", "retail", "foods", "energy", "logistics", "learning", "analytics", "robotics", "travel", "studio", "studios",
        "agency", "consulting", "university", "school", "hospital", "clinic", "foundation", "institute", "global",
        "international", "emea", "apac", "americas", "na", "eu", "us", "uk", "team", "store", "shop", "app", "ventures",
        "networks", "digital", "cloud", "data", "insurance", "pharma", "motors", "airlines", "hotels", "dynamics",
    ]

    /// An email, or two to four words of letters (any script) with no company word: `Jane Doe`,
    /// `Jürgen Weiß`, `doe, jane`. One word says too little to tell, and is kept.
    static func looksPersonal(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@") { return true }
        let words = trimmed.split { $0 == " " || $0 == "," }.map { $0.lowercased() }
        guard (2...4).contains(words.count), trimmed.count <= 60 else { return false }
        guard words.allSatisfy({ word in word.allSatisfy { $0.isLetter || "'’.-".contains($0) } }) else { return false }
        return !words.contains { companyWords.contains($0.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) }
    }
}
