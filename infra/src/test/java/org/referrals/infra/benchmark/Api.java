package org.referrals.infra.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls to the application under test, as a client on another machine would make them. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Answer(int status, String body) {
        public String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)\"?").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return m.group(1);
        }
    }

    public Answer post(String path, String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", key)
                               .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", key).GET());
    }

    /**
     * A GET that must answer 200; answers the size of its body in bytes. The measured queries use it: the body is
     * taken as bytes, not decoded, because this client shares the application's cores and a client on another
     * machine would not.
     */
    public long fetch(String path, String key) {
        return fetch(path, key, true);
    }

    /** {@link #fetch(String, String)}, asking for gzip (as a browser does: the network map is then sent gzipped) or not. */
    public long fetch(String path, String key, boolean acceptGzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-API-Key", key).GET();
        if (acceptGzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    /** A POST that must succeed (the workload's own commands). */
    public Answer ok(String path, String key, String json) {
        Answer answer = post(path, key, json);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /**
     * Until every projection is caught up (answers true), or the bound passes (false); fails when their status stops
     * changing for 3 minutes (a stalled processor).
     */
    public boolean awaitProjectionsIdle(String adminKey, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Thread.sleep(500);
        String last = "";
        long lastChange = System.nanoTime();
        while (true) {
            Api.Answer answer = get("/api/admin/projections", adminKey);
            if (answer.status() != 200) {
                // an error page has no "lag" in it: without this check it read as "caught up"
                throw new AssertionError("the projections' status answered " + answer.status() + ": " + answer.body());
            }
            String status = answer.body();
            if (!status.contains("\"rebuilding\":true") && !status.matches("(?s).*\"lag\":[1-9].*")) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (!status.equals(last)) {
                last = status;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 180_000_000_000L) {
                throw new AssertionError("projections stalled: " + status);
            }
            Thread.sleep(100);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
