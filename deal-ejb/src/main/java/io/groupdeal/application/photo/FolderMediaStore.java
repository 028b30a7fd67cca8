package io.groupdeal.application.photo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media as files under a folder ({@code DEAL_MEDIA_FOLDER}), one file per key. A file is written under a temporary
 * name and moved into place, so a reader never sees half of it. Keys are made by the product only (ids and sizes),
 * and a key that would leave the folder is refused all the same.
 */
public class FolderMediaStore implements MediaStore {

    private final Path root;

    public FolderMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, String contentType, byte[] bytes) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), ".upload-", ".part");
            try {
                Files.write(part, bytes);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write media " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read media " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Path file = file(key);
            Files.deleteIfExists(file);
            try {
                Files.deleteIfExists(file.getParent()); // the photo's folder, once its last size is gone
            } catch (IOException notEmpty) {
                // other sizes are still there
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete media " + key, e);
        }
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("media key outside the folder: " + key);
        }
        return file;
    }
}
