package org.yuqing.domain.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps the wire name of an event type to its record class.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends IntegrationEvent>> BY_NAME =
            Arrays.stream(IntegrationEvent.class.getPermittedSubclasses())
                    .map(EventTypes::asEventClass)
                    .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    /** The record class for a wire name, or empty for a type this build does not know. */
    public static Optional<Class<? extends IntegrationEvent>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends IntegrationEvent> asEventClass(Class<?> c) {
        return (Class<? extends IntegrationEvent>) c;
    }
}
