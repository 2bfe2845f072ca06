package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.explain.CustomerExplainer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explains in plain words why records are one customer: which records, which details they share,",
            "and how the customer id changed over runs (identity.match_evidence, identity_map, identity_history)."
        })
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--customer", paramLabel = "ID", description = "A customer id (c-...).")
        String customer;

        @Option(names = "--record", paramLabel = "SOURCE:ID", description = "A source record, e.g. crm:1042.")
        String record;
    }

    @Override
    public Integer call() {
        RapportConfig loaded = config.load();
        CustomerExplainer explainer = new CustomerExplainer(loaded.catalog());
        String customerId = target.customer;
        if (target.record != null) {
            int colon = target.record.indexOf(':');
            if (colon <= 0 || colon == target.record.length() - 1) {
                System.err.println("--record: '" + target.record + "' is not SOURCE:ID, e.g. crm:1042");
                return ExitCodes.CONFIG;
            }
            Optional<String> found =
                    explainer.customerOf(target.record.substring(0, colon), target.record.substring(colon + 1));
            if (found.isEmpty()) {
                System.err.println("No resolved record " + target.record + " in identity.identity_map");
                return ExitCodes.FAILED;
            }
            customerId = found.get();
        }
        Optional<String> explanation = explainer.explain(customerId);
        if (explanation.isEmpty()) {
            System.err.println("No customer " + customerId + " in identity.identity_map");
            return ExitCodes.FAILED;
        }
        System.out.print(explanation.get());
        return ExitCodes.OK;
    }
}
