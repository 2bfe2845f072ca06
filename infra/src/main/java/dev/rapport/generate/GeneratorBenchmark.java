package dev.rapport.generate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures the generator: {@code GeneratorBenchmark <persons> <outDir>}. Prints persons, records,
 * seconds, records per second and the peak heap used, sampled after every thousand persons.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: GeneratorBenchmark <persons> <outDir>");
            System.exit(2);
        }
        run(Integer.parseInt(args[0]), Path.of(args[1]), System.out);
    }

    /** Generates {@code persons} into {@code outDir} and prints the figures to {@code out}. */
    public static void run(int persons, Path outDir, java.io.PrintStream out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peak = {0};
        long started = System.nanoTime();
        GeneratedCompany company = new CompanyGenerator(new GeneratorConfig(persons, 42L, outDir)).generate(done -> {
            peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
            if (done % 100_000 == 0) {
                out.printf(Locale.ROOT, "%,d persons%n", done);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long records = company.totalRecords();
        out.printf(
                Locale.ROOT,
                "persons=%d records=%d malformed=%d seconds=%.1f records_per_second=%.0f "
                        + "peak_heap_used_mb=%.1f max_heap_mb=%.1f%n",
                persons,
                records,
                company.totalMalformed(),
                seconds,
                records / seconds,
                peak[0] / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        company.records()
                .forEach((source, count) -> out.printf(
                        Locale.ROOT,
                        "  %s: %d records, %d malformed, %d duplicates%n",
                        source,
                        count,
                        company.malformed().get(source),
                        company.duplicates().get(source)));
    }
}
