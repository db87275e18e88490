package eu.partnershiptracker.streams;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * The rocksdb.config.setter of the tracker: one memory budget for all RocksDB stores of the process instead of the
 * Kafka Streams default of a 50 MB block cache and 3 x 16 MB memtables per store (per task), which has no bound. Block
 * cache, index and filter blocks and memtables are all charged to one LRU cache, whose size is the property
 * {@value #MEMORY_BYTES_CONFIG} (default 64 MiB), half of it for memtables. Blocks are compressed with LZ4, which costs
 * little CPU and shrinks what compaction rewrites and the disk holds.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Our Kafka Streams property: the bytes all RocksDB stores of the process share (block cache and memtables). */
    public static final String MEMORY_BYTES_CONFIG = "tracker.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;
    /** Below this, memtables would be flushed every few hundred records: more likely a slip than a choice. */
    static final long MIN_MEMORY_BYTES = 4L * 1024 * 1024;

    /** Index and filter blocks go to the high-priority pool, so data blocks do not push them out. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    /**
     * The shared objects, one per budget: the stores of every task, thread and Kafka Streams instance of the process
     * use them, so they live as long as the process and no store's close() may free them.
     */
    private static final ConcurrentMap<Long, SharedMemory> BUDGETS = new ConcurrentHashMap<>();

    @Override
    public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
        final SharedMemory memory = budget(memoryBytes(configs));
        // Modify the table config Kafka Streams made rather than a new one, so as to keep its other defaults.
        final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(final String storeName, final Options options) {
        // Nothing is made per store; the cache and write buffer manager are shared (see BUDGETS).
    }

    /**
     * The budget configured by {@value #MEMORY_BYTES_CONFIG} in these Kafka Streams properties, the default when
     * absent.
     *
     * @throws ConfigException naming the property when it is not a whole number of bytes of at least 4 MiB
     */
    static long memoryBytes(final Map<?, ?> configs) {
        final Object value = Objects.requireNonNull(configs, "configs").get(MEMORY_BYTES_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        final long bytes;
        try {
            bytes = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        } catch (final NumberFormatException e) {
            throw new ConfigException(MEMORY_BYTES_CONFIG, value, "must be a whole number of bytes, e.g. "
                    + DEFAULT_MEMORY_BYTES);
        }
        if (bytes < MIN_MEMORY_BYTES) {
            throw new ConfigException(MEMORY_BYTES_CONFIG, value, "must be at least " + MIN_MEMORY_BYTES + " bytes");
        }
        return bytes;
    }

    /** The shared objects of a budget, made on first use. */
    static SharedMemory budget(final long bytes) {
        return BUDGETS.computeIfAbsent(bytes, SharedMemory::of);
    }

    /** One budget's cache and the write buffer manager that charges memtables to it. */
    record SharedMemory(Cache cache, WriteBufferManager writeBuffers) {

        static SharedMemory of(final long bytes) {
            final Cache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
            return new SharedMemory(cache, new WriteBufferManager(bytes / 2, cache));
        }
    }
}
