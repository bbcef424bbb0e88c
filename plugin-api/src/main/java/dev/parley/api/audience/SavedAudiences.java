package dev.parley.api.audience;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: saved audiences one plugin (messaging) offers to others (banners), found through
 * {@link dev.parley.api.plugin.HostServices#extensions(Class)}.
 *
 * @since 1.0
 */
public interface SavedAudiences extends ExtensionPoint {

    /** @return the program's audiences, most used first */
    List<SavedAudience> list(long programId);

    /** @return the audience if it belongs to the program */
    Optional<SavedAudience> find(long programId, long audienceId);

    /** Records one use (e.g. a banner or message targeted at it). */
    void recordUse(long programId, long audienceId);
}
