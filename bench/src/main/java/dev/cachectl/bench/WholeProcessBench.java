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
 * drift in the machine's load hits all of them alike; the round's first command rotates, so none of them
 * always runs first (right after a copy, or after another tool warmed something). Reports min, median and
 * max wall time, the ratio of each median to the baseline's (the first command given), and peak RSS from
 * GNU time.
 *
 * <p>Usage: {@code WholeProcessBench ROUNDS [OPTION CMD]... NAME=COMMAND...}, where the options are hooks run
 * outside the timing, and a failing hook stops the benchmark:
 * <ul>
 *   <li>{@code --before-round CMD}: before each round (e.g. make fresh copies of a tree to delete);</li>
 *   <li>{@code --before-each CMD}: before each timed command (e.g. {@code sync}, or dropping the page cache);</li>
 *   <li>{@code --after-round CMD}: after each round (e.g. check that every command left the same result).</li>
 * </ul>
 * Environment: {@code WARMUP} untimed rounds first (default 1: it warms the page cache for every tool alike).
 * Every command runs through {@code sh -c} in the current directory. Prints a Markdown table on stdout.
 */
public final class WholeProcessBench {

    private WholeProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "1"));
        Map<String, String> hooks = new LinkedHashMap<>();
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                hooks.put(args[i], args[++i]);
            } else {
                int eq = args[i].indexOf('=');
                commands.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
        }
        List<String> names = List.copyOf(commands.keySet());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, Long> peakKb = new LinkedHashMap<>();
        names.forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int round = -warmup; round < rounds; round++) {
            hook(hooks.get("--before-round"));
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(Math.floorMod(round + k, names.size()));
                hook(hooks.get("--before-each"));
                Measurement m = run(commands.get(name));
                if (round >= 0) {
                    seconds.get(name).add(m.seconds());
                    peakKb.merge(name, m.peakKb(), Math::max);
                }
            }
            hook(hooks.get("--after-round"));
        }
        String baseline = names.getFirst();
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

    private static void hook(String command) throws IOException, InterruptedException {
        if (command == null) {
            return;
        }
        // The hook's output goes to stderr, so a failed check explains itself without spoiling the table.
        int code = new ProcessBuilder("sh", "-c", "exec 1>&2\n" + command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("hook failed (" + code + "): " + command);
        }
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
