package org.yuqing.publishing.channels;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a multi-step delivery of one release on one channel got (opaque text the adapter writes, e.g. JSON with
 * the platform's draft and publish ids). {@link #save} commits on its own, before the adapter's next call.
 */
public interface DeliveryProgress {

    /** The progress saved by earlier steps or attempts, empty before the first. */
    Optional<String> load();

    /** Records the progress; it survives a failure of this attempt. */
    void save(String progress);

    /** Progress kept in memory only, for a single attempt (tests, direct calls). */
    static DeliveryProgress inMemory() {
        AtomicReference<String> kept = new AtomicReference<>();
        return new DeliveryProgress() {
            @Override
            public Optional<String> load() {
                return Optional.ofNullable(kept.get());
            }

            @Override
            public void save(String progress) {
                kept.set(progress);
            }
        };
    }
}
