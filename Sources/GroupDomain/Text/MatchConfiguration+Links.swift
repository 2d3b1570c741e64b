extension MatchConfiguration {
    /// R7b: which links point to official sources.
    ///
    /// A host is official when it equals an entry or ends with `"." + entry` (`daklak.gov.vn` is under `gov.vn`;
    /// `evilgov.vn` and `gov.vn.evil.com` are not). Hosts under a platform domain (Zalo's own) are not sources and give
    /// no match. Links written with `http://` or `https://` are always recognised; a bare domain (`abc.com.vn/x`) only
    /// when its last label is in ``bareDomainSuffixes``, so "Tp.HCM" or "baocao.pdf" are not links.
    public struct Links: Sendable, Hashable {
        /// Official domains, lowercase ASCII (punycode for internationalised names).
        public var officialDomains: [String]
        /// Platform domains whose links are neither flagged nor sources (`zalo.me`).
        public var platformDomains: [String]
        /// Top-level labels that make a bare `name.suffix` a link (`vn`, `com`, `net`).
        public var bareDomainSuffixes: [String]

        /// Creates the settings.
        public init(officialDomains: [String], platformDomains: [String], bareDomainSuffixes: [String]) {
            self.officialDomains = officialDomains
            self.platformDomains = platformDomains
            self.bareDomainSuffixes = bareDomainSuffixes
        }
    }
}
