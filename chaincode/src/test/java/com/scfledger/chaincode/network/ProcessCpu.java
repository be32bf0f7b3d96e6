package com.scfledger.chaincode.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a benchmark phase's CPU went, process by process: the network's processes (their pid files in
 * fabric-network/.run/pids), this client, and everything else on the machine (from /proc/stat), so that a figure
 * taken on a shared machine says how busy the machine was with other work. Linux only; elsewhere it reads nothing.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of /proc's CPU times on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PIDS = Path.of("fabric-network/.run/pids");
    static final String CLIENT = "bench client";
    static final String OTHERS = "rest of machine";

    private ProcessCpu() {
    }

    /** CPU ticks by process, and the machine's busy ticks, at one moment. */
    record Snapshot(Map<String, Long> ticks, long machineBusyTicks, long nanos) {

        Usage since(final Snapshot before) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            double ours = 0;
            for (Map.Entry<String, Long> e : ticks.entrySet()) {
                Long then = before.ticks().get(e.getKey());
                if (then != null) {
                    double s = (e.getValue() - then) / TICKS_PER_SECOND;
                    seconds.put(e.getKey(), s);
                    ours += s;
                }
            }
            // /proc/stat counts per CPU in the same ticks
            double machine = (machineBusyTicks - before.machineBusyTicks()) / TICKS_PER_SECOND;
            seconds.put(OTHERS, Math.max(0, machine - ours));
            return new Usage(seconds, (nanos - before.nanos()) / 1e9);
        }
    }

    /** CPU seconds by process over a phase of {@code wallSeconds}. */
    record Usage(Map<String, Double> seconds, double wallSeconds) {
    }

    static Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.isDirectory(PIDS) ? Files.list(PIDS) : Stream.empty()) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                if (!name.startsWith("ca.")) {
                    cpuTicks(Path.of("/proc", Files.readString(f).strip(), "stat")).ifPresent(t -> ticks.put(name, t));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that just stopped, or no /proc: its row is left out
        }
        cpuTicks(Path.of("/proc/self/stat")).ifPresent(t -> ticks.put(CLIENT, t));
        return new Snapshot(ticks, machineBusyTicks(), System.nanoTime());
    }

    /** A table: per process, CPU milliseconds per transaction in each phase, and the share of the phase's CPU. */
    static void print(final List<String> phases, final List<Usage> usages, final List<Integer> transactions) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s", "CPU by process"));
        phases.forEach(p -> header.append(String.format(Locale.ROOT, " %22s", p + " ms/tx (share)")));
        System.out.println(header);
        List<String> names = new ArrayList<>(usages.get(0).seconds().keySet());
        for (String name : names) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", name));
            for (int i = 0; i < usages.size(); i++) {
                Map<String, Double> s = usages.get(i).seconds();
                double total = s.values().stream().mapToDouble(Double::doubleValue).sum();
                double v = s.getOrDefault(name, 0.0);
                row.append(String.format(Locale.ROOT, " %14.2f (%4.1f%%)", v * 1000 / transactions.get(i),
                        total == 0 ? 0 : 100 * v / total));
            }
            System.out.println(row);
        }
        StringBuilder busy = new StringBuilder(String.format(Locale.ROOT, "%-20s", "machine busy cores"));
        for (Usage u : usages) {
            double total = u.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
            busy.append(String.format(Locale.ROOT, " %22.2f", total / u.wallSeconds()));
        }
        System.out.println(busy + String.format(Locale.ROOT, "   (of %d)", Runtime.getRuntime().availableProcessors()));
    }

    private static java.util.Optional<Long> cpuTicks(final Path stat) {
        try {
            String line = Files.readString(stat);
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
