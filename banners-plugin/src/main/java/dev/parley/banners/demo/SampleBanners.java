package dev.parley.banners.demo;

import dev.parley.api.plugin.HostServices;
import dev.parley.api.user.BrandUser;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.api.user.UserKind;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.BannerDraft;
import dev.parley.banners.banner.BannerService;
import dev.parley.banners.banner.BannerStyle;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two published sample banners for a demo program, created through the real service. */
public final class SampleBanners {

    private static final Logger LOG = LoggerFactory.getLogger(SampleBanners.class);

    private final HostServices host;
    private final BannerService banners;

    public SampleBanners(HostServices host, BannerService banners) {
        this.host = host;
        this.banners = banners;
    }

    /** Adds the sample banners when the program's plan includes banners. */
    public void create(long programId) {
        if (!host.features().isEnabled(programId, BannersPlugin.FEATURE)) {
            return;
        }
        List<BrandUser> team = host.partners().managers(programId);
        if (team.isEmpty()) {
            return;
        }
        BrandUser author = team.get(0);
        CurrentUser actor = new CurrentUser(author.id(), UserKind.BRAND, author.name(), author.email(), programId, null,
                Set.of(), Set.of(Permissions.BANNERS), false, ZoneOffset.UTC, Locale.ENGLISH);
        banners.save(actor, null, draft("Black Friday", "Black Friday starts now, {partner_first_name}!",
                "Double commission on every order until **Monday**. Share your link today.", BannerStyle.SUCCESS, 10,
                "See the offer", "https://example.com/black-friday"), true);
        banners.save(actor, null, draft("Payout schedule", "New payout schedule for {program_name}",
                "From next month commissions are paid on the **5th**. Check your payment details.", BannerStyle.INFO, 20,
                null, null), true);
        LOG.info("Sample banners added to program {}", programId);
    }

    private static BannerDraft draft(String name, String headline, String body, BannerStyle style, int priority,
            String ctaLabel, String ctaUrl) {
        BannerDraft d = new BannerDraft();
        d.setInternalName(name);
        d.setHeadline(headline);
        d.setBody(body);
        d.setStyle(style);
        d.setPriority(priority);
        d.setCtaLabel(ctaLabel);
        d.setCtaUrl(ctaUrl);
        return d;
    }
}
