package dev.parley.api.event;

/**
 * A host filled a program with sample partners (a demo or trial account). Plugins may add sample
 * content of their own for it, such as a few conversations or a banner. Real programs never get
 * this event.
 *
 * @since 1.0
 */
public record SampleDataCreated(long programId) implements ParleyEvent {
}
