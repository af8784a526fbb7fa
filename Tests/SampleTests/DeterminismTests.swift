import Foundation
import Testing
@testable import SVWSample

@Suite("Determinism")
struct DeterminismTests {
    @Test("The same seed writes byte-identical files")
    func sameSeedSameBytes() throws {
        let first = try SampleFixtures.generated(contracts: 300, seed: 42)
        let second = try SampleFixtures.generated(contracts: 300, seed: 42)
        #expect(first.files.keys.sorted() == SampleGenerator.fileNames.sorted())
        for name in SampleGenerator.fileNames {
            #expect(first.files[name] == second.files[name], "\(name) differs between runs")
        }
    }

    @Test("A different seed writes different suppliers, contracts and commitments")
    func differentSeedDifferentData() throws {
        let first = try SampleFixtures.generated(contracts: 300, seed: 42)
        let second = try SampleFixtures.generated(contracts: 300, seed: 43)
        for name in ["suppliers.csv", "contracts.csv", "commitments.csv"] {
            #expect(first.files[name] != second.files[name], "\(name) ignores the seed")
        }
        // Reference tables do not depend on the seed.
        #expect(first.files["measures.csv"] == second.files["measures.csv"])
        #expect(first.files["postcode_districts.csv"] == second.files["postcode_districts.csv"])
    }

    @Test("The committed SampleData equals a fresh `svw sample --contracts 4000 --seed 2021`")
    func committedSampleDataMatchesGenerator() throws {
        let fresh = try SampleFixtures.generated(contracts: SampleGenerator.defaultContracts, seed: SampleGenerator.defaultSeed)
        for name in SampleGenerator.fileNames {
            let committed = try Data(contentsOf: SampleFixtures.sampleData.appendingPathComponent(name))
            #expect(committed == Data(fresh.files[name] ?? []),
                    "SampleData/\(name) has drifted from the generator: rerun svw sample --contracts 4000 --seed 2021 --out SampleData")
        }
    }

    @Test("Writing to a folder gives the same bytes as memory, and leaves no partial files")
    func directoryOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svw-sample-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try SampleGenerator.write(contracts: 120, seed: 5, postcodeIndex: SampleFixtures.postcodeIndex, toDirectory: folder.appendingPathComponent("nested"))
        let memory = try SampleFixtures.generated(contracts: 120, seed: 5)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("nested").path).sorted()
        #expect(written == SampleGenerator.fileNames.sorted())
        for name in SampleGenerator.fileNames {
            let data = try Data(contentsOf: folder.appendingPathComponent("nested").appendingPathComponent(name))
            #expect(data == Data(memory.files[name] ?? []))
        }
        #expect(summary.contracts == 120)
        let commitmentLines = memory.text("commitments.csv")!.split(separator: "\n").count - 1
        #expect(summary.commitments == commitmentLines)
    }

    @Test("A contract count out of range is refused with a clear message", arguments: [0, -5, SampleGenerator.maximumContracts + 1])
    func invalidCount(count: Int) {
        #expect(throws: SampleError.invalidContractCount(count)) {
            try SampleGenerator.generate(contracts: count, seed: 1, postcodeIndex: SampleFixtures.postcodeIndex, into: MemorySampleOutput())
        }
        #expect(SampleError.invalidContractCount(0).description == "--contracts must be between 1 and 20000000 (got 0)")
    }

    @Test("A folder that cannot be created is reported by path")
    func unwritableFolder() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("svw-sample-file-\(UInt32.random(in: 0...UInt32.max))")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let target = blocker.appendingPathComponent("out")
        #expect(throws: SampleError.cannotCreateFolder(target.path)) {
            try SampleGenerator.write(contracts: 10, seed: 1, postcodeIndex: SampleFixtures.postcodeIndex, toDirectory: target)
        }
        #expect(SampleError.cannotCreateFolder("/x/y").description == "cannot create the folder /x/y")
    }

    @Test("Tiny sets still come out whole", arguments: [1, 2, 3, 10])
    func tinySets(count: Int) throws {
        let set = try SampleSet(output: SampleFixtures.generated(contracts: count, seed: 11))
        #expect(set.contracts.count == count)
        let supplierIds = Set(set.suppliers.map { $0["supplier_id"]! })
        #expect(set.contracts.allSatisfy { supplierIds.contains($0["supplier_id"]!) })
    }
}
