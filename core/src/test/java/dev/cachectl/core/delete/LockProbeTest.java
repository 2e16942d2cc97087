package dev.cachectl.core.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachectl.core.fs.linux.Libc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one lock probe clear and migrate use, against real holders in other processes. */
class LockProbeTest {

    private static final LockProbe PROBE = LockProbe.system();

    /** The system's Python when there is one: version-manager shims take seconds to start. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path tmp;

    @Test
    void seesAnFlockHeldByAnotherProcessAndLeavesNoLockBehind() throws Exception {
        assumeTrue(Libc.AVAILABLE && Files.isExecutable(Path.of("/usr/bin/flock")), "needs the native probe and flock(1)");
        Path lock = Files.createFile(tmp.resolve("model.lock"));

        assertThat(PROBE.probe(lock)).isEqualTo(LockState.FREE);
        Process holder = holdWith(List.of("flock", "--exclusive", lock.toString(), "sh", "-c", "echo held; exec sleep 60"));
        try {
            assertThat(PROBE.probe(lock)).isEqualTo(LockState.HELD);
            // the fcntl-based NIO probe cannot see it, which is why the native one exists
            assertThat(SystemLockProbe.probeWithNio(lock)).isEqualTo(LockState.UNKNOWN);
        } finally {
            stop(holder);
        }
        assertThat(PROBE.probe(lock)).isEqualTo(LockState.FREE);
        Process taker = new ProcessBuilder("flock", "--nonblock", "--exclusive", lock.toString(), "true").start();
        assertThat(taker.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(taker.exitValue()).as("our probe released its lock").isZero();
    }

    @Test
    void seesALockHeldByPythonFilelockStyleCode() throws Exception {
        assumeTrue(Libc.AVAILABLE && python3(), "needs the native probe and python3");
        Path lock = Files.createFile(tmp.resolve("hub.lock"));

        Process holder = holdWithPython("flock", lock);
        try {
            assertThat(PROBE.probe(lock)).isEqualTo(LockState.HELD);
        } finally {
            stop(holder);
        }
        assertThat(PROBE.probe(lock)).isEqualTo(LockState.FREE);
    }

    @Test
    void theNioProbeSeesAnFcntlLock() throws Exception {
        assumeTrue(python3(), "needs python3");
        Path lock = Files.createFile(tmp.resolve("record.lock"));

        Process holder = holdWithPython("lockf", lock);
        try {
            assertThat(SystemLockProbe.probeWithNio(lock)).isEqualTo(LockState.HELD);
        } finally {
            stop(holder);
        }
    }

    @Test
    void refusesSymlinksAndReportsMissingFiles() throws IOException {
        Path target = Files.createFile(tmp.resolve("target.lock"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.lock"), target);

        assertThatThrownBy(() -> PROBE.probe(tmp.resolve("gone.lock"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> PROBE.probe(link)).isInstanceOf(FileSystemException.class);
    }

    /** Python holding {@code lock} with {@code fcntl.flock} (like filelock) or {@code fcntl.lockf} (a record lock). */
    private static Process holdWithPython(String call, Path lock) throws IOException {
        String script = "import fcntl,sys,time\nf=open(sys.argv[1],'a')\nfcntl." + call + "(f,fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
                + "print('held',flush=True)\ntime.sleep(60)\n";
        return holdWith(List.of(PYTHON, "-c", script, lock.toString()));
    }

    /** Starts a process that prints one line once it holds the lock, and waits for that line. */
    private static Process holdWith(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"held".equals(line)) {
            p.destroyForcibly();
            throw new IOException("lock holder did not start: " + line);
        }
        return p;
    }

    /** Kills the holder and everything it started (a child that inherited the descriptor keeps the lock). */
    private static void stop(Process holder) throws InterruptedException {
        List<ProcessHandle> family = new java.util.ArrayList<>(holder.descendants().toList());
        family.add(holder.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle member : family) {
            member.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder(PYTHON, "-c", "import fcntl").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
