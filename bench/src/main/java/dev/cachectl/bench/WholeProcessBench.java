package dev.cachectl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times whole processes on the same tree in the same run: each round runs every command once, in turn, so
 * drift in the machine's load hits all of them alike. Reports min, median and max wall time, the ratio of
 * each median to the baseline's (the first command, {@code du -s}), and peak RSS from GNU time.
 *
 * <p>Usage: {@code WholeProcessBench ROUNDS NAME=COMMAND...}; a command runs through {@code sh -c} in the
 * current directory. Prints a Markdown table on stdout.
 */
public final class WholeProcessBench {

    private WholeProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            commands.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, Long> peakKb = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int round = -1; round < rounds; round++) {
            for (var command : commands.entrySet()) {
                Measurement m = run(command.getValue());
                if (round >= 0) {
                    // Round -1 warms the page cache and the JIT-free paths of every tool alike.
                    seconds.get(command.getKey()).add(m.seconds());
                    peakKb.merge(command.getKey(), m.peakKb(), Math::max);
                }
            }
        }
        String baseline = commands.keySet().iterator().next();
        double base = median(seconds.get(baseline));
        System.out.println("| command | min s | median s | max s | ratio to " + baseline + " | peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|");
        for (var entry : seconds.entrySet()) {
            List<Double> s = entry.getValue().stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| `%s` | %.3f | %.3f | %.3f | %.2f | %.0f |%n", commands.get(entry.getKey()),
                    s.getFirst(), median(s), s.getLast(), median(s) / base, peakKb.get(entry.getKey()) / 1024.0);
        }
    }

    private record Measurement(double seconds, long peakKb) {
    }

    private static Measurement run(String command) throws IOException, InterruptedException {
        Path timeOut = Files.createTempFile("bench-time", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/time", "-o", timeOut.toString(), "-f", "%M",
                    "sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            int code = builder.start().waitFor();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("command failed (" + code + "): " + command);
            }
            String text = Files.readString(timeOut, StandardCharsets.UTF_8).strip();
            String last = text.lines().reduce((a, b) -> b).orElse("0");
            return new Measurement(elapsed, Long.parseLong(last.strip()));
        } finally {
            Files.deleteIfExists(timeOut);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
