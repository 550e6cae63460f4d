package org.duet.doc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A folder of documents, each a {@code NAME.little} file. Every write is atomic (a temporary file, flushed to disk,
 * then renamed over the document), so a crash leaves either the old or the new text, never a torn file. Saves are
 * optimistic: each carries the revision it was based on, and a document changed meanwhile (by another tab, or on
 * disk) is never silently overwritten. Deleted documents go to a trash folder and can be restored.
 */
public final class Workspace {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Workspace.class);

    public static final String EXT = ".little";
    public static final int MAX_NAME = 80;
    private static final String TRASH = ".trash";
    private static final String STATE = ".duet-last-opened";

    private final Path dir;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** A document as read: its text and revision (a hash of the bytes on disk). */
    public record Doc(String name, String text, String revision) {}

    /** An entry of the document list. */
    public record Entry(String name, Instant modified, long size) {}

    /** A document was saved, created, renamed or deleted. {@code origin} identifies who did it. */
    public record Change(String name, String newName, String text, String revision, Object origin) {}

    /** Refused operations: a bad name, a missing or existing document, a conflicting save. */
    public static class WorkspaceException extends Exception {
        public WorkspaceException(String message) {
            super(message);
        }
    }

    /** The document changed since the revision a save was based on. */
    public static final class Conflict extends WorkspaceException {
        public final Doc current;

        public Conflict(Doc current) {
            super("“" + current.name() + "” was changed elsewhere (another window or tab) since you opened it");
            this.current = current;
        }
    }

    public Workspace(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir);
        Files.createDirectories(this.dir.resolve(TRASH));
    }

    public Path dir() {
        return dir;
    }

    public void addListener(Consumer<Change> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Change> l) {
        listeners.remove(l);
    }

    private void fire(Change c) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(c);
            } catch (RuntimeException e) {
                // a listener's failure (e.g. a closed browser tab) must not affect the save; it is logged
                LOG.warn("a window could not be told that \"{}\" changed", c.name(), e);
            }
        }
    }

    /** Why a name cannot be a document name, or null if it can. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) return "A document needs a name.";
        if (name.length() > MAX_NAME) return "That name is too long (at most " + MAX_NAME + " characters).";
        if (!name.equals(name.strip())) return "A name cannot start or end with spaces.";
        if (name.startsWith(".")) return "A name cannot start with a dot.";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c)
                    || c == ' '
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '('
                    || c == ')'
                    || c == ','
                    || c == '+'
                    || c == '\'';
            if (!ok) return "A name can hold letters, digits, spaces and - _ . ( ) , + ' — not “" + c + "”.";
        }
        return null;
    }

    private Path file(String name) throws WorkspaceException {
        String why = checkName(name);
        if (why != null) throw new WorkspaceException(why);
        Path p = dir.resolve(name + EXT).normalize();
        if (!p.getParent().equals(dir)) throw new WorkspaceException("That name is not allowed.");
        return p;
    }

    private Object lock(String name) {
        return locks.computeIfAbsent(name, k -> new Object());
    }

    public boolean exists(String name) {
        try {
            return Files.isRegularFile(file(name));
        } catch (WorkspaceException e) {
            return false;
        }
    }

    /** Documents, most recently changed first. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EXT)) {
            for (Path p : ds) {
                String fn = p.getFileName().toString();
                String name = fn.substring(0, fn.length() - EXT.length());
                if (checkName(name) != null || !Files.isRegularFile(p)) continue;
                out.add(new Entry(name, Files.getLastModifiedTime(p).toInstant(), Files.size(p)));
            }
        }
        out.sort(Comparator.comparing(Entry::modified).reversed().thenComparing(Entry::name));
        return out;
    }

    public Doc open(String name) throws WorkspaceException, IOException {
        Path p = file(name);
        synchronized (lock(name)) {
            try {
                byte[] bytes = Files.readAllBytes(p);
                return new Doc(name, new String(bytes, StandardCharsets.UTF_8), revision(bytes));
            } catch (NoSuchFileException e) {
                throw new WorkspaceException("There is no document “" + name + "”.");
            }
        }
    }

    /** Creates a new document; refuses an existing name. */
    public Doc create(String name, String text, Object origin) throws WorkspaceException, IOException {
        Path p = file(name);
        Doc d;
        synchronized (lock(name)) {
            if (Files.exists(p)) throw new WorkspaceException("A document named “" + name + "” already exists.");
            d = new Doc(name, text, write(p, text));
        }
        fire(new Change(name, name, text, d.revision(), origin));
        return d;
    }

    /**
     * Saves text over a document if it is still at {@code baseRevision}; returns the new revision. A document that
     * changed meanwhile raises {@link Conflict} and is left untouched.
     */
    public String save(String name, String text, String baseRevision, Object origin)
            throws WorkspaceException, IOException {
        Path p = file(name);
        String rev;
        synchronized (lock(name)) {
            byte[] current;
            try {
                current = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new WorkspaceException("“" + name + "” no longer exists (it was renamed or deleted elsewhere).");
            }
            String currentRev = revision(current);
            if (!currentRev.equals(baseRevision)) {
                if (new String(current, StandardCharsets.UTF_8).equals(text)) return currentRev;
                throw new Conflict(new Doc(name, new String(current, StandardCharsets.UTF_8), currentRev));
            }
            if (new String(current, StandardCharsets.UTF_8).equals(text)) return currentRev;
            rev = write(p, text);
        }
        fire(new Change(name, name, text, rev, origin));
        return rev;
    }

    public void rename(String from, String to, Object origin) throws WorkspaceException, IOException {
        Path a = file(from), b = file(to);
        if (from.equals(to)) return;
        synchronized (lock(from)) {
            synchronized (lock(to)) {
                if (!Files.exists(a)) throw new WorkspaceException("There is no document “" + from + "”.");
                if (Files.exists(b) && !a.equals(b))
                    throw new WorkspaceException("A document named “" + to + "” already exists.");
                try {
                    Files.move(a, b, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(a, b);
                }
            }
        }
        fire(new Change(from, to, null, null, origin));
    }

    /** Copies a document under a fresh name ("NAME copy", "NAME copy 2", …) and returns that name. */
    public String duplicate(String name, Object origin) throws WorkspaceException, IOException {
        Doc d = open(name);
        String copy = uniqueName(name + " copy");
        create(copy, d.text(), origin);
        return copy;
    }

    /** Moves a document to the trash; returns a token that {@link #restore} takes to undo it. */
    public String delete(String name, Object origin) throws WorkspaceException, IOException {
        Path p = file(name);
        String token = System.currentTimeMillis() + "-" + name;
        synchronized (lock(name)) {
            if (!Files.exists(p)) throw new WorkspaceException("There is no document “" + name + "”.");
            Files.move(p, dir.resolve(TRASH).resolve(token + EXT), StandardCopyOption.ATOMIC_MOVE);
        }
        fire(new Change(name, null, null, null, origin));
        return token;
    }

    /** Puts a deleted document back (under its old name, or a fresh one if that is taken); returns the name. */
    public String restore(String token, Object origin) throws WorkspaceException, IOException {
        Path t = dir.resolve(TRASH).resolve(token + EXT).normalize();
        if (!t.getParent().equals(dir.resolve(TRASH)) || !Files.exists(t))
            throw new WorkspaceException("That document can no longer be restored.");
        String name = token.substring(token.indexOf('-') + 1);
        String target = exists(name) ? uniqueName(name) : name;
        synchronized (lock(target)) {
            Files.move(t, file(target), StandardCopyOption.ATOMIC_MOVE);
        }
        Doc d = open(target);
        fire(new Change(target, target, d.text(), d.revision(), origin));
        return target;
    }

    /** base, or "base 2", "base 3", … — the first that is free. Long bases are shortened to fit. */
    public String uniqueName(String base) {
        String b =
                base.length() > MAX_NAME - 4 ? base.substring(0, MAX_NAME - 4).strip() : base;
        if (!exists(b) && checkName(b) == null) return b;
        for (int i = 2; ; i++) {
            String n = b + " " + i;
            if (!exists(n)) return n;
        }
    }

    /** The document last opened in the editor (to reopen after a restart), or null. */
    public String lastOpened() {
        try {
            String n = Files.readString(dir.resolve(STATE)).strip();
            return exists(n) ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    public void setLastOpened(String name) {
        try {
            write(dir.resolve(STATE), name);
        } catch (IOException e) {
            // only a convenience (which document to reopen), so the editor goes on; logged
            LOG.warn("could not record the last opened document in {}", dir, e);
        }
    }

    /** Atomic write: temporary file in the same folder, forced to disk, renamed over the target. */
    static String write(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return revision(bytes);
    }

    public static String revision(String text) {
        return revision(text.getBytes(StandardCharsets.UTF_8));
    }

    static String revision(byte[] bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Workspace " + dir;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workspace && ((Workspace) o).dir.equals(dir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dir);
    }
}
