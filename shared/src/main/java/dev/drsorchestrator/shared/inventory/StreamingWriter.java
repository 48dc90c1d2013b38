package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer side of the parallel pipeline: finished regions are cut into chunks on a bounded queue (producers block
 * when it is full, which bounds memory) and written by a few threads while other regions are still being read; a
 * writer whose chunk does not fill its last BatchWriteItem call tops it up to exactly 25 from the chunks waiting
 * (splitting one if needed), so small regions and regions' remainders share calls instead of costing one each. When
 * the last chunk of a region is written, that region's stale items are removed: the ids stored before the sync (read
 * while DRS was queried) minus the ids DRS returned, or, when those ids are unknown, by querying the region.
 *
 * <pre>{@code
 * StreamingWriter writer = StreamingWriter.start(inventoryWriter, 4, 64);
 * writer.submit(success);            // from any thread, as each region completes
 * StreamingWriter.Totals totals = writer.finish();
 * }</pre>
 */
public final class StreamingWriter {
    /** Servers per queued chunk: ten BatchWriteItem calls. */
    static final int CHUNK = 250;
    /** Items per BatchWriteItem call: chunks of small regions are written together up to this many. */
    static final int BATCH = 25;
    /**
     * How long a writer holding a partial call waits for the next finished region before writing what it has: regions
     * finish in waves, so a few milliseconds turn one call per small region into full calls; the end of the sync
     * ({@link #finish()}) wakes it at once.
     */
    static final long LINGER_MILLIS = 20;

    private final InventoryWriter writer;
    private final BlockingQueue<Job> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger success = new AtomicInteger();
    private final AtomicInteger failure = new AtomicInteger();
    private final AtomicInteger staleRemoved = new AtomicInteger();

    /**
     * What the writer did.
     *
     * @param counts       servers written and failed
     * @param staleRemoved items removed from regions whose query succeeded
     */
    public record Totals(WriteCounts counts, int staleRemoved) {
    }

    private record Job(List<InventoryServer> servers, Region region) {
    }

    private static final class Region {
        private final String accountRegion;
        private final Set<String> keepIds;
        private final Set<String> staleIds;
        private final AtomicInteger remaining;

        Region(String accountRegion, Set<String> keepIds, Set<String> staleIds, int chunks) {
            this.accountRegion = accountRegion;
            this.keepIds = keepIds;
            this.staleIds = staleIds;
            this.remaining = new AtomicInteger(chunks);
        }
    }

    private static final Job END = new Job(List.of(), null);

    private StreamingWriter(InventoryWriter writer, int capacity) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Starts {@code threads} writer threads over a queue of {@code capacity} chunks. */
    public static StreamingWriter start(InventoryWriter writer, int threads, int capacity) {
        StreamingWriter out = new StreamingWriter(writer, capacity);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(out::drain, "inventory-writer-" + i);
            thread.setDaemon(true);
            out.threads.add(thread);
            thread.start();
        }
        return out;
    }

    /** Queues a successful region: its servers are written, then its stale items removed. Blocks while full. */
    public void submit(RegionResult.Success region) throws InterruptedException {
        submit(region, Optional.empty());
    }

    /**
     * As {@link #submit(RegionResult.Success)}, with the ids the table held for this region before the sync, so the
     * stale ones are deleted without another read. Blocks while full.
     */
    public void submit(RegionResult.Success region, Optional<Set<String>> storedIds) throws InterruptedException {
        List<InventoryServer> servers = region.servers();
        Set<String> keep = new HashSet<>();
        servers.forEach(s -> keep.add(s.sourceServerId()));
        Set<String> stale = storedIds.map(stored -> {
            Set<String> out = new HashSet<>(stored);
            out.removeAll(keep);
            return out;
        }).orElse(null);
        int chunks = Math.max(1, (servers.size() + CHUNK - 1) / CHUNK);
        Region tracker = new Region(
                InventoryServer.accountRegion(region.accountId(), region.region()),
                stale == null ? keep : Set.of(), stale, chunks);
        if (servers.isEmpty()) {
            queue.put(new Job(List.of(), tracker));
            return;
        }
        for (int start = 0; start < servers.size(); start += CHUNK) {
            queue.put(new Job(servers.subList(start, Math.min(servers.size(), start + CHUNK)), tracker));
        }
    }

    /** Waits for every queued chunk to be written and stops the threads. */
    public Totals finish() throws InterruptedException {
        for (int i = 0; i < threads.size(); i++) {
            queue.put(END);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Totals(new WriteCounts(success.get(), failure.get()), staleRemoved.get());
    }

    /** Stops the threads without waiting for queued work (the sync is being abandoned). */
    public void abort() {
        threads.forEach(Thread::interrupt);
    }

    private void drain() {
        try {
            Job carried = null;
            boolean last = false;
            while (!last) {
                Job job = carried != null ? carried : queue.take();
                carried = null;
                if (job == END) {
                    return;
                }
                List<Job> jobs = new ArrayList<>();
                jobs.add(job);
                int size = job.servers().size();
                while (size % BATCH != 0) {
                    Job next = queue.poll(LINGER_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    if (next == END) {
                        last = true;
                        break;
                    }
                    int room = BATCH - size % BATCH;
                    if (next.servers().size() <= room) {
                        jobs.add(next);
                        size += next.servers().size();
                    } else {
                        // fill the last call to exactly 25; the rest of that chunk is this thread's next job
                        next.region().remaining.incrementAndGet();
                        jobs.add(new Job(next.servers().subList(0, room), next.region()));
                        carried = new Job(next.servers().subList(room, next.servers().size()), next.region());
                        size += room;
                    }
                }
                write(jobs, size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the jobs' servers in one go (small regions share calls), then removes finished regions' stale items. */
    private void write(List<Job> jobs, int size) {
        List<InventoryServer> servers = jobs.size() == 1 ? jobs.get(0).servers() : new ArrayList<>(size);
        if (jobs.size() > 1) {
            jobs.forEach(j -> servers.addAll(j.servers()));
        }
        WriteCounts counts = writer.write(servers);
        success.addAndGet(counts.successCount());
        failure.addAndGet(counts.failureCount());
        for (Job done : jobs) {
            Region region = done.region();
            if (region.remaining.decrementAndGet() == 0) {
                staleRemoved.addAndGet(region.staleIds != null
                        ? writer.removeKnownStale(region.accountRegion, region.staleIds)
                        : writer.removeStale(region.accountRegion, region.keepIds));
            }
        }
    }
}
