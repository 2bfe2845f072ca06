package dev.rapport.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RapportCommand.class.getPackage().getImplementationVersion();
        return new String[] {"rapport " + (version == null ? "development build" : version)};
    }
}
