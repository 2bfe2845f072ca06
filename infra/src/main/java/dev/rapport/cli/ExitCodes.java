package dev.rapport.cli;

/** Exit codes of the command line, for schedulers. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int CONFIG = 2;

    private ExitCodes() {}
}
