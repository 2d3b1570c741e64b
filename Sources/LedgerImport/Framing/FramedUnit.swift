/// One unit cut out of the input by a framer: its location and its bytes.
struct FramedUnit {
    var location: SourceLocation
    var bytes: [UInt8]
}
