package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import java.util.Optional;

/** The messages of the stores' client errors, in one place so every table reports conflicts the same way. */
final class StoreErrors {
    private StoreErrors() {
    }

    static ConflictException alreadyExists(String kind, String id) {
        return new ConflictException(kind + " " + id + " already exists");
    }

    static ConflictException changed(String kind, String id, long expected, Optional<Long> current) {
        return new ConflictException(kind + " " + id + " was changed since it was read (expected version "
                + expected + current.map(v -> ", current version " + v).orElse("") + "); reload it and try again");
    }

    static NotFoundException notFound(String kind, String id) {
        return new NotFoundException(kind + " " + id + " not found");
    }
}
