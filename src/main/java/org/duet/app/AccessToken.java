package org.duet.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The access token of a workspace: made once (256 random bits from {@link SecureRandom}, URL-safe base64), kept in
 * the workspace folder in the hidden file {@value #FILE} (readable by its owner only where the file system has
 * POSIX permissions), and reused on every start, so that a browser's cookie and a bookmarked URL stay valid.
 * {@code --token T} replaces it (and keeps T), {@code --new-token} makes a new one.
 */
public final class AccessToken {
    private AccessToken() {}

    public static final String FILE = ".duet-token";
    static final int MIN_LENGTH = 16, MAX_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Thrown when the kept or given token cannot be used; the message says why and what to do. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters). */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Null if {@code token} can be used, else why not (it goes into URLs and a cookie unescaped). */
    public static String problem(String token) {
        if (token.length() < MIN_LENGTH) return "a token must have at least " + MIN_LENGTH + " characters";
        if (token.length() > MAX_LENGTH) return "a token must have at most " + MAX_LENGTH + " characters";
        if (!token.matches("[A-Za-z0-9._~-]+"))
            return "a token may contain only letters, digits and . _ ~ - (it goes into a URL)";
        return null;
    }

    /**
     * The token of the workspace {@code dir}: {@code given} if not null (and then kept), a new one if
     * {@code renew} or if none is kept yet, else the kept one.
     */
    public static String forWorkspace(Path dir, String given, boolean renew) throws IOException, Invalid {
        Path file = dir.resolve(FILE);
        if (given != null) {
            String p = problem(given);
            if (p != null) throw new Invalid("--token: " + p + ".");
            store(file, given);
            return given;
        }
        if (!renew && Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            String p = problem(kept);
            if (p != null)
                throw new Invalid(file + ": the kept token cannot be used (" + p + "); delete the file to get a "
                        + "new token, or start with --token TOKEN or --new-token.");
            ownerOnly(file);
            return kept;
        }
        String t = generate();
        store(file, t);
        return t;
    }

    /** Writes the token atomically, the file readable by its owner only from its creation on. */
    static void store(Path file, String token) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        if (posix(dir)) {
            tmp = Files.createTempFile(dir, FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            tmp = Files.createTempFile(dir, FILE, ".tmp");
        }
        try {
            Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY))
            Files.setPosixFilePermissions(file, OWNER_ONLY);
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
