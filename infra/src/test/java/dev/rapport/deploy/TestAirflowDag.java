package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.cli.RapportCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code infra/airflow/rapport_dag.py} without Airflow (not installable here): python3 compiles it
 * and reads its structure with the ast module ({@code src/test/python/check_dag.py}); the stages it
 * runs are checked against the real command line.
 */
class TestAirflowDag {

    private static final Path DAG = Path.of("airflow/rapport_dag.py");
    private static final Path CHECKER = Path.of("src/test/python/check_dag.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode dag;

    @BeforeAll
    static void check() throws Exception {
        Command checked = check(DAG);
        assertThat(checked.exitCode()).as(checked.errors()).isZero();
        dag = JSON.readTree(checked.output());
    }

    private static Command check(Path file) throws IOException, InterruptedException {
        return Command.run(
                Path.of("."),
                60,
                List.of("python3", CHECKER.toString(), file.toAbsolutePath().toString()));
    }

    @Test
    void theStagesRunInOrder() {
        List<String> edges = new ArrayList<>();
        dag.path("edges")
                .forEach(e -> edges.add(e.get(0).asText() + ">>" + e.get(1).asText()));
        assertThat(edges).containsExactly("ingest>>resolve", "resolve>>metrics", "metrics>>feed");
    }

    @Test
    void eachTaskRunsTheStageOfItsName() {
        List<String> taskIds = new ArrayList<>();
        dag.path("operators").forEach(operator -> {
            String taskId = operator.path("task_id").asText();
            taskIds.add(taskId);
            assertThat(operator.path("op_args").get(0).asText()).as(taskId).isEqualTo(taskId);
            assertThat(operator.path("python_callable").asText()).endsWith("run_stage");
        });
        assertThat(taskIds).containsExactly("ingest", "resolve", "metrics", "feed");
    }

    @Test
    void theStagesAreRealSubcommandsThatTakeAConfigFile() {
        CommandLine cli = new CommandLine(new RapportCommand());
        dag.path("operators").forEach(operator -> {
            String stage = operator.path("op_args").get(0).asText();
            assertThat(cli.getSubcommands()).containsKey(stage);
            assertThat(cli.getSubcommands().get(stage).getCommandSpec().findOption("--config"))
                    .as(stage + " --config")
                    .isNotNull();
        });
    }

    @Test
    void tasksRetryWithADelayAndATimeoutAndRunsAreBounded() {
        JsonNode defaults = dag.path("default_args");
        assertThat(defaults.path("retries").asInt()).isBetween(1, 10);
        assertThat(defaults.path("retry_delay").asText()).contains("timedelta(");
        assertThat(defaults.path("execution_timeout").asText()).contains("timedelta(");
        JsonNode settings = dag.path("dag");
        assertThat(settings.path("dag_id").asText()).isEqualTo("rapport_daily");
        assertThat(settings.path("dagrun_timeout").asText()).contains("timedelta(");
        assertThat(settings.path("catchup").asBoolean(true)).isFalse();
        assertThat(settings.path("max_active_runs").asInt()).isEqualTo(1);
        assertThat(settings.path("default_args").asText()).endsWith("DEFAULT_ARGS");
    }

    @Test
    void aConfigurationErrorFailsWithoutRetryingAndAJobFailureIsRetried(@TempDir Path dir) {
        assertThat(dag.path("exit_codes").path("0").asText()).isEqualTo("success");
        assertThat(dag.path("exit_codes").path("1").asText()).isEqualTo("retry");
        assertThat(dag.path("exit_codes").path("2").asText()).isEqualTo("fail");

        // The real command line exits with 2 on a configuration error, the code the DAG does not retry.
        int exit = RapportCommand.execute(
                "ingest", "--config", dir.resolve("missing.yaml").toString());
        assertThat(exit).isEqualTo(2);
    }

    @Test
    void aDagThatDoesNotCompileIsReported(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken_dag.py");
        Files.writeString(broken, "from airflow import DAG\nwith DAG(dag_id='x') as dag\n    pass\n");

        Command checked = check(broken);

        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.errors()).contains("SyntaxError");
    }

    @Test
    void maintenanceRunsHourlyOneAtATimeThroughTheSameStageRunner() throws Exception {
        Command checked = check(Path.of("airflow/rapport_maintenance_dag.py"));
        assertThat(checked.exitCode()).as(checked.errors()).isZero();
        JsonNode maintenance = JSON.readTree(checked.output());

        JsonNode operator = maintenance.path("operators").path("maintain");
        assertThat(operator.path("task_id").asText()).isEqualTo("maintain");
        assertThat(operator.path("op_args").get(0).asText()).isEqualTo("maintain");
        assertThat(operator.path("python_callable").asText()).endsWith("run_stage");
        assertThat(new CommandLine(new RapportCommand())
                        .getSubcommands()
                        .get("maintain")
                        .getCommandSpec()
                        .findOption("--config"))
                .isNotNull();
        JsonNode settings = maintenance.path("dag");
        assertThat(settings.path("dag_id").asText()).isEqualTo("rapport_maintenance");
        assertThat(settings.path("schedule").asText()).isEqualTo("15 * * * *");
        assertThat(settings.path("max_active_runs").asInt()).isEqualTo(1);
        assertThat(settings.path("catchup").asBoolean(true)).isFalse();
    }
}
