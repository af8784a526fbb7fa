import Foundation

/// Where the generator's files go: a folder (`DirectorySampleOutput`) or memory (`MemorySampleOutput`).
public protocol SampleOutput: AnyObject {
    /// Starts the file `name`; chunks follow through `append(_:to:)`.
    func begin(_ name: String) throws
    func append(_ bytes: [UInt8], to name: String) throws
    func end(_ name: String) throws
}

/// Writes each file as `NAME.partial` and renames it into place when the whole set is done,
/// so an interrupted run never leaves a half-written file under a real name.
public final class DirectorySampleOutput: SampleOutput {
    /// The folder the files are written into.
    public let directory: URL
    private var handles: [String: FileHandle] = [:]
    private var finished: [String] = []

    /// Writes into `directory`, creating it when missing.
    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SampleError.cannotCreateFolder(directory.path)
        }
    }

    private func partialURL(_ name: String) -> URL { directory.appendingPathComponent(name + ".partial") }

    /// Opens `NAME.partial` for writing.
    public func begin(_ name: String) throws {
        let url = partialURL(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SampleError.cannotWrite(url.path)
        }
        handles[name] = try FileHandle(forWritingTo: url)
    }

    /// Appends a chunk to the file `name`.
    public func append(_ bytes: [UInt8], to name: String) throws {
        guard let handle = handles[name] else { throw SampleError.cannotWrite(partialURL(name).path) }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw SampleError.cannotWrite(partialURL(name).path)
        }
    }

    /// Closes the file `name`; it is renamed into place when the whole set is done.
    public func end(_ name: String) throws {
        try handles.removeValue(forKey: name)?.close()
        finished.append(name)
    }

    /// Moves every finished file into place, replacing older ones.
    public func commit() throws {
        for name in finished {
            let target = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: target)
            }
            try FileManager.default.moveItem(at: partialURL(name), to: target)
        }
        finished.removeAll()
    }

    /// Removes partial files after a failure.
    public func discard() {
        for (name, handle) in handles {
            try? handle.close()
            try? FileManager.default.removeItem(at: partialURL(name))
        }
        for name in finished { try? FileManager.default.removeItem(at: partialURL(name)) }
        handles.removeAll()
        finished.removeAll()
    }
}

/// Keeps the files in memory; for tests and small sets.
public final class MemorySampleOutput: SampleOutput {
    /// Each file's bytes, by name.
    public private(set) var files: [String: [UInt8]] = [:]

    /// An empty set of files.
    public init() {}

    /// Starts the file `name`, empty.
    public func begin(_ name: String) throws { files[name] = [] }
    /// Appends a chunk to the file `name`.
    public func append(_ bytes: [UInt8], to name: String) throws { files[name, default: []].append(contentsOf: bytes) }
    /// Nothing to do: a file in memory is complete once written.
    public func end(_ name: String) throws {}

    /// The file `name` as UTF-8 text, or nil when there is no such file.
    public func text(_ name: String) -> String? {
        files[name].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Why the generator could not write a set.
public enum SampleError: Error, CustomStringConvertible, Equatable {
    case cannotCreateFolder(String)
    case cannotWrite(String)
    case invalidContractCount(Int)
    case badPostcodeIndex(line: Int)

    /// The problem in words, naming the folder or the option.
    public var description: String {
        switch self {
        case .cannotCreateFolder(let path): return "cannot create the folder \(path)"
        case .cannotWrite(let path): return "cannot write \(path)"
        case .invalidContractCount(let count):
            return "--contracts must be between 1 and \(SampleGenerator.maximumContracts) (got \(count))"
        case .badPostcodeIndex(let line):
            return "\(PostcodeIndexFile.name):\(line): expected postcode,district_code,authority with a GM postcode somewhere"
        }
    }
}
