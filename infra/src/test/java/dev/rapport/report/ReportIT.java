package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.RapportCommand;
import dev.rapport.demo.Demo;
import dev.rapport.runtime.Console;
import dev.rapport.sql.SqlRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport report} on a small generated company after the whole pipeline, opened in a real
 * headless Chromium: the page's script runs without error and the figures a user reads are there.
 * The screenshot stays in target/ as test output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIT {

    private static final int PERSONS = 400;
    private static final Path OUT = Path.of("target", "report-it");

    private Demo.Result demo;
    private Path report;
    private String summary;
    private String dom;
    private Path screenshot;

    @BeforeAll
    void runPipelineReportAndBrowser(@TempDir Path workdir) throws Exception {
        Console quiet = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        demo = new Demo(workdir, PERSONS, 11, 2, quiet).run();
        Files.createDirectories(OUT);
        report = OUT.resolve("report.html").toAbsolutePath();
        screenshot = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = RapportCommand.execute(
                    "report", "--config", demo.configFile().toString(), "--out", report.toString());
        } finally {
            System.setOut(original);
        }
        summary = captured.toString(StandardCharsets.UTF_8);
        System.out.print(summary);
        assertThat(exit).as(summary).isZero();

        Path profile = workdir.resolve("chromium-profile");
        dom = chromium(profile, "--dump-dom", report.toUri().toString());
        chromium(
                profile,
                "--screenshot=" + screenshot,
                "--window-size=1280,4000",
                report.toUri().toString());
    }

    @Test
    void thePageScriptRanInTheBrowserWithoutAnyError() {
        assertThat(rootAttribute("data-script-errors")).as("script errors").isNull();
        assertThat(rootAttribute("data-script-ran")).isEqualTo("yes");
        assertThat(Integer.parseInt(rootAttribute("data-charts"))).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everySectionIsRendered() {
        for (String id : ReportPage.SECTIONS.keySet()) {
            assertThat(dom).as("section %s", id).contains("<section id=\"" + id + "\"");
        }
        assertThat(section("nps")).contains("class=\"band\"").contains("class=\"line\"");
        assertThat(section("satisfaction")).contains("<svg");
        assertThat(section("sla")).contains("<svg");
        assertThat(section("email")).contains("class=\"chart funnel\"");
        assertThat(section("topics")).contains("<svg");
        assertThat(section("identity")).contains("Customers by number of records");
    }

    @Test
    void theOverallNpsIsTheOneSqlComputesFromTheCounts() throws Exception {
        List<String> row = query("SELECT 100.0 * (SUM(promoters) - SUM(detractors)) / SUM(responses), SUM(responses)"
                        + " FROM metrics.nps_daily")
                .get(0);
        double nps = Double.parseDouble(row.get(0));
        String expected = (nps > 0.05 ? "+" : "") + String.format(Locale.ROOT, "%.1f", nps);

        assertThat(kpi("kpi-nps")).isEqualTo(expected);
        assertThat(dom).contains(String.format(Locale.ROOT, "%,d answers", Long.parseLong(row.get(1))));
    }

    @Test
    void theCustomerCountIsTheProfileTable() throws Exception {
        long customers = Long.parseLong(
                query("SELECT COUNT(*) FROM `identity`.customer_profile").get(0).get(0));

        assertThat(customers).isEqualTo(demo.identity().customers());
        assertThat(kpi("kpi-customers")).isEqualTo(String.format(Locale.ROOT, "%,d", customers));
        assertThat(kpi("identity-largest"))
                .isEqualTo(String.valueOf(demo.identity().largestCluster()));
    }

    @Test
    void funnelAndRiskShowTheirTableOrSayItIsNotComputedYet() throws Exception {
        assertSectionOf("funnel", ReportReader.STAGE_TRANSITIONS);
        assertSectionOf("at-risk", ReportReader.CUSTOMER_HEALTH);
    }

    private void assertSectionOf(String id, String table) throws Exception {
        String namespace = table.substring(0, table.indexOf('.'));
        boolean exists = query("SHOW TABLES FROM " + namespace).stream().anyMatch(r -> table.endsWith("." + r.get(0)));
        boolean hasRows = exists
                && Long.parseLong(query("SELECT COUNT(*) FROM " + table).get(0).get(0)) > 0;
        if (hasRows) {
            assertThat(section(id)).contains("<svg").doesNotContain(ReportPage.NOT_COMPUTED);
        } else {
            assertThat(section(id)).contains(ReportPage.NOT_COMPUTED);
        }
    }

    @Test
    void theScreenshotWasTaken() throws IOException {
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void theCommandShowsProgressAndASummary() {
        assertThat(summary)
                .containsPattern("reading .*metrics\\.nps_daily")
                .contains("Report written to " + report)
                .contains("customers "
                        + String.format(Locale.ROOT, "%,d", demo.identity().customers()));
    }

    private List<List<String>> query(String sql) throws Exception {
        return new SqlRunner(demo.config().catalog(), 2).query(sql).rows();
    }

    private String rootAttribute(String name) {
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        assertThat(root.find()).as("an <html> element in the DOM").isTrue();
        Matcher attribute = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(root.group());
        return attribute.find() ? attribute.group(1) : null;
    }

    private String kpi(String id) {
        Matcher value = Pattern.compile(
                        "id=\"" + id + "\"><div class=\"kpi-name\">[^<]*</div><div class=\"kpi-value\">([^<]*)<")
                .matcher(dom);
        assertThat(value.find()).as("kpi %s in the DOM", id).isTrue();
        return value.group(1);
    }

    private String section(String id) {
        int start = dom.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    private static String chromium(Path profile, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(profile.getParent(), "chromium", ".log");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "chromium failed (exit " + process.exitValue() + "): " + command + "\n" + Files.readString(errors));
        }
        return output;
    }
}
