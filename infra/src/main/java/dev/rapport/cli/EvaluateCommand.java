package dev.rapport.cli;

import dev.rapport.evaluate.Evaluation;
import dev.rapport.evaluate.EvaluationDataset;
import dev.rapport.evaluate.EvaluationSettings;
import dev.rapport.evaluate.EvaluationTable;
import dev.rapport.evaluate.Evaluator;
import dev.rapport.runtime.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Scores identity resolution against known truth: Febrl 1 and 2, splink's fake_1000, Senzing's truth"
                    + " set and a generated company.",
            "Each runs through the real ingestion and identity jobs in a temporary catalog; no labels are used"
                    + " for fitting. Prints pairwise and B-cubed precision, recall and F1 per data set, and how many"
                    + " pairs of people sharing an address or a shared mailbox were merged."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Option(
            names = "--datasets",
            defaultValue = "../shared/datasets",
            description = "Folder of the public data sets (default: ${DEFAULT-VALUE}).")
    Path datasets;

    @Option(
            names = "--only",
            split = ",",
            description = "Data sets to run (febrl1, febrl2, fake_1000, senzing, generated); default all available.")
    List<String> only;

    @Option(
            names = "--persons",
            defaultValue = "2000",
            description = "Persons of the generated company (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--threshold", description = "Probabilistic match threshold to use instead of the default.")
    Double threshold;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--workdir", description = "Where the temporary catalogs go (default: a new temporary folder).")
    Path workdir;

    @Override
    public Integer call() throws Exception {
        Console console = Console.system();
        Path work = workdir != null ? workdir : Files.createTempDirectory("rapport-evaluate");
        Evaluator evaluator =
                new Evaluator(datasets, work, new EvaluationSettings(parallelism, threshold, persons), console);
        List<Evaluation> evaluations = new ArrayList<>();
        for (EvaluationDataset dataset : Evaluator.knownDatasets()) {
            if (only != null && !only.contains(dataset.name())) {
                continue;
            }
            if (!dataset.available(datasets)) {
                console.line("Skipping " + dataset.name() + ": its files are not under " + datasets.toAbsolutePath());
                continue;
            }
            console.line("Evaluating " + dataset.name());
            evaluations.add(evaluator.evaluate(dataset));
        }
        console.line("");
        console.line(EvaluationTable.text(evaluations).stripTrailing());
        return ExitCodes.OK;
    }
}
