package dev.parley.messaging.audience;

import dev.parley.api.audience.SavedAudience;
import dev.parley.api.audience.SavedAudiences;
import dev.parley.messaging.MessagingPlugin;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Offers the messaging plugin's saved audiences to other plugins (the banners plugin targets
 * banners with them). Callers check their own user's access to the program.
 */
@Extension
public class SavedAudiencesExtension implements SavedAudiences {

    @Override
    public List<SavedAudience> list(long programId) {
        return MessagingPlugin.get().services().audiences().list(programId);
    }

    @Override
    public Optional<SavedAudience> find(long programId, long audienceId) {
        return MessagingPlugin.get().services().audiences().find(programId, audienceId);
    }

    @Override
    public void recordUse(long programId, long audienceId) {
        MessagingPlugin.get().services().audiences().recordUse(programId, audienceId);
    }
}
