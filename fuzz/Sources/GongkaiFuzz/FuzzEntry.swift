import Foundation
import FuzzDriver

/// The harness's entry: libFuzzer's driver, with the reader named in `GONGKAI_FUZZ_READER` (fuzz/README.md).
@main enum FuzzMain {
    static func main() {
        _ = FuzzReader.selected
        exit(LibFuzzer.run(fuzzOneInput))
    }
}

/// One input, read by the selected reader, then checked. A crash, trap or hang here is a finding; a thrown
/// error is the reader doing its job.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzReader.selected.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
