package dev.parley.messaging;

import dev.parley.api.feature.FeatureContribution;
import dev.parley.api.feature.FeatureDeclaration;
import dev.parley.api.feature.PermissionDeclaration;
import dev.parley.api.feature.Plans;
import dev.parley.api.user.Permissions;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** Messaging is on the Partner and Advanced plans; Account Admins and Community Managers may use it. */
@Extension
public class MessagingFeatures implements FeatureContribution {

    @Override
    public List<FeatureDeclaration> features() {
        return List.of(new FeatureDeclaration(MessagingPlugin.FEATURE, "feature.messaging",
                Set.of(Plans.PARTNER, Plans.ADVANCED)));
    }

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(new PermissionDeclaration(Permissions.MESSAGING, "permission.messaging",
                Set.of("Account Admin", "Community Manager")));
    }
}
