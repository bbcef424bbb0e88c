package dev.parley.api.partner;

import java.io.Serializable;

/**
 * An offer (campaign) of a program.
 *
 * @param id offer id
 * @param programId owning program
 * @param name offer name
 * @param client the advertiser/client brand the offer is run for (agencies run several)
 * @since 1.0
 */
public record Offer(long id, long programId, String name, String client) implements Serializable {
}
