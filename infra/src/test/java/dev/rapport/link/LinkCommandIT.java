package dev.rapport.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.RapportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rapport link} on two small CSVs, then {@code rapport explain} on the warehouse it kept. */
class LinkCommandIT {

    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void linksCsvFilesIntoCustomersAndExplainsThem() throws Exception {
        Path crm = write(
                "crm.csv",
                "source,source_id,first_name,last_name,email,phone,notes\n"
                        + "crm,1,Ana,Petrović,ana.petrovic@example.com,+381641111111,vip\n"
                        + "crm,2,Milan,Jovanović,milan@jovanovic.example,,\n"
                        + "crm,3,Zoran,Ilić,zoran@ilic.example,+381651234567,\"a, b\"\n");
        Path shop = write(
                "shop.csv",
                "source_id,source,full_name,email,phone\n"
                        + "7,shop,Ana Petrović,ana.p@example.org,+381641111111\n"
                        + "8,shop,Milan Jovanović,milan@jovanovic.example,\n"
                        + "9,web,Jelena Marković,jelena@markovic.example,\n");
        Path clusters = dir.resolve("clusters.csv");
        Path workdir = dir.resolve("work");

        int exit = run(
                "link",
                "--input",
                crm.toString(),
                "--input",
                shop.toString(),
                "--out",
                clusters.toString(),
                "--parallelism",
                "2",
                "--workdir",
                workdir.toString());

        assertThat(exit).as(err).isZero();
        assertThat(out).contains("Records:         6", "Customers:       4", "Largest cluster: 2 records");
        List<String> lines = Files.readAllLines(clusters, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("source,source_id,customer_id");
        Map<String, String> customerOf = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            customerOf.put(fields[0] + ":" + fields[1], fields[2]);
        }
        assertThat(customerOf).hasSize(6);
        assertThat(customerOf.get("crm:1")).isEqualTo(customerOf.get("shop:7"));
        assertThat(customerOf.get("crm:2")).isEqualTo(customerOf.get("shop:8"));
        assertThat(customerOf.get("crm:1")).isNotEqualTo(customerOf.get("crm:2"));
        assertThat(customerOf.get("crm:3")).isNotIn(customerOf.get("crm:1"), customerOf.get("crm:2"));
        assertThat(customerOf.get("web:9")).isNotIn(customerOf.get("crm:1"), customerOf.get("crm:3"));

        String config = workdir.resolve("rapport.yaml").toString();
        assertThat(run("explain", "--config", config, "--record", "shop:7"))
                .as(err)
                .isZero();
        assertThat(out)
                .contains("Customer " + customerOf.get("crm:1") + ": 2 records from crm, shop")
                // the shop file has a full name only: no name parts for the guard to compare
                .contains("crm:1 and shop:7 have the same phone number (+381641111111), and one of them has no"
                        + " name to check.")
                .contains("new:");

        assertThat(run("explain", "--config", config, "--customer", customerOf.get("crm:2")))
                .as(err)
                .isZero();
        assertThat(out).contains("have the same email address").contains("crm:2", "shop:8");

        assertThat(run("explain", "--config", config, "--customer", customerOf.get("web:9")))
                .isZero();
        assertThat(out).contains("Only one record");
    }

    @Test
    void aHeaderWithoutSourceIdIsAnErrorNamingTheFile() throws Exception {
        Path bad = write("people.csv", "source,id,email\ncrm,1,a@example.com\n");

        int exit = run(
                "link",
                "--input",
                bad.toString(),
                "--out",
                dir.resolve("out.csv").toString());

        assertThat(exit).isNotZero();
        assertThat(err).contains("people.csv", "source_id");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            return RapportCommand.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            out = stdout.toString(StandardCharsets.UTF_8);
            err = stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
