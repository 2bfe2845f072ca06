package dev.rapport.cli;

import picocli.CommandLine.Option;

/**
 * Who a privacy command is about: {@code --email} or {@code --customer}, exactly one (used as an
 * {@code @ArgGroup(multiplicity = "1")}).
 */
final class PersonOption {

    @Option(
            names = "--email",
            paramLabel = "ADDRESS",
            description = "The person's email address (matched by its match key: case, gmail dots and +tags).")
    String email;

    @Option(names = "--customer", paramLabel = "ID", description = "A resolved customer id (c-...).")
    String customer;
}
