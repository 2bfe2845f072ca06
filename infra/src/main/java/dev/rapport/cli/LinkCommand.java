package dev.rapport.cli;

import dev.rapport.link.CsvLinker;
import dev.rapport.runtime.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "link",
        mixinStandardHelpOptions = true,
        description = {
            "Links records of plain CSV files into customers, without a config: each file's header has source,",
            "source_id and any of " + "first_name, last_name, full_name, email, phone, street, address_line2, city,",
            "postcode, region, country, birth_date, national_id, company (other columns are ignored). Runs the",
            "ingestion and identity jobs in a temporary embedded warehouse and writes source,source_id,customer_id."
        })
final class LinkCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "An input CSV (repeatable).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where the clusters go.")
    Path out;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--workdir",
            description = "Keep the warehouse here (then 'rapport explain --config DIR/rapport.yaml' works on it);"
                    + " default: a temporary folder, deleted afterwards.")
    Path workdir;

    @Override
    public Integer call() throws Exception {
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                System.err.println(input + ": no such file");
                return ExitCodes.CONFIG;
            }
        }
        boolean temporary = workdir == null;
        Path dir = temporary ? Files.createTempDirectory("rapport-link") : Files.createDirectories(workdir);
        try {
            CsvLinker.Result result = new CsvLinker(dir, parallelism, Console.system())
                    .link(inputs.stream().map(Path::toAbsolutePath).toList(), out);
            System.out.println("Records:         " + result.identity().records());
            System.out.println("Comparisons:     " + result.identity().comparisons());
            System.out.println("Customers:       " + result.identity().customers());
            System.out.println("Largest cluster: " + result.identity().largestCluster() + " records");
            System.out.printf("Time:            %.1f s%n", result.elapsed().toMillis() / 1000.0);
            System.out.println("Wrote " + out);
            return ExitCodes.OK;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
