/// A list of domains that also covers every subdomain: `gov.vn` holds `gov.vn` and `daklak.gov.vn`, not `evilgov.vn`.
struct DomainList: Sendable {
    /// The domains, lowercase.
    let domains: [String]

    init(_ domains: [String]) {
        self.domains = domains.map { $0.lowercased() }
    }

    /// Whether `host` (lowercase) is one of the domains or a subdomain of one. Compared byte by byte.
    func contains(_ host: String) -> Bool {
        let hostBytes = Array(host.utf8)
        for domain in domains {
            let domainBytes = Array(domain.utf8)
            if hostBytes == domainBytes { return true }
            guard hostBytes.count > domainBytes.count else { continue }
            let dot = hostBytes.count - domainBytes.count - 1
            if hostBytes[dot] == UInt8(ascii: "."), hostBytes[(dot + 1)...].elementsEqual(domainBytes) { return true }
        }
        return false
    }
}
