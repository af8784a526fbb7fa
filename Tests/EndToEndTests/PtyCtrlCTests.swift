#if canImport(Glibc)
import Foundation
import Glibc
import Testing
import TestSupport

/// Ctrl-C at every moment around the prompt, on a busy machine, and the key reading
/// that makes it reliable (svw reads keys itself: UTF-8, pastes, vi mode).
@Suite(.serialized) struct PtyCtrlCTests {
    static let prompt = PtyShellTests.prompt

    /// Keeps both cores busy, as a full test run on a small machine does, so svw is often
    /// preempted mid-redraw: the moment a Ctrl-C used to be lost (libedit went back to
    /// read() and blocked until the next key, for 90 s in one run).
    final class CPUHogs {
        private var processes: [Process] = []

        init(count: Int) throws {
            for _ in 0..<count {
                let hog = Process()
                hog.executableURL = URL(fileURLWithPath: "/usr/bin/yes")
                hog.standardOutput = FileHandle.nullDevice
                try hog.run()
                processes.append(hog)
            }
        }

        deinit {
            // SIGKILL: a child of the test runner may inherit SIGTERM blocked, and outlive it.
            for hog in processes {
                kill(hog.processIdentifier, SIGKILL)
                hog.waitUntilExit()
            }
        }
    }

    /// Ctrl-C after typing, at many moments (before the echo, during it, just after it,
    /// once idle) and right after Enter: each time the prompt comes back within seconds,
    /// and no cleared line ever runs.
    @Test func ctrlCAtAnyMomentBringsThePromptBackUnderLoad() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        let hogs = try CPUHogs(count: 2)
        defer { withExtendedLifetime(hogs) {} }

        let delays: [useconds_t] = [0, 100, 300, 700, 1_500, 3_000, 6_000, 12_000, 25_000, 50_000]
        for round in 0..<60 {
            let delay = delays[round % delays.count]
            let why = "round \(round), Ctrl-C \(delay) µs after typing"
            if round % 4 == 3 {
                // Enter then Ctrl-C: it lands in the command, between commands or at the next
                // prompt; whichever, a prompt comes back and svw carries on.
                shell.send("SELECT \(round) AS r;\r")
                usleep(delay)
                shell.send("\u{3}")
                try shell.expect(Self.prompt, timeout: 10, why)
            } else if round % 4 == 2 {
                // A long line keeps libedit busy drawing as the Ctrl-C lands (the kernel then
                // drops the rest of the typed keys): the lost-Ctrl-C moment, made likely.
                shell.send("SELECT 'cleared \(round) " + String(repeating: "x", count: 1_500) + "' AS c")
                usleep(delay)
                shell.send("\u{3}")
                try shell.expect(Self.prompt, timeout: 10, why)
            } else {
                shell.send("SELECT 'cleared \(round)' AS c")
                if round % 4 == 1 { try shell.expect("cleared \(round)'", timeout: 10, why) }
                usleep(delay)
                shell.send("\u{3}")
                try shell.expect("^C", timeout: 10, why)
                try shell.expect(Self.prompt, timeout: 10, why)
            }
            try shell.waitForCanonicalModeToEnd(Self.prompt)
            #expect(shell.isRunning, "\(why): svw is still running")
        }

        // A Ctrl-C left over from the Enter rounds may still clear one more line: let it land.
        try shell.waitUntilIdle()
        usleep(200_000)
        shell.send("SELECT 6 * 7 AS answer;\r")
        try shell.expect("42 │", "the next command runs normally")
        try shell.expectPrompt(Self.prompt)
        #expect(!shell.screenText.contains("│ cleared"), "a line cleared by Ctrl-C never runs")
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// Keys are decoded from UTF-8 by svw's own reader: £, accents and emoji arrive whole.
    @Test func multiByteCharactersAreTypedWhole() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT '£5 café 🙂' AS t, length('£5 café 🙂') AS n;\r")
        try shell.expect("£5 café 🙂 │ 9 ", "the characters reached SQLite intact")
        try shell.expectPrompt(Self.prompt)
        // Left-arrow over the multi-byte characters, then insert: the cursor moves by characters.
        shell.send("SELECT 'é£' AS x;" + String(repeating: "\u{1B}[D", count: 9) + "Z\r")
        try shell.expect("Zé£ │", "arrow keys step over whole characters")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// Several lines pasted at once all run, in order, as typed ones would.
    @Test func aFastMultiLinePasteRunsEveryLine() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: [], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT 101 AS a;\rSELECT\n  202 AS b;\rSELECT 303 AS c;\r")
        try shell.expect("101 │")
        try shell.expect("202 │")
        try shell.expect("303 │")
        try shell.expectPrompt(Self.prompt)
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }

    /// In vi mode, a Ctrl-C while a command waits for its argument (f waits for a letter)
    /// clears the line too, and svw stays.
    @Test func ctrlCInViCommandModeClearsTheLine() throws {
        let env = try PtyEnvironment()
        defer { env.remove() }
        let shell = try PtySession(arguments: ["--vi"], environment: env.variables())
        try shell.expectPrompt(Self.prompt)
        shell.send("SELECT 'vi cleared' AS v;")
        try shell.expect("AS v;")
        shell.send("\u{1B}0f")
        try shell.waitUntilIdle()
        shell.send("\u{3}")
        try shell.expectPrompt(Self.prompt, "Ctrl-C ends the pending f and gives a fresh prompt")
        shell.send("SELECT 6 * 7 AS answer;\r")
        try shell.expect("42 │")
        try shell.expectPrompt(Self.prompt)
        #expect(!shell.screenText.contains("│ vi cleared"))
        shell.send("\u{4}")
        #expect(try shell.waitForExit() == 0)
    }
}
#endif
