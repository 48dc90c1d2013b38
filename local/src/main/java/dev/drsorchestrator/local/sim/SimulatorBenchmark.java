package dev.drsorchestrator.local.sim;

import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput benchmark ({@code scripts/bench-simulator.sh}): starts a simulator on a generated fleet, drives it with
 * N concurrent keep-alive HTTP clients over loopback for a fixed number of requests (DescribeSourceServers pages,
 * DescribeInstances, AssumeRole), and prints one JSON line with requests/s and latency percentiles.
 * Options: {@code --clients 16 --requests 20000 --warmup 3000 --page-size 50}.
 */
public final class SimulatorBenchmark {
    private static final String SCOPE = "/20260105/us-east-1/";

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = 16;
        int requests = 20000;
        int warmup = 3000;
        int pageSize = 50;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--page-size" -> pageSize = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        GeneratorOptions fleet = new GeneratorOptions("bench", 11, 3, 4, 400, GeneratorOptions.Placement.SKEWED,
                null, null);
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults()
                .withScenario(ScenarioGenerator.generate(fleet)).withTimeFactor(0))) {
            run(simulator.endpoint(), clients, warmup, 1, pageSize);
            simulator.counters().reset();
            long started = System.nanoTime();
            long[] latencies = run(simulator.endpoint(), clients, requests, 2, pageSize);
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            System.out.println(String.format(Locale.ROOT, "{\"clients\":%d,\"pageSize\":%d,\"requests\":%d,\"seconds\":%.2f,"
                    + "\"requestsPerSecond\":%.0f,\"p50Millis\":%.2f,\"p99Millis\":%.2f,\"peakConcurrency\":%d,"
                    + "\"mix\":\"50%% DescribeSourceServers pages, 35%% DescribeInstances, 15%% AssumeRole\"}",
                    clients, pageSize, latencies.length, seconds, latencies.length / seconds, percentile(latencies, 0.50),
                    percentile(latencies, 0.99), simulator.counters().peakConcurrency()));
        }
    }

    private static long[] run(URI endpoint, int clients, int total, long seed, int pageSize)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger remaining = new AtomicInteger(total);
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[total];
            perThread.add(mine);
            SplittableRandom random = new SplittableRandom(seed * 1000 + c);
            int[] count = {0};
            Thread thread = new Thread(() -> {
                String token = null;
                while (remaining.getAndDecrement() > 0) {
                    double pick = random.nextDouble();
                    HttpRequest request;
                    if (pick < 0.5) {
                        String body = token == null ? "{\"maxResults\":" + pageSize + "}"
                                : "{\"maxResults\":" + pageSize + ",\"nextToken\":\"" + token + "\"}";
                        request = drs(endpoint, body);
                    } else if (pick < 0.85) {
                        request = query(endpoint, "ec2", "Action=DescribeInstances&Version=2016-11-15&MaxResults="
                                + Math.max(5, pageSize));
                    } else {
                        request = query(endpoint, "sts", "Action=AssumeRole&Version=2011-06-15&RoleArn="
                                + "arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FDRSOrchestrationRole&RoleSessionName=bench"
                                + "&ExternalId=drs-orchestrator-222222222222");
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (pick < 0.5) {
                            token = nextToken(response.body());
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    mine[count[0]++] = System.nanoTime() - t0;
                }
                perThread.set(perThread.indexOf(mine), Arrays.copyOf(mine, count[0]));
            }, "bench-client-" + c);
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " benchmark requests failed");
        }
        return perThread.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static String nextToken(String body) {
        int at = body.lastIndexOf("\"nextToken\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + "\"nextToken\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static HttpRequest drs(URI endpoint, String body) {
        return HttpRequest.newBuilder(endpoint.resolve("/DescribeSourceServers"))
                .header("Authorization", auth("drs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest query(URI endpoint, String service, String body) {
        return HttpRequest.newBuilder(endpoint.resolve("/")).header("Authorization", auth(service))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=222222222222" + SCOPE + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
