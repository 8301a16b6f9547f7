package io.zagg.read;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Granule files kept open between the reads of one reader, at most {@code capacity} of them.
 * Every shard of a run reads each of its granules, and neighbouring shards read the same ones:
 * opening a granule once per shard re-parses its HDF5 metadata and chunk indexes each time.
 * A file is shared by the threads reading it (jhdf reads with positional channel reads and
 * initializes its nodes lazily and thread-safely); a {@link Lease} marks it in use, so a file
 * leaving the pool — evicted, {@linkplain #release released} or {@linkplain #releaseAll all
 * released} — is closed as soon as its last reader returns it.
 */
final class OpenGranules {

    /** A granule that cannot be read at all; the message says why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** One reader's use of an open granule; closing it returns the file. */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean returned;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        HdfFile file() {
            return entry.file;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                giveBack(entry);
            }
        }
    }

    private static final class Entry {
        final HdfFile file;
        int users;
        boolean retired;

        Entry(HdfFile file) {
            this.file = file;
        }
    }

    private final int capacity;
    private final LinkedHashMap<Path, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    OpenGranules(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("open files " + capacity + " must not be negative");
        }
        this.capacity = capacity;
    }

    /**
     * The open file of {@code granule} (a regular file), opened and checked now unless the pool
     * has it. With capacity 0 the file is closed when the lease is.
     *
     * @throws Unreadable when the file is not HDF5 or is truncated
     */
    Lease acquire(Path granule) throws Unreadable {
        Path key = granule.toAbsolutePath().normalize();
        synchronized (this) {
            Entry known = open.get(key);
            if (known != null) {
                known.users++;
                return new Lease(known);
            }
        }
        Entry fresh = new Entry(openChecked(granule));
        List<HdfFile> toClose = new ArrayList<>();
        Lease lease;
        synchronized (this) {
            Entry raced = open.get(key);
            if (raced != null) {
                toClose.add(fresh.file); // another reader opened it meanwhile: share theirs
                raced.users++;
                lease = new Lease(raced);
            } else {
                fresh.users = 1;
                lease = new Lease(fresh);
                if (capacity > 0) {
                    open.put(key, fresh);
                    Iterator<Entry> it = open.values().iterator();
                    while (open.size() > capacity) {
                        retire(it.next(), toClose);
                        it.remove();
                    }
                } else {
                    fresh.retired = true;
                }
            }
        }
        toClose.forEach(HdfFile::close);
        return lease;
    }

    private static HdfFile openChecked(Path granule) throws Unreadable {
        HdfFile file;
        try {
            file = new HdfFile(granule);
        } catch (RuntimeException e) {
            throw new Unreadable("cannot open as HDF5: " + BeamFailure.describe(e));
        }
        // a cut download still opens (the superblock is at the start): catch it before its beams
        long expected;
        long size;
        try {
            expected = file.getUserBlockSize() + file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            size = file.size();
        } catch (RuntimeException e) {
            file.close();
            throw new Unreadable("cannot open as HDF5: " + BeamFailure.describe(e));
        }
        if (size < expected) {
            file.close();
            throw new Unreadable("is truncated: it has " + size + " bytes but its HDF5 superblock records " + expected);
        }
        return file;
    }

    private void giveBack(Entry entry) {
        boolean close;
        synchronized (this) {
            entry.users--;
            close = entry.retired && entry.users == 0;
        }
        if (close) {
            entry.file.close();
        }
    }

    /** Takes {@code granule} out of the pool: closed now, or when its last reader returns it. */
    void release(Path granule) {
        List<HdfFile> toClose = new ArrayList<>();
        synchronized (this) {
            Entry e = open.remove(granule.toAbsolutePath().normalize());
            if (e != null) {
                retire(e, toClose);
            }
        }
        toClose.forEach(HdfFile::close);
    }

    /** Takes every granule out of the pool. */
    void releaseAll() {
        List<HdfFile> toClose = new ArrayList<>();
        synchronized (this) {
            for (Entry e : open.values()) {
                retire(e, toClose);
            }
            open.clear();
        }
        toClose.forEach(HdfFile::close);
    }

    private static void retire(Entry e, List<HdfFile> toClose) {
        e.retired = true;
        if (e.users == 0) {
            toClose.add(e.file);
        }
    }

    /** Granules held open by the pool now (files still in use after leaving it not counted). */
    synchronized int size() {
        return open.size();
    }

    /** Whether the pool holds {@code granule} open. */
    synchronized boolean isOpen(Path granule) {
        return open.containsKey(granule.toAbsolutePath().normalize());
    }
}
