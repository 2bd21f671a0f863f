import Foundation
import Testing
import VitallyKit

/// On an organization-first tenant the customer's domain is in the organization's traits, its
/// accounts' traits empty: an admin's address there must not make the customer's people internal.
@Suite struct TeamDirectoryOrganizationTests {
    /// Answers each request by its path: one active admin at dunmifsys.com, nobody at the domain,
    /// an account with empty traits, and its organization whose website trait holds the domain.
    struct Tenant: HTTPTransport {
        var organizationsStatus = 200

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            func page(_ rows: String) -> String { #"{"results":[\#(rows)],"next":null}"# }
            let body: String
            var status = 200
            switch request.path {
            case "/resources/admins":
                body = page(#"{"id":"ad-1","name":"Jo Contractor","email":"jo@dunmifsys.com","licenseStatus":"active"}"#)
            case "/resources/users/search": body = page("")
            case "/resources/customFields": body = "[]"
            case "/resources/accounts":
                body = page(#"{"id":"acc-1","name":"Dunder Mifflin Scranton","traits":{},"organizationId":"org-1"}"#)
            case "/resources/organizations":
                status = organizationsStatus
                body = status == 200
                    ? page(#"{"id":"org-1","name":"Dunder Mifflin","traits":{"vitally.custom.website":"https://www.dunmifsys.com"}}"#)
                    : #"{"message":"forbidden"}"#
            default: body = #"{"message":"not found"}"#; status = 404
            }
            return HTTPResponse(status: status, headers: [], body: Array(body.utf8))
        }
    }

    @Test func anOrganizationsDomainTraitKeepsTheDomainACustomers() async throws {
        let client = VitallyClient(transport: Tenant())
        let verdict = try await TeamDirectory(client: client).verdict(for: "ryan@dunmifsys.com", accounts: AccountDirectory(client: client, tenant: "t"))
        guard case .customerDomain(let domain, let admin, let evidence) = verdict else {
            Issue.record("expected a customer-domain verdict, got \(verdict)")
            return
        }
        #expect(domain == "dunmifsys.com" && admin.name == "Jo Contractor")
        #expect(evidence == .organizationTraits([DomainHolder(account: "Dunder Mifflin", key: "vitally.custom.website")]))
        #expect(!verdict.isInternal)
    }

    @Test func organizationsTheTokenMayNotReadLeaveTheAdminDomainStanding() async throws {
        let client = VitallyClient(transport: Tenant(organizationsStatus: 403))
        let verdict = try await TeamDirectory(client: client).verdict(for: "ryan@dunmifsys.com", accounts: AccountDirectory(client: client, tenant: "t"))
        #expect(verdict.isInternal, "\(verdict)")
    }
}
