package dev.rapport.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone Flink session cluster of {@code infra/local-cluster}, driven through its own
 * scripts: a JobManager and TaskManagers as separate JVMs, on free ports, in a folder of the test,
 * with checkpoints and savepoints on the local S3 API (s3proxy) the scripts start beside them.
 */
public final class LocalCluster implements AutoCloseable {

    private final Path scripts;
    private final Map<String, String> environment;
    private final Path runDir;
    private final int restPort;

    private LocalCluster(Path scripts, Path runDir, int restPort, int rpcPort) {
        this.scripts = scripts;
        this.runDir = runDir;
        this.restPort = restPort;
        this.environment = new HashMap<>();
        environment.put("RAPPORT_CLUSTER_DIR", runDir.toString());
        environment.put("RAPPORT_CLUSTER_REST_PORT", Integer.toString(restPort));
        environment.put("RAPPORT_CLUSTER_RPC_PORT", Integer.toString(rpcPort));
    }

    /** Starts a JobManager and {@code taskManagers} TaskManagers. */
    public static LocalCluster start(Path runDir, int taskManagers) throws Exception {
        Path scripts = projectRoot().resolve("infra/local-cluster");
        LocalCluster cluster =
                new LocalCluster(scripts, runDir, ExternalProcess.freePort(), ExternalProcess.freePort());
        cluster.environment.put("RAPPORT_CLUSTER_TASKMANAGERS", Integer.toString(taskManagers));
        cluster.environment.put("RAPPORT_CLUSTER_S3_PORT", Integer.toString(ExternalProcess.freePort()));
        cluster.script("start-cluster.sh");
        return cluster;
    }

    public String restAddress() {
        return "localhost:" + restPort;
    }

    /** Starts one more TaskManager; returns its process id. */
    public long addTaskManager() throws Exception {
        String output = script("add-taskmanager.sh").strip();
        return Long.parseLong(output.substring(output.lastIndexOf('\n') + 1).strip());
    }

    /** Process ids of the TaskManagers started so far that are still alive. */
    public List<Long> liveTaskManagers() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(runDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("taskmanager-\\d+\\.pid"))
                    .toList()) {
                long pid = Long.parseLong(Files.readString(file).strip());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    /** Kills a TaskManager the hard way (SIGKILL), as a lost machine would. */
    public void killTaskManager(long pid) throws Exception {
        ExternalProcess.run(List.of("kill", "-9", Long.toString(pid)), null);
    }

    /** Where the cluster's local S3 API keeps the objects of the state bucket (checkpoints, savepoints). */
    public Path stateBucket() {
        return runDir.resolve("s3/flink-state");
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    private String script(String name) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", scripts.resolve(name).toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(name + " failed:\n" + output);
        }
        return output;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/local-cluster"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (a folder with infra/local-cluster)");
        }
        return dir;
    }

    @Override
    public void close() throws Exception {
        script("stop-cluster.sh");
    }
}
