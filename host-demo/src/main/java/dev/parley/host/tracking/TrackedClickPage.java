package dev.parley.host.tracking;

import dev.parley.api.partner.Offer;
import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.host.web.Http;
import dev.parley.host.web.HostPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Where a partner's tracking link leads in the demo host: the signature is checked, the click is
 * counted in the partner's figures for the month, and the visitor sees the offer's landing text (a
 * real platform would redirect to the advertiser's site here).
 */
@PageAccess(area = Area.PUBLIC)
public class TrackedClickPage extends HostPage {

    private static final long serialVersionUID = 1L;

    public TrackedClickPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        long offerId;
        long partnerId;
        try {
            offerId = getPageParameters().get("offer").toLong();
            partnerId = getPageParameters().get("partner").toLong();
        } catch (RuntimeException e) {
            throw Http.notFound();
        }
        String signature = getPageParameters().get("signature").toString("");
        if (!host().trackingLinks().isValid(offerId, partnerId, signature)) {
            throw Http.notFound();
        }
        Offer offer = offer(offerId);
        String partner = host().partners().partner(offer.programId(), partnerId).map(p -> p.name()).orElseThrow(Http::notFound);
        count(offer, partnerId);
        add(new Label("offer", offer.name()));
        add(new Label("client", offer.client()));
        add(new Label("partner", partner));
    }

    private static Offer offer(long offerId) {
        try (Connection c = host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT program_id FROM offer WHERE id = ?")) {
            ps.setLong(1, offerId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Http.notFound();
                }
                long program = rs.getLong(1);
                return host().partners().offers(program).stream().filter(o -> o.id() == offerId).findFirst()
                        .orElseThrow(Http::notFound);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(Offer offer, long partnerId) {
        String month = YearMonth.now(host().clock().withZone(ZoneOffset.UTC)).toString();
        try (Connection c = host().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO performance_month (program_id, partner_id, offer_id, "
                        + "month, revenue, conversions, clicks) VALUES (?, ?, ?, ?, 0, 0, 1) "
                        + "ON DUPLICATE KEY UPDATE clicks = clicks + 1")) {
            ps.setLong(1, offer.programId());
            ps.setLong(2, partnerId);
            ps.setLong(3, offer.id());
            ps.setString(4, month);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
