import Foundation

/// The saved profiles, and the one a session starts with when none is named.
package struct SavedProfiles: Sendable, Equatable {
    package var profiles: [Profile]
    /// The profile last connected or switched to.
    package var current: String?
    /// Sections that name a profile but cannot be read (a bad region, a time that is not one), with
    /// why: one bad value hides no other profile, and using that one says what is wrong with it.
    package var unreadable: [UnreadableProfile] = []

    package func named(_ name: String) -> Profile? { profiles.first { $0.name == name } }

    /// Why profile `name` cannot be used, when its section is there but does not read.
    package func problem(of name: String) -> VitallyError? { unreadable.first { $0.name == name }?.problem }
}

/// A `[profile NAME]` section that does not read, and why.
package struct UnreadableProfile: Sendable, Equatable {
    package var name: String
    package var problem: VitallyError
}

/// Two INI files in the config folder, like the AWS CLI's `config` and `credentials`:
/// `profiles` (where each tenant is, where its token comes from, when it was saved and used) and
/// `credentials` (the tokens, nothing else). Both are written 0600 and refused when others can
/// read or write them: the profiles file steers where a token is sent.
package struct ProfileStore: Sendable {
    package let folder: URL

    package init(folder: URL) { self.folder = folder }

    package var profilesURL: URL { folder.appendingPathComponent("profiles") }
    package var credentialsURL: URL { folder.appendingPathComponent("credentials") }
    /// The single saved connection of earlier versions, taken over by `load`.
    package var legacyURL: URL { folder.appendingPathComponent("config.json") }

    static let settings = "settings"
    static let sectionPrefix = "profile "
    static let profilesHeader = [
        "vitally-shell profiles: one [profile NAME] section per tenant; 'profiles' lists them.",
        "Tokens are not here: they are in 'credentials' beside this file (mode 0600).",
    ]
    static let credentialsHeader = ["vitally-shell secret tokens, one [NAME] section per profile. Keep this file mode 0600."]

    /// The saved profiles; a section that does not read is listed in `unreadable`, the file itself
    /// refused (its mode, a line that is not INI) throws. The first time, a `config.json` of an
    /// earlier version becomes a profile named after its subdomain (its token's age taken from
    /// the file's time) and is removed.
    package func load() throws(VitallyError) -> SavedProfiles {
        try migrateLegacy()
        let document = try read(profilesURL)
        var profiles: [Profile] = []
        var unreadable: [UnreadableProfile] = []
        for section in document.sections where section.name.hasPrefix(Self.sectionPrefix) {
            do {
                profiles.append(try profile(from: section))
            } catch {
                unreadable.append(UnreadableProfile(name: profileName(of: section), problem: error))
            }
        }
        let current = document[section: Self.settings]?["current"].flatMap { name in
            profiles.contains { $0.name == name } || unreadable.contains { $0.name == name } ? name : nil
        }
        return SavedProfiles(profiles: profiles, current: current, unreadable: unreadable)
    }

    /// The saved token of profile `name`, nil when it has none; one with a control character is refused.
    package func token(for name: String) throws(VitallyError) -> String? {
        guard let token = try read(credentialsURL)[section: name]?["token"], !token.isEmpty else { return nil }
        try TokenInput.refuseControlCharacters(in: token, from: "\(credentialsURL.path) [\(name)]")
        return token
    }

    /// Saves `profile` as the current one, used `now`. A `token` goes to the credentials file (its
    /// save time kept when it is the token already saved); nil removes any saved token.
    package func save(_ profile: Profile, token: String?, now: Date) throws {
        var profile = profile
        var secrets = try read(credentialsURL)
        var document = try read(profilesURL)
        let previous = secrets[section: profile.name]?["token"]
        if let token {
            let known = document[section: Self.sectionPrefix + profile.name]?["token_saved"].flatMap(VitallyDate.parse)
            profile.tokenSavedAt = previous == token ? known ?? now : now
            secrets[section: profile.name] = INIDocument.Section(name: profile.name, entries: [("token", token)])
        } else {
            profile.tokenSavedAt = nil
            secrets[section: profile.name] = nil
        }
        profile.lastUsed = now
        document[section: Self.sectionPrefix + profile.name] = section(for: profile)
        document[section: Self.settings] = INIDocument.Section(name: Self.settings, entries: [("current", profile.name)])
        try write(secrets, to: credentialsURL, header: Self.credentialsHeader)
        try write(document, to: profilesURL, header: Self.profilesHeader)
    }

    /// Makes `name` the current profile, last used `now`.
    package func markUsed(_ name: String, now: Date) throws {
        var document = try read(profilesURL)
        guard var section = document[section: Self.sectionPrefix + name] else { return }
        section["last_used"] = VitallyDate.format(now)
        document[section: Self.sectionPrefix + name] = section
        document[section: Self.settings] = INIDocument.Section(name: Self.settings, entries: [("current", name)])
        try write(document, to: profilesURL, header: Self.profilesHeader)
    }

    /// Removes profile `name` and its saved token; false when there was no such profile.
    @discardableResult
    package func remove(_ name: String) throws -> Bool {
        var document = try read(profilesURL)
        var secrets = try read(credentialsURL)
        let existed = document[section: Self.sectionPrefix + name] != nil || secrets[section: name] != nil
        guard existed else { return false }
        document[section: Self.sectionPrefix + name] = nil
        if document[section: Self.settings]?["current"] == name { document[section: Self.settings] = nil }
        secrets[section: name] = nil
        try write(secrets, to: credentialsURL, header: Self.credentialsHeader)
        try write(document, to: profilesURL, header: Self.profilesHeader)
        return true
    }

    func section(for profile: Profile) -> INIDocument.Section {
        var section = INIDocument.Section(name: Self.sectionPrefix + profile.name)
        section["subdomain"] = profile.subdomain
        section["region"] = profile.region.rawValue
        section["base_url"] = profile.baseURL
        section["token_command"] = profile.tokenCommand
        section["token_saved"] = profile.tokenSavedAt.map(VitallyDate.format)
        section["last_used"] = profile.lastUsed.map(VitallyDate.format)
        return section
    }

    /// The NAME of a `[profile NAME]` section, as written.
    func profileName(of section: INIDocument.Section) -> String {
        String(section.name.dropFirst(Self.sectionPrefix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// A section read back, checked as typed values are (ConfigFile.validated).
    func profile(from section: INIDocument.Section) throws(VitallyError) -> Profile {
        let name = profileName(of: section)
        guard Profile.isValidName(name) else {
            throw VitallyError(.invalidInput, cause: "\(profilesURL.path): '\(name.prefix(40))' is not a profile name (\(Profile.nameRule))",
                               hint: .editOrForgetConfiguration)
        }
        let checked = try ConfigFile.validated(
            subdomain: section["subdomain"], region: section["region"], baseURL: section["base_url"], token: "-",
            file: "\(profilesURL.path) [profile \(name)]")
        let command = section["token_command"].flatMap { $0.isEmpty ? nil : $0 }
        return Profile(name: name, subdomain: checked.subdomain, region: checked.region, baseURL: checked.baseURL, tokenCommand: command,
                       tokenSavedAt: try time("token_saved", in: section, profile: name), lastUsed: try time("last_used", in: section, profile: name))
    }

    /// A time the file keeps (`token_saved`, `last_used`); nil when absent. One that does not read
    /// as a time is refused, never taken as absent: a token of unknown age is not a token never saved.
    func time(_ key: String, in section: INIDocument.Section, profile name: String) throws(VitallyError) -> Date? {
        guard let text = section[key], !text.isEmpty else { return nil }
        guard let date = VitallyDate.parse(text) else {
            throw VitallyError(
                .invalidInput,
                cause: "\(profilesURL.path) [profile \(name)]: \(key) = '\(text.prefix(40))' cannot be read as a time "
                    + "(like \(VitallyDate.format(Date(timeIntervalSince1970: 1_780_000_000))))",
                hint: .editOrForgetConfiguration)
        }
        return date
    }

    /// The file's sections; an empty document when there is no file. Refuses a file others can read.
    func read(_ url: URL) throws(VitallyError) -> INIDocument {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return INIDocument() }
        if let problem = PrivateFile.problem(at: url.path) { throw VitallyError(.invalidInput, cause: problem) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VitallyError(.invalidInput, cause: "\(url.path) cannot be read", hint: .editOrForgetConfiguration)
        }
        do {
            return try INIDocument.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw VitallyError(.invalidInput, cause: "\(url.path) line \(error.line): \(error.reason)", hint: .editOrForgetConfiguration)
        }
    }

    func write(_ document: INIDocument, to url: URL, header: [String]) throws {
        try AtomicFile.write(Data(document.serialized(header: header).utf8), to: url, permissions: 0o600)
    }

    /// Takes over `config.json` when there is no profiles file yet.
    func migrateLegacy() throws(VitallyError) {
        guard !FileManager.default.fileExists(atPath: profilesURL.path),
            let credentials = try ConfigFile(url: legacyURL).load()
        else { return }
        let savedAt = (try? FileManager.default.attributesOfItem(atPath: legacyURL.path)[.modificationDate]) as? Date
        let profile = Profile(name: Profile.defaultName(for: credentials), subdomain: credentials.subdomain, region: credentials.region,
                              baseURL: credentials.baseURL)
        do {
            try save(profile, token: credentials.token, now: savedAt ?? Date(timeIntervalSince1970: 0))
            var document = try read(profilesURL)
            document[section: Self.sectionPrefix + profile.name]?["token_saved"] = savedAt.map(VitallyDate.format)
            document[section: Self.sectionPrefix + profile.name]?["last_used"] = nil
            try write(document, to: profilesURL, header: Self.profilesHeader)
        } catch {
            throw VitallyError(.invalidInput, cause: "could not move \(legacyURL.path) into \(profilesURL.path): \(error.localizedDescription)")
        }
        ConfigFile(url: legacyURL).remove()
    }
}
