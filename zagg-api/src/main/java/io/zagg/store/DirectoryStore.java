package io.zagg.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A store in a local directory: key {@code a/b/c} is the file {@code root/a/b/c}.
 *
 * <p>Every put writes a temporary file beside its target ({@code .c.<random>.tmp}, same folder,
 * so the same file system) and renames it over the target with an atomic move: a reader sees
 * the old file or the whole new one, and a crashed writer leaves at most a hidden temporary
 * file, never a torn chunk. Files are not forced to disk (no fsync): the atomicity holds
 * against process crashes and concurrent readers; durability across power loss is the file
 * system's.
 */
public final class DirectoryStore implements Store {

    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    private DirectoryStore(Path root) {
        this.root = root;
    }

    /** A store rooted at {@code directory}, which is created on the first write if missing. */
    public static DirectoryStore open(Path directory) {
        Path root = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("store " + root + " is a file, not a directory");
        }
        return new DirectoryStore(root);
    }

    public Path root() {
        return root;
    }

    private Path file(String key) {
        return root.resolve(Keys.requireKey(key));
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        Path file = file(key);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            // ENOTDIR: a parent of the key is an object, so the key is not there
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void put(String key, ByteBuffer value) throws IOException {
        Path target = file(key);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        FileChannel channel;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            Files.createDirectories(target.getParent());
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        boolean moved = false;
        try {
            try (FileChannel out = channel) {
                ByteBuffer bytes = value.duplicate();
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("store " + root + " cannot rename atomically, so it cannot be written safely: " + e.getMessage(), e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        Path start = root.resolve(Keys.requirePrefix(prefix));
        if (!Files.exists(start)) {
            return;
        }
        if (!Files.isDirectory(start)) {
            // a prefix names the keys below it; an object of the same name is not one of them
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = root.resolve(Keys.requirePrefix(prefix));
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String toString() {
        return "DirectoryStore[" + root + "]";
    }
}
