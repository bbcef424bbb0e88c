package dev.parley.banners;

import dev.parley.api.feature.FeatureContribution;
import dev.parley.api.feature.FeatureDeclaration;
import dev.parley.api.feature.PermissionDeclaration;
import dev.parley.api.feature.Plans;
import dev.parley.api.user.Permissions;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** Banners are on the Advanced plan by default; Account Admins and Community Managers may publish them. */
@Extension
public class BannersFeatures implements FeatureContribution {

    @Override
    public List<FeatureDeclaration> features() {
        return List.of(new FeatureDeclaration(BannersPlugin.FEATURE, "feature.banners", Set.of(Plans.ADVANCED)));
    }

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(new PermissionDeclaration(Permissions.BANNERS, "permission.banners",
                Set.of("Account Admin", "Community Manager")));
    }
}
