package eu.partnershiptracker.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads a log file that another process is still writing, line by line, from where the previous read stopped.
 * A line is only handed out once its newline has been written, unless the writer is known to be finished, so that
 * a regex never sees half a line. The last few lines are kept for error messages.
 */
final class LogTail {

    private static final int KEPT_LINES = 25;

    private final Path file;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private long position;

    LogTail(final Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * The lines completed since the last call. With {@code writerFinished}, a trailing line without newline counts
     * as complete too.
     */
    List<String> newLines(final boolean writerFinished) {
        final List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                final ByteBuffer buffer = ByteBuffer.allocate(8192);
                int read;
                while ((read = channel.read(buffer, position)) > 0) {
                    position += read;
                    for (int i = 0; i < read; i++) {
                        final byte b = buffer.get(i);
                        if (b == '\n') {
                            lines.add(takePartialLine());
                        } else {
                            partialLine.write(b);
                        }
                    }
                    buffer.clear();
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read log file " + file, e);
            }
        }
        if (writerFinished && partialLine.size() > 0) {
            lines.add(takePartialLine());
        }
        return lines;
    }

    /** The last lines read so far, joined for an error message. */
    String lastLines() {
        return lastLines.isEmpty() ? "(log is empty)" : String.join(System.lineSeparator(), lastLines);
    }

    private String takePartialLine() {
        final String line = partialLine.toString(StandardCharsets.UTF_8).stripTrailing();
        partialLine.reset();
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
        return line;
    }
}
