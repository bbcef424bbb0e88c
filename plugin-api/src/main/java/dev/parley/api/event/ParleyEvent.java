package dev.parley.api.event;

/**
 * Something that happened in the host that plugins may react to.
 *
 * @since 1.0
 */
public interface ParleyEvent {

    /** @return the program the event belongs to */
    long programId();
}
