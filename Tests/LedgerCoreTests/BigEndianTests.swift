import LedgerCore
import Testing

@Suite struct BigEndianTests {
    @Test func appendsMostSignificantByteFirst() {
        var out: [UInt8] = [0xEE]
        BigEndian.append(UInt32(0x0102_0304), to: &out)
        BigEndian.append(UInt64(0x0A0B_0C0D_0E0F_1011), to: &out)
        BigEndian.append(Int64(-2), to: &out)
        #expect(
            out == [
                0xEE, 0x01, 0x02, 0x03, 0x04, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0xFF, 0xFF, 0xFF, 0xFF,
                0xFF, 0xFF, 0xFF, 0xFE,
            ]
        )
    }

    @Test func readsBackWhatItWroteAtAnyAlignment() {
        var out: [UInt8] = [0xEE]
        BigEndian.append(UInt32(0x0102_0304), to: &out)
        BigEndian.append(UInt64(0x0A0B_0C0D_0E0F_1011), to: &out)
        BigEndian.append(Int64(-2), to: &out)
        #expect(BigEndian.read(UInt32.self, from: out, at: 1) == 0x0102_0304)
        #expect(BigEndian.read(UInt64.self, from: out, at: 5) == 0x0A0B_0C0D_0E0F_1011)
        #expect(BigEndian.read(Int64.self, from: out, at: 13) == -2)
        out.withUnsafeBytes { buffer in
            #expect(BigEndian.read(UInt32.self, from: buffer, at: 1) == 0x0102_0304)
            #expect(BigEndian.read(UInt16.self, from: buffer, at: 2) == 0x0203)
        }
    }
}
