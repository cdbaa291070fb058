package org.referrals.infra.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar started as in production: a process of its own, on a port of its own, in a work directory. */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The java of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static Path jar() {
        return Path.of(System.getProperty("referrals.jar", "target/referral-network.jar")).toAbsolutePath();
    }

    /** Starts {@code java [jvmOptions] -jar referral-network.jar --server.port=<free> [arguments]} in workDir. */
    public static AppProcess start(Path workDir, List<String> jvmOptions, String... arguments) throws IOException {
        return start(workDir, jar(), jvmOptions, arguments);
    }

    /**
     * {@link #start(Path, List, String...)} as README.md starts a server ({@link ServerLayout#shared()}): the reliability
     * harnesses and the benchmark start the application this way.
     */
    public static AppProcess startServer(Path workDir, List<String> jvmOptions, String... arguments)
            throws IOException, InterruptedException {
        ServerLayout server = ServerLayout.shared();
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.addAll(server.jvmOptions());
        return start(workDir, server.jar(), jvm, arguments);
    }

    /** {@link #start(Path, List, String...)} from that jar (an unpacked one, see {@code infra/bin/prepare-server.sh}). */
    public static AppProcess start(Path workDir, Path jar, List<String> jvmOptions, String... arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        Path log = workDir.resolve("app-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                                                            .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("REFERRALS_") || name.startsWith("AXON_"));
        return new AppProcess(builder.start(), port, log);
    }

    /** Waits until {@code /actuator/health} answers 200; answers its body. */
    public String awaitHealthy(Duration patience) throws IOException, InterruptedException {
        return await("/actuator/health", patience);
    }

    /** Waits until the application answers ({@code /actuator/health/liveness}), its read models maybe still rebuilding. */
    public String awaitLive(Duration patience) throws IOException, InterruptedException {
        return await("/actuator/health/liveness", patience);
    }

    private String await(String path, Duration patience) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no healthy answer on port " + port + " (process alive: " + process.isAlive() + ")");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** A line of /proc/<pid>/status in kibibytes (VmRSS now, VmHWM the peak), or -1 where there is no /proc. */
    public long memoryKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** jcmd GC.run, then the heap in use as GC.heap_info reports it. */
    public long heapAfterGcKib() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + out);
        }
        return Long.parseLong(used.group(1));
    }

    /** CPU time the process has used so far (user and system), in milliseconds, or -1 where there is no /proc. */
    public long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, as an operator's {@code kill} or a service manager stops it; the exit code, or -1 if still running. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL, as a power cut or the kernel's out-of-memory killer: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
