package dev.parley.banners.editor;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.ui.ParleyPage;
import dev.parley.api.user.Permissions;
import dev.parley.banners.BannersPlugin;

/** The brand's banner list. */
@PageAccess(area = Area.BRAND, feature = BannersPlugin.FEATURE, permission = Permissions.BANNERS)
public class BannersPage extends ParleyPage {

    private static final long serialVersionUID = 1L;
}
