package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @TempDir
    Path stateDir;

    @Test
    void everyStoreGetsTheSharedCacheAndWriteBufferManagerAndLz4() {
        final Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 20L * 1024 * 1024);
        final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = new Options(); Options second = new Options()) {
            // As Kafka Streams hands them over: with a block-based table config of its own.
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("store-0_0", first, configs);
            setter.setConfig("store-0_1", second, configs);

            final BoundedRocksDbMemory.SharedMemory budget = BoundedRocksDbMemory.budget(20L * 1024 * 1024);
            for (final Options options : new Options[] {first, second}) {
                assertThat(options.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
                assertThat(options.writeBufferManager()).isSameAs(budget.writeBuffers());
                final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            }
            assertThat(BoundedRocksDbMemory.budget(24L * 1024 * 1024)).isNotSameAs(budget);

            setter.close("store-0_0", first);
            assertThat(budget.cache().isOwningHandle()).isTrue();
            assertThat(budget.writeBuffers().isOwningHandle()).isTrue();
        }
    }

    @Test
    void withoutTheSettingTheBudgetIsTheDefault() {
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of())).isEqualTo(BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES);
        assertThat(BoundedRocksDbMemory.memoryBytes(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, " 8388608 ")))
                .isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void theTopologysStoreIsOpenedWithinTheConfiguredBudget() {
        // A budget no other test uses, so that what is charged to it comes from this topology's store.
        final long bytes = 36L * 1024 * 1024 + 4096;
        final TrackerConfig config = TrackerConfig.of("unused:9092", TopologyFixture.REGISTRY)
                .withApplicationId("bounded-rocksdb-test")
                .withStreamsOverrides(Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                        BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, Long.toString(bytes)));

        try (TopologyTestDriver driver = new TopologyTestDriver(
                PartnershipTopology.buildTopology(config.topics(), config.serdeConfig()), config.streamsProperties())) {
            driver.getKeyValueStore(PartnershipTopology.TIMELINE_STORE).flush();

            // The write buffer manager charges the open store's memtable to the shared cache.
            assertThat(BoundedRocksDbMemory.budget(bytes).cache().getUsage()).isPositive();
        }
    }
}
