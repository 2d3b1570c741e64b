import Testing

@testable import LedgerServer

/// Ids in page paths: encoded as one segment, decoded back exactly, whatever they hold.
@Suite struct WebPathTests {
    @Test(arguments: ["g-7301128844556677001", "zca:g-1:600/1", "a+b c", "Nguyễn Văn An", "%41", "?x=1#y"])
    func anIdSurvivesThePath(_ id: String) {
        let segment = PageValues.segment(id)
        #expect(!segment.contains("/") && !segment.contains("?") && !segment.contains("#"), "\(segment)")
        #expect(WebRoute.decodeSegment(segment) == id)
    }

    @Test func aBadEscapeIsNoId() {
        #expect(WebRoute.decodeSegment("%zz") == nil)
        #expect(WebRoute.decodeSegment("%ff") == nil, "not UTF-8")
    }

}
