package dev.rapport.evaluate;

import java.util.List;
import java.util.Locale;

/**
 * Evaluations as a fixed-width table for the console (and a Markdown one for BENCHMARKS.md); the
 * console's {@code refused} column counts the links the clustering refused for joining conflicting
 * birth dates or national ids.
 */
public final class EvaluationTable {

    private EvaluationTable() {}

    public static String text(List<Evaluation> evaluations) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%-10s %8s %9s %9s %7s %7s %8s %8s %8s %9s %17s %8s %8s %13s %13s %7s%n",
                "dataset",
                "records",
                "truepairs",
                "precision",
                "recall",
                "F1",
                "B3-prec",
                "B3-rec",
                "B3-F1",
                "compared",
                "customers/truth",
                "largest",
                "refused",
                "households",
                "mailboxes",
                "time"));
        for (Evaluation evaluation : evaluations) {
            ClusterScores s = evaluation.scores();
            text.append(String.format(
                    Locale.ROOT,
                    "%-10s %8d %9d %9.4f %7.4f %7.4f %8.4f %8.4f %8.4f %9d %17s %8d %8d %13s %13s %6.1fs%n",
                    evaluation.dataset(),
                    s.records(),
                    s.truePairs(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.bcubedPrecision(),
                    s.bcubedRecall(),
                    s.bcubedF1(),
                    evaluation.identity().candidatePairs(),
                    s.customers() + "/" + s.entities(),
                    s.largestCluster(),
                    evaluation.identity().refusedLinks(),
                    merges(evaluation.households()),
                    merges(evaluation.sharedMailboxes()),
                    evaluation.time().toMillis() / 1000.0));
        }
        return text.toString();
    }

    public static String markdown(List<Evaluation> evaluations) {
        StringBuilder text = new StringBuilder(
                "| data set | records | true pairs | precision | recall | F1 | B-cubed F1 | customers / truth | largest cluster | households merged | shared mailboxes merged |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Evaluation evaluation : evaluations) {
            ClusterScores s = evaluation.scores();
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %d / %d | %d | %s | %s |%n",
                    evaluation.dataset(),
                    s.records(),
                    s.truePairs(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.bcubedF1(),
                    s.customers(),
                    s.entities(),
                    s.largestCluster(),
                    merges(evaluation.households()),
                    merges(evaluation.sharedMailboxes())));
        }
        return text.toString();
    }

    /** "merged/pairs (rate)", or "-" where no two people share one. */
    private static String merges(SharedContactMerges merges) {
        if (merges.pairs() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%d/%d %.1f%%", merges.merged(), merges.pairs(), 100 * merges.rate());
    }
}
