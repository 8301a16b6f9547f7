package io.zagg.store;

import java.util.Locale;

/**
 * The compression of a run's chunks: none (zagg's layout: the {@code bytes} codec only), zstd
 * or gzip. It applies to every chunk the run writes (inside each shard when sharded), never to
 * the shard index.
 */
public final class Compressor {

    /** The zstd level used when none is given (zstd's own default). */
    public static final int DEFAULT_ZSTD_LEVEL = 3;
    /** The gzip level used when none is given (zarr-python's and numcodecs' default). */
    public static final int DEFAULT_GZIP_LEVEL = 5;

    enum Kind { NONE, ZSTD, GZIP }

    private static final Compressor NONE = new Compressor(Kind.NONE, 0);

    private final Kind kind;
    private final int level;

    private Compressor(Kind kind, int level) {
        this.kind = kind;
        this.level = level;
    }

    public static Compressor none() {
        return NONE;
    }

    /** zstd at {@code level} 1..22 (levels below 1 are zstd's fast modes and are not offered). */
    public static Compressor zstd(int level) {
        if (level < 1 || level > 22) {
            throw new IllegalArgumentException("zstd level " + level + " is outside 1..22");
        }
        return new Compressor(Kind.ZSTD, level);
    }

    /** gzip at {@code level} 0..9. */
    public static Compressor gzip(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("gzip level " + level + " is outside 0..9");
        }
        return new Compressor(Kind.GZIP, level);
    }

    /**
     * Parses {@code none}, {@code zstd}, {@code gzip}, optionally with a level:
     * {@code zstd:9}, {@code gzip:1}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static Compressor parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        Integer level = null;
        if (colon >= 0) {
            try {
                level = Integer.valueOf(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("compressor '" + text + "': the level after ':' is not an integer", e);
            }
        }
        switch (name) {
            case "none":
                if (level != null) {
                    throw new IllegalArgumentException("compressor '" + text + "': none takes no level");
                }
                return NONE;
            case "zstd":
                return zstd(level == null ? DEFAULT_ZSTD_LEVEL : level);
            case "gzip":
                return gzip(level == null ? DEFAULT_GZIP_LEVEL : level);
            default:
                throw new IllegalArgumentException("compressor '" + text + "' is not one of none, zstd, gzip (optionally name:level)");
        }
    }

    Kind kind() {
        return kind;
    }

    /** The level; 0 for {@link #none()}. */
    public int level() {
        return level;
    }

    /** The bytes-to-bytes codec, or null for none. */
    BytesCodec codec() {
        switch (kind) {
            case ZSTD: return new ZstdCodec(level, false);
            case GZIP: return new GzipCodec(level);
            default: return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Compressor && ((Compressor) o).kind == kind && ((Compressor) o).level == level;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + level;
    }

    /** {@code none}, {@code zstd:3}, {@code gzip:5} — the form {@link #parse} reads. */
    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase(Locale.ROOT) + ":" + level;
    }
}
