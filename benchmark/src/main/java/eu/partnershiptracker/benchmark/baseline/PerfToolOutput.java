package eu.partnershiptracker.benchmark.baseline;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's ProducerPerformance and ConsumerPerformance print (Kafka 4.3). */
public final class PerfToolOutput {

    /** The final line; the periodic progress lines have no percentiles. */
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("^(\\d+)[^,]* records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th");
    private static final String CONSUMER_HEADER = "start.time, end.time, data.consumed.in.MB";
    private static final Pattern CONSUMER_VALUES = Pattern.compile("^[^,]+, [^,]+, ([\\d.]+), ([\\d.]+), (\\d+), "
            + "([\\d.]+), (\\d+), (\\d+), ([\\d.]+), ([\\d.]+)\\s*$");

    private PerfToolOutput() {
    }

    public static ProducerFigures producer(final List<String> lines, final int recordBytes) {
        Objects.requireNonNull(lines, "lines");
        Matcher last = null;
        for (final String line : lines) {
            final Matcher matcher = PRODUCER_SUMMARY.matcher(line);
            if (matcher.find()) {
                last = matcher;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no ProducerPerformance summary line in:\n" + String.join("\n", lines));
        }
        return new ProducerFigures(Long.parseLong(last.group(1)), recordBytes, Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)), Double.parseDouble(last.group(4)), Double.parseDouble(last.group(5)),
                Long.parseLong(last.group(6)), Long.parseLong(last.group(8)));
    }

    public static ConsumerFigures consumer(final List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        boolean afterHeader = false;
        for (final String line : lines) {
            if (line.startsWith(CONSUMER_HEADER)) {
                afterHeader = true;
                continue;
            }
            final Matcher values = CONSUMER_VALUES.matcher(line);
            if (afterHeader && values.find()) {
                return new ConsumerFigures(Long.parseLong(values.group(3)), Double.parseDouble(values.group(1)),
                        Double.parseDouble(values.group(4)), Double.parseDouble(values.group(2)),
                        Long.parseLong(values.group(5)), Long.parseLong(values.group(6)),
                        Double.parseDouble(values.group(8)), Double.parseDouble(values.group(7)));
            }
        }
        throw new IllegalStateException("no ConsumerPerformance figures in:\n" + String.join("\n", lines));
    }
}
